/**
 * Consent to take part and to have data kept (PRODUCT.md, "Personal data"): who consented, when, to what and on which
 * legal basis. The list of legal bases is written once here; pages, the API and the import offer only these. Pure:
 * the service gives the participant's birth year and month and today's date.
 */
import type { FieldError } from '../errors/errors.js';
import { ageOn } from '../activities/target-group.js';
import { parseIsoDate } from '../time/copenhagen.js';

/** Who gave a consent. */
export const CONSENT_GIVERS = ['deltageren', 'forælder', 'værge'] as const;
export type ConsentGiver = (typeof CONSENT_GIVERS)[number];

export const CONSENT_GIVER_LABELS: Record<ConsentGiver, string> = {
  deltageren: 'Deltageren selv',
  forælder: 'Forælder (indehaver af forældremyndighed)',
  værge: 'Værge',
};

/**
 * The legal bases a boligsocial activity keeps personal data on. Consent (art. 6 and 9) covers most activities; the
 * municipality's own staff (skole, PPR, Jobcenter) work under public authority and the Serviceloven/Folkeskoleloven
 * sections they act on; § 115 in retsplejeloven is deliberately not offered: Helhed keeps no data about offences.
 */
export const LEGAL_BASES = [
  { code: 'samtykke', label: 'Samtykke (GDPR art. 6, stk. 1, litra a)' },
  { code: 'samtykke-helbred', label: 'Samtykke til helbredsoplysninger (GDPR art. 9, stk. 2, litra a)' },
  { code: 'myndighed', label: 'Myndighedsudøvelse (GDPR art. 6, stk. 1, litra e)' },
  { code: 'retlig-forpligtelse', label: 'Retlig forpligtelse (GDPR art. 6, stk. 1, litra c)' },
  { code: 'serviceloven-11', label: 'Servicelovens § 11 (tidlig forebyggende indsats for børn og familier)' },
  { code: 'folkeskoleloven', label: 'Folkeskolelovens § 46 (skolens samarbejde med hjemmet)' },
  { code: 'databeskyttelsesloven-6', label: 'Databeskyttelseslovens § 6 sammenholdt med GDPR art. 6, stk. 1, litra e' },
] as const;
export type LegalBasisCode = (typeof LEGAL_BASES)[number]['code'];

const LEGAL_BASIS_BY_CODE = new Map<string, string>(LEGAL_BASES.map((b) => [b.code, b.label]));

/** The Danish wording of a legal basis code; the code itself when unknown (an old record). */
export function legalBasisLabel(code: string): string {
  return LEGAL_BASIS_BY_CODE.get(code) ?? code;
}

/** The age below which a parent or guardian must consent (PRODUCT.md: «parents consent for children under 13»). */
export const CONSENT_AGE = 13;

export interface ConsentInput {
  givenBy: string;
  givenByName: string;
  /** 'YYYY-MM-DD'. */
  givenOn: string;
  purpose: string;
  legalBasis: string;
  /** 'YYYY-MM-DD' or empty. */
  withdrawnOn: string;
}

const dayFormat = new Intl.DateTimeFormat('da-DK', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/**
 * Everything wrong with a consent, by field. A participant who may be under 13 on the consent date (the birth day is
 * not kept, so within the birth month the younger age counts) must have the consent given by a parent or guardian.
 *
 * @param birthYearMonth the participant's 'YYYY-MM'
 * @param today 'YYYY-MM-DD', the Danish date now; a consent cannot be given in the future
 */
export function consentProblems(input: ConsentInput, birthYearMonth: string, today: string): FieldError[] {
  const problems: FieldError[] = [];
  const giverKnown = (CONSENT_GIVERS as readonly string[]).includes(input.givenBy);
  if (!giverKnown) problems.push({ field: 'givenBy', message: 'Vælg, hvem der gav samtykket: deltageren, en forælder eller en værge.' });
  if (input.givenBy !== 'deltageren' && giverKnown && input.givenByName.trim() === '') {
    problems.push({ field: 'givenByName', message: `Skriv navnet på den ${input.givenBy === 'værge' ? 'værge' : 'forælder'}, der gav samtykket.` });
  }
  if (input.givenByName.length > 200) problems.push({ field: 'givenByName', message: 'Navnet må højst være 200 tegn.' });
  if (input.purpose.trim() === '') problems.push({ field: 'purpose', message: 'Skriv, hvad der er givet samtykke til (formålet).' });
  if (input.purpose.length > 1000) problems.push({ field: 'purpose', message: 'Formålet må højst være 1.000 tegn.' });
  if (!LEGAL_BASIS_BY_CODE.has(input.legalBasis)) problems.push({ field: 'legalBasis', message: 'Vælg et retsgrundlag fra listen.' });

  const given = parseIsoDate(input.givenOn);
  if (!given) {
    problems.push({ field: 'givenOn', message: 'Skriv datoen for samtykket som ÅÅÅÅ-MM-DD, fx 2025-09-01.' });
  } else if (input.givenOn > today) {
    problems.push({ field: 'givenOn', message: `Datoen for samtykket (${input.givenOn}) ligger i fremtiden.` });
  } else if (input.givenOn.slice(0, 7) < birthYearMonth) {
    problems.push({ field: 'givenOn', message: `Datoen for samtykket (${input.givenOn}) ligger før deltagerens fødselsmåned (${birthYearMonth}).` });
  } else if (input.givenBy === 'deltageren') {
    const age = ageOn(birthYearMonth, input.givenOn);
    if (age.min < CONSENT_AGE) {
      const when = dayFormat.format(new Date(`${input.givenOn}T00:00:00Z`));
      const years = age.min === age.max ? `${age.min} år` : `${age.min} eller ${age.max} år`;
      problems.push({
        field: 'givenBy',
        message: `Deltageren er ${years} den ${when} og dermed under ${CONSENT_AGE} år (eller kan være det), så samtykket skal gives af en forælder eller værge.`,
      });
    }
  }
  if (input.withdrawnOn !== '') {
    if (!parseIsoDate(input.withdrawnOn)) problems.push({ field: 'withdrawnOn', message: 'Skriv datoen for tilbagetrækningen som ÅÅÅÅ-MM-DD.' });
    else if (given && input.withdrawnOn < input.givenOn) problems.push({ field: 'withdrawnOn', message: 'Samtykket kan ikke være trukket tilbage før det blev givet.' });
    else if (input.withdrawnOn > today) problems.push({ field: 'withdrawnOn', message: 'Datoen for tilbagetrækningen ligger i fremtiden.' });
  }
  return problems;
}
