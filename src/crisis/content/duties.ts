/**
 * The organisation-specific duties of the beredskabsplan (plan lines 3449-3512, «Organisering» and «Kompetencer/
 * handlemuligheder i beredskabssituationer»), restored from OCR and written once here: the action-plan templates cite
 * them, the templates page shows them, and a task made from a template names the duty it carries out.
 *
 * `who` names the crisis group's roles as the roster has them (`organisation.crisisGroup` in
 * src/plan/content/organisation.ts), or `alle` for every member. Police and municipality are the authorities: the
 * police commissioner, and from the municipality the SSP consultant (Randers Ungdomsskole), the centre leader (Børne-
 * og ungecenter) and the head of department (Center for psykiatri og socialt udsatte).
 */
import type { PlanRef } from '../../plan/content/types.js';

/** The roster's roles, as `organisation.crisisGroup` names them; the content test holds the two together. */
export const CRISIS_ROLES = {
  ssp: 'SSP-konsulent',
  politi: 'Politikommissær',
  boerneUnge: 'Centerleder',
  psykiatri: 'Afdelingsleder',
  bystrategi: 'Chef for bystrategisk udvikling',
  randersBolig: 'Inspektør',
  lejerbo: 'Lokalinspektør',
} as const;
export type CrisisRoleName = (typeof CRISIS_ROLES)[keyof typeof CRISIS_ROLES];

/** Everyone in the crisis group. */
export const ALL_MEMBERS = 'alle';
export type DutyHolder = CrisisRoleName | typeof ALL_MEMBERS;

/** The parties the plan gives duties to, in the plan's order. */
export type DutyParty = 'myndigheder' | 'ssp' | 'sekretariat' | 'boligorganisationer' | 'alle';

export const DUTY_PARTIES: readonly { key: DutyParty; name: string; roles: readonly DutyHolder[] }[] = [
  { key: 'myndigheder', name: 'Myndighederne: politi og kommune', roles: [CRISIS_ROLES.politi, CRISIS_ROLES.ssp, CRISIS_ROLES.boerneUnge, CRISIS_ROLES.psykiatri] },
  { key: 'ssp', name: 'SSP-konsulenten', roles: [CRISIS_ROLES.ssp] },
  { key: 'sekretariat', name: 'Bysekretariatet: chef for bystrategisk udvikling', roles: [CRISIS_ROLES.bystrategi] },
  { key: 'boligorganisationer', name: 'Boligorganisationerne: RandersBolig og Lejerbo', roles: [CRISIS_ROLES.randersBolig, CRISIS_ROLES.lejerbo] },
  { key: 'alle', name: 'Alle beredskabsgruppens medlemmer', roles: [ALL_MEMBERS] },
];

export interface Duty {
  /** Stable key, cited by the templates. */
  key: string;
  party: DutyParty;
  /** Who carries it: roster roles, or every member. */
  who: readonly DutyHolder[];
  text: string;
  ref: PlanRef;
}

const authorities = [CRISIS_ROLES.politi, CRISIS_ROLES.ssp, CRISIS_ROLES.boerneUnge, CRISIS_ROLES.psykiatri] as const;
const housing = [CRISIS_ROLES.randersBolig, CRISIS_ROLES.lejerbo] as const;

export const DUTIES: readonly Duty[] = [
  // «Samlet lokalt beredskab»: a two-column box whose columns OCR has merged line by line (3462-3472).
  { key: 'ro-og-orden', party: 'myndigheder', who: authorities, text: 'Sikre ro og orden.', ref: { lines: [3462, 3466] } },
  { key: 'sikkerhed', party: 'myndigheder', who: authorities, text: 'Sikre borgeres og medarbejderes sikkerhed.', ref: { lines: [3462, 3469] } },
  { key: 'koordinere-myndigheder', party: 'myndigheder', who: authorities, text: 'Koordinere myndighedernes samlede indsats.', ref: { lines: [3462, 3472] } },
  {
    key: 'paragraf-115',
    party: 'myndigheder',
    who: authorities,
    text:
      'Politi og kommune kan dele informationer inden for retsplejelovens § 115. De inddrager og koordinerer med boligorganisationernes ' +
      'repræsentanter, hvor det er foreneligt med tavshedspligten; koordineringen sker i beredskabsgruppen, hvor boligorganisationerne ' +
      'er repræsenteret af Bysekretariatets chef for bystrategisk udvikling.',
    ref: { lines: [3474, 3477] },
  },
  { key: 'politiets-information', party: 'myndigheder', who: [CRISIS_ROLES.politi], text: 'Politiet viderebringer relevante informationer inden for retsplejelovens rammer.', ref: { lines: [3482, 3482] } },
  {
    key: 'politiets-anvisninger',
    party: 'myndigheder',
    who: [ALL_MEMBERS],
    text: 'I akutte krisesituationer følger parterne som udgangspunkt politiets anvisninger og støtter op herom. Beredskabsplanen er et understøttende redskab hertil.',
    ref: { lines: [3494, 3496] },
  },
  {
    key: 'ssp-netvaerk',
    party: 'ssp',
    who: [CRISIS_ROLES.ssp],
    text: 'Aktivere SSP-netværket – herunder eksempelvis skole, opsøgende medarbejdere og klubmedarbejdere – hvis situationen kræver det.',
    ref: { lines: [3484, 3485] },
  },
  {
    key: 'invitere',
    party: 'sekretariat',
    who: [CRISIS_ROLES.bystrategi],
    text: 'Kontaktes, når beredskabet aktiveres, og har ansvaret for, at alle bliver inviteret til mødet. Relevante ad hoc-personer kan ligeledes indkaldes.',
    ref: { lines: [3497, 3499] },
  },
  { key: 'boligsociale-medarbejdere', party: 'sekretariat', who: [CRISIS_ROLES.bystrategi], text: 'Informere de boligsociale medarbejdere.', ref: { lines: [3487, 3487] } },
  {
    key: 'afdelingsbestyrelser',
    party: 'sekretariat',
    who: [CRISIS_ROLES.bystrategi],
    text: 'Viderebringe informationer til beboerne og afdelingsbestyrelserne, hvis det er aftalt med beredskabsgruppen.',
    ref: { lines: [3487, 3488] },
  },
  {
    key: 'driften',
    party: 'sekretariat',
    who: [CRISIS_ROLES.bystrategi],
    text: 'Varetage dialogen med boligorganisationernes driftsenheder i tæt samarbejde med inspektøren, der også indgår i beredskabsgruppen.',
    ref: { lines: [3488, 3489] },
  },
  {
    key: 'informere-beboere',
    party: 'sekretariat',
    who: [CRISIS_ROLES.bystrategi],
    text: 'Informere beboerne og øvrige relevante personer efter aftale med beredskabsgruppen og i samarbejde med direktør og forretningsfører i RandersBolig og Lejerbo.',
    ref: { lines: [3506, 3507] },
  },
  { key: 'medarbejdersikkerhed', party: 'boligorganisationer', who: housing, text: 'Forholdsregler vedrørende medarbejdernes sikkerhed.', ref: { lines: [3462, 3469] } },
  { key: 'kommunikation-medarbejdere', party: 'boligorganisationer', who: housing, text: 'Kommunikation til medarbejdere.', ref: { lines: [3462, 3469] } },
  { key: 'kommunikation-beboere', party: 'boligorganisationer', who: housing, text: 'Kommunikation til beboere.', ref: { lines: [3462, 3471] } },
  { key: 'orientere-organisation', party: 'alle', who: [ALL_MEMBERS], text: 'Hver deltager sikrer orientering af sin egen organisation.', ref: { lines: [3491, 3492] } },
  { key: 'gennemfoere-handleplan', party: 'alle', who: [ALL_MEMBERS], text: 'Alle har hver især ansvar for at gennemføre det, der bliver aftalt og angivet i den konkrete handleplan.', ref: { lines: [3491, 3491] } },
];

/** One duty by key, or undefined. */
export function dutyByKey(key: string): Duty | undefined {
  return DUTIES.find((d) => d.key === key);
}

/** «linje 3484-3485» or «linje 3482». */
export function lineText(ref: PlanRef): string {
  return ref.lines[0] === ref.lines[1] ? `linje ${ref.lines[0]}` : `linje ${ref.lines[0]}-${ref.lines[1]}`;
}
