/**
 * The incident log's keyed hash chain (issue 7, part 6): a chain built as the service builds it verifies; a changed
 * text, a removed, reordered or added entry, a head moved back, and a hash recomputed without the key are each
 * reported by entry number, and no message carries an entry's content.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import { crisisLogKey, entryHash, headSeal, isLogKind, verifyChain, type ChainedEntry } from './crisis-log.js';

const KEY = crisisLogKey(Buffer.from('en-hemmelighed-kun-til-testene-af-loggen'));
const INCIDENT = 'haendelse-1';
type Stored = ChainedEntry & { hash: string };

/** A chain of `n` entries and its head, as `CrisisLog.append` writes them. */
function aChain(n: number, key = KEY): { entries: Stored[]; head: { length: number; hash: string } } {
  const entries: Stored[] = [];
  let previous = '';
  for (let seq = 1; seq <= n; seq++) {
    const e: ChainedEntry = {
      planId: 'plan',
      incidentId: INCIDENT,
      seq,
      recordedAt: new Date(Date.UTC(2026, 2, 28, 19, seq)).toISOString(),
      kind: seq === 1 ? 'aktivering' : 'notat',
      classification: seq === 3 ? 'paragraf115' : 'generel',
      actorUserId: 'bruger',
      actorLabel: 'Politikommissær',
      text: seq === 3 ? 'Fortroligt: navngiven person anholdt' : `Notat ${seq}`,
      data: seq === 1 ? JSON.stringify({ level: 'roed' }) : null,
      correctsId: null,
      prevHash: previous,
    };
    const hash = entryHash(key, e);
    entries.push({ ...e, hash });
    previous = hash;
  }
  return { entries, head: { length: n, hash: headSeal(key, INCIDENT, n, previous) } };
}

const messages = (r: ReturnType<typeof verifyChain>) => r.problems.map((p) => p.message);

describe('the incident log chain', () => {
  it('verifies a chain as written, with its head', () => {
    const { entries, head } = aChain(5);
    const report = verifyChain(KEY, INCIDENT, entries, head);
    assert.deepEqual(report, { incidentId: INCIDENT, entries: 5, intact: true, problems: [], headHash: head.hash });
  });

  it('reports a changed text by the entry’s number, without its content', () => {
    const { entries, head } = aChain(5);
    entries[2] = { ...entries[2]!, text: 'Ændret tekst' };
    const report = verifyChain(KEY, INCIDENT, entries, head);
    assert.equal(report.intact, false);
    assert.deepEqual(report.problems, [{ seq: 3, message: 'Indførsel 3 er ændret efter den blev skrevet: indholdet passer ikke til dens kontrolsum.' }]);
    assert.ok(messages(report).every((m) => !m.includes('anholdt') && !m.includes('Ændret tekst') && !m.includes('Politikommissær')));
  });

  it('reports a changed classification, time or author as a change too', () => {
    for (const change of [{ classification: 'generel' as const }, { recordedAt: '2026-03-28T19:00:00.000Z' }, { actorLabel: 'En anden' }, { data: '{"level":"gul"}' }]) {
      const { entries, head } = aChain(3);
      // Entry 3 is the § 115 one: declassifying it is a change like any other.
      entries[2] = { ...entries[2]!, ...change };
      assert.deepEqual(verifyChain(KEY, INCIDENT, entries, head).problems.map((p) => p.seq), [3], JSON.stringify(change));
    }
  });

  it('still finds a change when the hash is recomputed as a plain SHA-256, since the key is not in the database', () => {
    const { entries, head } = aChain(4);
    const changed = { ...entries[1]!, text: 'Omskrevet' };
    changed.hash = createHash('sha256').update(JSON.stringify(changed)).digest('hex');
    entries[1] = changed;
    const report = verifyChain(KEY, INCIDENT, entries, head);
    assert.deepEqual(report.problems.map((p) => p.seq), [2, 3]);
  });

  it('finds a chain rebuilt whole under another key, at its first entry and its head', () => {
    const forged = aChain(3, crisisLogKey(Buffer.from('en-gættet-nøgle')));
    const report = verifyChain(KEY, INCIDENT, forged.entries, forged.head);
    assert.deepEqual(report.problems.map((p) => p.seq), [1, 2, 3, null]);
  });

  it('names an entry removed from the middle, and the one that no longer links', () => {
    const { entries, head } = aChain(5);
    entries.splice(2, 1);
    const report = verifyChain(KEY, INCIDENT, entries, head);
    assert.deepEqual(messages(report).slice(0, 2), ['Indførsel 3 mangler før indførsel 4.', 'Indførsel 4 peger ikke på indførslen før den: kæden er brudt.']);
    assert.ok(messages(report).includes('Loggen skulle have 5 indførsler, men har 4.'));
  });

  it('names the last entry when it is removed and the head left alone', () => {
    const { entries, head } = aChain(5);
    entries.pop();
    assert.deepEqual(verifyChain(KEY, INCIDENT, entries, head).problems, [
      { seq: 5, message: 'Indførsel 5 mangler i enden af loggen: den skulle have 5 indførsler, men har 4.' },
    ]);
  });

  it('finds the last entry removed even when the head is set back to the entry before, since the seal needs the key', () => {
    const { entries } = aChain(5);
    entries.pop();
    const report = verifyChain(KEY, INCIDENT, entries, { length: 4, hash: entries[3]!.hash });
    assert.equal(report.problems.length, 1);
    assert.match(report.problems[0]!.message, /^Loggens afslutning passer ikke til dens sidste indførsel \(nr\. 4\)/);
  });

  it('names entries added outside Helhed after the head', () => {
    const { entries, head } = aChain(3);
    const extra = aChain(5).entries.slice(3);
    const report = verifyChain(KEY, INCIDENT, [...entries, ...extra], head);
    assert.deepEqual(report.problems, [{ seq: 4, message: 'Indførsel 4-5 er tilføjet uden om Helhed: loggen skulle have 3 indførsler, men har 5.' }]);
  });

  it('finds two entries swapped', () => {
    const { entries, head } = aChain(4);
    const swapped = [entries[0]!, entries[2]!, entries[1]!, entries[3]!];
    assert.equal(verifyChain(KEY, INCIDENT, swapped, head).intact, false);
  });

  it('finds an emptied log, since every incident logs its activation', () => {
    assert.deepEqual(verifyChain(KEY, INCIDENT, [], { length: 0, hash: '' }).problems.map((p) => p.seq), [null]);
  });

  it('finds an entry moved from another incident', () => {
    const { entries, head } = aChain(2);
    const report = verifyChain(KEY, 'haendelse-2', entries, { ...head });
    assert.ok(messages(report).includes('Indførsel 1 hører til en anden hændelse.'));
  });

  it('knows its kinds of entry', () => {
    assert.ok(isLogKind('rettelse'));
    assert.ok(!isLogKind('toString'));
  });
});
