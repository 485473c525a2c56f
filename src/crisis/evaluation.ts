/**
 * The evaluation of an incident after stand-down (issue 7, part 7), as the beredskabsplan asks it (lines 3506-3510):
 * «Når det boligsociale beredskab har været aktiveret, vurderer beredskabsgruppen, hvorvidt der skal foretages en
 * evaluering af indsatsen inden det årlige beredskabsmøde. … f.eks. om det er de korrekte informationskanaler, der
 * bliver anvendt … En eventuel evaluering skal foreligge umiddelbart efter, at beredskabet har været aktiveret.»
 *
 * So the group first decides (evaluate, or not needed with a reason), then answers what worked, what should be
 * improved, whether the right information channels were used, and what it recommends. Pure: no I/O.
 */
import type { FieldError } from '../errors/errors.js';

/**
 * `afventer`: stood down, no decision yet (also what an incident without a stored evaluation is); `evalueres`: the
 * group decided to evaluate and the evaluation is not finished; `ikke_noedvendig`: decided not needed, with a reason;
 * `udfoert`: finished.
 */
export type EvaluationStatus = 'afventer' | 'evalueres' | 'ikke_noedvendig' | 'udfoert';
export const EVALUATION_STATUSES: readonly EvaluationStatus[] = ['afventer', 'evalueres', 'ikke_noedvendig', 'udfoert'];

export const EVALUATION_STATUS_NAMES: Record<EvaluationStatus, string> = {
  afventer: 'Afventer beslutning',
  evalueres: 'Evalueres',
  ikke_noedvendig: 'Ikke nødvendig',
  udfoert: 'Evalueret',
};

/** The group's two answers to the plan's question. */
export type EvaluationDecision = 'evalueres' | 'ikke_noedvendig';
export const EVALUATION_DECISIONS: readonly EvaluationDecision[] = ['evalueres', 'ikke_noedvendig'];

export function isEvaluationDecision(value: unknown): value is EvaluationDecision {
  return value === 'evalueres' || value === 'ikke_noedvendig';
}

/**
 * «Skal foreligge umiddelbart efter» names no number of days. Fourteen calendar days after stand-down is taken as
 * «immediately»: long enough to gather the members once more, short enough that the effort is remembered, and well
 * before the annual status meeting. Elapsed days, so a change to summer time does not move it by an hour's meaning.
 */
export const EVALUATION_DUE_DAYS = 14;

const DAY_MS = 24 * 60 * 60 * 1000;

/** The instant by which the evaluation (or the decision not to evaluate) should be there. */
export function evaluationDueAt(stoodDownAt: string | Date): Date {
  return new Date(new Date(stoodDownAt).getTime() + EVALUATION_DUE_DAYS * DAY_MS);
}

/** Whether the evaluation still waits for something: a decision, or the evaluation the group decided on. */
export function isUnfinished(status: EvaluationStatus): boolean {
  return status === 'afventer' || status === 'evalueres';
}

/** Unfinished after the due instant: flagged on the incident, the module's home page and the status meeting. */
export function isEvaluationOverdue(status: EvaluationStatus, stoodDownAt: string | null, now: Date): boolean {
  return stoodDownAt !== null && isUnfinished(status) && now.getTime() > evaluationDueAt(stoodDownAt).getTime();
}

/** The longest answer kept in one field; an evaluation is a page or two, not a report. */
export const MAX_ANSWER = 4000;
export const MAX_REASON = 1000;

/** What the group answers; null where not answered yet (a draft). */
export interface EvaluationAnswers {
  worked: string | null;
  improve: string | null;
  /** Whether the right information channels were used (the plan's own example). */
  channelsRight: boolean | null;
  channelsNote: string | null;
  recommendations: string | null;
}

/** The problems with a decision, by field, in Danish. */
export function checkDecision(decision: string, reason: string | null): FieldError[] {
  if (!isEvaluationDecision(decision)) return [{ field: 'decision', message: 'Vælg, om indsatsen skal evalueres: «Evalueres» eller «Ikke nødvendig».' }];
  const text = reason?.trim() ?? '';
  if (decision === 'ikke_noedvendig' && text === '') return [{ field: 'reason', message: 'Skriv, hvorfor en evaluering ikke er nødvendig.' }];
  if (text.length > MAX_REASON) return [{ field: 'reason', message: `Begrundelsen må højst være ${MAX_REASON} tegn.` }];
  return [];
}

const LABELS = {
  worked: 'Hvad fungerede',
  improve: 'Hvad bør forbedres',
  channelsNote: 'Informationskanalerne',
  recommendations: 'Anbefalinger',
} as const;

/**
 * The problems with the answers, by field, in Danish. A draft may leave anything out; finishing («Afslut
 * evaluering») needs every answer, and a «nej» on the channels needs the words on what was wrong with them.
 */
export function checkAnswers(answers: EvaluationAnswers, finishing: boolean): FieldError[] {
  const errors: FieldError[] = [];
  for (const field of ['worked', 'improve', 'channelsNote', 'recommendations'] as const) {
    const value = answers[field];
    if (value !== null && value.length > MAX_ANSWER) errors.push({ field, message: `${LABELS[field]} må højst være ${MAX_ANSWER} tegn.` });
  }
  if (!finishing) return errors;
  const blank = (v: string | null) => v === null || v.trim() === '';
  if (blank(answers.worked)) errors.push({ field: 'worked', message: 'Skriv, hvad der fungerede i indsatsen.' });
  if (blank(answers.improve)) errors.push({ field: 'improve', message: 'Skriv, hvad der bør forbedres (skriv «intet», hvis intet bør).' });
  if (answers.channelsRight === null) errors.push({ field: 'channelsRight', message: 'Svar, om det var de rigtige informationskanaler, der blev brugt.' });
  else if (answers.channelsRight === false && blank(answers.channelsNote)) {
    errors.push({ field: 'channelsNote', message: 'Skriv, hvad der var galt med informationskanalerne, og hvilke der burde være brugt.' });
  }
  if (blank(answers.recommendations)) errors.push({ field: 'recommendations', message: 'Skriv gruppens anbefalinger (skriv «ingen», hvis der ingen er).' });
  return errors.sort((a, b) => ORDER.indexOf(a.field) - ORDER.indexOf(b.field));
}

/** The order the form asks, so the error summary lists the problems as the reader meets them. */
const ORDER = ['worked', 'improve', 'channelsRight', 'channelsNote', 'recommendations'];
