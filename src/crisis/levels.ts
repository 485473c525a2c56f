/**
 * The beredskabsplan's vocabulary (plan lines 3401-3423): its two levels above the everyday (green) work, the kinds of
 * situation it names for each, and how the police were consulted before activation (lines 3498-3504). Pure.
 */

/** Green is the ordinary preventive work in the standing forums; an incident is activated at yellow or red. */
export type CrisisLevel = 'gul' | 'roed';
export const CRISIS_LEVELS: readonly CrisisLevel[] = ['gul', 'roed'];

export const LEVEL_NAMES: Record<CrisisLevel, string> = { gul: 'Gult niveau', roed: 'Rødt niveau' };

/** The plan's words for each level (lines 3401-3422). */
export const LEVEL_DESCRIPTIONS: Record<CrisisLevel, string> = {
  gul:
    'Foregribende indsatser: tilspidsning af eller tilbagevendende situationer eller konflikter, der kræver hurtige ' +
    'foregribende indsatser for at undgå eskalering. Beredskabet samles inden for 3 arbejdsdage.',
  roed: 'Helt akutte situationer, der kræver indgribende indsatser hurtigst muligt. Beredskabet samles inden for 24 timer.',
};

export function isCrisisLevel(value: unknown): value is CrisisLevel {
  return value === 'gul' || value === 'roed';
}

export interface SituationType {
  key: string;
  label: string;
  /** The level the plan names the situation under; a member may still choose the other. */
  level: CrisisLevel | null;
}

/** The plan's examples (lines 3405-3408), and «andet» for what they do not name. */
export const SITUATION_TYPES: readonly SituationType[] = [
  { key: 'gruppekonflikt', label: 'Uro og konflikt mellem grupperinger', level: 'gul' },
  { key: 'narkotikahandel', label: 'Øget handel med narkotika', level: 'gul' },
  { key: 'haervaerk', label: 'Omfattende hærværk', level: 'gul' },
  { key: 'ildspaasaettelse', label: 'Ildspåsættelse', level: 'roed' },
  { key: 'overfald', label: 'Overfald', level: 'roed' },
  { key: 'skyderi', label: 'Skyderi', level: 'roed' },
  { key: 'chikane', label: 'Chikane', level: 'roed' },
  { key: 'slaaskampe', label: 'Slåskampe', level: 'roed' },
  { key: 'voldsom-uro', label: 'Anden voldsom uro', level: 'roed' },
  { key: 'trusler-mod-medarbejdere', label: 'Trusler mod medarbejdere', level: 'roed' },
  { key: 'andet', label: 'Andet', level: null },
];

export function situationType(key: string): SituationType | undefined {
  return SITUATION_TYPES.find((t) => t.key === key);
}

/**
 * How the police were consulted before activation: `vurderet` (the crisis group's police contact assessed the
 * situation), `vagtchef` (neither contact could be reached, so Østjyllands Politi's duty officer was called on 114) or
 * `afventer` (not yet; allowed only at red, which is never held up by a pending assessment).
 */
export type PoliceStatus = 'vurderet' | 'vagtchef' | 'afventer';
export const POLICE_STATUSES: readonly PoliceStatus[] = ['vurderet', 'vagtchef', 'afventer'];
export const POLICE_STATUS_NAMES: Record<PoliceStatus, string> = {
  vurderet: 'Politiet har vurderet situationen',
  vagtchef: 'Politiets kontaktperson kunne ikke nås; vagtchefen er kontaktet på 114',
  afventer: 'Politiets vurdering afventer',
};

/** The level the police assessed, or that they saw no need to activate. */
export type AssessedLevel = CrisisLevel | 'ingen';
export const ASSESSED_LEVEL_NAMES: Record<AssessedLevel, string> = { gul: 'Gult niveau', roed: 'Rødt niveau', ingen: 'Ingen aktivering nødvendig' };

/** Østjyllands Politi's duty officer, when neither of the group's police contacts answers (line 3504). */
export const POLICE_FALLBACK_PHONE = '114';

export type IncidentStatus = 'aktiv' | 'afmeldt';

/** A log entry is general, or shared under retsplejelovens § 115 and then readable by the authorities' members only. */
export type LogClassification = 'generel' | 'paragraf115';
export const LOG_CLASSIFICATION_NAMES: Record<LogClassification, string> = {
  generel: 'Generel',
  paragraf115: 'Delt efter retsplejelovens § 115 (kun myndighedernes medlemmer)',
};
