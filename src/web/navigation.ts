import { allows, type RouteAccess } from '../auth/permissions.js';
import type { Principal } from '../auth/principal.js';

export interface NavItem {
  href: string;
  label: string;
  access: RouteAccess;
}

/**
 * The main menu. Each module adds its entry here when it lands (Planen, Områder, Monitorering, Aktiviteter, Styring,
 * Beredskab); an entry is shown only to users whose roles in the current plan allow the page it leads to.
 */
export const NAVIGATION: readonly NavItem[] = [
  { href: '/', label: 'Forside', access: 'authenticated' },
  { href: '/planen', label: 'Planen', access: 'plan.read' },
  { href: '/omraader', label: 'Områder', access: 'plan.read' },
  { href: '/deltagere', label: 'Deltagere', access: 'participants.read' },
  { href: '/forloeb', label: 'Forløb', access: 'participants.read' },
  { href: '/overvaagning', label: 'Monitorering', access: 'dashboard.read' },
  { href: '/udfald', label: 'Udfald', access: 'dashboard.read' },
  { href: '/resultater', label: 'Resultater', access: 'dashboard.read' },
  { href: '/timer', label: 'Timer', access: 'dashboard.read' },
  { href: '/styring', label: 'Styring', access: 'plan.read' },
  { href: '/rapporter', label: 'Rapporter', access: 'reports.read' },
  { href: '/beredskab', label: 'Beredskab', access: 'beredskab.read' },
  { href: '/organisation', label: 'Organisation', access: 'plan.read' },
  { href: '/brugere', label: 'Brugere', access: 'users.manage' },
  { href: '/persondata', label: 'Persondata', access: 'users.manage' },
  { href: '/revisionsspor', label: 'Revisionsspor', access: 'audit.read' },
  { href: '/api/docs', label: 'API', access: 'public' },
];

export function navigationFor(principal: Principal | null): NavItem[] {
  if (!principal) return [];
  return NAVIGATION.filter((item) => allows(item.access, true, principal.roles));
}
