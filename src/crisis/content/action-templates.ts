/**
 * Action-plan templates, one per situation type of the beredskabsplan (SITUATION_TYPES in src/crisis/levels.ts): the
 * tasks the crisis group usually starts with, each with the role responsible and a deadline in hours after the level
 * was set, for each level (red: the group meets within 24 hours; yellow: within three working days, plan lines
 * 3420-3422). A task either carries out duties the plan gives (cited by key, src/crisis/content/duties.ts) or is
 * Helhed's suggestion, which the pages say in so many words: the plan itself has no task lists.
 *
 * A task for `alle` becomes one task for each principal member of the group, so each sees their own.
 */
import type { CrisisLevel } from '../levels.js';
import { ALL_MEMBERS, CRISIS_ROLES, type DutyHolder } from './duties.js';

/** Where a task comes from: the plan's duties, or Helhed's suggestion. */
export type TaskSource = { duties: readonly string[] } | 'helhed';

export interface TemplateTask {
  /** Stable key; a task made from it keeps it, so making the plan again adds nothing twice. */
  key: string;
  title: string;
  role: DutyHolder;
  /** Hours after the level was set, per level. */
  hours: Record<CrisisLevel, number>;
  source: TaskSource;
}

export interface ActionTemplate {
  situationType: string;
  tasks: readonly TemplateTask[];
}

const R = CRISIS_ROLES;
const HOUSING = [R.randersBolig, R.lejerbo] as const;
const orgKey = (role: string) => (role === R.randersBolig ? 'randersbolig' : 'lejerbo');

/** One task for each housing organisation's member (the inspector of RandersBolig and the local inspector of Lejerbo). */
function forHousing(key: string, title: string, hours: Record<CrisisLevel, number>, source: TaskSource): TemplateTask[] {
  return HOUSING.map((role) => ({ key: `${key}-${orgKey(role)}`, title, role, hours, source }));
}

/** What every incident starts with: the plan's general duties. The template for «andet» is these alone. */
export const GENERAL_TASKS: readonly TemplateTask[] = [
  { key: 'invitere', title: 'Invitér alle beredskabsgruppens medlemmer og relevante ad hoc-personer til mødet', role: R.bystrategi, hours: { roed: 1, gul: 8 }, source: { duties: ['invitere'] } },
  {
    key: 'politiets-vurdering',
    title: 'Afdæk situationen, og viderebring relevante informationer til beredskabsgruppen inden for retsplejelovens rammer',
    role: R.politi,
    hours: { roed: 2, gul: 24 },
    source: { duties: ['politiets-information', 'paragraf-115'] },
  },
  ...forHousing(
    'medarbejdersikkerhed',
    'Tag forholdsregler for medarbejdernes sikkerhed, og orientér medarbejderne',
    { roed: 2, gul: 24 },
    { duties: ['medarbejdersikkerhed', 'kommunikation-medarbejdere'] },
  ),
  { key: 'orientere-organisation', title: 'Orientér egen organisation om situationen og det aftalte', role: ALL_MEMBERS, hours: { roed: 4, gul: 24 }, source: { duties: ['orientere-organisation'] } },
  { key: 'boligsociale-medarbejdere', title: 'Informér de boligsociale medarbejdere', role: R.bystrategi, hours: { roed: 4, gul: 24 }, source: { duties: ['boligsociale-medarbejdere'] } },
  { key: 'driften', title: 'Tag dialogen med boligorganisationernes driftsenheder sammen med inspektøren', role: R.bystrategi, hours: { roed: 8, gul: 48 }, source: { duties: ['driften'] } },
  {
    key: 'informere-beboere',
    title: 'Informér beboere og afdelingsbestyrelser efter aftale med beredskabsgruppen, i samarbejde med RandersBolig og Lejerbo',
    role: R.bystrategi,
    hours: { roed: 24, gul: 72 },
    source: { duties: ['informere-beboere', 'afdelingsbestyrelser', 'kommunikation-beboere'] },
  },
];

const sspNetwork = (hours: Record<CrisisLevel, number>): TemplateTask => ({
  key: 'ssp-netvaerk',
  title: 'Aktivér SSP-netværket: skole, opsøgende medarbejdere og klubmedarbejdere',
  role: R.ssp,
  hours,
  source: { duties: ['ssp-netvaerk'] },
});

const policeInstructions = (hours: Record<CrisisLevel, number>) =>
  forHousing('politiets-anvisninger', 'Giv politiets anvisninger videre til medarbejderne i området, og hold dem væk fra stedet, til politiet siger andet', hours, {
    duties: ['politiets-anvisninger', 'medarbejdersikkerhed'],
  });

const specific: Record<string, readonly TemplateTask[]> = {
  gruppekonflikt: [
    sspNetwork({ roed: 8, gul: 48 }),
    { key: 'grupper-kortlaegning', title: 'Kortlæg sammen med politiet, hvor og hvornår grupperne mødes, og aftal synlig voksentilstedeværelse', role: R.ssp, hours: { roed: 12, gul: 72 }, source: 'helhed' },
  ],
  narkotikahandel: [
    ...forHousing('skjulesteder', 'Gennemgå opgange, kældre og udearealer for skjulesteder, og udbedr belysning og låse', { roed: 24, gul: 72 }, 'helhed'),
    { key: 'observationer', title: 'Saml beboernes og medarbejdernes observationer (tid og sted, ikke navne), og giv dem til politiet', role: R.bystrategi, hours: { roed: 12, gul: 48 }, source: 'helhed' },
    sspNetwork({ roed: 12, gul: 72 }),
  ],
  haervaerk: [
    ...forHousing('skader', 'Dokumentér skaderne med fotos, anmeld dem til politiet, og få dem udbedret hurtigt', { roed: 8, gul: 24 }, 'helhed'),
    sspNetwork({ roed: 12, gul: 48 }),
  ],
  ildspaasaettelse: [
    { key: 'brandvaesen', title: 'Vurdér, om brandvæsenet skal indkaldes som ad hoc-deltager', role: R.bystrategi, hours: { roed: 2, gul: 24 }, source: 'helhed' },
    ...forHousing('braendbart', 'Fjern brændbart affald og effekter fra opgange, kældre og affaldsrum', { roed: 4, gul: 24 }, 'helhed'),
    sspNetwork({ roed: 8, gul: 48 }),
  ],
  overfald: [
    { key: 'stoette-beroerte', title: 'Tilbyd de berørte støtte, og henvis til krisehjælp', role: R.psykiatri, hours: { roed: 8, gul: 24 }, source: 'helhed' },
    sspNetwork({ roed: 8, gul: 48 }),
  ],
  skyderi: [
    ...policeInstructions({ roed: 1, gul: 4 }),
    sspNetwork({ roed: 4, gul: 24 }),
    { key: 'krisestoette-boern', title: 'Vurdér behovet for krisestøtte til børn og unge i området, også gennem skoler og dagtilbud', role: R.boerneUnge, hours: { roed: 12, gul: 48 }, source: 'helhed' },
  ],
  chikane: [
    { key: 'beskrivelser', title: 'Saml beskrivelser af chikanen (hvad, hvor og hvornår) fra medarbejdere og beboere, og giv dem til politiet', role: R.bystrategi, hours: { roed: 8, gul: 48 }, source: 'helhed' },
    { key: 'samtale-beroerte', title: 'Tilbyd de berørte beboere en samtale', role: R.psykiatri, hours: { roed: 24, gul: 72 }, source: 'helhed' },
  ],
  slaaskampe: [
    sspNetwork({ roed: 4, gul: 24 }),
    { key: 'familier', title: 'Kontakt familierne til de involverede børn og unge', role: R.boerneUnge, hours: { roed: 12, gul: 48 }, source: 'helhed' },
  ],
  'voldsom-uro': [
    ...policeInstructions({ roed: 1, gul: 4 }),
    sspNetwork({ roed: 4, gul: 24 }),
    { key: 'tilstedevaerelse', title: 'Aftal synlig voksentilstedeværelse i området de næste aftener', role: R.ssp, hours: { roed: 12, gul: 48 }, source: 'helhed' },
  ],
  'trusler-mod-medarbejdere': [
    ...forHousing('truet-medarbejder', 'Sørg for, at den truede medarbejder ikke arbejder alene i området, og at truslen anmeldes til politiet', { roed: 1, gul: 8 }, {
      duties: ['medarbejdersikkerhed'],
    }),
    ...forHousing('opfoelgning-medarbejder', 'Tilbyd den truede medarbejder støtte og en opfølgende samtale', { roed: 24, gul: 72 }, 'helhed'),
  ],
  andet: [],
};

/** The templates, one per situation type, in the order of SITUATION_TYPES: the general tasks, then the type's own. */
export const ACTION_TEMPLATES: readonly ActionTemplate[] = Object.entries(specific).map(([situationType, tasks]) => ({
  situationType,
  tasks: [...GENERAL_TASKS, ...tasks],
}));

/** The template for a situation type; «andet» (the general duties) for a type without its own. */
export function templateFor(situationType: string): ActionTemplate {
  return ACTION_TEMPLATES.find((t) => t.situationType === situationType) ?? ACTION_TEMPLATES.find((t) => t.situationType === 'andet')!;
}
