import type { Role } from './permissions.js';

/** The plan a request works in, as much of it as every page needs. */
export interface PlanRef {
  id: string;
  slug: string;
  name: string;
  periodStart: string;
  periodEnd: string;
}

/** Who is making a request, in which plan, and how they proved it. */
export interface Principal {
  userId: string;
  email: string;
  name: string;
  plan: PlanRef | null;
  roles: Role[];
  /** The organisation a partner acts for in the current plan. */
  organisationId: string | null;
  organisationName: string | null;
  via: 'session' | 'token';
  /** Present for session logins: the hash that identifies the session row, and its CSRF token. */
  sessionIdHash?: string;
  csrfToken?: string;
}
