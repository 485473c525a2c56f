import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randersPlanContent } from '../plan/content/index.js';
import type { Activity, TargetGroup } from '../plan/content/types.js';
import { ageOn, checkTargetGroup, normaliseName, type ParticipantFacts, type TargetGroupFinding } from './target-group.js';

const areaNames: ReadonlyMap<string, string> = new Map(randersPlanContent.areas.map((a) => [a.slug, a.name]));

const aGroup = (overrides: Partial<TargetGroup> = {}): TargetGroup => ({
  text: 'En målgruppe',
  areas: [],
  institutions: [],
  schools: [],
  criteria: [],
  ...overrides,
});

const aParticipant = (overrides: Partial<ParticipantFacts> = {}): ParticipantFacts => ({
  birthYearMonth: '2010-05',
  areaSlug: 'vangdalen',
  ...overrides,
});

const activity = (slug: string): Activity => {
  const found = randersPlanContent.interventionAreas.flatMap((a) => a.activities).find((a) => a.slug === slug);
  assert.ok(found, `activity ${slug}`);
  return found;
};

const only = (findings: TargetGroupFinding[], rule: TargetGroupFinding['rule']): TargetGroupFinding => {
  const matching = findings.filter((f) => f.rule === rule);
  assert.equal(matching.length, 1, `one ${rule} finding in ${JSON.stringify(findings)}`);
  return matching[0]!;
};

describe('ageOn', () => {
  it('gives one certain age after the birth month', () => {
    assert.deepEqual(ageOn('2012-03', '2025-09-01'), { min: 13, max: 13 });
  });

  it('gives one certain age before the birth month', () => {
    assert.deepEqual(ageOn('2012-10', '2025-09-01'), { min: 12, max: 12 });
  });

  it('gives two possible ages within the birth month, as the birthday may not have come yet', () => {
    assert.deepEqual(ageOn('2012-09', '2025-09-01'), { min: 12, max: 13 });
  });

  it('gives one age on the last day of the birth month, when every birthday has passed', () => {
    assert.deepEqual(ageOn('2012-09', '2025-09-30'), { min: 13, max: 13 });
  });

  it('keeps the age open on 28 February of a common year for someone born in February of a leap year', () => {
    assert.deepEqual(ageOn('2012-02', '2025-02-28'), { min: 12, max: 13 });
  });

  it('gives 0 in the birth month of the birth year', () => {
    assert.deepEqual(ageOn('2025-09', '2025-09-10'), { min: 0, max: 0 });
  });

  it('rejects a date before the birth month', () => {
    assert.throws(() => ageOn('2025-09', '2025-08-31'), RangeError);
  });

  it('rejects a birth month that is not YYYY-MM', () => {
    assert.throws(() => ageOn('2012-13', '2025-09-01'), RangeError);
    assert.throws(() => ageOn('2012-9', '2025-09-01'), RangeError);
  });

  it('rejects a date that is not a real calendar date', () => {
    assert.throws(() => ageOn('2012-09', '2025-02-30'), RangeError);
  });
});

describe('checkTargetGroup: age', () => {
  const teens = aGroup({ ageMin: 13, ageMax: 17 });

  it('blocks a participant younger than the minimum age, naming the age, the date and the limits', () => {
    const result = checkTargetGroup(teens, aParticipant({ birthYearMonth: '2012-10' }), '2025-09-01', areaNames);
    assert.equal(result.fits, false);
    assert.deepEqual(only(result.findings, 'age'), {
      rule: 'age',
      severity: 'block',
      message: 'Deltageren er 12 år den 1. september 2025; aktiviteten er for 13-17-årige.',
    });
  });

  it('blocks a participant older than the maximum age', () => {
    const result = checkTargetGroup(teens, aParticipant({ birthYearMonth: '2007-08' }), '2025-09-01', areaNames);
    assert.equal(result.fits, false);
    assert.equal(only(result.findings, 'age').message, 'Deltageren er 18 år den 1. september 2025; aktiviteten er for 13-17-årige.');
  });

  it('accepts a participant of exactly the minimum age', () => {
    const result = checkTargetGroup(teens, aParticipant({ birthYearMonth: '2012-08' }), '2025-09-01', areaNames);
    assert.equal(result.fits, true);
    assert.deepEqual(result.findings, []);
  });

  it('accepts a participant of exactly the maximum age', () => {
    const result = checkTargetGroup(teens, aParticipant({ birthYearMonth: '2007-10' }), '2025-09-01', areaNames);
    assert.equal(result.fits, true);
    assert.deepEqual(result.findings, []);
  });

  it('only warns when the unknown birthday decides whether the participant has reached the minimum age', () => {
    const result = checkTargetGroup(teens, aParticipant({ birthYearMonth: '2012-09' }), '2025-09-01', areaNames);
    assert.equal(result.fits, true);
    const finding = only(result.findings, 'age');
    assert.equal(finding.severity, 'warn');
    assert.match(finding.message, /^Deltageren er 12 eller 13 år den 1\. september 2025 \(fødselsdagen i september kendes ikke præcist\)/);
  });

  it('only warns when the unknown birthday decides whether the participant has passed the maximum age', () => {
    const result = checkTargetGroup(teens, aParticipant({ birthYearMonth: '2007-09' }), '2025-09-15', areaNames);
    assert.equal(result.fits, true);
    assert.equal(only(result.findings, 'age').severity, 'warn');
  });

  it('blocks in the birth month when both possible ages are outside the limits', () => {
    const result = checkTargetGroup(teens, aParticipant({ birthYearMonth: '2013-09' }), '2025-09-01', areaNames);
    assert.equal(result.fits, false);
    assert.equal(only(result.findings, 'age').message, 'Deltageren er 11 eller 12 år den 1. september 2025; aktiviteten er for 13-17-årige.');
  });

  it('says "mindst" when the group has a minimum age only', () => {
    const result = checkTargetGroup(aGroup({ ageMin: 30 }), aParticipant({ birthYearMonth: '2000-01' }), '2025-09-01', areaNames);
    assert.equal(only(result.findings, 'age').message, 'Deltageren er 25 år den 1. september 2025; aktiviteten er for deltagere på mindst 30 år.');
  });

  it('has no age finding when the group has no age limits', () => {
    const result = checkTargetGroup(aGroup(), aParticipant({ birthYearMonth: '1950-01' }), '2025-09-01', areaNames);
    assert.deepEqual(result.findings, []);
  });
});

describe('checkTargetGroup: area', () => {
  it('blocks a participant living outside the group\'s areas, naming them', () => {
    const group = aGroup({ areas: ['gl-jennumparken', 'glarbjergvej-omraadet'] });
    const result = checkTargetGroup(group, aParticipant({ areaSlug: 'vangdalen' }), '2025-09-01', areaNames);
    assert.equal(result.fits, false);
    assert.deepEqual(only(result.findings, 'area'), {
      rule: 'area',
      severity: 'block',
      message: 'Deltageren bor i Vangdalen; aktiviteten er for Gl. Jennumparken og Glarbjergvej-området.',
    });
  });

  it('accepts a participant living in one of the group\'s areas', () => {
    const group = aGroup({ areas: ['gl-jennumparken', 'vangdalen'] });
    assert.deepEqual(checkTargetGroup(group, aParticipant({ areaSlug: 'vangdalen' }), '2025-09-01', areaNames).findings, []);
  });

  it('reads an empty area list as all seven areas', () => {
    for (const slug of areaNames.keys()) {
      assert.deepEqual(checkTargetGroup(aGroup(), aParticipant({ areaSlug: slug }), '2025-09-01', areaNames).findings, [], slug);
    }
    assert.equal(areaNames.size, 7);
  });

  it('blocks an area that is none of the plan\'s areas when the group is for all of them', () => {
    const result = checkTargetGroup(aGroup(), aParticipant({ areaSlug: 'kristrup' }), '2025-09-01', areaNames);
    assert.equal(result.fits, false);
    assert.equal(only(result.findings, 'area').message, 'Deltageren bor i kristrup; aktiviteten er for alle helhedsplanens boligområder.');
  });

  it('warns, without blocking, when the participant\'s area is unknown', () => {
    const result = checkTargetGroup(aGroup({ areas: ['vangdalen'] }), aParticipant({ areaSlug: null }), '2025-09-01', areaNames);
    assert.equal(result.fits, true);
    assert.deepEqual(only(result.findings, 'area'), {
      rule: 'area',
      severity: 'warn',
      message: 'Deltagerens boligområde kendes ikke; aktiviteten er for Vangdalen.',
    });
  });
});

describe('checkTargetGroup: institution and school', () => {
  const schools = aGroup({ schools: ['Nørrevangsskolen', 'Hobrovejens Skole'] });

  it('accepts a school written with other case, spaces and ø as oe', () => {
    const result = checkTargetGroup(schools, aParticipant({ school: ' hobrovejensskole ' }), '2025-09-01', areaNames);
    assert.deepEqual(result.findings, []);
    assert.deepEqual(checkTargetGroup(schools, aParticipant({ school: 'NOERREVANGSSKOLEN' }), '2025-09-01', areaNames).findings, []);
  });

  it('warns, naming both, when the participant goes to another school', () => {
    const result = checkTargetGroup(schools, aParticipant({ school: 'Vestervangskolen' }), '2025-09-01', areaNames);
    assert.equal(result.fits, true);
    assert.deepEqual(only(result.findings, 'school'), {
      rule: 'school',
      severity: 'warn',
      message: 'Deltageren går på Vestervangskolen; aktiviteten er for elever på Nørrevangsskolen eller Hobrovejens Skole.',
    });
  });

  it('warns when the participant\'s school is not given', () => {
    const result = checkTargetGroup(schools, aParticipant({ school: null }), '2025-09-01', areaNames);
    assert.equal(only(result.findings, 'school').message, 'Deltagerens skole er ikke oplyst; aktiviteten er for elever på Nørrevangsskolen eller Hobrovejens Skole.');
  });

  it('warns when the participant is at another institution than those named', () => {
    const group = aGroup({ institutions: ['Børnehuset Hørhaven'] });
    const result = checkTargetGroup(group, aParticipant({ institution: 'Børnehuset Nyvang' }), '2025-09-01', areaNames);
    assert.equal(result.fits, true);
    assert.deepEqual(only(result.findings, 'institution'), {
      rule: 'institution',
      severity: 'warn',
      message: 'Deltageren er tilknyttet Børnehuset Nyvang; aktiviteten er for børn i Børnehuset Hørhaven.',
    });
  });

  it('accepts an institution written with aa for å and ae for æ', () => {
    const group = aGroup({ institutions: ['Den selvejende institution Platangården', 'Børnehuset Mælkevejen'] });
    assert.deepEqual(checkTargetGroup(group, aParticipant({ institution: 'Den Selvejende Institution Platangaarden' }), '2025-09-01', areaNames).findings, []);
    assert.deepEqual(checkTargetGroup(group, aParticipant({ institution: 'boernehuset maelkevejen' }), '2025-09-01', areaNames).findings, []);
  });

  it('ignores a participant\'s school when the group names none', () => {
    assert.deepEqual(checkTargetGroup(aGroup(), aParticipant({ school: 'Vestervangskolen', institution: 'KFUM' }), '2025-09-01', areaNames).findings, []);
  });

  it('normalises names to the same key whatever the case, spaces and spelling of æ, ø and å', () => {
    assert.equal(normaliseName('Børnehuset  Bækkestien'), normaliseName('boernehuset baekkestien'));
    assert.notEqual(normaliseName('Børnehuset Bækkestien'), normaliseName('Børnehuset Bækkedalen'));
  });
});

describe('checkTargetGroup: criteria', () => {
  it('lists the free-text criteria in one info finding for the employee to confirm, without blocking', () => {
    const group = aGroup({ criteria: ['skolefravær over 10 %', 'forældre deltager'] });
    const result = checkTargetGroup(group, aParticipant(), '2025-09-01', areaNames);
    assert.equal(result.fits, true);
    assert.deepEqual(result.findings, [
      {
        rule: 'criteria',
        severity: 'info',
        message: 'Bekræft, at deltageren opfylder aktivitetens kriterier, som systemet ikke kan kontrollere: skolefravær over 10 %; forældre deltager.',
      },
    ]);
  });
});

describe('checkTargetGroup on the plan\'s activities', () => {
  it('blocks a 12-year-old from Brandkadet, which is for 13-17-year-olds', () => {
    const brandkadet = activity('brandkadet');
    const result = checkTargetGroup(brandkadet.targetGroup, aParticipant({ birthYearMonth: '2012-10', areaSlug: 'gl-jennumparken' }), '2025-09-01', areaNames);
    assert.equal(result.fits, false);
    assert.equal(only(result.findings, 'age').message, 'Deltageren er 12 år den 1. september 2025; aktiviteten er for 13-17-årige.');
    assert.equal(only(result.findings, 'criteria').severity, 'info');
  });

  it('lets a pupil of Østervangskolen spelled "Oestervangskolen" into Fremmøde i skolen, leaving the absence criterion to confirm', () => {
    const result = checkTargetGroup(activity('fremmoede-i-skolen').targetGroup, aParticipant({ school: 'Oestervangskolen' }), '2025-09-01', areaNames);
    assert.equal(result.fits, true);
    assert.deepEqual(result.findings.map((f) => [f.rule, f.severity]), [['criteria', 'info']]);
    assert.match(result.findings[0]!.message, /skolefravær \(\+10 %\)/);
  });

  it('blocks a 7-year-old from NPU, which is for children aged 0-6', () => {
    const result = checkTargetGroup(activity('npu').targetGroup, aParticipant({ birthYearMonth: '2018-03', institution: 'Børnehuset Jennumparken' }), '2025-09-01', areaNames);
    assert.equal(result.fits, false);
    assert.deepEqual(result.findings.map((f) => [f.rule, f.severity]), [['age', 'block'], ['criteria', 'info']]);
  });
});

describe('checkTargetGroup: malformed facts', () => {
  it('rejects a malformed birth month even for a group without age limits', () => {
    assert.throws(() => checkTargetGroup(aGroup(), aParticipant({ birthYearMonth: '2012' }), '2025-09-01', areaNames), RangeError);
  });
});
