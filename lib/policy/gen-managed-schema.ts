/**
 * Writes public/managed-schema.json, the file the manifest's storage.managed_schema names.
 * Run: npx tsx lib/policy/gen-managed-schema.ts   (test/policy/managed.test.ts checks it is current)
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { managedSchemaJson } from './managed-schema';

const target = fileURLToPath(new URL('../../public/managed-schema.json', import.meta.url));
writeFileSync(target, managedSchemaJson());
console.warn(`wrote ${target}`);
