import { Readable } from 'node:stream';
import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsync } from 'fastify';
import type { AppServices } from '../app.js';
import { ApiErrorSchema } from '../auth/auth.schemas.js';
import { actorOf, planOf } from '../auth/request-actor.js';
import { SPREADSHEET_CONTENT_TYPES } from '../monitoring/import/open-spreadsheet.js';
import { SpreadsheetError } from '../monitoring/import/spreadsheet.js';
import { MAX_AMOUNT_ORE } from './economy.js';
import { ACTUALS_IMPORT_LIMIT_BYTES } from './economy.pages.js';
import { deviationsOf, economyServiceFor } from './economy.service.js';

const tags = ['økonomi'];
const errors = { 400: ApiErrorSchema, 403: ApiErrorSchema };
const Ore = (description: string, negative = false) => Type.Integer({ minimum: negative ? -MAX_AMOUNT_ORE : 0, maximum: MAX_AMOUNT_ORE, description: `${description}, i hele øre` });
const Text = (maxLength: number) => Type.Union([Type.String({ maxLength }), Type.Null()]);
const Year = Type.Object({ label: Type.String(), start: Type.String(), end: Type.String() });
const Assessment = {
  budgetOre: Type.Integer(),
  actualOre: Type.Integer(),
  expectedOre: Type.Integer({ description: 'Budgettet fordelt ligeligt på 12 måneder, for de afsluttede måneder' }),
  deviationOre: Type.Integer({ description: 'Forbrug minus forventet' }),
  deviationPercent: Type.Union([Type.Number(), Type.Null()]),
  flag: Type.Union([Type.Literal('over'), Type.Literal('under'), Type.Null()], { description: 'Afviger mere end tolerancen (10 %) fra det forventede' }),
};
const Funder = Type.Object({
  id: Type.String(),
  funder: Type.String(),
  isLbfGrant: Type.Boolean(),
  amountOre: Type.Integer(),
  reference: Type.Union([Type.String(), Type.Null()]),
  committedOn: Type.Union([Type.String(), Type.Null()]),
  note: Type.Union([Type.String(), Type.Null()]),
  sharePermille: Type.Integer({ description: 'Andel af al finansiering i promille; parternes andele giver tilsammen 1000' }),
  actualShareOre: Type.Integer({ description: 'Partens andel af forbruget i hele perioden' }),
  yearActualShareOre: Type.Integer({ description: 'Partens andel af forbruget i planåret' }),
});
const FollowUpResponse = Type.Object({
  year: Year,
  years: Type.Array(Year),
  today: Type.String(),
  monthsEnded: Type.Integer(),
  funders: Type.Array(Funder),
  grant: Type.Union([Funder, Type.Null()]),
  commitmentsOre: Type.Integer(),
  lines: Type.Array(Type.Object({ line: Type.String(), interventionAreaSlug: Type.String(), interventionAreaName: Type.Union([Type.String(), Type.Null()]), monthsWithActuals: Type.Integer(), ...Assessment })),
  totals: Type.Object(Assessment),
  months: Type.Array(Type.Object({ month: Type.String(), label: Type.String(), actualOre: Type.Integer() })),
  period: Type.Object({
    start: Type.String(),
    end: Type.String(),
    budgetOre: Type.Integer(),
    actualOre: Type.Integer(),
    grantOre: Type.Integer(),
    commitmentsOre: Type.Integer(),
    unbudgetedOre: Type.Integer(),
    remainingOre: Type.Integer(),
  }),
  lastChange: Type.Union([Type.Object({ at: Type.String(), by: Type.String() }), Type.Null()]),
  deviations: Type.Array(Type.Object({ line: Type.String(), text: Type.String() })),
});
const Commitment = {
  amountOre: Ore('Beløbet'),
  reference: Type.Optional(Text(120)),
  committedOn: Type.Optional(Type.Union([Type.String({ maxLength: 10, description: 'ÅÅÅÅ-MM-DD' }), Type.Null()])),
  note: Type.Optional(Text(500)),
};
const FundingBody = Type.Object(
  {
    grant: Type.Union([Type.Object(Commitment, { additionalProperties: false }), Type.Null()], { description: 'Landsbyggefondens tilsagn; null når det ikke er givet' }),
    cofinancing: Type.Array(Type.Object({ funder: Type.String({ minLength: 1, maxLength: 120 }), ...Commitment }, { additionalProperties: false }), { maxItems: 50 }),
  },
  { additionalProperties: false },
);
const FundingResponse = Type.Object({ commitments: Type.Array(Type.Object({ id: Type.String(), funder: Type.String(), isLbfGrant: Type.Boolean(), amountOre: Type.Integer(), reference: Type.Union([Type.String(), Type.Null()]), committedOn: Type.Union([Type.String(), Type.Null()]), note: Type.Union([Type.String(), Type.Null()]), updatedAt: Type.String(), updatedByLabel: Type.String() })) });
const YearParams = Type.Object({ year: Type.String({ minLength: 1, maxLength: 10, description: 'Planåret, fx 2025-26 (eller 2025/26 URL-kodet)' }) });
const BudgetBody = Type.Object(
  {
    lines: Type.Array(
      Type.Object(
        { line: Type.String({ minLength: 1, maxLength: 120 }), interventionArea: Type.Optional(Type.String({ maxLength: 100, description: 'Indsatsområdets slug; tom for en fælles linje' })), amountOre: Ore('Årets budget') },
        { additionalProperties: false },
      ),
      { maxItems: 300 },
    ),
  },
  { additionalProperties: false },
);
const BudgetResponse = Type.Object({ year: Year, lines: Type.Array(Type.Object({ line: Type.String(), interventionArea: Type.String(), amountOre: Type.Integer(), updatedAt: Type.String(), updatedByLabel: Type.String() })) });
const ActualBody = Type.Object(
  {
    line: Type.String({ minLength: 1, maxLength: 120, description: 'Budgetlinjens navn i månedens planår' }),
    month: Type.String({ minLength: 1, maxLength: 20, description: 'Måneden, ÅÅÅÅ-MM' }),
    amountOre: Ore('Månedens forbrug (negativt for fx en kreditnota)', true),
    note: Type.Optional(Text(500)),
  },
  { additionalProperties: false },
);
const ActualsResponse = Type.Object({ year: Year, actuals: Type.Array(Type.Object({ line: Type.String(), month: Type.String(), amountOre: Type.Integer(), note: Type.Union([Type.String(), Type.Null()]), importId: Type.Union([Type.String(), Type.Null()]), updatedAt: Type.String(), updatedByLabel: Type.String() })) });
const Problem = Type.Object({ row: Type.Integer(), column: Type.String(), message: Type.String() });
const ImportError = Type.Object({ error: Type.Object({ code: Type.String(), message: Type.String(), problemCount: Type.Integer(), rows: Type.Array(Problem) }) });
const YearQuery = Type.Object({ year: Type.Optional(Type.String({ maxLength: 10, description: 'Planåret, fx 2025/26; som standard det nuværende' })) });

/**
 * The JSON API of the economy: the follow-up (economy.read), and LBF's grant, co-financing, budget and actuals (read
 * with economy.read, changed with governance.manage). Amounts are whole øre, so that no client rounds them.
 */
export function economyApi(services: AppServices): FastifyPluginAsync {
  const economy = economyServiceFor(services);
  return async (app) => {
    // The file is the body, as in /api/v1/attendance/import.
    app.addContentTypeParser(SPREADSHEET_CONTENT_TYPES, { bodyLimit: ACTUALS_IMPORT_LIMIT_BYTES }, (_request, payload, done) => done(null, payload));

    app.get(
      '/api/v1/economy',
      { config: { access: 'economy.read' }, schema: { tags, summary: 'Økonomiopfølgning for et planår: budget mod forbrug pr. linje, afvigelser, hele perioden og finansieringens andele', querystring: YearQuery, response: { 200: FollowUpResponse, 400: ApiErrorSchema } } },
      async (request) => {
        const planId = planOf(request).id;
        const year = (request.query as { year?: string }).year;
        const followUp = await economy.followUp(planId, year);
        return { ...followUp, deviations: deviationsOf(followUp) };
      },
    );

    app.get(
      '/api/v1/economy/funding',
      { config: { access: 'economy.read' }, schema: { tags, summary: 'Landsbyggefondens tilsagn og medfinansieringen', response: { 200: FundingResponse } } },
      async (request) => ({ commitments: await economy.funding(planOf(request).id) }),
    );

    app.put(
      '/api/v1/economy/funding',
      { config: { access: 'governance.manage' }, schema: { tags, summary: 'Erstat tilsagnet og medfinansieringen (en part genkendes på navnet)', body: FundingBody, response: { 200: FundingResponse, ...errors } } },
      async (request) => {
        const body = request.body as { grant: { amountOre: number; reference?: string | null; committedOn?: string | null; note?: string | null } | null; cofinancing: { funder: string; amountOre: number; reference?: string | null; committedOn?: string | null; note?: string | null }[] };
        const planId = planOf(request).id;
        const optional = (c: { reference?: string | null; committedOn?: string | null; note?: string | null }) => ({ reference: c.reference || null, committedOn: c.committedOn || null, note: c.note || null });
        await economy.saveFunding(actorOf(request), planId, {
          grant: body.grant ? { amountOre: body.grant.amountOre, ...optional(body.grant) } : null,
          cofinancing: body.cofinancing.map((c) => ({ funder: c.funder, amountOre: c.amountOre, ...optional(c) })),
        });
        return { commitments: await economy.funding(planId) };
      },
    );

    const budgetOf = async (planId: string, year: string) => {
      const budget = await economy.budget(planId, year);
      return { year: budget.year, lines: budget.lines.map((l) => ({ line: l.line, interventionArea: l.interventionAreaSlug, amountOre: l.amountOre, updatedAt: l.updatedAt, updatedByLabel: l.updatedByLabel })) };
    };

    app.get(
      '/api/v1/economy/budget/:year',
      { config: { access: 'economy.read' }, schema: { tags, summary: 'Et planårs budget pr. linje', params: YearParams, response: { 200: BudgetResponse, 400: ApiErrorSchema } } },
      async (request) => budgetOf(planOf(request).id, (request.params as { year: string }).year),
    );

    app.put(
      '/api/v1/economy/budget/:year',
      { config: { access: 'governance.manage' }, schema: { tags, summary: 'Erstat et planårs budget med de givne linjer (en linje med forbrug kan ikke fjernes)', params: YearParams, body: BudgetBody, response: { 200: BudgetResponse, ...errors } } },
      async (request) => {
        const planId = planOf(request).id;
        const body = request.body as { lines: { line: string; interventionArea?: string; amountOre: number }[] };
        const { year } = await economy.saveBudget(actorOf(request), planId, (request.params as { year: string }).year, body.lines.map((l) => ({ line: l.line, interventionAreaSlug: l.interventionArea ?? '', amountOre: l.amountOre })));
        return budgetOf(planId, year.label);
      },
    );

    app.get(
      '/api/v1/economy/actuals',
      { config: { access: 'economy.read' }, schema: { tags, summary: 'Et planårs forbrug pr. linje og måned', querystring: YearQuery, response: { 200: ActualsResponse, 400: ApiErrorSchema } } },
      async (request) => economy.actuals(planOf(request).id, (request.query as { year?: string }).year),
    );

    app.post(
      '/api/v1/economy/actuals',
      { config: { access: 'governance.manage' }, schema: { tags, summary: 'Registrér en måneds forbrug på en budgetlinje (erstatter en tidligere registrering af samme måned)', body: ActualBody, response: { 200: Type.Object({ changed: Type.Boolean() }), ...errors } } },
      async (request) => {
        const body = request.body as { line: string; month: string; amountOre: number; note?: string | null };
        return economy.saveActual(actorOf(request), planOf(request).id, { line: body.line, month: body.month, amountOre: body.amountOre, note: body.note || null });
      },
    );

    app.post(
      '/api/v1/economy/actuals/import',
      {
        config: { access: 'governance.manage' },
        bodyLimit: ACTUALS_IMPORT_LIMIT_BYTES,
        schema: {
          tags,
          summary: 'Importér forbrug fra en CSV- eller XLSX-fil (filen er selve forespørgslens krop)',
          description:
            'Kolonner: linje; måned (fx 2025-09); beløb (kroner, fx 123.456,50); note. Alle fejl meldes på én gang med række og kolonne (422), og intet gemmes, hvis der er én fejl. Samme fil igen ændrer intet; en ændret måned erstattes.',
          querystring: Type.Object({ filnavn: Type.Optional(Type.String({ maxLength: 255 })) }),
          response: { 200: Type.Object({ imported: Type.Integer(), unchanged: Type.Integer(), rows: Type.Integer(), importId: Type.String() }), 400: ApiErrorSchema, 403: ApiErrorSchema, 415: ApiErrorSchema, 422: ImportError },
        },
      },
      async (request, reply) => {
        if (!(request.body instanceof Readable)) {
          throw new SpreadsheetError('Send filen som selve forespørgslen med Content-Type text/csv eller application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.', 415);
        }
        const fileName = (request.query as { filnavn?: string }).filnavn ?? 'upload';
        const outcome = await economy.importActuals(actorOf(request), planOf(request).id, request.body, { fileName, contentType: request.headers['content-type'] });
        if (outcome.status === 'rejected') {
          return reply.code(422).send({
            error: {
              code: 'importfejl',
              message: `Filen blev ikke importeret: ${outcome.problemCount === 1 ? 'der er 1 fejl' : `der er ${outcome.problemCount.toLocaleString('da-DK')} fejl`}. Ret dem og importér hele filen igen.`,
              problemCount: outcome.problemCount,
              rows: outcome.problems,
            },
          });
        }
        return { imported: outcome.imported, unchanged: outcome.unchanged, rows: outcome.rows, importId: outcome.importId };
      },
    );
  };
}
