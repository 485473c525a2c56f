/**
 * How Helhed counts what an activity delivered against each of the plan's targets for it (issue 5, "Outputs against
 * targets"). Written once, per target code, with the plan's own words beside it (each target's `printed` and `ref` in
 * src/plan/content/*.ts), so that the outputs page, the API and the tests read the same rule. Pure, no I/O.
 *
 * A count is either derived from what Helhed holds (enrolments, courses, sessions) or `reported`: a figure the partner
 * or the secretariat reports by hand for the plan year (`output_reports`), for targets Helhed holds no data for
 * (institutions using NPU, network meetings, hires, places allotted …).
 */
import type { ActivityTarget } from '../plan/content/types.js';

export type CountingRule =
  /** Distinct participants with an enrolment (not on the waiting list) overlapping the plan year. */
  | { kind: 'participants'; fromAreas: boolean }
  /** Distinct households of those participants; a participant without a household is a household of one. */
  | { kind: 'households'; fromAreas: boolean }
  /** Enrolments started in the plan year: each is one individual course («forløb») with a person or family. */
  | { kind: 'enrolments-started' }
  /** The activity's courses (groups) starting in the plan year. */
  | { kind: 'courses' }
  /** Sessions held (not cancelled, on or before today) per course, for courses starting in the plan year. */
  | { kind: 'sessions-per-course' }
  /** Distinct participants enrolled in each course starting in the plan year. */
  | { kind: 'participants-per-course' }
  /** Whole weeks from a course's first held session to its last (both weeks counted). */
  | { kind: 'weeks-per-course' }
  /**
   * Reported by hand for the plan year. `persons` says whether the figure counts people (then it is suppressed like
   * any count of persons) or things (meetings, institutions, hours), which need no suppression: nobody can be told
   * apart by how many network meetings were held.
   */
  | { kind: 'reported'; persons: boolean };

export type CountingKind = CountingRule['kind'];

/** The kinds counted once per course rather than once per plan year. */
export const PER_COURSE_KINDS: readonly CountingKind[] = ['sessions-per-course', 'participants-per-course', 'weeks-per-course'];

/**
 * Whether a count made by this rule is a number of persons, which must be shown as «<5» to anyone without access to
 * the persons behind it (PRODUCT.md, "Small numbers"). Courses, sessions and weeks are not persons; neither are
 * reported meetings, institutions or hours. Enrolments started are individual courses with one person or family each,
 * so they count persons.
 */
export function countsPersons(rule: CountingRule): boolean {
  switch (rule.kind) {
    case 'participants':
    case 'households':
    case 'enrolments-started':
    case 'participants-per-course':
      return true;
    case 'courses':
    case 'sessions-per-course':
    case 'weeks-per-course':
      return false;
    case 'reported':
      return rule.persons;
  }
}

const participants = (fromAreas: boolean): CountingRule => ({ kind: 'participants', fromAreas });
const households = (fromAreas: boolean): CountingRule => ({ kind: 'households', fromAreas });
const reportedPersons: CountingRule = { kind: 'reported', persons: true };
const reportedThings: CountingRule = { kind: 'reported', persons: false };

/**
 * Every target of the plan, by code, with how it is counted. The comment on each line quotes the plan (see the
 * target's `printed` and `ref`): the rule follows what the plan says is counted.
 */
export const COUNTING_RULES: Readonly<Record<string, CountingRule>> = {
  // Uddannelse og livschancer
  'npu-institutioner': reportedThings, // «de ti institutioner» (l. 1212): institutions, not in Helhed
  'sprog-diplommoduler': reportedThings, // «En medarbejder fra hver af de elleve institutioner …» (l. 1280): staff, not participants
  'sprog-netvaerksmoeder': reportedThings, // «to gange om året i sessioner af to timers varighed» (l. 1300): meetings
  'sprog-workshops': reportedThings, // «1-2 sprogunderstøttende workshops … i projektperioden» (l. 1308): workshops
  'uv-forloeb': { kind: 'enrolments-started' }, // «ca. 15-20 individuelle årlige forløb med unge og forældre» (l. 1446)
  'uv-udpegede': participants(false), // «i alt årligt 15-20 unge fra 8. klasse» (l. 1463)
  'fremmoede-fravaersteams': reportedThings, // «et Fraværsteam på hver af de fire skoler» (l. 1527): teams
  'trivsel-deltagere': participants(false), // «ca. 35 børn og unge i indsatsen pr. år» (l. 1683)
  'familiedage-forloeb': { kind: 'courses' }, // «årligt fire forløb» (l. 1764)
  'familiedage-familier': households(true), // «i alt ca. 12 familier fra boligområderne» (l. 1764)
  'familiedage-moedegange': { kind: 'sessions-per-course' }, // «seks mødegange» (l. 1742)
  'familiedage-tandpleje': reportedPersons, // «Tandplejen gennemfører årligt 5-7 individuelle forløb» (l. 1760): held by Tandplejen, one family each
  'trivselsforloeb-forloeb': { kind: 'courses' }, // «mindst tre trivselsforløb» (l. 1906)
  'trivselsforloeb-familier': households(false), // «minimum 15 familier» (l. 1906)
  // Beskæftigelse
  'jtm-1': households(false), // «45 udvalgte familier» (l. 2127)
  // Kriminalitetsforebyggelse
  'brandkadet-pladser': reportedThings, // «der allokeres årligt 12 pladser til unge fra de syv områder» (l. 2481): places, allotted by Ungdomsskolen
  'brandkadet-deltagere': participants(true), // «Minimum 12 unge fra boligområderne deltager årligt» (l. 2499)
  'brandkadet-rekruttering': reportedPersons, // «Bysekretariatet er ansvarlige for at rekruttere 12 unge årligt» (l. 2521): who recruited is not recorded
  'brandkadet-forloeb': { kind: 'courses' }, // «to årlige Brandkadet-forløb med opstart i august og februar» (l. 2495)
  'brandkadet-undervisningsgange': { kind: 'sessions-per-course' }, // «som hver består af 10-12 undervisningsgange» (l. 2495)
  'brandkadet-ugentlig-undervisning': reportedThings, // «én gang om ugen» (l. 2495): a cadence
  'brandkadet-foerstehjaelp': reportedThings, // «et 12-timers førstehjælpskursus» (l. 2504): hours of a course
  'lommepengejobs-get2sport-traenere': reportedPersons, // «minimum 5 Get2sport-trænere» (l. 2590): hires
  'lommepengejobs-ejendomsfunktionaerer': reportedPersons, // «minimum 5 unge ejendomsfunktionærer årligt» (l. 2595): hires
  'lommepengejobs-institutioner': reportedPersons, // «11 unge lommepengejobbere» (l. 2599): hires
  'lommepengejobs-get2sport-timer': reportedThings, // «2 timer om ugen» (l. 2593): hours
  'lommepengejobs-institution-timer': reportedThings, // «2 timer om ugen» (l. 2599): hours
  'lommepengejobs-ansaettelsesperiode': reportedThings, // «en 1-årig periode» (l. 2573): a duration
  'lommepengejobs-jobtyper': reportedThings, // «tre typer lommepengejobs» (l. 2568): kinds of job
  'teenagegrupper-varighed': { kind: 'weeks-per-course' }, // «Hvert forløb varer ca. 8 uger» (l. 2700)
  'teenagegrupper-moeder': reportedThings, // «mødes som udgangspunkt én gang om ugen» (l. 2700): a cadence
  'teenagegrupper-deltagere': { kind: 'participants-per-course' }, // «Hver gruppe består af ca. 10 unge» (l. 2700)
  'ferieaktiviteter-staycations': { kind: 'courses' }, // «minimum to staycations … i sommerferien» (l. 2765): each staycation is a course
  'ferieaktiviteter-staycation-familier': reportedThings, // «heraf én for familier» (l. 2765): whom a course is for is not recorded
  'ferieaktiviteter-staycation-unge': reportedThings, // «og én for de unge» (l. 2765)
  'brobygning-idraetsforeninger': reportedThings, // «6-8 idrætsforeninger» (l. 2858): clubs
  // Sammenhængskraft og medborgerskab
  'sv-1': { kind: 'enrolments-started' }, // «ca. 80 årlige vejledningsforløb» (l. 3061): one enrolment per counselling course
  'sv-2': reportedThings, // «halvårlige møder» (l. 3056): meetings
  'sv-3': reportedThings, // «faste månedlige møder» (l. 3057): meetings
};

/** The rule for a target; a target the table does not know is reported by hand (and counted as persons, to be safe). */
export function countingRuleFor(target: Pick<ActivityTarget, 'code'>): CountingRule {
  return COUNTING_RULES[target.code] ?? reportedPersons;
}

/** The rule in Danish, for the page next to each figure, so a reader can see what was counted. */
export function describeCountingRule(rule: CountingRule): string {
  const areas = (fromAreas: boolean) => (fromAreas ? ' bosat i et af boligområderne' : '');
  switch (rule.kind) {
    case 'participants':
      return `Forskellige deltagere${areas(rule.fromAreas)} med en indskrivning i aktiviteten, der ligger i planåret (venteliste tæller ikke).`;
    case 'households':
      return `Forskellige husstande blandt deltagerne${areas(rule.fromAreas)} med en indskrivning i planåret; en deltager uden husstand tæller som én husstand.`;
    case 'enrolments-started':
      return 'Indskrivninger startet i planåret: hver er ét individuelt forløb (venteliste tæller ikke).';
    case 'courses':
      return 'Aktivitetens forløb (hold) med start i planåret; for et mål pr. sommer dem med start i juni-august i det år, planåret slutter.';
    case 'sessions-per-course':
      return 'Afholdte mødegange (ikke aflyste, til og med i dag) pr. forløb med start i planåret.';
    case 'participants-per-course':
      return 'Forskellige deltagere indskrevet på hvert forløb med start i planåret.';
    case 'weeks-per-course':
      return 'Uger fra forløbets første til sidste afholdte mødegang (begge uger medregnet).';
    case 'reported':
      return rule.persons
        ? 'Indberettet af partneren eller sekretariatet for planåret (Helhed har ikke data om det); tæller personer og skjules derfor under 5.'
        : 'Indberettet af partneren eller sekretariatet for planåret (Helhed har ikke data om det); tæller ikke personer.';
  }
}
