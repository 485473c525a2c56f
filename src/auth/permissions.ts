/**
 * Roles and what they may do, per plan (PRODUCT.md, "Who uses it"). Every route declares one permission; the server
 * grants it when one of the user's roles in the current plan carries it. Permissions for modules that are not built
 * yet are declared here already, so that the role model is decided once and each module only adds routes.
 */

export const ROLES = ['administrator', 'sekretariat', 'partner', 'monitorering', 'bestyrelse', 'beredskab'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  administrator: 'Administrator',
  sekretariat: 'Sekretariat',
  partner: 'Partner',
  monitorering: 'Monitorering',
  bestyrelse: 'Bestyrelse',
  beredskab: 'Beredskab',
};

export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  administrator: 'Systemejer: alt, brugere og konfiguration',
  sekretariat: 'Bysekretariatet: planen, alle aktiviteter, møder og rapporter',
  partner: 'En organisation i styregruppen: indberetter for egne aktiviteter',
  monitorering: 'Kommunens monitoreringsenhed: indikatordata og den årlige datarapport',
  bestyrelse: 'Bestyrelsesmedlem: læser dashboards og rapporter (kun aggregater)',
  beredskab: 'Medlem af beredskabsgruppen: aktiverer og arbejder med beredskabsplanen',
};

export const PERMISSIONS = [
  'plan.read', // see the plan, its areas, goals and activities
  'plan.edit', // change plan content (through the governance rules)
  'plan.decide', // record the board's decision on a change proposal
  'dashboard.read', // aggregated status, always small-number suppressed
  'monitoring.import', // import and correct indicator data
  'activities.report', // report hours, outputs and milestones (partners: their own activities only)
  'participants.read', // personal data of participants (partners: their own activities only)
  'participants.manage',
  'governance.manage', // meetings, agendas, deliveries, reports
  'governance.decide', // board decisions on change proposals
  'beredskab.read',
  'beredskab.activate',
  'reports.read', // progress, data and annual reports (aggregates, small numbers suppressed)
  'economy.read', // LBF's grant, budget, actuals and the board's economic follow-up
  'users.manage',
  'audit.read',
  'config.manage',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/** What a route requires: a permission, any signed-in user, or nothing. */
export type RouteAccess = Permission | 'authenticated' | 'public';

const ALL: readonly Permission[] = PERMISSIONS;

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  administrator: ALL,
  sekretariat: [
    'plan.read', 'plan.edit', 'plan.decide', 'dashboard.read', 'activities.report', 'participants.read', 'participants.manage',
    'governance.manage', 'beredskab.read', 'beredskab.activate', 'reports.read', 'economy.read',
  ],
  // Partners sit in the steering group, which gets the progress report before each meeting.
  partner: ['plan.read', 'dashboard.read', 'activities.report', 'participants.read', 'participants.manage', 'reports.read'],
  monitorering: ['plan.read', 'dashboard.read', 'monitoring.import', 'reports.read'],
  bestyrelse: ['plan.read', 'plan.decide', 'dashboard.read', 'governance.decide', 'reports.read', 'economy.read'],
  beredskab: ['plan.read', 'beredskab.read', 'beredskab.activate'],
};

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

export function isPermission(value: unknown): value is Permission {
  return typeof value === 'string' && (PERMISSIONS as readonly string[]).includes(value);
}

/** The union of the permissions of the given roles. */
export function permissionsOf(roles: readonly Role[]): Set<Permission> {
  const granted = new Set<Permission>();
  for (const role of roles) for (const p of ROLE_PERMISSIONS[role]) granted.add(p);
  return granted;
}

/** Whether a principal with these roles may use a route that requires `access`. */
export function allows(access: RouteAccess, signedIn: boolean, roles: readonly Role[]): boolean {
  if (access === 'public') return true;
  if (!signedIn) return false;
  if (access === 'authenticated') return true;
  return roles.some((role) => ROLE_PERMISSIONS[role].includes(access));
}
