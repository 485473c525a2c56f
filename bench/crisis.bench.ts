import { createHmac, randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { SYSTEM_ACTOR } from '../src/audit/audit.service.js';
import { buildApp } from '../src/app.js';
import { loadConfig, type DatabaseTarget } from '../src/config.js';
import { crisisLogKey, entryHash, headSeal, type ChainedEntry, type LogKind } from '../src/crisis/crisis-log.js';
import { crisisLogFor } from '../src/crisis/crisis-log.service.js';
import type { CrisisIncidentRow, CrisisLogEntryRow } from '../src/crisis/crisis.table.js';
import { meetingDeadline } from '../src/crisis/deadlines.js';
import type { CrisisLevel } from '../src/crisis/levels.js';
import { openDatabase } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { meetingServiceFor } from '../src/governance/meetings.service.js';
import { loadDefaultPlan } from '../src/plan/plan-bootstrap.js';
import { ensureDefaultPlan } from '../src/plan/plans.service.js';
import { bootstrapAdministrator } from '../src/users/bootstrap.js';
import { createUser } from '../src/users/users.service.js';
import { median, onBothEngines, type BenchSettings, type Benchmark, type BenchmarkReport, type EngineResult } from './support.js';

/**
 * The targets for the crisis module: with 1,000 activations of 50 log entries each (50,000 entries, every
 * chain valid), the incident page `/beredskab/haendelser/:id` and its log page `/beredskab/haendelser/:id/log` answer
 * with p95 ≤ 50 ms over requests to random incidents, one at a time, and the chain verification of all 50,000 entries
 * (`verifyAll`, the check behind `/beredskab/logkontrol`) takes ≤ 1 s (median of repeated runs). The reader is linked to
 * an authority's member, so the pages show every entry, § 115 ones too. The chains are built here with `entryHash`
 * and `headSeal` and bulk-inserted, as `CrisisLog.append` would have written them one by one. SQLite always;
 * BENCH_DATABASE_URL=postgres://… adds PostgreSQL on a throwaway database, and the two are printed side by side.
 * BENCH_CRISIS_REQUESTS sets the requests per page (default 300), BENCH_CRISIS_VERIFY_RUNS the verification runs (5).
 */
const POSTGRES_URL = process.env.BENCH_DATABASE_URL?.trim().startsWith('postgres') ? process.env.BENCH_DATABASE_URL.trim() : null;
const REQUESTS = Math.max(20, Math.round(Number(process.env.BENCH_CRISIS_REQUESTS ?? 300)) || 300);
const VERIFY_RUNS = Math.max(1, Math.round(Number(process.env.BENCH_CRISIS_VERIFY_RUNS ?? 5)) || 5);
const INCIDENTS = 1000;
const ENTRIES_PER_INCIDENT = 50;
const MAX_PAGE_P95_MS = 50;
const MAX_VERIFY_MS = 1000;
const HOST = '127.0.0.1';
const NOW = new Date('2026-11-20T12:00:00Z');
const READER_EMAIL = 'bench-politi@helhed.test';
const AREAS = ['gl-jennumparken', 'vorup', 'vestervold', null];
const KINDS: LogKind[] = ['indkaldelse', 'svar', 'svar', 'opgave', 'kommunikation', 'notat', 'deltager', 'moede', 'opgave', 'notat'];

const round = (ms: number) => Math.round(ms * 10) / 10;

function percentile(sorted: readonly number[], p: number): number {
  return round(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!);
}

/** 1,000 incidents with valid chains of 50 entries each, written in chunks inside one transaction. */
async function writeIncidents(database: ReturnType<typeof openDatabase>, planId: string, key: Buffer): Promise<string[]> {
  const ids: string[] = [];
  const incidents: CrisisIncidentRow[] = [];
  const entries: CrisisLogEntryRow[] = [];
  for (let n = 1; n <= INCIDENTS; n++) {
    const level: CrisisLevel = n % 3 === 0 ? 'roed' : 'gul';
    // One activation about every eight hours back from now, so the numbers run in time.
    const at = new Date(NOW.getTime() - (INCIDENTS - n + 1) * 8 * 3600_000);
    const id = `bench-haendelse-${String(n).padStart(4, '0')}`;
    ids.push(id);
    let previous = '';
    for (let seq = 1; seq <= ENTRIES_PER_INCIDENT; seq++) {
      const kind: LogKind = seq === 1 ? 'aktivering' : seq === 2 ? 'politi' : KINDS[seq % KINDS.length]!;
      const e: ChainedEntry = {
        planId,
        incidentId: id,
        seq,
        recordedAt: new Date(at.getTime() + (seq - 1) * 7 * 60_000).toISOString(),
        kind,
        classification: seq % 10 === 5 ? 'paragraf115' : 'generel',
        actorUserId: null,
        actorLabel: seq % 2 === 0 ? 'politi@randers.test' : 'lokalinspektoer@lejerbo.test',
        text:
          seq === 1
            ? `Beredskabet aktiveret på ${level === 'roed' ? 'rødt' : 'gult'} niveau (benchmark). Beskrivelse: uro i området, beboere har ringet om grupper ved indgangene om aftenen.`
            : `Indførsel ${seq} i hændelse ${n}: opfølgning med beboerne, driften og politiet; aftalt at gå runder i området og melde tilbage i gruppen.`,
        data: seq === 1 ? JSON.stringify({ level, deadlineAt: meetingDeadline(level, at).toISOString(), levelSetAt: at.toISOString() }) : seq === 2 ? JSON.stringify({ status: 'vurderet', contact: 'Vagthavende', assessedLevel: level }) : null,
        correctsId: null,
        prevHash: previous,
      };
      const hash = entryHash(key, e);
      entries.push({
        id: `${id}-${seq}`,
        plan_id: planId,
        incident_id: id,
        seq,
        recorded_at: e.recordedAt,
        kind,
        classification: e.classification,
        actor_user_id: null,
        actor_label: e.actorLabel,
        text: e.text,
        data: e.data,
        corrects_id: null,
        prev_hash: previous,
        hash,
      });
      previous = hash;
    }
    incidents.push({
      id,
      plan_id: planId,
      number: n,
      area_slug: AREAS[n % AREAS.length]!,
      situation_type: level === 'roed' ? 'ildspaasaettelse' : 'gruppekonflikt',
      description: `Benchmarkhændelse ${n}`,
      level,
      status: n > INCIDENTS - 5 ? 'aktiv' : 'afmeldt',
      activated_at: at.toISOString(),
      activated_by_user_id: null,
      activated_by_label: 'lokalinspektoer@lejerbo.test',
      activated_by_member_id: null,
      on_behalf_of: null,
      police_status: 'vurderet',
      police_contact: 'Vagthavende',
      police_contacted_at: at.toISOString(),
      police_assessed_level: level,
      deadline_at: meetingDeadline(level, at).toISOString(),
      level_set_at: at.toISOString(),
      meeting_planned_at: null,
      meeting_location: null,
      meeting_held_at: null,
      stood_down_at: n > INCIDENTS - 5 ? null : new Date(at.getTime() + 6 * 3600_000).toISOString(),
      stood_down_by_label: n > INCIDENTS - 5 ? null : 'lokalinspektoer@lejerbo.test',
      stand_down_reason: n > INCIDENTS - 5 ? null : 'Roligt igen (benchmark).',
      log_length: ENTRIES_PER_INCIDENT,
      log_head_hash: headSeal(key, id, ENTRIES_PER_INCIDENT, previous),
      created_at: at.toISOString(),
      updated_at: at.toISOString(),
    });
  }
  await database.db.transaction().execute(async (trx) => {
    for (let i = 0; i < incidents.length; i += 500) await trx.insertInto('crisis_incidents').values(incidents.slice(i, i + 500)).execute();
    // 14 columns: 1,000 rows stay under both engines' limits on bound parameters.
    for (let i = 0; i < entries.length; i += 1000) await trx.insertInto('crisis_log_entries').values(entries.slice(i, i + 1000)).execute();
  });
  return ids;
}

async function runOn(target: DatabaseTarget): Promise<EngineResult> {
  const engine = target.engine;
  const config = loadConfig({
    ...process.env, HELHED_SECRET: randomBytes(32).toString('hex'), LOG_LEVEL: 'warn',
    DATABASE_URL: engine === 'sqlite' ? `sqlite:${target.location}` : target.location,
    HELHED_ADMIN_EMAIL: 'bench-admin@helhed.test', HELHED_ADMIN_PASSWORD: 'bench-adgangskode-til-maaling',
  });
  const database = openDatabase(target);
  await migrateToLatest(database);
  const built = await buildApp({ config, database, logger: false, clock: () => NOW });
  try {
    const plan = await ensureDefaultPlan(database);
    await loadDefaultPlan(database, built.services.plan);
    await bootstrapAdministrator(database, config, built.services.auth);

    const writeStarted = performance.now();
    const ids = await writeIncidents(database, plan.id, crisisLogKey(config.secret));
    if (engine === 'sqlite') database.sqlite!.exec('ANALYZE');
    else await sql`ANALYZE`.execute(database.db);
    const writeSeconds = (performance.now() - writeStarted) / 1000;
    console.log(`  ${engine}: ${INCIDENTS.toLocaleString('en')} incidents with ${(INCIDENTS * ENTRIES_PER_INCIDENT).toLocaleString('en')} chained log entries written in ${writeSeconds.toFixed(1)} s`);

    // The reader: a crisis-group user linked to the police's member, who reads § 115 entries too.
    const members = await meetingServiceFor(built.services).members(plan.id, 'beredskabsgruppe');
    const police = members.find((m) => m.isAuthority && m.substituteFor === null);
    if (!police) throw new Error('The crisis group has no authority member to link the reader to');
    const user = await createUser(database, SYSTEM_ACTOR, plan.id, { email: READER_EMAIL, name: 'Benchmark Politi', roles: ['beredskab'], password: 'bench-adgangskode-til-maaling' });
    await database.db.updateTable('body_members').set({ user_id: user.id }).where('id', '=', police.id).execute();
    const owner = { userId: user.id, email: READER_EMAIL, name: 'Benchmark Politi', plan: null, roles: ['beredskab' as const], organisationId: null, organisationName: null, via: 'token' as const };
    const { token } = await built.services.auth.createApiToken(owner, SYSTEM_ACTOR, 'bench');
    const headers = { authorization: `Bearer ${token}` };

    await built.app.listen({ host: HOST, port: 0 });
    const base = `http://${HOST}:${(built.app.server.address() as AddressInfo).port}`;
    const fetchOnce = async (path: string, mustShow: string) => {
      const started = performance.now();
      const response = await fetch(`${base}${path}`, { headers });
      const body = await response.text();
      const ms = performance.now() - started;
      if (response.status !== 200) throw new Error(`${path} answered ${response.status}: ${body.slice(0, 300)}`);
      if (!body.includes(mustShow)) throw new Error(`${path} does not show «${mustShow}»`);
      return { ms, bytes: body.length };
    };

    // A fixed sequence of random incidents, the same for both pages and both engines.
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const picks = Array.from({ length: REQUESTS }, () => ids[Math.floor(random() * ids.length)]!);
    const pages = {
      incident: { label: 'GET /beredskab/haendelser/:id', path: (id: string) => `/beredskab/haendelser/${id}`, mustShow: 'Hændelse' },
      log: { label: 'GET /beredskab/haendelser/:id/log', path: (id: string) => `/beredskab/haendelser/${id}/log`, mustShow: `Loggen er ubrudt: ${ENTRIES_PER_INCIDENT} indførsler kontrolleret` },
    };
    const times: Record<keyof typeof pages, number[]> = { incident: [], log: [] };
    const bytes: Record<keyof typeof pages, number> = { incident: 0, log: 0 };
    // A few unmeasured requests first, so the measured ones do not pay for the first render of each page.
    for (const p of Object.values(pages)) for (let i = 0; i < 20; i++) await fetchOnce(p.path(picks[i]!), p.mustShow);
    // Interleaved, one request at a time, so a slow moment of a shared machine falls on both pages alike.
    for (const id of picks) {
      for (const [name, p] of Object.entries(pages) as [keyof typeof pages, (typeof pages)['log']][]) {
        const r = await fetchOnce(p.path(id), p.mustShow);
        times[name].push(r.ms);
        bytes[name] = r.bytes;
      }
    }
    const stats = (name: keyof typeof pages) => {
      const sorted = [...times[name]].sort((a, b) => a - b);
      return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99) };
    };
    const incident = stats('incident');
    const log = stats('log');
    for (const [name, s] of [['incident', incident], ['log', log]] as const) {
      console.log(`  ${engine}: ${pages[name].label.padEnd(34)} p50 ${s.p50} ms, p95 ${s.p95} ms, p99 ${s.p99} ms over ${REQUESTS} random incidents (${Math.round(bytes[name] / 1024)} KB); target p95 ≤ ${MAX_PAGE_P95_MS} ms: ${s.p95 <= MAX_PAGE_P95_MS ? 'met' : 'missed'}`);
    }

    const chain = crisisLogFor(built.services);
    const verifyTimes: number[] = [];
    let checked = 0;
    await chain.verifyAll(plan.id);
    for (let i = 0; i < VERIFY_RUNS; i++) {
      const started = performance.now();
      const reports = await chain.verifyAll(plan.id);
      verifyTimes.push(performance.now() - started);
      checked = reports.reduce((n, r) => n + r.entries, 0);
      const broken = reports.filter((r) => !r.intact).length;
      if (broken > 0 || reports.length !== INCIDENTS) throw new Error(`verifyAll found ${broken} broken chains among ${reports.length} incidents`);
    }
    const verify = round(median(verifyTimes));
    // Of that, reading the entries alone (the same query verifyAll makes), to tell the database's share from the hashing.
    const readTimes: number[] = [];
    for (let i = 0; i < VERIFY_RUNS; i++) {
      const started = performance.now();
      await database.db.selectFrom('crisis_log_entries').selectAll().where('plan_id', '=', plan.id).orderBy('incident_id').orderBy('seq').execute();
      readTimes.push(performance.now() - started);
    }
    const read = round(median(readTimes));
    // The machine's pace, for comparing result files: 50,000 HMACs of an entry's size, no database.
    const calibrationKey = crisisLogKey(config.secret);
    const calibrationStarted = performance.now();
    for (let i = 0; i < INCIDENTS * ENTRIES_PER_INCIDENT; i++) createHmac('sha256', calibrationKey).update(`${i}:${'x'.repeat(400)}`).digest('hex');
    const hmacOnly = round(performance.now() - calibrationStarted);
    console.log(`  ${engine}: verifyAll of ${checked.toLocaleString('en')} entries in ${INCIDENTS} chains: median ${verify} ms of ${VERIFY_RUNS} runs (reading the entries alone ${read} ms; 50,000 bare HMACs ${hmacOnly} ms, os.loadavg ${loadavg()[0]!.toFixed(1)}); target ≤ ${MAX_VERIFY_MS} ms: ${verify <= MAX_VERIFY_MS ? 'met' : 'missed'}`);
    const logToIncident = round(log.p95 / Math.max(incident.p95, 0.001));

    return {
      context: { incidents: INCIDENTS, entries: INCIDENTS * ENTRIES_PER_INCIDENT, requests: REQUESTS, verifyRuns: VERIFY_RUNS, incidentPageKilobytes: Math.round(bytes.incident / 1024), logPageKilobytes: Math.round(bytes.log / 1024) },
      figures: {
        writeSeconds: round(writeSeconds),
        incidentP50Ms: incident.p50,
        incidentP95Ms: incident.p95,
        incidentP99Ms: incident.p99,
        logP50Ms: log.p50,
        logP95Ms: log.p95,
        logP99Ms: log.p99,
        logToIncidentP95: logToIncident,
        verifyAllMs: verify,
        verifyReadMs: read,
        hmacOnlyMs: hmacOnly,
        loadAverage: Math.round(loadavg()[0]! * 10) / 10,
      },
      checks: [
        { description: `${engine}: incident page p95 ≤ ${MAX_PAGE_P95_MS} ms over ${REQUESTS} random incidents (${incident.p95} ms)`, met: incident.p95 <= MAX_PAGE_P95_MS },
        { description: `${engine}: log page p95 ≤ ${MAX_PAGE_P95_MS} ms over ${REQUESTS} random incidents (${log.p95} ms; ${logToIncident} × the incident page)`, met: log.p95 <= MAX_PAGE_P95_MS },
        { description: `${engine}: chain verification of all ${checked.toLocaleString('en')} entries ≤ ${MAX_VERIFY_MS} ms, median of ${VERIFY_RUNS} (${verify} ms)`, met: verify <= MAX_VERIFY_MS },
      ],
    };
  } finally {
    await built.app.close();
    await database.close();
  }
}

/** The two engines' figures side by side, with PostgreSQL's as a ratio to SQLite's. */

function run(settings: BenchSettings): Promise<BenchmarkReport> {
  return onBothEngines('crisis', settings, POSTGRES_URL ?? undefined, runOn, { sideBySide: true });
}

export const benchmark: Benchmark = {
  name: 'crisis',
  description: '1,000 activations with 50 log entries each: incident and log pages p95 ≤ 50 ms over random incidents, chain verification of all 50,000 entries ≤ 1 s',
  run,
};
