import { Type } from '@sinclair/typebox';
import { ROLES } from './permissions.js';
import type { Principal } from './principal.js';

export const ApiErrorSchema = Type.Object(
  {
    error: Type.Object({
      code: Type.String(),
      message: Type.String(),
      fields: Type.Optional(Type.Array(Type.Object({ field: Type.String(), message: Type.String() }))),
      reference: Type.Optional(Type.String()),
    }),
  },
  { description: 'Fejl med en dansk forklaring' },
);

export const RoleSchema = Type.Union(ROLES.map((r) => Type.Literal(r)));

export const MeSchema = Type.Object({
  id: Type.String(),
  email: Type.String(),
  name: Type.String(),
  plan: Type.Union([Type.Object({ slug: Type.String(), name: Type.String() }), Type.Null()]),
  roles: Type.Array(RoleSchema),
  organisation: Type.Union([Type.String(), Type.Null()]),
  via: Type.Union([Type.Literal('session'), Type.Literal('token')]),
  csrfToken: Type.Optional(Type.String({ description: 'Til X-CSRF-Token ved formular-indhold; JSON fra samme oprindelse behøver den ikke' })),
});

export function toMe(p: Principal) {
  return {
    id: p.userId,
    email: p.email,
    name: p.name,
    plan: p.plan ? { slug: p.plan.slug, name: p.plan.name } : null,
    roles: p.roles,
    organisation: p.organisationName,
    via: p.via,
    ...(p.csrfToken ? { csrfToken: p.csrfToken } : {}),
  };
}
