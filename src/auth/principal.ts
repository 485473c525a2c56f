import type { Role } from './permissions.js';

/** Who is making a request, in which plan, and how they proved it. */
export interface Principal {
  userId: string;
  email: string;
  name: string;
  plan: { id: string; slug: string; name: string } | null;
  roles: Role[];
  /** The organisation a partner acts for in the current plan. */
  organisationId: string | null;
  organisationName: string | null;
  via: 'session' | 'token';
  /** Present for session logins: the hash that identifies the session row, and its CSRF token. */
  sessionIdHash?: string;
  csrfToken?: string;
}
