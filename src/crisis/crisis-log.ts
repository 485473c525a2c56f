/**
 * The incident log's chain (issue 7, part 6). Every event of an incident is an entry numbered 1, 2, … whose hash is an
 * HMAC-SHA256, under a key derived from the installation's secret (outside the database), of the entry's content and
 * the hash of the entry before it. The incident row keeps the head (the number of entries and the last hash). So:
 * - changing an entry's content breaks its own hash;
 * - removing or reordering entries breaks the link of the next one, or the head;
 * - someone with only the database cannot forge a consistent chain, since they lack the key.
 * Pure: the service stores and reads the entries.
 */
import { createHmac, hkdfSync } from 'node:crypto';
import type { LogClassification } from './levels.js';

/** What an entry records. */
export const LOG_KINDS = {
  aktivering: 'Aktivering',
  niveau: 'Niveauskift',
  politi: 'Politiets vurdering',
  afmelding: 'Afmelding',
  indkaldelse: 'Indkaldelse',
  svar: 'Svar på indkaldelse',
  eskalering: 'Eskalering til suppleant',
  deltager: 'Deltager',
  moede: 'Møde',
  opgave: 'Handleplan',
  kommunikation: 'Kommunikation',
  notat: 'Notat',
  rettelse: 'Rettelse',
  evaluering: 'Evaluering',
} as const;
export type LogKind = keyof typeof LOG_KINDS;

export function isLogKind(value: unknown): value is LogKind {
  return typeof value === 'string' && Object.hasOwn(LOG_KINDS, value);
}

/** The fields an entry's hash covers, in the order they are hashed. */
export interface ChainedEntry {
  planId: string;
  incidentId: string;
  seq: number;
  recordedAt: string;
  kind: string;
  classification: LogClassification;
  actorUserId: string | null;
  actorLabel: string;
  text: string;
  /** The event's facts as JSON text, exactly as stored, or null. */
  data: string | null;
  correctsId: string | null;
  prevHash: string;
}

/** The key for log hashes, derived from the installation's secret for this one purpose. */
export function crisisLogKey(secret: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, 'helhed', 'crisis-log-v1', 32));
}

const VERSION = 'helhed-crisis-log-v1';

/** The hash of an entry: HMAC-SHA256 over its fields as a JSON array (unambiguous, whatever the texts hold). */
export function entryHash(key: Buffer, e: ChainedEntry): string {
  const canonical = JSON.stringify([
    VERSION, e.planId, e.incidentId, e.seq, e.recordedAt, e.kind, e.classification, e.actorUserId, e.actorLabel, e.text, e.data, e.correctsId, e.prevHash,
  ]);
  return createHmac('sha256', key).update(canonical).digest('hex');
}

export interface ChainProblem {
  /** The entry the problem shows at, or null for the incident's head. */
  seq: number | null;
  message: string;
}

export interface ChainReport {
  incidentId: string;
  entries: number;
  intact: boolean;
  problems: ChainProblem[];
}

/**
 * Checks an incident's entries, in the order of their numbers, against their hashes, each other and the head the
 * incident keeps. Every problem is reported, in Danish, by entry number.
 */
export function verifyChain(
  key: Buffer,
  incidentId: string,
  entries: readonly (ChainedEntry & { hash: string })[],
  head: { length: number; hash: string },
): ChainReport {
  const problems: ChainProblem[] = [];
  let expectedSeq = 1;
  let previous = '';
  for (const e of entries) {
    if (e.seq !== expectedSeq) {
      problems.push({ seq: e.seq, message: e.seq > expectedSeq ? `Indførsel ${expectedSeq}${e.seq - expectedSeq > 1 ? `-${e.seq - 1}` : ''} mangler før indførsel ${e.seq}.` : `Indførsel ${e.seq} findes mere end én gang.` });
    }
    if (e.incidentId !== incidentId) problems.push({ seq: e.seq, message: `Indførsel ${e.seq} hører til en anden hændelse.` });
    if (e.prevHash !== previous) problems.push({ seq: e.seq, message: `Indførsel ${e.seq} peger ikke på indførslen før den: kæden er brudt.` });
    if (entryHash(key, e) !== e.hash) problems.push({ seq: e.seq, message: `Indførsel ${e.seq} er ændret efter den blev skrevet: indholdet passer ikke til dens kontrolsum.` });
    previous = e.hash;
    expectedSeq = e.seq + 1;
  }
  if (entries.length !== head.length || (entries.length > 0 && previous !== head.hash) || (entries.length === 0 && head.hash !== '')) {
    problems.push({
      seq: null,
      message:
        entries.length < head.length
          ? `Loggen skulle have ${head.length} indførsler, men har ${entries.length}: indførsler er fjernet.`
          : entries.length > head.length
            ? `Loggen skulle have ${head.length} indførsler, men har ${entries.length}: indførsler er tilføjet uden om Helhed.`
            : 'Loggens sidste indførsel passer ikke til den, hændelsen har registreret.',
    });
  }
  return { incidentId, entries: entries.length, intact: problems.length === 0, problems };
}
