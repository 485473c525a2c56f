import type { Principal } from '../auth/principal.js';
import type { RouteAccess } from '../auth/permissions.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in user, or null. Set before any route handler runs. */
    principal: Principal | null;
    /** CSRF token for forms shown to someone not signed in (login, setup, password reset). */
    anonymousCsrf: string | null;
  }
  interface FastifyContextConfig {
    /** What the route requires. Every route must declare it; registration fails otherwise. */
    access?: RouteAccess;
    /** For logout: someone whose session has already ended is sent to the login page instead of an error. */
    redirectAnonymousToLogin?: boolean;
  }
}

export {};
