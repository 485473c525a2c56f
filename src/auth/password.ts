import argon2 from 'argon2';

/** argon2id with OWASP's recommended minimum (19 MiB, 2 passes), tuned to keep a login near 50 ms. */
const OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const MIN_PASSWORD_LENGTH = 12;

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, OPTIONS);
}

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

/** A hash to verify against when the account does not exist, so that timing does not reveal which e-mails exist. */
let dummyHash: Promise<string> | undefined;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword('helhed-dummy-password-for-timing');
  return dummyHash;
}

/** Danish reasons a new password is refused; empty when it is acceptable. */
export function passwordProblems(password: string, email?: string): string[] {
  const problems: string[] = [];
  if (password.length < MIN_PASSWORD_LENGTH) problems.push(`Adgangskoden skal være mindst ${MIN_PASSWORD_LENGTH} tegn.`);
  if (password.length > 256) problems.push('Adgangskoden må højst være 256 tegn.');
  // A password built on the e-mail's name part is among the first guesses; names too short to matter are ignored.
  const local = email?.toLowerCase().split('@')[0] ?? '';
  if (local.length >= 4 && password.toLowerCase().includes(local)) {
    problems.push('Adgangskoden må ikke indeholde navnet foran @ i din e-mailadresse.');
  }
  return problems;
}
