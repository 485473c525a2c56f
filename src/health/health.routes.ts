import type { FastifyPluginAsync } from 'fastify';
import { sql } from 'kysely';
import { Type } from '@sinclair/typebox';
import type { AppServices } from '../app.js';

export function healthRoutes({ database }: AppServices): FastifyPluginAsync {
  return async (app) => {
    app.get(
      '/healthz',
      {
        config: { access: 'public' },
        schema: {
          tags: ['drift'],
          summary: 'Sundhedstjek: svarer 200, når databasen svarer',
          security: [],
          response: {
            200: Type.Object({ status: Type.Literal('ok'), db: Type.Union([Type.Literal('sqlite'), Type.Literal('postgres')]) }),
            503: Type.Object({ status: Type.Literal('fejl'), db: Type.String() }),
          },
        },
      },
      async (_request, reply): Promise<unknown> => {
        try {
          await sql`select 1`.execute(database.db);
        } catch {
          return reply.code(503).send({ status: 'fejl', db: database.engine });
        }
        return { status: 'ok' as const, db: database.engine };
      },
    );
  };
}
