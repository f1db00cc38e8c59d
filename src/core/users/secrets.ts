// Passwords are argon2id hashes (better-auth checks them with these functions at sign-in); API
// and set-up tokens are random and stored only as SHA-256 hashes, so a leaked database does not
// leak working integration credentials.
import { hash, verify } from '@node-rs/argon2';
import { createHash, randomBytes } from 'node:crypto';

export const hashPassword = (password: string) => hash(password);
export const verifyPassword = (stored: string, password: string) =>
  verify(stored, password).catch(() => false);
export const newToken = (prefix: string) => `${prefix}_${randomBytes(32).toString('base64url')}`;
export const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');
