import type { Principal } from '../auth/principal.js';
import { allows } from '../auth/permissions.js';
import type { PlanElement, PlanSnapshot } from './plan-snapshot.js';

/** An element as the API shows it: its content with its id, version and when it last changed. */
export function present<T>(e: PlanElement<T>): T & { id: string; version: number; updatedAt: string } {
  return { ...(e.data as T), id: e.id, version: e.version, updatedAt: e.updatedAt };
}

/** The crisis group's contact details are personal data: only those who work the crisis plan see them. */
export function maySeeCrisisContacts(principal: Principal | null): boolean {
  return principal !== null && allows('beredskab.read', true, principal.roles);
}

export function organisationOf(snapshot: PlanSnapshot, principal: Principal | null) {
  const notes = snapshot.ofKind<{ remarks: unknown[]; totals: unknown }>('plan-notes')[0];
  return {
    bodies: snapshot.bodies().map(present),
    changeRules: snapshot.changeRules().map(present),
    crisisGroup: maySeeCrisisContacts(principal)
      ? snapshot.crisisRoles().map(present)
      : snapshot.crisisRoles().map((r) => ({ id: r.id, role: r.data.role, organisation: r.data.organisation, isAuthority: r.data.isAuthority })),
    remarks: notes?.data.remarks ?? [],
  };
}

/** The whole plan as one tree: goals → intervention areas → sub-goals and indicators → activities, with areas and organisation. */
export function planTree(snapshot: PlanSnapshot, plan: { slug: string; name: string; periodStart: string; periodEnd: string }, principal: Principal | null) {
  const sa = snapshot.strategicAgreement();
  const notes = snapshot.ofKind<{ totals: unknown }>('plan-notes')[0];
  return {
    plan,
    totals: notes?.data.totals ?? null,
    areas: snapshot.areas().map(present),
    strategicAgreement: sa
      ? {
          ...present(sa),
          goals: snapshot.childrenOf(sa.id, 'goal').map((g) => ({ ...present(g), indicators: snapshot.childrenOf(g.id, 'indicator').map(present) })),
        }
      : null,
    interventionAreas: snapshot.interventionAreas().map((ia) => ({
      ...present(ia),
      subGoals: snapshot.childrenOf(ia.id, 'sub-goal').map((s) => ({ ...present(s), indicators: snapshot.childrenOf(s.id, 'indicator').map(present) })),
      activities: snapshot.childrenOf(ia.id, 'activity').map(present),
    })),
    organisation: organisationOf(snapshot, principal),
  };
}
