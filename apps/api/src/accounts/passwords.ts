import { hash, verify } from '@node-rs/argon2';

/**
 * Password hashes are argon2id (OWASP's first choice) with the library's defaults
 * (19 MiB, 2 passes): the PHC string carries its own salt and parameters, so
 * stronger settings later still verify the old hashes.
 */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function passwordMatches(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false; // not an argon2 hash: no match
  }
}

/**
 * User names as RBAC subjects and kubeconfigs carry them. No ":" — so no user can be
 * named like the system's own (`system:…`) users.
 */
export function checkUserName(name: string): string | undefined {
  if (!/^[a-z0-9]([a-z0-9._@-]{0,61}[a-z0-9])?$/.test(name)) {
    return 'a user name must be 1-63 lower-case letters, digits, ".", "_", "@" or "-", starting and ending with a letter or digit';
  }
  return undefined;
}

export function checkPassword(password: string): string | undefined {
  if (password.length < 12) return 'a password must have at least 12 characters';
  if (password.length > 1024) return 'a password must have at most 1024 characters';
  return undefined;
}
