/**
 * The outcome measures Helhed follows for individual participants over time, and how each is written, checked and
 * compared with the plan's own indicators. The plan wants «at følge udviklingen hos de børn, der har modtaget en
 * sprogindsats, en fraværsindsats eller støtte fra en social vicevært» (OCR lines 617-619); each measure names the
 * sub-goal indicator (src/plan/content/*.ts) its cohort figure is compared with, where the plan has one.
 *
 * The list is closed: a measure not in it cannot be stored. Individual data about criminal offences is refused by
 * design (PRODUCT.md, "Personal data"): crime is followed only as area figures in monitoring (lbf-3a), never per person.
 */
import { parseNumber } from '../monitoring/import/numbers.js';
import { parseDate, parsePeriod, isError } from '../monitoring/periods.js';
import { parseTerm, schoolYear, termPeriod, type OutcomePeriod } from './terms.js';

/** How a measure's period is written: a school term, a school year, a month or the day of an assessment. */
export type OutcomePeriodKind = 'term' | 'school-year' | 'month' | 'day';

export const PERIOD_KIND_LABELS: Record<OutcomePeriodKind, string> = {
  term: 'skolehalvår',
  'school-year': 'skoleår',
  month: 'måned',
  day: 'dato',
};

const PERIOD_EXAMPLES: Record<OutcomePeriodKind, string> = {
  term: '1. skolehalvår 2024/25',
  'school-year': '2024/25',
  month: 'marts 2025',
  day: '15-03-2025',
};

/** A comparison with a plan indicator: the indicator's code and what the cohort figure is. */
export interface Comparable {
  indicator: string;
}

export interface NumberMeasure {
  type: 'number';
  min: number;
  max: number;
  /** Shown after the number: `%`, `` for a grade or score. */
  unit: string;
  /** The plan indicator the cohort's mean is compared with. */
  meanComparable?: Comparable;
  /** A share of persons above a level, e.g. over 10 % absence (udd-2b). */
  above?: { level: number; label: string; comparable?: Comparable };
}

export interface CategoryValue {
  value: string;
  label: string;
  /** Other ways people write it. */
  aliases: readonly string[];
  /** The plan indicator the share with this value is compared with. */
  comparable?: Comparable;
}

export interface CategoryMeasure {
  type: 'category';
  values: readonly CategoryValue[];
  /** A share over several values, e.g. neither in job nor education (lbf-2a). */
  group?: { values: readonly string[]; label: string; comparable?: Comparable };
}

export interface OutcomeMeasure {
  key: string;
  name: string;
  description: string;
  periodKind: OutcomePeriodKind;
  scale: NumberMeasure | CategoryMeasure;
  /** The activities that promise to follow it (slugs), offered first on the cohort page. */
  followedBy: readonly string[];
  /** Where the value usually comes from, suggested as the source. */
  source: string;
}

export const OUTCOME_MEASURES: readonly OutcomeMeasure[] = [
  {
    key: 'skolefravaer',
    name: 'Skolefravær',
    description: 'Elevens samlede fravær i skolehalvåret i procent af skoledagene (0.-10. klasse).',
    periodKind: 'term',
    scale: {
      type: 'number', min: 0, max: 100, unit: '%',
      meanComparable: { indicator: 'udd-2a' },
      above: { level: 10, label: 'Andel med over 10 % fravær', comparable: { indicator: 'udd-2b' } },
    },
    followedBy: ['fremmoede-i-skolen', 'trivsel-i-skolen', 'social-vicevaert', 'trivselsforloeb-for-familier'],
    source: 'Skolens fraværsregistrering',
  },
  {
    key: 'sprogvurdering',
    name: 'Sprogvurdering',
    description: 'Resultatet af sprogvurderingen (talesproglige færdigheder): behov for generel, fokuseret eller særlig indsats.',
    periodKind: 'day',
    scale: {
      type: 'category',
      values: [
        { value: 'generel', label: 'Generel indsats', aliases: ['generel indsats', 'almen', 'almen indsats', 'alderssvarende'], comparable: { indicator: 'udd-1a' } },
        { value: 'fokuseret', label: 'Fokuseret indsats', aliases: ['fokuseret indsats'], comparable: { indicator: 'udd-1b' } },
        { value: 'særlig', label: 'Særlig indsats', aliases: ['saerlig', 'særlig indsats', 'saerlig indsats'], comparable: { indicator: 'udd-1c' } },
      ],
    },
    followedBy: ['sprogindsats', 'npu', 'familiedage', 'det-gode-liv-for-alle'],
    source: 'Randers Kommune, sprogvurdering',
  },
  {
    key: 'beskaeftigelse',
    name: 'Beskæftigelsesstatus',
    description: 'Hvad personen lever af eller er i gang med i måneden.',
    periodKind: 'month',
    scale: {
      type: 'category',
      values: [
        { value: 'i job', label: 'I job', aliases: ['job', 'beskæftiget', 'i arbejde', 'arbejde'] },
        { value: 'i uddannelse', label: 'I uddannelse', aliases: ['uddannelse', 'under uddannelse'] },
        { value: 'ledig', label: 'Ledig', aliases: ['arbejdsløs'] },
        { value: 'uden for arbejdsstyrken', label: 'Uden for arbejdsstyrken', aliases: ['udenfor arbejdsstyrken', 'uden for arbejdsmarkedet'] },
      ],
      group: { values: ['ledig', 'uden for arbejdsstyrken'], label: 'Hverken i job eller uddannelse', comparable: { indicator: 'lbf-2a' } },
    },
    followedBy: ['fremskudt-beskaeftigelsesindsats', 'job-til-mor', 'familieorienteret-uddannelsesvejledning', 'lommepengejobs'],
    source: 'Jobcenter Randers',
  },
  {
    key: 'forsoergelse',
    name: 'Forsørgelsesgrundlag',
    description: 'Om personen er på kontanthjælp, en anden offentlig ydelse eller er selvforsørgende i måneden.',
    periodKind: 'month',
    scale: {
      type: 'category',
      values: [
        { value: 'kontanthjælp', label: 'Kontanthjælp', aliases: ['kontanthjaelp', 'uddannelseshjælp', 'selvforsørgelses- og hjemrejseydelse'], comparable: { indicator: 'besk-2' } },
        { value: 'anden ydelse', label: 'Anden offentlig ydelse', aliases: ['anden offentlig ydelse', 'offentlig ydelse'] },
        { value: 'selvforsørgende', label: 'Selvforsørgende', aliases: ['selvforsoergende', 'ingen ydelse'] },
      ],
    },
    followedBy: ['job-til-mor', 'fremskudt-beskaeftigelsesindsats'],
    source: 'Jobcenter Randers',
  },
  {
    key: 'ungdomsuddannelse',
    name: 'Ungdomsuddannelse efter grundskolen',
    description: 'Om den unge er i gang med eller har afsluttet en ungdomsuddannelse (Ungdommens Uddannelsesvejledning).',
    periodKind: 'month',
    scale: {
      type: 'category',
      values: [
        { value: 'i gang', label: 'I gang med en ungdomsuddannelse', aliases: ['i gang med ungdomsuddannelse', 'igang', 'påbegyndt'] },
        { value: 'afsluttet', label: 'Har afsluttet en ungdomsuddannelse', aliases: ['gennemført', 'fuldført'] },
        { value: 'ikke i gang', label: 'Ikke i gang', aliases: ['ikke igang', 'afbrudt', 'nej'] },
      ],
      group: { values: ['i gang', 'afsluttet'], label: 'I gang med eller afsluttet en ungdomsuddannelse', comparable: { indicator: 'udd-3a' } },
    },
    followedBy: ['familieorienteret-uddannelsesvejledning', 'brandkadet', 'lommepengejobs'],
    source: 'UU Randers (UNO Ung)',
  },
  {
    key: 'karakter',
    name: 'Karaktergennemsnit i dansk og matematik, 9. klasse',
    description: 'Gennemsnittet af afgangsprøverne i dansk og matematik (7-trinsskalaen).',
    periodKind: 'school-year',
    scale: { type: 'number', min: -3, max: 12, unit: '', meanComparable: { indicator: 'lbf-1b' } },
    followedBy: ['familieorienteret-uddannelsesvejledning'],
    source: 'Skolen',
  },
  {
    key: 'trivsel',
    name: 'Trivsel (den nationale trivselsmåling)',
    description: 'Elevens gennemsnitlige svar i den nationale trivselsmåling, 1 (lav) til 5 (høj).',
    periodKind: 'school-year',
    scale: { type: 'number', min: 1, max: 5, unit: '' },
    followedBy: ['trivsel-i-skolen', 'trivselsforloeb-for-familier', 'teenagegrupper'],
    source: 'Den nationale trivselsmåling',
  },
  {
    key: 'dagtilbud',
    name: 'I dagtilbud (1-5-årige)',
    description: 'Om barnet er indskrevet i et dagtilbud i måneden.',
    periodKind: 'month',
    scale: {
      type: 'category',
      values: [
        { value: 'ja', label: 'I dagtilbud', aliases: ['i dagtilbud', 'indskrevet'], comparable: { indicator: 'lbf-1a' } },
        { value: 'nej', label: 'Ikke i dagtilbud', aliases: ['ikke i dagtilbud', 'ikke indskrevet'] },
      ],
    },
    followedBy: ['familiedage', 'det-gode-liv-for-alle', 'sprogindsats'],
    source: 'Randers Kommune, pladsanvisningen',
  },
  {
    key: 'fritidstilbud',
    name: 'Tilmeldt et fritidstilbud i Ungdomsskolen',
    description: 'Om den unge (13-18 år) er tilmeldt et kommunalt fritidstilbud i Ungdomsskolen i skolehalvåret.',
    periodKind: 'term',
    scale: {
      type: 'category',
      values: [
        { value: 'ja', label: 'Tilmeldt', aliases: ['tilmeldt'], comparable: { indicator: 'krim-1' } },
        { value: 'nej', label: 'Ikke tilmeldt', aliases: ['ikke tilmeldt'] },
      ],
    },
    followedBy: ['teenagegrupper', 'fritids-og-ferieaktiviteter', 'brobygning-til-foreningslivet', 'brandkadet'],
    source: 'Ungdomsskolen',
  },
  {
    key: 'foreningsmedlem',
    name: 'Medlem af en forening',
    description: 'Om barnet eller den unge er aktivt medlem af en idræts- eller fritidsforening i skolehalvåret.',
    periodKind: 'term',
    scale: {
      type: 'category',
      values: [
        { value: 'ja', label: 'Medlem', aliases: ['medlem'] },
        { value: 'nej', label: 'Ikke medlem', aliases: ['ikke medlem'] },
      ],
    },
    followedBy: ['brobygning-til-foreningslivet', 'fritids-og-ferieaktiviteter'],
    source: 'Foreningen',
  },
  {
    key: 'boligsituation',
    name: 'Boligsituation',
    description: 'Om husstanden bor fortsat i sin bolig, er fraflyttet eller er sat ud, i måneden.',
    periodKind: 'month',
    scale: {
      type: 'category',
      values: [
        { value: 'bor i boligen', label: 'Bor fortsat i boligen', aliases: ['bor fortsat i boligen', 'fastholdt', 'bor'] },
        { value: 'fraflyttet', label: 'Fraflyttet', aliases: ['flyttet'] },
        { value: 'udsat', label: 'Sat ud af boligen', aliases: ['sat ud', 'udsættelse', 'effektueret udsættelse'] },
      ],
    },
    followedBy: ['social-vicevaert'],
    source: 'Boligorganisationen',
  },
];

const BY_KEY = new Map(OUTCOME_MEASURES.map((m) => [m.key, m]));

/** Lower case, æ ø å written out, accents and punctuation gone: how names and values are compared. */
export function textKey(text: string): string {
  return text
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'oe')
    .replace(/å/g, 'aa')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

const BY_NAME = new Map<string, OutcomeMeasure>();
for (const m of OUTCOME_MEASURES) {
  BY_NAME.set(textKey(m.key), m);
  BY_NAME.set(textKey(m.name), m);
}

/**
 * Words that mark a measure about criminal offences (charges, convictions, sentences, police contact). Helhed never
 * stores those about a person (PRODUCT.md), so a file or form that tries gets this answer instead of «unknown».
 */
const OFFENCE_WORDS = /(krimin|sigte|sigtel|doemt|\bdom\b|\bdomme|straf|anhold|politi|lovovertr|faengsel|betinget|\bboede\b|ungdomssanktion|ssp sag|afsoning)/;

export const OFFENCE_REFUSAL =
  'Helhed gemmer ikke oplysninger om strafbare forhold om enkeltpersoner (sigtelser, domme, straffe eller kontakt med politiet). Kriminalitet følges kun som tal for områderne i monitoreringen.';

/** Whether a measure's name or key is about criminal offences, which is refused whatever it is called. */
export function isOffenceMeasure(text: string): boolean {
  return OFFENCE_WORDS.test(textKey(text));
}

/** The measure by its key or Danish name, or why there is none. */
export function findMeasure(text: string): OutcomeMeasure | { error: string } {
  const key = textKey(text);
  if (key === '') return { error: `Målet mangler. Skriv et af: ${OUTCOME_MEASURES.map((m) => m.key).join(', ')}.` };
  if (isOffenceMeasure(text)) return { error: OFFENCE_REFUSAL };
  const found = BY_NAME.get(key);
  if (found) return found;
  return { error: `Målet "${text.trim()}" findes ikke. Skriv et af: ${OUTCOME_MEASURES.map((m) => m.key).join(', ')}.` };
}

export function measureByKey(key: string): OutcomeMeasure | undefined {
  return BY_KEY.get(key);
}

/**
 * Reads the period of a value in the measure's period kind: a school term (`1. skolehalvår 2024/25`), a school year
 * (`2024/25`), a month (`marts 2025`, `2025-03`) or a day (`15-03-2025`). Days may not lie after `today`.
 */
export function parseOutcomePeriod(measure: OutcomeMeasure, text: string, today: string): OutcomePeriod | { error: string } {
  const expected = `${measure.name} måles pr. ${PERIOD_KIND_LABELS[measure.periodKind]}: skriv fx «${PERIOD_EXAMPLES[measure.periodKind]}».`;
  let period: OutcomePeriod;
  switch (measure.periodKind) {
    case 'term': {
      const term = parseTerm(text);
      if (typeof term !== 'number') return term;
      period = termPeriod(term);
      break;
    }
    case 'school-year': {
      const p = parsePeriod(text);
      if (isError(p)) return { error: `${p.error} ${expected}` };
      if (p.kind !== 'school-year') return { error: `Perioden "${text.trim()}" er ikke et skoleår. ${expected}` };
      period = schoolYear(Number(p.start.slice(0, 4)));
      break;
    }
    case 'month': {
      const p = parsePeriod(text);
      if (isError(p)) return { error: `${p.error} ${expected}` };
      if (p.kind !== 'month') return { error: `Perioden "${text.trim()}" er ikke en måned. ${expected}` };
      period = { start: p.start, end: p.end, label: p.label };
      break;
    }
    case 'day': {
      const d = parseDate(text);
      if (isError(d)) return { error: `${d.error} ${expected}` };
      period = { start: d, end: d, label: `${d.slice(8, 10)}-${d.slice(5, 7)}-${d.slice(0, 4)}` };
      break;
    }
  }
  if (period.start > today) return { error: `Perioden ${period.label} er ikke begyndt endnu. Et udfald registreres, når det er målt.` };
  return period;
}

/** A value as stored: a number, or one of the measure's values as text. */
export type OutcomeValue = { value: number; valueText: null } | { value: null; valueText: string };

const numberFormat = new Intl.NumberFormat('da-DK', { maximumFractionDigits: 2 });

/** Reads a value of the measure: a number within its range, or one of its values (by value, label or alias). */
export function parseOutcomeValue(measure: OutcomeMeasure, text: string, decimal: ',' | '.' = ','): OutcomeValue | { error: string } {
  const scale = measure.scale;
  if (scale.type === 'number') {
    const n = parseNumber(text, decimal);
    if (typeof n !== 'number') return { error: `${measure.name} skal være et tal: ${n.error}` };
    if (n < scale.min || n > scale.max) {
      return { error: `${measure.name} skal være mellem ${numberFormat.format(scale.min)} og ${numberFormat.format(scale.max)}${scale.unit ? ` ${scale.unit}` : ''}; der står ${numberFormat.format(n)}.` };
    }
    return { value: n, valueText: null };
  }
  const key = textKey(text);
  const allowed = scale.values.map((v) => `«${v.value}»`).join(', ');
  if (key === '') return { error: `Værdien mangler. ${measure.name} kan være ${allowed}.` };
  for (const v of scale.values) {
    if (textKey(v.value) === key || textKey(v.label) === key || v.aliases.some((a) => textKey(a) === key)) return { value: null, valueText: v.value };
  }
  return { error: `"${text.trim()}" er ikke en værdi for ${measure.name}. Skriv ${allowed}.` };
}

/** A stored value as shown: `12,5 %`, `Fokuseret indsats`. */
export function formatOutcomeValue(measure: OutcomeMeasure | undefined, value: number | null, valueText: string | null): string {
  if (value !== null) return `${numberFormat.format(value)}${measure?.scale.type === 'number' && measure.scale.unit ? ` ${measure.scale.unit}` : ''}`;
  if (measure?.scale.type === 'category') return measure.scale.values.find((v) => v.value === valueText)?.label ?? valueText ?? '–';
  return valueText ?? '–';
}

/** Every plan indicator the measures compare with. */
export function comparableIndicators(measure: OutcomeMeasure): string[] {
  const s = measure.scale;
  const codes =
    s.type === 'number'
      ? [s.meanComparable?.indicator, s.above?.comparable?.indicator]
      : [...s.values.map((v) => v.comparable?.indicator), s.group?.comparable?.indicator];
  return codes.filter((c): c is string => typeof c === 'string');
}
