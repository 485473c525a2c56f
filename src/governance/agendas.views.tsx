/**
 * The pages of agendas, minutes, action items and recommendations (issue 6). Everyone reads them; the secretariat's
 * forms are shown only to those who keep them, and never printed (the layout's print CSS hides `d-print-none`).
 */
import type { FieldError } from '../errors/errors.js';
import { STATUS_LABELS, SUBJECT_LABELS } from '../plan/change-policy.js';
import type { ChangeProposal } from '../plan/plan.service.js';
import { Badge, CsrfField, DateText, ErrorSummary, Facts, Paragraphs, PostButton, RadioGroup, Select, Table, Textarea, TextInput, Timestamp } from '../web/components.js';
import { Layout, type PageContext } from '../web/layout.js';
import type { ActionItem, AgendaItem, Decision, MeetingAgenda, MeetingMinutes, OpenAction, Recommendation } from './agendas.service.js';
import { BODY_NAMES, meetingLabel, type Meeting } from './meetings.service.js';
import { RECOMMENDATION_STATUS_LABELS, RECOMMENDATION_SUBJECTS, RECOMMENDATION_SUBJECT_LABELS, type RecommendationStatus } from './recommendations.js';

export type FormValues = Record<string, string>;

/** A form's state after a failed POST: which form, what was typed, and what was wrong. */
export interface FormState {
  form: string;
  values: FormValues;
  errors: FieldError[];
}

const NO_STATE: FormState = { form: '', values: {}, errors: [] };
const valuesFor = (state: FormState, form: string): FormValues => (state.form === form ? state.values : {});
const errorsFor = (state: FormState, form: string): FieldError[] => (state.form === form ? state.errors : []);

function MeetingNav({ meeting, current }: { meeting: Meeting; current: 'dagsorden' | 'referat' }) {
  return (
    <nav aria-label="Mødets sider" class="d-print-none">
      <ul class="nobullet-list helhed-inline-list">
        <li>
          <a href={`/styring/moeder/${meeting.id}`}>Mødet</a>
        </li>
        <li>{current === 'dagsorden' ? <strong aria-current="page">Dagsorden</strong> : <a href={`/styring/moeder/${meeting.id}/dagsorden`}>Dagsorden</a>}</li>
        <li>{current === 'referat' ? <strong aria-current="page">Referat</strong> : <a href={`/styring/moeder/${meeting.id}/referat`}>Referat</a>}</li>
      </ul>
    </nav>
  );
}

function MeetingFacts({ meeting }: { meeting: Meeting }) {
  return (
    <Facts
      items={[
        { label: 'Organ', value: BODY_NAMES[meeting.body] },
        { label: 'Dato', value: <DateText iso={meeting.date} /> },
        { label: 'Tidspunkt', value: `kl. ${meeting.startsAt}` },
        { label: 'Sted', value: meeting.location ?? '' },
        { label: 'Status', value: meeting.status === 'aflyst' ? <Badge text="aflyst" status="warning" /> : meeting.status },
      ]}
    />
  );
}

function AttentionList({ item }: { item: AgendaItem }) {
  if (item.attention.length === 0) return null;
  return (
    <>
      <p class="helhed-attention-heading">
        <strong>Kræver opmærksomhed</strong>
      </p>
      <ul>
        {item.attention.map((line) => (
          <li>{line}</li>
        ))}
      </ul>
    </>
  );
}

/** The agenda page: the items in order with what needs attention; the secretariat seeds, edits, adds and reorders. */
export function AgendaPage(props: { ctx: PageContext; agenda: MeetingAgenda; mayManage: boolean; state?: FormState }) {
  const { meeting, items } = props.agenda;
  const state = props.state ?? NO_STATE;
  const errors = state.errors;
  const add = valuesFor(state, 'tilfoej');
  return (
    <Layout ctx={props.ctx} title={`Dagsorden: ${meetingLabel(meeting)}`} hasErrors={errors.length > 0}>
      <ErrorSummary errors={errors} />
      <MeetingNav meeting={meeting} current="dagsorden" />
      <h1>Dagsorden: {meetingLabel(meeting)}</h1>
      <MeetingFacts meeting={meeting} />
      {props.mayManage && meeting.status === 'aflyst' ? <p>Mødet er aflyst, så der dannes ingen dagsorden til det.</p> : null}
      {props.mayManage && meeting.status !== 'aflyst' ? (
        <div class="d-print-none">
          <p>
            {items.length === 0
              ? 'Dagsordenen er ikke dannet endnu. Helhed sætter organets faste punkter på og skriver under hvert punkt, hvad der kræver opmærksomhed: indikatorer, der går den forkerte vej, aktiviteter og timer bagud, milepæle, manglende leverancer, budgetafvigelser, åbne aktionspunkter og indstillinger.'
              : 'Opdatér opmærksomhedspunkterne med de nyeste tal. Overskrifter, beskrivelser, rækkefølge, tilføjede punkter og referat bevares.'}
          </p>
          <PostButton action={`/styring/moeder/${meeting.id}/dagsorden/dan`} csrf={props.ctx.csrf} label={items.length === 0 ? 'Dan dagsorden' : 'Opdatér opmærksomhedspunkter'} />
        </div>
      ) : null}
      {items.length === 0 ? (
        <p>Der er ingen dagsorden til mødet endnu.</p>
      ) : (
        <ol class="helhed-agenda">
          {items.map((item, i) => (
            <li id={`punkt-${item.id}`}>
              <h2 class="h3">{item.title}</h2>
              <Paragraphs text={item.description} />
              <AttentionList item={item} />
              {props.mayManage ? (
                <div class="d-print-none helhed-inline-list">
                  <a href={`/styring/moeder/${meeting.id}/dagsorden/punkter/${item.id}`}>
                    Redigér punkt<span class="sr-only"> «{item.title}»</span>
                  </a>
                  {i > 0 ? <PostButton action={`/styring/moeder/${meeting.id}/dagsorden/punkter/${item.id}/flyt`} csrf={props.ctx.csrf} label={`Flyt «${item.title}» op`} secondary hidden={{ retning: 'op' }} /> : null}
                  {i < items.length - 1 ? (
                    <PostButton action={`/styring/moeder/${meeting.id}/dagsorden/punkter/${item.id}/flyt`} csrf={props.ctx.csrf} label={`Flyt «${item.title}» ned`} secondary hidden={{ retning: 'ned' }} />
                  ) : null}
                </div>
              ) : null}
            </li>
          ))}
        </ol>
      )}
      {props.mayManage ? (
        <form method="post" action={`/styring/moeder/${meeting.id}/dagsorden/punkter`} class="d-print-none" novalidate>
          <h2>Tilføj et punkt</h2>
          <CsrfField token={props.ctx.csrf} />
          <TextInput name="title" label="Overskrift" value={add.title} errors={errorsFor(state, 'tilfoej')} />
          <Textarea name="description" label="Beskrivelse" optional rows={3} value={add.description} errors={errorsFor(state, 'tilfoej')} />
          <button type="submit" class="button button-secondary">
            Tilføj punkt
          </button>
        </form>
      ) : null}
    </Layout>
  );
}

/** One agenda item's edit form. */
export function AgendaItemPage(props: { ctx: PageContext; meeting: Meeting; item: AgendaItem; values?: FormValues; errors?: FieldError[] }) {
  const errors = props.errors ?? [];
  const values = props.values ?? { title: props.item.title, description: props.item.description ?? '' };
  return (
    <Layout ctx={props.ctx} title={`Redigér punkt: ${props.item.title}`} hasErrors={errors.length > 0}>
      <p class="d-print-none">
        <a class="back-link" href={`/styring/moeder/${props.meeting.id}/dagsorden`}>
          Dagsorden: {meetingLabel(props.meeting)}
        </a>
      </p>
      <ErrorSummary errors={errors} />
      <h1>Redigér dagsordenspunkt</h1>
      <form method="post" action={`/styring/moeder/${props.meeting.id}/dagsorden/punkter/${props.item.id}`} novalidate>
        <CsrfField token={props.ctx.csrf} />
        <TextInput name="title" label="Overskrift" value={values.title} errors={errors} />
        <Textarea name="description" label="Beskrivelse" optional rows={5} value={values.description} errors={errors} />
        <button type="submit" class="button button-primary">
          Gem punktet
        </button>
      </form>
      {props.item.attention.length > 0 ? (
        <>
          <h2>Kræver opmærksomhed</h2>
          <p>Linjerne kommer fra dannelsen af dagsordenen og opdateres, når den dannes igen.</p>
          <ul>
            {props.item.attention.map((l) => (
              <li>{l}</li>
            ))}
          </ul>
        </>
      ) : null}
    </Layout>
  );
}

const itemTitle = (items: readonly AgendaItem[], id: string | null) => items.find((i) => i.id === id)?.title ?? '–';

function actionStatus(a: ActionItem) {
  if (a.status === 'udført') return <Badge text={a.completedOn ? `udført ${a.completedOn}` : 'udført'} status="success" />;
  if (a.status === 'annulleret') return <Badge text="annulleret" />;
  return a.overdue ? <Badge text="overskredet" status="error" /> : <Badge text="åben" status="info" />;
}

/** The minutes page: the agenda with its minutes, decisions, action items and the follow-up of earlier ones. */
export function MinutesPage(props: { ctx: PageContext; minutes: MeetingMinutes; mayManage: boolean; recommendations: readonly Recommendation[]; state?: FormState }) {
  const { meeting, items, decisions, actionItems, followUps, publishedAt } = props.minutes;
  const state = props.state ?? NO_STATE;
  const errors = state.errors;
  const shown = props.mayManage || publishedAt !== null;
  const itemOptions = [{ value: '', label: 'Intet bestemt punkt' }, ...items.map((i, n) => ({ value: i.id, label: `${n + 1}. ${i.title}` }))];
  const decision = valuesFor(state, 'beslutning');
  const action = valuesFor(state, 'aktionspunkt');
  const minutesValues = valuesFor(state, 'referat');
  return (
    <Layout ctx={props.ctx} title={`Referat: ${meetingLabel(meeting)}`} hasErrors={errors.length > 0}>
      <ErrorSummary errors={errors} />
      <MeetingNav meeting={meeting} current="referat" />
      <h1>Referat: {meetingLabel(meeting)}</h1>
      <MeetingFacts meeting={meeting} />
      <p>{publishedAt ? <>Referatet blev offentliggjort <Timestamp iso={publishedAt} />.</> : 'Referatet er ikke offentliggjort.'}</p>
      {shown && props.recommendations.length > 0 ? (
        <>
          <h2>Indstillinger</h2>
          <Table
            caption={meeting.body === 'bestyrelse' ? 'Indstillinger fra styregruppen til dette møde' : 'Indstillinger besluttet på dette møde'}
            headers={['Indstilling', 'Emne', 'Status']}
            rows={props.recommendations.map((r) => [<a href={`/styring/indstillinger/${r.id}`}>{r.title}</a>, RECOMMENDATION_SUBJECT_LABELS[r.subject], statusBadge(r.status)])}
            rowHeaders
          />
        </>
      ) : null}
      {!shown ? (
        <p>Referatet vises her, når sekretariatet har offentliggjort det.</p>
      ) : (
        <>
          {items.length === 0 ? (
            <p>
              Mødet har ingen dagsorden endnu; referatet skrives pr. punkt, når den er dannet.{' '}
              {props.mayManage ? <a href={`/styring/moeder/${meeting.id}/dagsorden`}>Dan dagsordenen</a> : null}
            </p>
          ) : null}
          <h2>Opfølgning på aktionspunkter</h2>
          {followUps.length === 0 ? (
            <p>Ingen aktionspunkter fra tidligere møder at følge op på.</p>
          ) : (
            <FollowUps ctx={props.ctx} meeting={meeting} followUps={followUps} mayManage={props.mayManage && meeting.status !== 'aflyst'} state={state} />
          )}
          {props.mayManage && items.length > 0 ? (
            <form method="post" action={`/styring/moeder/${meeting.id}/referat`} class="d-print-none" novalidate>
              <h2>Referat pr. punkt</h2>
              <CsrfField token={props.ctx.csrf} />
              {items.map((item, n) => (
                <Textarea
                  name={`minutes-${item.id}`}
                  label={`${n + 1}. ${item.title}`}
                  optional
                  rows={4}
                  value={minutesValues[`minutes-${item.id}`] ?? item.minutes ?? ''}
                  errors={errorsFor(state, 'referat')}
                />
              ))}
              <button type="submit" class="button button-primary">
                Gem referatet
              </button>
            </form>
          ) : null}
          <div class={props.mayManage ? 'd-none d-print-block' : undefined}>
            {items.map((item, n) => (
              <section aria-labelledby={`referat-${item.id}`}>
                <h2 class="h3" id={`referat-${item.id}`}>
                  {n + 1}. {item.title}
                </h2>
                <Paragraphs text={item.minutes} />
              </section>
            ))}
          </div>
          <h2>Beslutninger</h2>
          <Table
            caption="Beslutninger på mødet"
            headers={['Punkt', 'Beslutning']}
            rows={decisions.map((d) => [itemTitle(items, d.agendaItemId), <DecisionText decision={d} />])}
            emptyText="Ingen beslutninger skrevet endnu."
            rowHeaders
          />
          {props.mayManage ? (
            <form method="post" action={`/styring/moeder/${meeting.id}/referat/beslutninger`} class="d-print-none" novalidate>
              <h3>Skriv en beslutning</h3>
              <CsrfField token={props.ctx.csrf} />
              <Select name="decision-agendaItemId" label="Punkt" options={itemOptions} value={decision['decision-agendaItemId']} errors={errorsFor(state, 'beslutning')} />
              <Textarea name="decision-text" label="Beslutning" rows={3} value={decision['decision-text']} errors={errorsFor(state, 'beslutning')} />
              {props.recommendations.length > 0 ? (
                <Select
                  name="decision-recommendationId"
                  label="Indstilling, beslutningen handler om"
                  optional
                  options={[{ value: '', label: 'Ingen' }, ...props.recommendations.map((r) => ({ value: r.id, label: r.title }))]}
                  value={decision['decision-recommendationId']}
                  errors={errorsFor(state, 'beslutning')}
                />
              ) : null}
              <button type="submit" class="button button-secondary">
                Tilføj beslutning
              </button>
            </form>
          ) : null}
          <h2>Aktionspunkter</h2>
          <Table
            caption="Aktionspunkter fra mødet"
            headers={['Aktionspunkt', 'Ansvarlig', 'Frist', 'Punkt', 'Status']}
            rows={actionItems.map((a) => [a.title, a.owner, <DateText iso={a.deadline} />, itemTitle(items, a.agendaItemId), actionStatus(a)])}
            emptyText="Ingen aktionspunkter skrevet endnu."
            rowHeaders
          />
          {props.mayManage ? (
            <form method="post" action={`/styring/moeder/${meeting.id}/referat/aktionspunkter`} class="d-print-none" novalidate>
              <h3>Tilføj et aktionspunkt</h3>
              <CsrfField token={props.ctx.csrf} />
              <TextInput name="action-title" label="Hvad skal gøres" value={action['action-title']} errors={errorsFor(state, 'aktionspunkt')} />
              <TextInput name="action-owner" label="Ansvarlig" helptext="En organisation eller en rolle, fx Bysekretariatet." value={action['action-owner']} errors={errorsFor(state, 'aktionspunkt')} width="l" />
              <TextInput name="action-deadline" label="Frist" type="date" value={action['action-deadline']} errors={errorsFor(state, 'aktionspunkt')} width="s" />
              <Select name="action-agendaItemId" label="Punkt" options={itemOptions} value={action['action-agendaItemId']} errors={errorsFor(state, 'aktionspunkt')} />
              <button type="submit" class="button button-secondary">
                Tilføj aktionspunkt
              </button>
            </form>
          ) : null}
          {props.mayManage && !publishedAt && items.length > 0 ? (
            <div class="d-print-none">
              <h2>Offentliggør</h2>
              <p>Når referatet er offentliggjort, kan alle med adgang til planen læse det.</p>
              <PostButton action={`/styring/moeder/${meeting.id}/referat/offentliggoer`} csrf={props.ctx.csrf} label="Offentliggør referat" />
            </div>
          ) : null}
        </>
      )}
    </Layout>
  );
}

function DecisionText({ decision }: { decision: Decision }) {
  return (
    <>
      {decision.text}
      {decision.recommendationId ? (
        <>
          {' '}
          <a href={`/styring/indstillinger/${decision.recommendationId}`} class="d-print-none">
            Se indstillingen
          </a>
        </>
      ) : null}
    </>
  );
}

function FollowUps(props: { ctx: PageContext; meeting: Meeting; followUps: MeetingMinutes['followUps']; mayManage: boolean; state: FormState }) {
  return (
    <>
      <Table
        caption="Aktionspunkter fra tidligere møder"
        headers={['Aktionspunkt', 'Ansvarlig', 'Frist', 'Fra mødet', 'Status', 'Opfølgning']}
        rows={props.followUps.map((a) => [a.title, a.owner, <DateText iso={a.deadline} />, meetingLabel(a.meeting), actionStatus(a), a.followUp ?? ''])}
        rowHeaders
      />
      {props.mayManage
        ? props.followUps
            .filter((a) => a.status === 'åben')
            .map((a) => {
              const form = `opfoelgning-${a.id}`;
              const values = valuesFor(props.state, form);
              const errors = errorsFor(props.state, form);
              return (
                <form method="post" action={`/styring/moeder/${props.meeting.id}/referat/opfoelgning/${a.id}`} class="d-print-none helhed-follow-up" novalidate>
                  <h3 class="h4">Følg op: {a.title}</h3>
                  <CsrfField token={props.ctx.csrf} />
                  <RadioGroup
                    name={`done-${a.id}`}
                    legend="Er punktet udført?"
                    options={[
                      { value: 'ja', label: 'Ja, udført' },
                      { value: 'nej', label: 'Nej, det står åbent (skriv hvordan det står)' },
                    ]}
                    value={values[`done-${a.id}`] ?? 'nej'}
                    errors={errors}
                  />
                  <TextInput name={`completedOn-${a.id}`} label="Udført den" type="date" optional width="s" value={values[`completedOn-${a.id}`]} errors={errors} helptext="Tom: i dag." />
                  <Textarea name={`followUp-${a.id}`} label="Opfølgning" optional rows={2} value={values[`followUp-${a.id}`] ?? a.followUp ?? ''} errors={errors} />
                  <button type="submit" class="button button-secondary">
                    Gem opfølgningen<span class="sr-only"> på «{a.title}»</span>
                  </button>
                </form>
              );
            })
        : null}
    </>
  );
}

/** Every open action item of the plan, with its owner, deadline and whether it is overdue. */
export function ActionItemsPage(props: { ctx: PageContext; actions: readonly OpenAction[]; body: string }) {
  const overdue = props.actions.filter((a) => a.overdue).length;
  return (
    <Layout ctx={props.ctx} title="Åbne aktionspunkter">
      <p class="d-print-none">
        <a class="back-link" href="/styring">
          Styring
        </a>
      </p>
      <h1>Åbne aktionspunkter</h1>
      <p>
        Aktionspunkter fra bestyrelsens og styregruppens møder, som ikke er udført. De følges op under «Opfølgning på aktionspunkter» på organets næste
        møde. {overdue > 0 ? `${overdue} er over fristen.` : 'Ingen er over fristen.'}
      </p>
      <form method="get" action="/styring/aktionspunkter" class="d-print-none">
        <Select
          name="organ"
          label="Organ"
          value={props.body}
          options={[
            { value: '', label: 'Begge organer' },
            { value: 'bestyrelse', label: BODY_NAMES.bestyrelse },
            { value: 'styregruppe', label: BODY_NAMES.styregruppe },
          ]}
        />
        <button type="submit" class="button button-secondary">
          Vis
        </button>
      </form>
      <Table
        caption="Åbne aktionspunkter, tidligste frist først"
        headers={['Aktionspunkt', 'Ansvarlig', 'Frist', 'Status', 'Fra mødet']}
        rows={props.actions.map((a) => [
          a.title,
          a.owner,
          <DateText iso={a.deadline} />,
          actionStatus(a),
          <a href={`/styring/moeder/${a.meeting.id}/referat`}>{meetingLabel(a.meeting)}</a>,
        ])}
        emptyText="Ingen åbne aktionspunkter."
        rowHeaders
      />
    </Layout>
  );
}

function statusBadge(status: RecommendationStatus) {
  const variant = status === 'vedtaget' ? 'success' : status === 'forkastet' ? 'error' : status === 'indstillet' ? 'warning' : 'info';
  return <Badge text={RECOMMENDATION_STATUS_LABELS[status]} status={variant} />;
}

const subjectOptions = RECOMMENDATION_SUBJECTS.map((s) => ({ value: s, label: RECOMMENDATION_SUBJECT_LABELS[s] }));
const meetingOptions = (meetings: readonly Meeting[], none: string) => [{ value: '', label: none }, ...meetings.map((m) => ({ value: m.id, label: meetingLabel(m) }))];
const proposalOptions = (proposals: readonly ChangeProposal[], names: ReadonlyMap<string, string>) => [
  { value: '', label: 'Ingen: indstillingen ændrer ikke planen' },
  ...proposals.map((p) => ({ value: p.id, label: `${names.get(p.elementId) ?? 'Planen'}: ${p.reason} (${SUBJECT_LABELS[p.subject]})` })),
];

export interface RecommendationFormChoices {
  steeringMeetings: readonly Meeting[];
  boardMeetings: readonly Meeting[];
  proposals: readonly ChangeProposal[];
  /** The plan elements' names, by id, for the proposals. */
  elementNames: ReadonlyMap<string, string>;
}

function RecommendationFields(props: { values: FormValues; errors: FieldError[]; choices: RecommendationFormChoices }) {
  const { values, errors, choices } = props;
  return (
    <>
      <TextInput name="title" label="Titel" value={values.title} errors={errors} />
      <Textarea name="text" label="Indstillingen" rows={5} value={values.text} errors={errors} />
      <RadioGroup
        name="subject"
        legend="Hvad handler indstillingen om?"
        options={subjectOptions}
        value={values.subject ?? 'sub-agreement'}
        errors={errors}
        helptext="Knyttes indstillingen til et ændringsforslag, følger den forslagets emne."
      />
      <Select name="steeringMeetingId" label="Besluttet på styregruppemødet" optional options={meetingOptions(choices.steeringMeetings, 'Intet bestemt møde')} value={values.steeringMeetingId} errors={errors} />
      <Select name="proposalId" label="Ændringsforslag til planen" optional options={proposalOptions(choices.proposals, choices.elementNames)} value={values.proposalId} errors={errors} />
    </>
  );
}

/** The steering group's recommendations to the board, and a form for a new one. */
export function RecommendationsPage(props: { ctx: PageContext; recommendations: readonly Recommendation[]; meetings: ReadonlyMap<string, Meeting>; mayManage: boolean; choices: RecommendationFormChoices; values?: FormValues; errors?: FieldError[] }) {
  const errors = props.errors ?? [];
  const name = (id: string | null) => (id && props.meetings.get(id) ? meetingLabel(props.meetings.get(id)!) : '–');
  return (
    <Layout ctx={props.ctx} title="Indstillinger til bestyrelsen" hasErrors={errors.length > 0}>
      <p class="d-print-none">
        <a class="back-link" href="/styring">
          Styring
        </a>
      </p>
      <ErrorSummary errors={errors} />
      <h1>Indstillinger til bestyrelsen</h1>
      <p>
        Styregruppen forbereder og indstiller; bestyrelsen beslutter. En indstilling, der ændrer planen, bærer et ændringsforslag: en delaftale ændres ved
        konsensus i bestyrelsen, den strategiske aftale og kommissoriet desuden med Landsbyggefondens godkendelse.
      </p>
      <Table
        caption="Indstillinger, nyeste først"
        headers={['Indstilling', 'Emne', 'Status', 'Styregruppemøde', 'Bestyrelsesmøde']}
        rows={props.recommendations.map((r) => [
          <a href={`/styring/indstillinger/${r.id}`}>{r.title}</a>,
          RECOMMENDATION_SUBJECT_LABELS[r.subject],
          statusBadge(r.status),
          name(r.steeringMeetingId),
          name(r.boardMeetingId),
        ])}
        emptyText="Ingen indstillinger endnu."
        rowHeaders
      />
      {props.mayManage ? (
        <form method="post" action="/styring/indstillinger" class="d-print-none" novalidate>
          <h2>Ny indstilling</h2>
          <CsrfField token={props.ctx.csrf} />
          <RecommendationFields values={props.values ?? {}} errors={errors} choices={props.choices} />
          <button type="submit" class="button button-primary">
            Opret indstilling
          </button>
        </form>
      ) : null}
    </Layout>
  );
}

/** One recommendation: its text, its course to the board, the proposal it carries, and the forms that move it on. */
export function RecommendationPage(props: {
  ctx: PageContext;
  recommendation: Recommendation;
  proposal: ChangeProposal | null;
  meetings: ReadonlyMap<string, Meeting>;
  decisions: readonly Decision[];
  mayManage: boolean;
  mayDecide: boolean;
  choices: RecommendationFormChoices;
  state?: FormState;
}) {
  const r = props.recommendation;
  const state = props.state ?? NO_STATE;
  const errors = state.errors;
  const meeting = (id: string | null) => (id ? props.meetings.get(id) ?? null : null);
  const steering = meeting(r.steeringMeetingId);
  const board = meeting(r.boardMeetingId);
  const editValues = state.form === 'ret' ? state.values : { title: r.title, text: r.text, subject: r.subject, steeringMeetingId: r.steeringMeetingId ?? '', proposalId: r.proposalId ?? '' };
  const decide = valuesFor(state, 'beslutning');
  return (
    <Layout ctx={props.ctx} title={`Indstilling: ${r.title}`} hasErrors={errors.length > 0}>
      <p class="d-print-none">
        <a class="back-link" href="/styring/indstillinger">
          Indstillinger
        </a>
      </p>
      <ErrorSummary errors={errors} />
      <h1>{r.title}</h1>
      <Facts
        items={[
          { label: 'Status', value: statusBadge(r.status) },
          { label: 'Emne', value: RECOMMENDATION_SUBJECT_LABELS[r.subject] },
          { label: 'Styregruppemøde', value: steering ? <a href={`/styring/moeder/${steering.id}/referat`}>{meetingLabel(steering)}</a> : '' },
          { label: 'Bestyrelsesmøde', value: board ? <a href={`/styring/moeder/${board.id}/referat`}>{meetingLabel(board)}</a> : '' },
          { label: 'Bestyrelsens beslutning', value: r.boardDecision ? <><DateText iso={r.boardDecision.date} />{r.boardDecision.note ? `: ${r.boardDecision.note}` : ''}</> : '' },
          { label: 'Oprettet af', value: r.createdBy },
        ]}
      />
      <h2>Indstillingen</h2>
      <Paragraphs text={r.text} />
      <h2>Ændringsforslag til planen</h2>
      {props.proposal ? (
        <>
          <p>
            {SUBJECT_LABELS[props.proposal.subject]}: {props.proposal.reason}
          </p>
          <p>
            Status: <strong>{STATUS_LABELS[props.proposal.status]}</strong>. <a href={`/planen/forslag/${props.proposal.id}`}>Se ændringsforslaget</a>
          </p>
          {props.proposal.status === 'afventer_lbf' ? (
            <p>Bestyrelsen har vedtaget ændringen; den træder i kraft, når Landsbyggefondens godkendelse er registreret på ændringsforslaget.</p>
          ) : null}
        </>
      ) : (
        <p>Indstillingen bærer intet ændringsforslag.</p>
      )}
      {props.decisions.length > 0 ? (
        <Table
          caption="Beslutninger i referaterne"
          headers={['Møde', 'Beslutning']}
          rows={props.decisions.map((d) => [meeting(d.meetingId) ? <a href={`/styring/moeder/${d.meetingId}/referat`}>{meetingLabel(meeting(d.meetingId)!)}</a> : '–', d.text])}
          rowHeaders
        />
      ) : null}
      {props.mayManage && r.status === 'udkast' ? (
        <div class="d-print-none">
          <form method="post" action={`/styring/indstillinger/${r.id}/indstil`} novalidate>
            <h2>Indstil til bestyrelsen</h2>
            <CsrfField token={props.ctx.csrf} />
            <Select name="boardMeetingId" label="Bestyrelsesmøde" options={meetingOptions(props.choices.boardMeetings, 'Vælg et møde')} value={valuesFor(state, 'indstil').boardMeetingId} errors={errorsFor(state, 'indstil')} />
            <button type="submit" class="button button-primary">
              Indstil til bestyrelsen
            </button>
          </form>
          <form method="post" action={`/styring/indstillinger/${r.id}`} novalidate>
            <h2>Ret udkastet</h2>
            <CsrfField token={props.ctx.csrf} />
            <RecommendationFields values={editValues} errors={errorsFor(state, 'ret')} choices={props.choices} />
            <button type="submit" class="button button-secondary">
              Gem udkastet
            </button>
          </form>
        </div>
      ) : null}
      {props.mayDecide && r.status === 'indstillet' ? (
        <form method="post" action={`/styring/indstillinger/${r.id}/beslutning`} class="d-print-none" novalidate>
          <h2>Bestyrelsens beslutning</h2>
          <p>
            Beslutningen skrives i referatet fra {board ? meetingLabel(board) : 'bestyrelsesmødet'}
            {props.proposal ? ' og registreres på ændringsforslaget: vedtaget er bestyrelsens konsensus' : ''}.
          </p>
          <CsrfField token={props.ctx.csrf} />
          <RadioGroup
            name="verdict"
            legend="Beslutning"
            options={[
              { value: 'vedtaget', label: 'Vedtaget' },
              { value: 'forkastet', label: 'Forkastet' },
            ]}
            value={decide.verdict}
            errors={errorsFor(state, 'beslutning')}
          />
          <TextInput name="date" label="Dato for beslutningen" type="date" width="s" value={decide.date ?? board?.date} errors={errorsFor(state, 'beslutning')} />
          <Textarea name="note" label="Bemærkning" optional rows={2} value={decide.note} errors={errorsFor(state, 'beslutning')} />
          <button type="submit" class="button button-primary">
            Registrér beslutningen
          </button>
        </form>
      ) : null}
      {props.mayManage && (r.status === 'udkast' || r.status === 'indstillet') ? (
        <div class="d-print-none">
          <h2>Træk tilbage</h2>
          <PostButton action={`/styring/indstillinger/${r.id}/traek-tilbage`} csrf={props.ctx.csrf} label="Træk indstillingen tilbage" secondary />
        </div>
      ) : null}
    </Layout>
  );
}
