#!/usr/bin/env node
// The CLI is TypeScript run as it is (no build step), so the installed bin loads it through tsx.
import { register } from 'tsx/esm/api';

register();
await import('../lib/cli/main.ts');
