/**
 * The incident log's chain (issue 7, part 6). Every event of an incident is an entry numbered 1, 2, … whose hash is an
 * HMAC-SHA256, under a key derived from the installation's secret (outside the database), of the entry's content and
 * the hash of the entry before it. The incident row keeps the head: the number of entries and a seal, a keyed hash of
 * that number and the last entry's hash. So:
 * - changing an entry's content breaks its own hash;
 * - removing or reordering entries breaks the link of the next one, or the head;
 * - cutting entries off the end and setting the head back to the entry before them breaks the seal, which cannot be
 *   made without the key (the last entry's hash alone, which anyone with the database can read, is not enough);
 * - someone with only the database cannot forge a consistent chain, since they lack the key.
 * What the key cannot stop is putting back a whole earlier state (entries and head) kept from a backup; the head hash
 * printed in the case-file PDF is the anchor against that.
 * Pure: the service stores and reads the entries.
 */
import { createHmac, hkdfSync, type KeyObject } from 'node:crypto';
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

/** What an entry's hash is taken over: its fields as a JSON array (unambiguous, whatever the texts hold). */
export function canonicalEntry(e: ChainedEntry): string {
  return JSON.stringify([
    VERSION, e.planId, e.incidentId, e.seq, e.recordedAt, e.kind, e.classification, e.actorUserId, e.actorLabel, e.text, e.data, e.correctsId, e.prevHash,
  ]);
}

/** The hash of an entry: HMAC-SHA256 over `canonicalEntry`. */
export function entryHash(key: Buffer | KeyObject, e: ChainedEntry): string {
  return createHmac('sha256', key).update(canonicalEntry(e)).digest('hex');
}

/**
 * The seal of an incident's head: a keyed hash of its number of entries and the last entry's hash, so that the head
 * cannot be moved back to an earlier entry without the key. An incident with no entries yet has the empty seal.
 */
export function headSeal(key: Buffer | KeyObject, incidentId: string, length: number, lastHash: string): string {
  if (length === 0) return '';
  return createHmac('sha256', key).update(JSON.stringify([`${VERSION}-head`, incidentId, length, lastHash])).digest('hex');
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
  /** The head's seal as stored, printed in the case file so a later copy can be held against it. */
  headHash: string;
}

/** «Indførsel 7» or «Indførsel 7-9». */
function numbers(from: number, to: number): string {
  return from === to ? `Indførsel ${from}` : `Indførsel ${from}-${to}`;
}

/**
 * Checks an incident's entries, in the order of their numbers, against their hashes, each other and the head the
 * incident keeps (its length and seal). Every problem is reported, in Danish, by entry number only: the messages never
 * hold an entry's content, kind or author, so they may be shown to a reader who may not read a § 115 entry.
 */
export function verifyChain(
  key: Buffer | KeyObject,
  incidentId: string,
  entries: readonly (ChainedEntry & { hash: string; computedHash?: string })[],
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
    if ((e.computedHash ?? entryHash(key, e)) !== e.hash) problems.push({ seq: e.seq, message: `Indførsel ${e.seq} er ændret efter den blev skrevet: indholdet passer ikke til dens kontrolsum.` });
    previous = e.hash;
    expectedSeq = e.seq + 1;
  }
  const lastSeq = entries.at(-1)?.seq ?? 0;
  const added = entries.filter((e) => e.seq > head.length);
  // Every incident's activation is its first entry, written with the incident itself, so an empty log was emptied.
  if (entries.length === 0 && head.length === 0) problems.push({ seq: null, message: 'Loggen har ingen indførsler, men hændelsens aktivering skulle stå i den: indførsler er fjernet.' });
  else if (head.length > lastSeq) {
    problems.push({ seq: lastSeq + 1, message: `${numbers(lastSeq + 1, head.length)} mangler i enden af loggen: den skulle have ${head.length} indførsler, men har ${entries.length}.` });
  } else if (added.length > 0) {
    problems.push({ seq: added[0]!.seq, message: `${numbers(added[0]!.seq, added.at(-1)!.seq)} er tilføjet uden om Helhed: loggen skulle have ${head.length} indførsler, men har ${entries.length}.` });
  } else if (entries.length !== head.length) problems.push({ seq: null, message: `Loggen skulle have ${head.length} indførsler, men har ${entries.length}.` });
  else if (head.hash !== headSeal(key, incidentId, entries.length, previous)) {
    problems.push({
      seq: null,
      message: `Loggens afslutning passer ikke til dens sidste indførsel (nr. ${entries.length}): indførsler kan være fjernet fra enden, eller hændelsens registrering af loggen er ændret uden om Helhed.`,
    });
  }
  return { incidentId, entries: entries.length, intact: problems.length === 0, problems, headHash: head.hash };
}
