import { Type, type Static } from '@sinclair/typebox';
import type { FastifyPluginAsync } from 'fastify';
import type { AppServices } from '../app.js';
import { ApiErrorSchema } from '../auth/auth.schemas.js';
import { actorOf, planOf, principalOf } from '../auth/request-actor.js';
import type { ChainReport } from './crisis-log.js';
import type { LogEntry } from './crisis-log.service.js';
import { NOTE_MAX_LENGTH, REASON_MAX_LENGTH, logServiceFor, withheldSentence, type ShownEntry } from './log.service.js';
import { kindName } from './log.views.js';

const TAGS = ['beredskab'];

const Problem = Type.Object({
  seq: Type.Union([Type.Integer(), Type.Null()], { description: 'Indførslens nummer, eller null når problemet er loggens hoved' }),
  message: Type.String({ description: 'Problemet på dansk, efter nummer; aldrig indførslens indhold' }),
});

const Verification = Type.Object({
  incidentId: Type.String(),
  intact: Type.Boolean({ description: 'Sand, når ingen indførsel er ændret, fjernet eller tilføjet uden om Helhed' }),
  entries: Type.Integer({ description: 'Antal indførsler kontrolleret (alle, også dem læseren ikke kan se)' }),
  problems: Type.Array(Problem),
  headHash: Type.String({ description: 'Loggens hoved: nøglet kontrolsum over antal indførsler og den sidste' }),
  checkedAt: Type.String({ description: 'Kontrollens tidspunkt (ISO 8601)' }),
});

const Entry = Type.Object({
  id: Type.String(),
  seq: Type.Integer({ description: 'Indførslens nummer i hændelsens log, 1, 2, …' }),
  recordedAt: Type.String({ description: 'Serverens tidspunkt (ISO 8601, UTC)' }),
  kind: Type.String({ description: 'aktivering, niveau, politi, afmelding, indkaldelse, svar, eskalering, deltager, moede, opgave, kommunikation, notat, rettelse eller evaluering' }),
  kindName: Type.String({ description: 'Arten i ord' }),
  classification: Type.Union([Type.Literal('generel'), Type.Literal('paragraf115')], { description: 'generel, eller paragraf115: delt efter retsplejelovens § 115' }),
  actor: Type.String({ description: 'Hvem' }),
  text: Type.String(),
  data: Type.Union([Type.Record(Type.String(), Type.Unknown()), Type.Null()], { description: 'Begivenhedens fakta' }),
  correctsId: Type.Union([Type.String(), Type.Null()], { description: 'Den indførsel, denne retter' }),
  correctsSeq: Type.Union([Type.Integer(), Type.Null()]),
  correctedBy: Type.Array(Type.Integer(), { description: 'Numrene på de indførsler, der retter denne' }),
});

const Log = Type.Object({
  incidentId: Type.String(),
  number: Type.Integer({ description: 'Hændelsens nummer' }),
  entries: Type.Array(Entry, { description: 'De indførsler, læseren må læse, i rækkefølge' }),
  withheld: Type.Integer({ description: 'Antal indførsler delt efter § 115, som læseren ikke må læse' }),
  withheldText: Type.Union([Type.String(), Type.Null()]),
  verification: Verification,
});

const Written = Type.Object({ id: Type.String(), seq: Type.Integer(), recordedAt: Type.String(), classification: Type.String(), correctsId: Type.Union([Type.String(), Type.Null()]) });

const IncidentParams = Type.Object({ id: Type.String({ maxLength: 100 }) });
const EntryParams = Type.Object({ id: Type.String({ maxLength: 100 }), entryId: Type.String({ maxLength: 100 }) });
const NoteBody = Type.Object(
  {
    text: Type.String({ maxLength: NOTE_MAX_LENGTH, description: 'Notatet' }),
    classification: Type.Optional(
      Type.Unsafe<'generel' | 'paragraf115'>({ type: 'string', enum: ['generel', 'paragraf115'], description: 'generel (standard) eller paragraf115: kun for brugere knyttet til en myndigheds medlem' }),
    ),
  },
  { additionalProperties: false },
);
const CorrectionBody = Type.Object(
  { text: Type.String({ maxLength: NOTE_MAX_LENGTH, description: 'Den rettede tekst' }), reason: Type.String({ maxLength: REASON_MAX_LENGTH, description: 'Begrundelsen for rettelsen' }) },
  { additionalProperties: false },
);

const CheckAll = Type.Object({
  checkedAt: Type.String(),
  incidents: Type.Array(
    Type.Object({ incidentId: Type.String(), number: Type.Integer(), intact: Type.Boolean(), entries: Type.Integer(), problems: Type.Array(Problem) }),
    { description: 'Hændelserne, brudte først' },
  ),
});

function presentEntry(e: ShownEntry): Static<typeof Entry> {
  return {
    id: e.id,
    seq: e.seq,
    recordedAt: e.recordedAt,
    kind: e.kind,
    kindName: kindName(e.kind),
    classification: e.classification,
    actor: e.actorLabel,
    text: e.text,
    data: e.data,
    correctsId: e.correctsId,
    correctsSeq: e.correctsSeq,
    correctedBy: e.correctedBy,
  };
}

const presentVerification = (report: ChainReport, checkedAt: string): Static<typeof Verification> => ({
  incidentId: report.incidentId,
  intact: report.intact,
  entries: report.entries,
  problems: report.problems,
  headHash: report.headHash,
  checkedAt,
});

const presentWritten = (e: LogEntry): Static<typeof Written> => ({ id: e.id, seq: e.seq, recordedAt: e.recordedAt, classification: e.classification, correctsId: e.correctsId });

/**
 * JSON API of the incident log (issue 7, part 6): an incident's log as the reader may read it (§ 115 entries withheld
 * as a count), notes, corrections, and the check of one incident's chain or of every incident's in the plan.
 */
export function logApi(services: AppServices): FastifyPluginAsync {
  const logs = logServiceFor(services);
  return async (app) => {
    app.get(
      '/api/v1/beredskab/haendelser/:id/log',
      {
        config: { access: 'beredskab.read' },
        schema: {
          tags: TAGS,
          summary: 'Hændelsens log: de indførsler, du må læse, antallet delt efter § 115, som du ikke må læse, og kontrollen af kæden',
          params: IncidentParams,
          response: { 200: Log, 404: ApiErrorSchema },
        },
      },
      async (request) => {
        const log = await logs.read(principalOf(request), planOf(request).id, (request.params as Static<typeof IncidentParams>).id);
        return {
          incidentId: log.incident.id,
          number: log.incident.number,
          entries: log.entries.map(presentEntry),
          withheld: log.withheld,
          withheldText: log.withheld > 0 ? withheldSentence(log.withheld) : null,
          verification: presentVerification(log.report, log.checkedAt),
        };
      },
    );

    app.post(
      '/api/v1/beredskab/haendelser/:id/log/notater',
      {
        config: { access: 'beredskab.activate' },
        schema: {
          tags: TAGS,
          summary: 'Skriv et notat i hændelsens log (generelt, eller delt efter § 115 af en bruger knyttet til en myndigheds medlem)',
          params: IncidentParams,
          body: NoteBody,
          response: { 201: Written, 400: ApiErrorSchema, 403: ApiErrorSchema, 404: ApiErrorSchema },
        },
      },
      async (request, reply) => {
        const body = request.body as Static<typeof NoteBody>;
        const { id } = request.params as Static<typeof IncidentParams>;
        const entry = await logs.addNote(principalOf(request), actorOf(request), planOf(request).id, id, { text: body.text, classification: body.classification ?? 'generel' });
        return reply.code(201).send(presentWritten(entry));
      },
    );

    app.post(
      '/api/v1/beredskab/haendelser/:id/log/:entryId/rettelser',
      {
        config: { access: 'beredskab.activate' },
        schema: {
          tags: TAGS,
          summary: 'Ret en indførsel med en ny indførsel, der peger på den (den oprindelige står uændret; en rettelse af en § 115-indførsel er selv § 115)',
          params: EntryParams,
          body: CorrectionBody,
          response: { 201: Written, 400: ApiErrorSchema, 403: ApiErrorSchema, 404: ApiErrorSchema },
        },
      },
      async (request, reply) => {
        const { id, entryId } = request.params as Static<typeof EntryParams>;
        const body = request.body as Static<typeof CorrectionBody>;
        const entry = await logs.correct(principalOf(request), actorOf(request), planOf(request).id, id, entryId, body);
        return reply.code(201).send(presentWritten(entry));
      },
    );

    app.get(
      '/api/v1/beredskab/haendelser/:id/log/kontrol',
      {
        config: { access: 'beredskab.read' },
        schema: { tags: TAGS, summary: 'Kontrollér hændelsens log: er en indførsel ændret, fjernet eller tilføjet uden om Helhed?', params: IncidentParams, response: { 200: Verification, 404: ApiErrorSchema } },
      },
      async (request) => {
        const log = await logs.read(principalOf(request), planOf(request).id, (request.params as Static<typeof IncidentParams>).id);
        return presentVerification(log.report, log.checkedAt);
      },
    );

    app.get(
      '/api/v1/beredskab/logkontrol',
      {
        config: { access: 'beredskab.read' },
        schema: { tags: TAGS, summary: 'Kontrollér alle hændelsers log i planen; brudte logge først', response: { 200: CheckAll } },
      },
      async (request) => {
        const check = await logs.checkAll(planOf(request).id);
        return {
          checkedAt: check.checkedAt,
          incidents: check.incidents.map((i) => ({ incidentId: i.id, number: i.number, intact: i.report.intact, entries: i.report.entries, problems: i.report.problems })),
        };
      },
    );
  };
}
