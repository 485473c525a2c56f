import type { FastifyPluginAsync } from 'fastify';
import { Type } from '@sinclair/typebox';
import type { AppServices } from '../app.js';
import { ApiErrorSchema } from '../auth/auth.schemas.js';
import { evaluateCriteria, type AreaFigures } from './area-criteria.js';

const Share = (description: string) => Type.Number({ minimum: 0, maximum: 1, description });
const Met = Type.Object({ employment: Type.Boolean(), crime: Type.Boolean(), education: Type.Boolean(), income: Type.Boolean() });
const DistanceSchema = Type.Object({ value: Type.Number(), threshold: Type.Number(), difference: Type.Number(), met: Type.Boolean(), text: Type.String() });

export function criteriaApi(_services: AppServices): FastifyPluginAsync {
  return async (app) => {
    app.post(
      '/api/v1/criteria/evaluate',
      {
        config: { access: 'dashboard.read' },
        schema: {
          tags: ['monitorering'],
          summary: 'Vurdér et områdes tal efter statens kriterier (almenboligloven § 61 a og § 61 b): opfyldte kriterier, klassifikation og afstand til hver grænse',
          body: Type.Object(
            {
              residents: Type.Integer({ minimum: 0, maximum: 10_000_000, description: 'Antal beboere' }),
              nonWesternShare: Share('Andel indvandrere og efterkommere fra ikke-vestlige lande (0-1)'),
              employmentShare: Share('Andel 18-64-årige uden tilknytning til arbejdsmarked eller uddannelse, gennemsnit af to år (0-1)'),
              convictionRatio: Type.Number({ minimum: 0, maximum: 1000, description: 'Dømte i forhold til landsgennemsnittet, som multiplum, gennemsnit af to år' }),
              basicEducationShare: Share('Andel 30-59-årige med kun grundskoleuddannelse (0-1)'),
              incomeRatio: Type.Number({ minimum: 0, maximum: 100, description: 'Gennemsnitlig bruttoindkomst for 15-64-årige i forhold til regionen, som brøk' }),
            },
            { additionalProperties: false },
          ),
          response: {
            200: Type.Object({
              criteriaMet: Met,
              count: Type.Integer(),
              udsat: Type.Boolean(),
              parallelsamfund: Type.Boolean(),
              forebyggelsesomraade: Type.Boolean(),
              classification: Type.Union([Type.Literal('parallelsamfund'), Type.Literal('udsat'), Type.Literal('forebyggelsesomraade'), Type.Literal('ingen')]),
              residentsShort: Type.Integer(),
              preventionCriteriaMet: Met,
              distances: Type.Object({
                employment: DistanceSchema, crime: DistanceSchema, education: DistanceSchema, income: DistanceSchema, residents: DistanceSchema, nonWestern: DistanceSchema,
              }),
            }),
            400: ApiErrorSchema,
          },
        },
      },
      async (request) => evaluateCriteria(request.body as AreaFigures),
    );
  };
}
