/**
 * What the beredskabsplan says about communication (the chapter «Håndtering af omverdenen» and the crisis group's
 * duties, OCR lines 3474-3530 of the Randers 2025-29 plan): whom to involve when the press calls, and the rules the
 * communication plan of an incident is suggested from.
 *
 * The press contacts' names and phone numbers are demo data taken from the plan: they seed a plan's press contacts
 * once (press-contacts.ts) and are then edited and deleted by the secretariat. No logic reads them from here.
 */
import type { PlanRef } from '../../plan/content/types.js';

/** One press contact as the plan lists it. */
export interface PressContactSeed {
  organisation: string;
  position: string;
  name: string;
  phone: string;
  ref: PlanRef;
}

/** «Ved kontakt til pressen inddrages:» (lines 3522-3529), in the plan's order. */
const randersPressContacts: PressContactSeed[] = [
  {
    organisation: 'Randers Kommune',
    position: 'Bestyrelsesformand for den boligsociale helhedsplan og direktør for Udvikling, Miljø og Teknik',
    name: 'Jens Heslop',
    phone: '29 13 69 59',
    ref: { lines: [3524, 3525] },
  },
  {
    organisation: 'Østjyllands Politi',
    position: 'Vicepolitiinspektør',
    name: 'Mads F. Villesen',
    phone: '93 50 01 70',
    ref: { lines: [3527, 3527] },
  },
  {
    organisation: 'Lejerbo',
    position: 'Forretningsfører',
    name: 'Pia Hesselvig',
    phone: '38121466',
    ref: { lines: [3528, 3528] },
  },
  {
    organisation: 'RandersBolig',
    position: 'Direktør/forretningsfører',
    name: 'Kenneth Hansen',
    phone: '50814778',
    ref: { lines: [3529, 3529] },
  },
];

/** The press contacts each plan starts with, by the plan's slug; a plan not listed starts with none. */
export const PRESS_CONTACT_SEEDS: Readonly<Record<string, readonly PressContactSeed[]>> = {
  'randers-2025-29': randersPressContacts,
};

/** Who a suggested item names as communicating: a crisis-group role as the roster names it, or a party by name. */
export type RuleResponsible =
  | { kind: 'role'; role: string; organisation?: string }
  | { kind: 'named'; label: string }
  /** Every principal member of the group not already given an item for their own staff (lines 3491-3492). */
  | { kind: 'each-member' };

/**
 * One rule of the beredskabsplan for an incident's communication. The message is a draft for the crisis group to
 * adapt: `{situation}`, `{omraade}` and `{niveau}` are filled in from the incident, `{organisation}` from the member.
 */
export interface CommunicationRule {
  key: string;
  audience: 'beboere' | 'medarbejdere' | 'afdelingsbestyrelser' | 'presse' | 'andre';
  audienceDetail: string | null;
  responsible: RuleResponsible;
  channel: 'opslag' | 'sms' | 'email' | 'beboermoede' | 'hjemmeside' | 'pressemeddelelse' | 'telefon' | 'moede' | 'andet';
  message: string;
  /** What the plan says, in its own words (æ/ø/å restored). */
  basis: string;
  ref: PlanRef;
}

const chef = { kind: 'role', role: 'Chef for bystrategisk udvikling', organisation: 'Bysekretariatet' } as const;

/** The rules in the order the suggested plan lists them. */
export const COMMUNICATION_RULES: readonly CommunicationRule[] = [
  {
    key: 'beboere',
    audience: 'beboere',
    audienceDetail: null,
    responsible: chef,
    channel: 'opslag',
    message:
      'Kære beboere i {omraade}. Der har været {situation}. Politi, kommune og boligorganisationerne arbejder sammen om situationen. ' +
      'Vi giver besked igen, når vi ved mere. Har du set eller hørt noget, så kontakt politiet på 114, og ring 112, hvis det haster.',
    basis:
      'Det er chef for bystrategisk udvikling i Bysekretariatet, der er ansvarlig for den information, der viderebringes til beboerne i ' +
      'boligområderne, evt. i koordinering med RandersBoligs og Lejerbos kommunikationsafdeling. Bysekretariatet informerer beboerne ' +
      'efter aftale med beredskabsgruppen og i samarbejde med direktør og forretningsfører i RandersBolig og Lejerbo (linje 3506-3507).',
    ref: { lines: [3516, 3518] },
  },
  {
    key: 'afdelingsbestyrelser',
    audience: 'afdelingsbestyrelser',
    audienceDetail: null,
    responsible: chef,
    channel: 'email',
    message:
      'Orientering til afdelingsbestyrelserne i {omraade} om {situation}, om hvad der gøres, og om hvad beboerne får at vide. ' +
      'Kun hvis det er aftalt med beredskabsgruppen.',
    basis:
      'Bysekretariatets chef for bystrategisk udvikling sørger for at informere de boligsociale medarbejdere samt viderebringe ' +
      'informationer til beboerne/afdelingsbestyrelserne, hvis dette er aftalt med beredskabsgruppen.',
    ref: { lines: [3487, 3488] },
  },
  {
    key: 'boligsociale-medarbejdere',
    audience: 'medarbejdere',
    audienceDetail: 'De boligsociale medarbejdere',
    responsible: chef,
    channel: 'moede',
    message: 'Orientering af de boligsociale medarbejdere om {situation} i {omraade} ({niveau}), om hvad der er aftalt, og om hvad de kan sige til beboerne.',
    basis:
      'Bysekretariatets chef for bystrategisk udvikling sørger for at informere de boligsociale medarbejdere. Denne varetager desuden ' +
      'dialogen med boligorganisationernes driftsenheder i tæt samarbejde med inspektøren, der også indgår i beredskabsgruppen.',
    ref: { lines: [3487, 3489] },
  },
  {
    key: 'medarbejdere-randersbolig',
    audience: 'medarbejdere',
    audienceDetail: 'RandersBoligs medarbejdere',
    responsible: { kind: 'role', role: 'Inspektør', organisation: 'RandersBolig/driften' },
    channel: 'moede',
    message: 'Orientering af medarbejderne om {situation} i {omraade} og om forholdsreglerne for deres sikkerhed, indtil andet er meldt ud.',
    basis: 'Boligorganisationernes forpligtelser: forholdsregler vedr. medarbejderes sikkerhed og kommunikation til medarbejdere.',
    ref: { lines: [3464, 3469] },
  },
  {
    key: 'medarbejdere-lejerbo',
    audience: 'medarbejdere',
    audienceDetail: 'Lejerbos medarbejdere',
    responsible: { kind: 'role', role: 'Lokalinspektør', organisation: 'Lejerbo' },
    channel: 'moede',
    message: 'Orientering af medarbejderne om {situation} i {omraade} og om forholdsreglerne for deres sikkerhed, indtil andet er meldt ud.',
    basis: 'Boligorganisationernes forpligtelser: forholdsregler vedr. medarbejderes sikkerhed og kommunikation til medarbejdere.',
    ref: { lines: [3464, 3469] },
  },
  {
    key: 'egen-organisation',
    audience: 'medarbejdere',
    audienceDetail: 'Egen organisation: {organisation}',
    responsible: { kind: 'each-member' },
    channel: 'moede',
    message: 'Orientering af {organisation} om {situation} i {omraade} og om det, beredskabsgruppen har aftalt.',
    basis:
      'Alle har hver især ansvar for at gennemføre det, der bliver aftalt og angivet i den konkrete handleplan. De nævnte ' +
      'beredskabsgruppedeltagere sikrer hver især orientering af deres respektive organisation.',
    ref: { lines: [3491, 3492] },
  },
  {
    key: 'presse',
    audience: 'presse',
    audienceDetail: null,
    responsible: { kind: 'named', label: 'Østjyllands Politi og Randers Kommune med deres kommunikationsafdelinger' },
    channel: 'pressemeddelelse',
    message: 'Fælles pressemeddelelse om {situation} i {omraade}, aftalt med boligorganisationernes ledelse. Pressekontakterne inddrages.',
    basis:
      'Politi og kommune har ansvar for at koordinere kommunikation til pressen, herunder at inddrage deres respektive ' +
      'kommunikationsafdelinger. Kommunikationen til pressen aftales endvidere med boligorganisationernes ledelse.',
    ref: { lines: [3520, 3522] },
  },
  {
    key: 'ssp-netvaerk',
    audience: 'andre',
    audienceDetail: 'SSP-netværket: fx skole, opsøgende medarbejdere og klubmedarbejdere',
    responsible: { kind: 'role', role: 'SSP-konsulent' },
    channel: 'telefon',
    message: 'SSP-netværket aktiveres og orienteres om {situation} i {omraade}, hvis situationen kræver det.',
    basis:
      'Det er SSP-konsulentens ansvar at aktivere SSP-netværket — herunder eksempelvis skole, opsøgende medarbejdere, ' +
      'klubmedarbejdere, hvis situationen kræver det.',
    ref: { lines: [3484, 3485] },
  },
  {
    key: 'ad-hoc',
    audience: 'andre',
    audienceDetail: 'Ad hoc-personer og -organisationer',
    responsible: { kind: 'named', label: 'Beredskabsgruppen i fællesskab' },
    channel: 'moede',
    message:
      'Beredskabsgruppen aftaler, hvilke oplysninger om {situation} der gives videre til ad hoc-personer. Politiet viderebringer ' +
      'kun oplysninger inden for retsplejelovens rammer.',
    basis:
      'Beredskabsgruppen vurderer i fællesskab, hvilke informationer der er relevante at videregive til eventuelle ad hoc personer ' +
      '(herunder også beboere, afdelingsbestyrelser, opsøgende medarbejdere etc.). Det er politiets rolle at viderebringe relevante ' +
      'informationer indenfor retsplejelovens rammer (linje 3482).',
    ref: { lines: [3479, 3480] },
  },
];
