import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { crimePrevention, crimePreventionMunicipalContext, crimePreventionNotes } from './crime-prevention.js';
import type { Activity, ActivityTarget, PlanRef } from './types.js';
import { PLAN_TEXT_LINES, AREA_SLUGS } from './plan-text.js';

const ocrLines = PLAN_TEXT_LINES;

/**
 * The section's lines. The plan's chapter runs 2355-2870, but its problem statement is printed beside the end of the
 * employment chapter, interleaved with it by OCR from line 2283, so the section starts there.
 */
const SECTION: [number, number] = [2283, 2870];


/**
 * Figures printed as words in the plan; their digits cannot be found in the OCR text, so the word is looked for
 * instead. Digit exceptions for OCR noise: none were needed in this section.
 */
const NUMBER_WORDS: Record<number, string> = { 1: 'én', 2: 'to', 3: 'tre' };
const OCR_DIGIT_EXCEPTIONS: string[] = [];

function ocrText(ref: PlanRef): string {
  return ocrLines.slice(ref.lines[0] - 1, ref.lines[1]).join(' ');
}

function normalise(text: string): string {
  return text.replace(/[\s.,]/g, '');
}

function assertDigitsInOcr(printed: string, ref: PlanRef, what: string): void {
  const source = normalise(ocrText(ref));
  for (const digits of normalise(printed).match(/\d+/g) ?? []) {
    if (OCR_DIGIT_EXCEPTIONS.includes(`${what}:${digits}`)) continue;
    assert.ok(source.includes(digits), `${what}: ${digits} står ikke i linje ${ref.lines.join('-')}`);
  }
}

function allRefs(): { what: string; ref: PlanRef }[] {
  const refs: { what: string; ref: PlanRef }[] = [
    { what: 'area', ref: crimePrevention.ref },
    { what: 'subAgreement', ref: crimePrevention.subAgreement.ref },
    { what: 'municipalContext', ref: crimePreventionMunicipalContext.ref },
    ...crimePreventionNotes.map((n, i) => ({ what: `note ${i}`, ref: n.ref })),
    ...crimePrevention.staffHours.map((h) => ({ what: `hours ${h.organisation}`, ref: h.ref })),
  ];
  for (const goal of crimePrevention.subGoals) {
    refs.push({ what: goal.code, ref: goal.ref });
    for (const indicator of goal.indicators) {
      refs.push({ what: indicator.code, ref: indicator.ref });
      for (const b of indicator.baselines) refs.push({ what: `${indicator.code} ${b.scope}`, ref: b.ref });
    }
  }
  for (const activity of crimePrevention.activities) {
    refs.push({ what: activity.slug, ref: activity.ref });
    for (const t of activity.targets) refs.push({ what: t.code, ref: t.ref });
  }
  return refs;
}

function activity(slug: string): Activity {
  const found = crimePrevention.activities.find((a) => a.slug === slug);
  assert.ok(found, `aktiviteten ${slug} mangler`);
  return found;
}

function target(slug: string, code: string): ActivityTarget {
  const found = activity(slug).targets.find((t) => t.code === code);
  assert.ok(found, `målet ${code} mangler`);
  return found;
}

const indicator = crimePrevention.subGoals[0]!.indicators[0]!;

describe('Kriminalitetsforebyggelse as seed data', () => {
  it('is the intervention area kriminalitetsforebyggelse', () => {
    assert.equal(crimePrevention.slug, 'kriminalitetsforebyggelse');
    assert.equal(crimePrevention.name, 'Kriminalitetsforebyggelse');
  });

  it('runs the sub-agreement from 1 August 2025 to 31 July 2029 with four parties', () => {
    assert.equal(crimePrevention.subAgreement.periodStart, '2025-08-01');
    assert.equal(crimePrevention.subAgreement.periodEnd, '2029-07-31');
    assert.deepEqual(crimePrevention.subAgreement.parties, [
      'Bysekretariatet',
      'Leder af Ungdomsskolen',
      'Centerleder af Børne- og Ungecenter',
      'Projektleder, Kultur og Fritid',
    ]);
  });

  it('has one sub-goal with one indicator', () => {
    assert.equal(crimePrevention.subGoals.length, 1);
    assert.equal(crimePrevention.subGoals[0]!.indicators.length, 1);
    assert.equal(indicator.code, 'krim-1');
  });

  it('gives the indicator a baseline for each of the seven areas and one for the municipality', () => {
    const areaScopes = indicator.baselines.filter((b) => b.scope.startsWith('area:')).map((b) => b.scope.slice(5));
    assert.deepEqual([...areaScopes].sort(), [...AREA_SLUGS].sort());
    assert.equal(indicator.baselines.filter((b) => b.scope === 'municipality').length, 1);
    assert.equal(indicator.baselines.length, 8);
  });

  it('keeps the baselines the plan prints for 1 September 2024', () => {
    const byScope = Object.fromEntries(indicator.baselines.map((b) => [b.scope, b.value]));
    assert.deepEqual(byScope, {
      'area:gl-jennumparken': 24,
      'area:glarbjergvej-omraadet': 26,
      'area:vangdalen': 15,
      'area:hermann-stillings-vej-omraadet': 25,
      'area:energivej-omraadet': 14,
      'area:sjaellandsgade-kvarteret': 19,
      'area:centrale-randers': 23,
      municipality: 31,
    });
    for (const b of indicator.baselines) assert.equal(b.period, '1. september 2024');
  });

  it('has the five activities in the order the plan describes them', () => {
    assert.deepEqual(
      crimePrevention.activities.map((a) => [a.number, a.slug]),
      [
        [1, 'brandkadet'],
        [2, 'lommepengejobs'],
        [3, 'teenagegrupper'],
        [4, 'fritids-og-ferieaktiviteter'],
        [5, 'brobygning-til-foreningslivet'],
      ],
    );
  });

  it('keeps every reference inside the section and in order', () => {
    for (const { what, ref } of allRefs()) {
      assert.ok(ref.lines[0] <= ref.lines[1], `${what}: linjerne står omvendt`);
      assert.ok(ref.lines[0] >= SECTION[0] && ref.lines[1] <= SECTION[1], `${what}: ${ref.lines.join('-')} ligger uden for afsnittet`);
    }
  });

  it('finds every printed figure in the OCR text at its reference', () => {
    for (const b of indicator.baselines) assertDigitsInOcr(b.printed, b.ref, `${indicator.code} ${b.scope}`);
    for (const h of crimePrevention.staffHours) assertDigitsInOcr(h.printed, h.ref, h.organisation);
    for (const a of crimePrevention.activities) {
      for (const t of a.targets) assertDigitsInOcr(t.printed, t.ref, t.code);
    }
  });

  it('finds each target figure printed as digits or as a Danish number word', () => {
    for (const a of crimePrevention.activities) {
      for (const t of a.targets) {
        const figures = [t.value, t.min, t.max].filter((n): n is number => n !== undefined);
        assert.ok(figures.length > 0, `${t.code}: intet tal`);
        for (const n of figures) {
          const word = NUMBER_WORDS[n];
          const stated = new RegExp(`(^|\\D)${n}(\\D|$)`).test(t.printed) || (word !== undefined && new RegExp(`(^|\\s)${word}(\\s|$)`, 'i').test(t.printed));
          assert.ok(stated, `${t.code}: ${n} står ikke i «${t.printed}»`);
        }
      }
    }
  });

  it('gives every target the fields its kind needs', () => {
    for (const a of crimePrevention.activities) {
      for (const t of a.targets) {
        if (t.kind === 'minimum') assert.equal(typeof t.min, 'number', t.code);
        if (t.kind === 'range') assert.ok(t.min !== undefined && t.max !== undefined && t.min < t.max, t.code);
        if (t.kind === 'exact' || t.kind === 'approximate') assert.equal(typeof t.value, 'number', t.code);
      }
    }
  });

  it('keeps at least 12 youths a year in Brandkadet, two courses of 10-12 sessions and 12 places', () => {
    assert.deepEqual(
      [target('brandkadet', 'brandkadet-deltagere').kind, target('brandkadet', 'brandkadet-deltagere').min],
      ['minimum', 12],
    );
    assert.equal(target('brandkadet', 'brandkadet-deltagere').per, 'plan-year');
    assert.equal(target('brandkadet', 'brandkadet-forloeb').value, 2);
    const sessions = target('brandkadet', 'brandkadet-undervisningsgange');
    assert.deepEqual([sessions.kind, sessions.min, sessions.max, sessions.per], ['range', 10, 12, 'course']);
    assert.equal(target('brandkadet', 'brandkadet-pladser').value, 12);
    assert.deepEqual([activity('brandkadet').targetGroup.ageMin, activity('brandkadet').targetGroup.ageMax], [13, 17]);
  });

  it('keeps at least two staycations a summer, one for families and one for youths', () => {
    const staycations = target('fritids-og-ferieaktiviteter', 'ferieaktiviteter-staycations');
    assert.deepEqual([staycations.kind, staycations.min, staycations.per], ['minimum', 2, 'summer']);
    const parts = ['ferieaktiviteter-staycation-familier', 'ferieaktiviteter-staycation-unge'].map(
      (code) => target('fritids-og-ferieaktiviteter', code).min ?? 0,
    );
    assert.equal(parts.reduce((sum, n) => sum + n, 0), staycations.min);
  });

  it('keeps teenage groups of about 10 youths for about 8 weeks', () => {
    const size = target('teenagegrupper', 'teenagegrupper-deltagere');
    const weeks = target('teenagegrupper', 'teenagegrupper-varighed');
    assert.deepEqual([size.kind, size.value], ['approximate', 10]);
    assert.deepEqual([weeks.kind, weeks.value], ['approximate', 8]);
  });

  it('keeps the 6-8 sports associations of Brobygning til foreningslivet as a range', () => {
    const clubs = target('brobygning-til-foreningslivet', 'brobygning-idraetsforeninger');
    assert.deepEqual([clubs.kind, clubs.min, clubs.max], ['range', 6, 8]);
  });

  it('adds up the youth hours of the pocket-money jobs: 16 youths × 2 hours a week × 52 weeks', () => {
    const trainers = target('lommepengejobs', 'lommepengejobs-get2sport-traenere').min ?? 0;
    const institutionJobs = target('lommepengejobs', 'lommepengejobs-institutioner').value ?? 0;
    const hoursPerWeek = target('lommepengejobs', 'lommepengejobs-institution-timer').value ?? 0;
    assert.equal(target('lommepengejobs', 'lommepengejobs-get2sport-timer').value, hoursPerWeek);
    const municipal = crimePrevention.staffHours.find((h) => h.organisation === 'Randers Kommune');
    assert.equal(municipal?.hoursPerYear, (trainers + institutionJobs) * hoursPerWeek * 52);
    assert.equal(municipal?.hoursPerYear, 1664);
  });

  it('matches weekly and annual staff hours, or says why not', () => {
    for (const h of crimePrevention.staffHours) {
      const weekly = h.printed.match(/(\d+) timer (?:pr\. uge|om ugen)/);
      if (!weekly || h.hoursPerYear === undefined) continue;
      const matches = Number(weekly[1]) * 52 === h.hoursPerYear;
      const explained = (h.remarks ?? []).some((r) => /52/.test(r.text));
      assert.ok(matches || explained, `${h.organisation}: ${weekly[1]} timer om ugen passer ikke med ${h.hoursPerYear}`);
    }
    assert.equal(crimePrevention.staffHours.find((h) => h.organisation === 'Bysekretariatet')?.hoursPerYear, 1818);
  });

  it('keeps the annual staff hours the plan agrees per organisation', () => {
    assert.deepEqual(
      crimePrevention.staffHours.map((h) => h.hoursPerYear),
      [276, 1664, 100, 1040, 1818],
    );
  });

  it('names no person outside the crisis roster', () => {
    const text = JSON.stringify([crimePrevention, crimePreventionMunicipalContext, crimePreventionNotes]);
    for (const name of ['Nielsine', 'Geisler', 'Pedersen', 'Petersen']) assert.ok(!text.includes(name), name);
  });

  it('restores the Danish letters OCR mangled', () => {
    // Codes and slugs are ASCII by design, web addresses are kept as printed, and «tema» inflects with a real «ae».
    const text = JSON.stringify([crimePrevention, crimePreventionMunicipalContext])
      .replace(/"(code|slug|activity|scope)":"[^"]*"/g, '')
      .replace(/https?:\/\/[^\s")]+/g, '')
      .replace(/\bTema(erne|et)\b/g, '');
    for (const mangled of [/omrade/, /omrader/, /\barlig/i, /\bbern\b/, /\bmal\b/, /foraeldre/, /faellesskab/, /@/, /ae/]) {
      assert.ok(!mangled.test(text), `${mangled} står stadig i teksten`);
    }
  });
});
