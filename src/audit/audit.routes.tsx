import type { FastifyPluginAsync } from 'fastify';
import { Type } from '@sinclair/typebox';
import type { AppServices } from '../app.js';
import { ApiErrorSchema } from '../auth/auth.schemas.js';
import { NotFoundError, ValidationError } from '../errors/errors.js';
import { pageContext, sendPage } from '../web/page.js';
import { findAuditEntry } from './audit.repository.js';
import { auditQueryOf, browseAudit } from './audit.service.js';
import { AuditEntryPage, AuditPage, type AuditFilterValues } from './audit.views.js';

const PAGE_SIZE = 50;

const PageQuery = Type.Object(
  {
    bruger: Type.Optional(Type.String({ maxLength: 64 })),
    handling: Type.Optional(Type.String({ maxLength: 40 })),
    type: Type.Optional(Type.String({ maxLength: 60 })),
    fra: Type.Optional(Type.String({ maxLength: 10 })),
    til: Type.Optional(Type.String({ maxLength: 10 })),
    soeg: Type.Optional(Type.String({ maxLength: 200 })),
    side: Type.Optional(Type.Integer({ minimum: 1, maximum: 100000 })),
  },
  { additionalProperties: true },
);

const AuditEntrySchema = Type.Object({
  id: Type.String(),
  at: Type.String({ format: 'date-time' }),
  actor: Type.Object({ userId: Type.Union([Type.String(), Type.Null()]), label: Type.String() }),
  action: Type.String(),
  entityType: Type.String(),
  entityId: Type.Union([Type.String(), Type.Null()]),
  summary: Type.String(),
  before: Type.Unknown(),
  after: Type.Unknown(),
  ip: Type.Union([Type.String(), Type.Null()]),
});

export function auditRoutes({ database }: AppServices): FastifyPluginAsync {
  return async (app) => {
    app.get('/revisionsspor', { config: { access: 'audit.read' }, schema: { hide: true, querystring: PageQuery } }, async (request, reply) => {
      const q = request.query as Partial<AuditFilterValues> & { side?: number };
      const filters: AuditFilterValues = { bruger: q.bruger ?? '', handling: q.handling ?? '', type: q.type ?? '', fra: q.fra ?? '', til: q.til ?? '', soeg: q.soeg ?? '' };
      const page = q.side ?? 1;
      const { query, errors } = auditQueryOf(
        { actorUserId: filters.bruger, action: filters.handling, entityType: filters.type, fromDate: filters.fra, toDate: filters.til, text: filters.soeg },
        PAGE_SIZE,
        (page - 1) * PAGE_SIZE,
      );
      const result = await browseAudit(database.db, errors.length > 0 ? { limit: PAGE_SIZE, offset: 0 } : query);
      return sendPage(reply, <AuditPage ctx={pageContext(request, reply)} {...result} page={page} pageSize={PAGE_SIZE} filters={filters} errors={errors} />, errors.length > 0 ? 400 : 200);
    });

    app.get('/revisionsspor/:id', { config: { access: 'audit.read' }, schema: { hide: true, params: Type.Object({ id: Type.String({ maxLength: 64 }) }) } }, async (request, reply) => {
      const entry = await findAuditEntry(database.db, (request.params as { id: string }).id);
      if (!entry) throw new NotFoundError('Hændelsen findes ikke i revisionssporet.');
      return sendPage(reply, <AuditEntryPage ctx={pageContext(request, reply)} entry={entry} />);
    });

    app.get(
      '/api/v1/audit',
      {
        config: { access: 'audit.read' },
        schema: {
          tags: ['revisionsspor'],
          summary: 'Revisionssporet, nyeste først, filtreret',
          querystring: Type.Object(
            {
              actor: Type.Optional(Type.String({ maxLength: 64, description: 'Brugerens id' })),
              action: Type.Optional(Type.String({ maxLength: 40 })),
              entityType: Type.Optional(Type.String({ maxLength: 60 })),
              from: Type.Optional(Type.String({ format: 'date', description: 'Fra og med dato (dansk tid)' })),
              to: Type.Optional(Type.String({ format: 'date', description: 'Til og med dato (dansk tid)' })),
              q: Type.Optional(Type.String({ maxLength: 200 })),
              limit: Type.Integer({ minimum: 1, maximum: 500, default: 100 }),
              offset: Type.Integer({ minimum: 0, default: 0 }),
            },
            { additionalProperties: false },
          ),
          response: { 200: Type.Object({ total: Type.Integer(), entries: Type.Array(AuditEntrySchema) }), 400: ApiErrorSchema },
        },
      },
      async (request) => {
        const q = request.query as { actor?: string; action?: string; entityType?: string; from?: string; to?: string; q?: string; limit: number; offset: number };
        const { query, errors } = auditQueryOf({ actorUserId: q.actor, action: q.action, entityType: q.entityType, fromDate: q.from, toDate: q.to, text: q.q }, q.limit, q.offset);
        if (errors.length > 0) throw new ValidationError(errors.map((e) => ({ field: e.field === 'fra' ? 'from' : 'to', message: e.message })));
        const result = await browseAudit(database.db, query);
        return {
          total: result.total,
          entries: result.entries.map((e) => ({
            id: e.id,
            at: e.at,
            actor: { userId: e.actor_user_id, label: e.actor_label },
            action: e.action,
            entityType: e.entity_type,
            entityId: e.entity_id,
            summary: e.summary,
            before: e.before_json ? JSON.parse(e.before_json) : null,
            after: e.after_json ? JSON.parse(e.after_json) : null,
            ip: e.ip,
          })),
        };
      },
    );
  };
}
