/** Random secrets and their stored form. Long random tokens need no slow hash: SHA-256 is enough. */
import { createHash, randomBytes } from 'node:crypto';

export const newSecret = (prefix: string): string => `${prefix}${randomBytes(32).toString('base64url')}`;

export const secretHash = (secret: string): string => createHash('sha256').update(secret, 'utf8').digest('hex');
