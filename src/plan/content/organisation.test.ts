import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { organisation, organisationRemarks } from './organisation.js';
import type { Body, PlanRef } from './types.js';
import { PLAN_TEXT_LINES } from './plan-text.js';

const ocrLines = PLAN_TEXT_LINES;

/** The parts of the plan this file was extracted from: foreword, organisation, commissorium and beredskabsplan. */
const sections: [number, number][] = [
  [1, 95],
  [378, 724],
  [3089, 3623],
];

const normalised = (ref: PlanRef): string => ocrLines.slice(ref.lines[0] - 1, ref.lines[1]).join('').replace(/[\s.,]/g, '');

const body = (slug: string): Body => {
  const found = organisation.bodies.find((b) => b.slug === slug);
  assert.ok(found, slug);
  return found;
};

const allRefs = (): PlanRef[] => [
  ...organisation.bodies.map((b) => b.ref),
  ...organisation.changeRules.map((r) => r.ref),
  ...organisation.crisisGroup.map((r) => r.ref),
];

describe('the organisation of the plan', () => {
  it('has four bodies: the board, the steering group, Bysekretariatet and the political level', () => {
    assert.deepEqual(organisation.bodies.map((b) => b.slug), ['bestyrelse', 'styregruppe', 'bysekretariatet', 'politisk-niveau']);
  });

  it('seats six on the board, three from Randers Kommune and three for the housing organisations', () => {
    const members = body('bestyrelse').members;
    assert.equal(members.length, 6);
    assert.equal(members.filter((m) => m.organisation === 'Randers Kommune').length, 3);
  });

  it('gives the chair of both board and steering group to the director of Udvikling, Miljø og Teknik', () => {
    for (const slug of ['bestyrelse', 'styregruppe']) {
      const chairs = body(slug).members.filter((m) => m.role === 'formand');
      assert.equal(chairs.length, 1, slug);
      assert.equal(chairs[0]!.organisation, 'Randers Kommune');
      assert.match(chairs[0]!.position ?? '', /Udvikling, Miljø og Teknik/);
    }
  });

  it('seats 27 named members in the steering group, among them the four school leaders and three day-care leaders', () => {
    const members = body('styregruppe').members;
    assert.equal(members.length, 27);
    assert.equal(members.filter((m) => /^Skoleleder/.test(m.position ?? '')).length, 4);
    assert.equal(members.filter((m) => /Dagtilbud/.test(m.position ?? '')).length, 3);
    assert.equal(members.filter((m) => m.organisation === 'Randers Kommune').length, 22);
  });

  it('meets as a board twice a year in spring and autumn, plus at least two strategic meetings', () => {
    const cadence = body('bestyrelse').cadence;
    assert.match(cadence, /to faste møder årligt \(forår og efterår\)/);
    assert.match(cadence, /ca\. tre uger efter/);
    assert.match(cadence, /min\. to årlige møder/);
  });

  it('meets as a steering group three times a year, spring and autumn about three weeks before the board', () => {
    const cadence = body('styregruppe').cadence;
    assert.match(cadence, /3 faste møder årligt \(forår, sommer og efterår\)/);
    assert.match(cadence, /ca\. tre uger forud for bestyrelsens møder/);
  });

  it('links to the political level through a yearly conference and the annual report to the committees', () => {
    const p = body('politisk-niveau');
    assert.match(p.cadence, /hvert år/);
    assert.ok(p.tasks.some((t) => /fagudvalg/.test(t) && /årsrapporten/.test(t)));
  });

  it('has the monitoring unit deliver an annual data report to the board', () => {
    assert.ok(body('bestyrelse').tasks.some((t) => /årligt en datarapport/.test(t)));
  });

  it('lets sub-agreements change by board consensus, and the strategic agreement and commissorium only with LBF approval too', () => {
    const rule = (subject: string) => organisation.changeRules.find((r) => r.subject === subject);
    assert.equal(organisation.changeRules.length, 3);
    assert.deepEqual(rule('sub-agreement')?.requires, ['board-consensus']);
    assert.deepEqual(rule('strategic-agreement')?.requires, ['board-consensus', 'lbf-approval']);
    assert.deepEqual(rule('commissorium')?.requires, ['board-consensus', 'lbf-approval']);
    for (const r of organisation.changeRules.filter((x) => x.requires.includes('lbf-approval'))) {
      assert.match(normalised(r.ref), /Landsbyggefonden/);
    }
  });

  it('keeps every reference inside the lines this part of the plan covers, first line before last', () => {
    for (const ref of allRefs()) {
      const [first, last] = ref.lines;
      assert.ok(first <= last, `${first}-${last}`);
      assert.ok(sections.some(([a, b]) => first >= a && last <= b), `${first}-${last} lies in a section`);
    }
  });
});

describe('the crisis group roster', () => {
  it('lists seven roles, with a substitute only for the police', () => {
    assert.equal(organisation.crisisGroup.length, 7);
    const withSubstitute = organisation.crisisGroup.filter((r) => r.substitute);
    assert.deepEqual(withSubstitute.map((r) => r.organisation), ['Østjyllands Politi']);
  });

  it('marks the police and the municipal members as authorities, and the housing side not', () => {
    const authority = (organisationName: string) => organisation.crisisGroup.find((r) => r.organisation === organisationName)?.isAuthority;
    assert.equal(authority('Østjyllands Politi'), true);
    assert.equal(authority('Randers Ungdomsskole'), true);
    assert.equal(authority('Børne- og ungecenter'), true);
    assert.equal(authority('Center for psykiatri og socialt udsatte'), true);
    assert.equal(authority('Bysekretariatet'), false);
    assert.equal(authority('RandersBolig/driften'), false);
    assert.equal(authority('Lejerbo'), false);
  });

  it('finds every phone number and surname in the OCR text within the role\'s reference lines', () => {
    for (const r of organisation.crisisGroup) {
      const text = normalised(r.ref);
      for (const c of [r.principal, ...(r.substitute ? [r.substitute] : [])]) {
        assert.ok(c.phone, c.name);
        assert.ok(text.includes(c.phone.replace(/\s/g, '')), `${c.phone} in ${r.ref.lines.join('-')}`);
        const surname = c.name.split(' ').at(-1)!;
        assert.ok(text.includes(surname), `${surname} in ${r.ref.lines.join('-')}`);
      }
    }
  });

  it('keeps the printed phone numbers literally, e.g. 4214 8600 for Bysekretariatet', () => {
    assert.equal(organisation.crisisGroup.find((r) => r.organisation === 'Bysekretariatet')?.principal.phone, '4214 8600');
  });

  it('keeps personal names out of everything but the roster and the OCR doubt about one of them', () => {
    const names = organisation.crisisGroup.flatMap((r) => [r.principal.name, r.substitute?.name ?? '']).filter(Boolean);
    const elsewhere = JSON.stringify([organisation.bodies, organisation.changeRules, organisationRemarks.filter((r) => r.kind !== 'ocr-uncertain')]);
    for (const name of names) assert.ok(!elsewhere.includes(name.split(' ').at(-1)!), name);
  });

  it('marks the uncertain surname for review', () => {
    assert.ok(organisationRemarks.some((r) => r.kind === 'ocr-uncertain' && /Nerager/.test(r.text)));
  });
});
