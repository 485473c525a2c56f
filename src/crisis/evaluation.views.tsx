/**
 * The evaluation page of an incident (issue 7, part 7): before stand-down it says the evaluation comes after; after
 * stand-down it asks the plan's question (evaluate before the annual meeting, or not needed with a reason), then
 * holds the evaluation's form (what worked, what should be improved, the information channels, recommendations) and
 * finally the finished evaluation. Forms post without JavaScript.
 */
import type { FieldError } from '../errors/errors.js';
import { danishDateOf } from '../time/copenhagen.js';
import { Alert, Badge, CsrfField, ErrorSummary, Facts, Paragraphs, RadioGroup, Textarea, Timestamp } from '../web/components.js';
import { Layout, type PageContext } from '../web/layout.js';
import { EVALUATION_DUE_DAYS, EVALUATION_STATUS_NAMES, type EvaluationStatus } from './evaluation.js';
import type { EvaluationView } from './evaluation.service.js';
import { incidentLabel, incidentPath } from './incident.js';
import { IncidentNav } from './incident-nav.js';
import { LEVEL_NAMES, situationType } from './levels.js';

export const EVALUATION_SUB = 'evaluering';

const STATUS_BADGE: Record<EvaluationStatus, 'info' | 'success' | 'warning' | 'error'> = {
  afventer: 'warning',
  evalueres: 'info',
  ikke_noedvendig: 'success',
  udfoert: 'success',
};

/** The plan's own words (lines 3506-3510), shown where the group decides. */
const PLAN_WORDS =
  'Når det boligsociale beredskab har været aktiveret, vurderer beredskabsgruppen, hvorvidt der skal foretages en evaluering af indsatsen inden det ' +
  'årlige beredskabsmøde. En evaluering vil kunne pege på, om beredskabet fungerer, som det skal, f.eks. om det er de korrekte informationskanaler, ' +
  'der bliver anvendt i tilfælde af akutte situationer. En eventuel evaluering skal foreligge umiddelbart efter, at beredskabet har været aktiveret.';

export interface AnswerValues {
  worked: string;
  improve: string;
  /** `ja`, `nej` or empty. */
  channelsRight: string;
  channelsNote: string;
  recommendations: string;
}

export function answerValuesOf(view: EvaluationView): AnswerValues {
  const e = view.evaluation;
  return {
    worked: e.worked ?? '',
    improve: e.improve ?? '',
    channelsRight: e.channelsRight === null ? '' : e.channelsRight ? 'ja' : 'nej',
    channelsNote: e.channelsNote ?? '',
    recommendations: e.recommendations ?? '',
  };
}

function DecisionForm(props: { action: string; csrf: string; reason: string; errors: readonly FieldError[] }) {
  return (
    <form method="post" action={props.action} novalidate>
      <CsrfField token={props.csrf} />
      <Textarea
        name="reason"
        label="Begrundelse"
        optional
        helptext="Skal udfyldes, hvis en evaluering ikke er nødvendig: hvorfor ikke."
        value={props.reason}
        errors={props.errors}
        rows={3}
      />
      <div class="form-group">
        <button type="submit" class="button button-primary" name="decision" value="evalueres">
          Evalueres
        </button>{' '}
        <button type="submit" class="button button-secondary" name="decision" value="ikke_noedvendig">
          Ikke nødvendig
        </button>
      </div>
    </form>
  );
}

function Answers({ values }: { values: AnswerValues }) {
  return (
    <>
      <h3>Hvad fungerede</h3>
      <Paragraphs text={values.worked || '–'} />
      <h3>Hvad bør forbedres</h3>
      <Paragraphs text={values.improve || '–'} />
      <h3>Blev de rigtige informationskanaler brugt?</h3>
      <p>{values.channelsRight === 'ja' ? 'Ja' : values.channelsRight === 'nej' ? 'Nej' : 'Ikke besvaret'}</p>
      <Paragraphs text={values.channelsNote} />
      <h3>Anbefalinger</h3>
      <Paragraphs text={values.recommendations || '–'} />
    </>
  );
}

function AnswerForm(props: { action: string; csrf: string; values: AnswerValues; errors: readonly FieldError[] }) {
  const { values, errors } = props;
  return (
    <form method="post" action={props.action} novalidate>
      <CsrfField token={props.csrf} />
      <p class="form-hint">
        Evalueringen kan læses af alle med adgang til beredskabet, også boligorganisationernes medlemmer, og indgår i det årlige statusmøde. Skriv ikke
        oplysninger, der er delt efter retsplejelovens § 115.
      </p>
      <Textarea name="worked" label="Hvad fungerede" value={values.worked} errors={errors} rows={5} />
      <Textarea name="improve" label="Hvad bør forbedres" value={values.improve} errors={errors} rows={5} />
      <RadioGroup
        name="channelsRight"
        legend="Blev de rigtige informationskanaler brugt?"
        helptext="Planens eget eksempel: brugte gruppen de rigtige kanaler til beboere, medarbejdere, afdelingsbestyrelser og presse?"
        value={values.channelsRight}
        errors={errors}
        options={[
          { value: 'ja', label: 'Ja' },
          { value: 'nej', label: 'Nej' },
        ]}
      />
      <Textarea
        name="channelsNote"
        label="Om informationskanalerne"
        optional
        helptext="Skal udfyldes ved «Nej»: hvad var galt, og hvilke kanaler burde være brugt."
        value={values.channelsNote}
        errors={errors}
        rows={3}
      />
      <Textarea name="recommendations" label="Anbefalinger" helptext="Hvad anbefaler gruppen til beredskabet og til det årlige statusmøde?" value={values.recommendations} errors={errors} rows={5} />
      <div class="form-group">
        <button type="submit" class="button button-primary" name="handling" value="afslut">
          Afslut evalueringen
        </button>{' '}
        <button type="submit" class="button button-secondary" name="handling" value="gem">
          Gem kladde
        </button>
      </div>
    </form>
  );
}

export function EvaluationPage(props: {
  ctx: PageContext;
  view: EvaluationView;
  /** May record the decision and write the evaluation. */
  mayEdit: boolean;
  message: string | null;
  reason?: string;
  values?: AnswerValues;
  errors?: readonly FieldError[];
  /** A refusal that concerns no one field (already decided, already finished), shown at the top. */
  problem?: string | null;
}) {
  const { view } = props;
  const { incident, evaluation } = view;
  const errors = props.errors ?? [];
  const action = incidentPath(incident.id, EVALUATION_SUB);
  const title = `Evaluering af ${incidentLabel(incident).toLowerCase()}`;
  const values = props.values ?? answerValuesOf(view);
  return (
    <Layout ctx={props.ctx} title={title} hasErrors={errors.length > 0 || Boolean(props.problem)}>
      <ErrorSummary errors={errors} />
      {props.problem ? (
        <Alert variant="error" heading="Det kunne ikke lade sig gøre">
          <p>{props.problem}</p>
        </Alert>
      ) : null}
      {props.message ? (
        <Alert variant="success" announce={false}>
          {props.message}
        </Alert>
      ) : null}
      <h1>{title}</h1>
      <IncidentNav incidentId={incident.id} current="evaluering" />
      <Facts
        items={[
          { label: 'Niveau', value: LEVEL_NAMES[incident.level] },
          { label: 'Situation', value: situationType(incident.situationType)?.label ?? incident.situationType },
          { label: 'Aktiveret', value: <Timestamp iso={incident.activatedAt} /> },
          { label: 'Afmeldt', value: incident.stoodDownAt ? <Timestamp iso={incident.stoodDownAt} /> : 'Ikke afmeldt endnu' },
          { label: 'Evaluering', value: view.open ? <Badge text={EVALUATION_STATUS_NAMES[evaluation.status]} status={STATUS_BADGE[evaluation.status]} /> : null },
          { label: 'Bør foreligge senest', value: view.dueAt && evaluation.status !== 'udfoert' && evaluation.status !== 'ikke_noedvendig' ? <Timestamp iso={view.dueAt} /> : null },
        ]}
      />
      {!view.open ? (
        <Alert variant="info" announce={false} heading="Evalueringen kommer efter afmeldingen">
          <p>
            Når beredskabet er afmeldt, vurderer beredskabsgruppen, om indsatsen skal evalueres inden det årlige statusmøde. Evalueringen bør
            foreligge senest {EVALUATION_DUE_DAYS} dage efter afmeldingen.
          </p>
        </Alert>
      ) : (
        <>
          {view.overdue ? (
            <Alert variant="warning" announce={false} heading="Evalueringen er forsinket">
              <p>
                Planen siger, at en evaluering skal foreligge umiddelbart efter aktiveringen. Helhed regner det som {EVALUATION_DUE_DAYS} dage efter
                afmeldingen, og de er gået (fristen var <Timestamp iso={view.dueAt} />
                ).
              </p>
            </Alert>
          ) : null}
          {evaluation.status === 'afventer' ? (
            <>
              <h2>Skal indsatsen evalueres?</h2>
              <p>
                Den boligsociale beredskabsplan: <q>{PLAN_WORDS}</q>
              </p>
              {props.mayEdit ? (
                <DecisionForm action={`${action}/beslutning`} csrf={props.ctx.csrf} reason={props.reason ?? ''} errors={errors} />
              ) : (
                <p>Beredskabsgruppen har ikke besluttet endnu, om indsatsen skal evalueres.</p>
              )}
            </>
          ) : (
            <>
              <h2>Beredskabsgruppens beslutning</h2>
              <p>
                {evaluation.status === 'ikke_noedvendig' ? 'En evaluering er ikke nødvendig.' : 'Indsatsen evalueres.'} Registreret{' '}
                <Timestamp iso={evaluation.decidedAt} /> af {evaluation.decidedByLabel}.
              </p>
              {evaluation.reason ? (
                <>
                  <h3>Begrundelse</h3>
                  <Paragraphs text={evaluation.reason} />
                </>
              ) : null}
              {evaluation.status === 'ikke_noedvendig' && props.mayEdit ? (
                <form method="post" action={`${action}/beslutning`} class="inline-form">
                  <CsrfField token={props.ctx.csrf} />
                  <button type="submit" class="button button-secondary" name="decision" value="evalueres">
                    Evaluér alligevel
                  </button>
                </form>
              ) : null}
            </>
          )}
          {evaluation.status === 'evalueres' ? (
            <>
              <h2>Evalueringen</h2>
              {evaluation.updatedAt && evaluation.decidedAt !== evaluation.updatedAt ? (
                <p>
                  Kladden er senest gemt <Timestamp iso={evaluation.updatedAt} />.
                </p>
              ) : null}
              {props.mayEdit ? <AnswerForm action={action} csrf={props.ctx.csrf} values={values} errors={errors} /> : <Answers values={values} />}
            </>
          ) : null}
          {evaluation.status === 'udfoert' ? (
            <>
              <h2>Evalueringen</h2>
              <p>
                Afsluttet <Timestamp iso={evaluation.completedAt} /> af {evaluation.completedByLabel}. Den indgår i årets{' '}
                <a href={`/beredskab/statusmoede/${danishDateOf(new Date(incident.activatedAt)).slice(0, 4)}`}>statusmøde</a>.
              </p>
              <Answers values={values} />
            </>
          ) : null}
        </>
      )}
    </Layout>
  );
}
