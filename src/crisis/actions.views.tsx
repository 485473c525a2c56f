/**
 * The action-plan pages: an incident's tasks (the reader's own first) with one-tap status buttons that work on a phone
 * without JavaScript, the form to add or edit a task, and the templates and the plan's duties by organisation.
 */
import type { FieldError } from '../errors/errors.js';
import type { BodyMember } from '../governance/meetings.service.js';
import { Badge, CsrfField, ErrorSummary, Facts, RadioGroup, Select, Table, Textarea, TextInput } from '../web/components.js';
import { Layout, type PageContext } from '../web/layout.js';
import { danishDateTime } from '../time/copenhagen.js';
import { memberLabel, sourceText, TASK_STATUSES, TASK_STATUS_NAMES, type TaskStatus } from './actions.js';
import type { ActionPlanView, TaskView } from './actions.service.js';
import { ACTION_TEMPLATES } from './content/action-templates.js';
import { DUTIES, DUTY_PARTIES, dutyByKey, lineText } from './content/duties.js';
import { IncidentNav } from './incident-nav.js';
import { incidentLabel, incidentPath } from './incident.js';
import { LEVEL_NAMES, situationType } from './levels.js';

export const TEMPLATES_PATH = '/beredskab/skabeloner';
export const planPath = (incidentId: string) => incidentPath(incidentId, 'handleplan');
export const taskPath = (incidentId: string, taskId: string) => `${planPath(incidentId)}/${encodeURIComponent(taskId)}`;

const STATUS_BADGE: Record<TaskStatus, 'info' | 'success' | 'warning' | 'error' | undefined> = { aaben: undefined, i_gang: 'info', udfoert: 'success', annulleret: undefined };

function Deadline({ task }: { task: TaskView }) {
  if (!task.deadlineAt) return <span>Ingen frist</span>;
  return (
    <>
      <time dateTime={task.deadlineAt}>{danishDateTime(task.deadlineAt)}</time>
      {task.deadline ? (
        <>
          <br />
          {task.deadline.overdue ? <Badge text="Overskredet" status="error" /> : null} <span class={task.deadline.overdue ? 'weight-semibold' : 'form-hint'}>{task.deadline.text}</span>
        </>
      ) : null}
    </>
  );
}

/** One form per status: a tap on a phone sets it, with or without JavaScript. */
function StatusButtons({ task, csrf, incidentId }: { task: TaskView; csrf: string; incidentId: string }) {
  return (
    <div class="helhed-task-status d-print-none" role="group" aria-label={`Skift status for «${task.title}»`}>
      {TASK_STATUSES.filter((s) => s !== task.status).map((s) => (
        <form method="post" action={`${taskPath(incidentId, task.id)}/status`} class="inline-form">
          <CsrfField token={csrf} />
          <input type="hidden" name="status" value={s} />
          <button type="submit" class={s === 'udfoert' ? 'button button-primary' : 'button button-secondary'} aria-label={`${TASK_STATUS_NAMES[s]}: ${task.title}`}>
            {TASK_STATUS_NAMES[s]}
          </button>
        </form>
      ))}
    </div>
  );
}

function TaskList(props: { tasks: readonly TaskView[]; incidentId: string; csrf: string; mayChange: boolean; id: string }) {
  return (
    <ul class="nobullet-list helhed-tasks" id={props.id}>
      {props.tasks.map((t) => (
        <li class="helhed-task" id={`opgave-${t.id}`}>
          <h3 class="h4">{t.title}</h3>
          <Facts
            items={[
              { label: 'Status', value: <Badge text={TASK_STATUS_NAMES[t.status]} {...(STATUS_BADGE[t.status] ? { status: STATUS_BADGE[t.status]! } : {})} /> },
              { label: 'Ansvarlig', value: t.ownerLabel },
              { label: 'Organisation', value: t.organisation ?? '' },
              { label: 'Frist', value: <Deadline task={t} /> },
              { label: 'Beskrivelse', value: t.description ?? '' },
            ]}
          />
          {props.mayChange ? (
            <>
              <StatusButtons task={t} csrf={props.csrf} incidentId={props.incidentId} />
              <p class="d-print-none">
                <a href={`${taskPath(props.incidentId, t.id)}/rediger`}>
                  Redigér<span class="sr-only"> opgaven «{t.title}»</span>
                </a>
              </p>
            </>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

export function ActionPlanPage(props: { ctx: PageContext; view: ActionPlanView; mayChange: boolean }) {
  const { incident, mine, others, template, access } = props.view;
  const label = incidentLabel(incident);
  const total = mine.length + others.length;
  const isMember = access.memberIds.length > 0;
  return (
    <Layout ctx={props.ctx} title={`Handleplan – ${label}`}>
      <h1>Handleplan: {label}</h1>
      <IncidentNav incidentId={incident.id} current="handleplan" />
      <p>
        {situationType(incident.situationType)?.label ?? incident.situationType}, {LEVEL_NAMES[incident.level].toLowerCase()}. Opgaverne følger beredskabsplanens
        pligter for hver organisation (<a href={TEMPLATES_PATH}>se pligter og skabeloner</a>). Frister regnes fra{' '}
        {incident.levelSetAt === incident.activatedAt ? 'aktiveringen' : 'seneste niveauskift'}, {danishDateTime(incident.levelSetAt)}.
      </p>
      {props.mayChange ? (
        <div class="d-print-none">
          {template.missing > 0 ? (
            <form method="post" action={`${planPath(incident.id)}/fra-skabelon`}>
              <CsrfField token={props.ctx.csrf} />
              <p>
                Skabelonen for «{template.label}» har {template.missing === 1 ? '1 opgave' : `${template.missing} opgaver`}, som hændelsen ikke har endnu. Opgaver, der
                allerede er oprettet fra skabelonen, oprettes ikke igen.
              </p>
              <button type="submit" class="button button-primary">
                Opret handleplan fra skabelon
              </button>
            </form>
          ) : (
            <p>Alle opgaver fra skabelonen for «{template.label}» er oprettet.</p>
          )}
          <p>
            <a class="button button-secondary" href={`${planPath(incident.id)}/ny`}>
              Tilføj opgave
            </a>
          </p>
        </div>
      ) : null}
      {total === 0 ? <p>Handleplanen har ingen opgaver endnu.</p> : null}
      {isMember ? (
        <section aria-labelledby="mine-opgaver">
          <h2 id="mine-opgaver">Mine opgaver</h2>
          {mine.length === 0 ? <p>Du har ingen opgaver i denne handleplan.</p> : <TaskList tasks={mine} incidentId={incident.id} csrf={props.ctx.csrf} mayChange={props.mayChange} id="mine" />}
        </section>
      ) : null}
      {others.length > 0 ? (
        <section aria-labelledby="alle-opgaver">
          <h2 id="alle-opgaver">{isMember ? 'Andres opgaver' : 'Opgaver'}</h2>
          <TaskList tasks={others} incidentId={incident.id} csrf={props.ctx.csrf} mayChange={props.mayChange} id="andre" />
        </section>
      ) : null}
    </Layout>
  );
}

/** The task form's values as typed, so a refused form comes back as it was sent. */
export interface TaskFormValues {
  title: string;
  description: string;
  ownerMemberId: string;
  ownerLabel: string;
  organisation: string;
  deadlineDate: string;
  deadlineTime: string;
  status: string;
}

export function TaskFormPage(props: {
  ctx: PageContext;
  incidentId: string;
  incidentNumber: number;
  /** The task being edited; absent when adding one. */
  taskId?: string;
  members: readonly BodyMember[];
  values: TaskFormValues;
  errors?: readonly FieldError[];
}) {
  const errors = props.errors ?? [];
  const label = incidentLabel({ number: props.incidentNumber });
  const heading = props.taskId ? 'Redigér opgave' : 'Tilføj opgave';
  const action = props.taskId ? `${taskPath(props.incidentId, props.taskId)}/rediger` : `${planPath(props.incidentId)}/ny`;
  return (
    <Layout ctx={props.ctx} title={`${heading} – ${label}`} hasErrors={errors.length > 0}>
      <p class="d-print-none">
        <a class="back-link" href={planPath(props.incidentId)}>
          Handleplan: {label}
        </a>
      </p>
      <ErrorSummary errors={errors} />
      <h1>
        {heading}: {label}
      </h1>
      <form method="post" action={action} novalidate>
        <CsrfField token={props.ctx.csrf} />
        <Textarea name="title" label="Opgave" rows={2} value={props.values.title} errors={errors} />
        <Select
          name="ownerMemberId"
          label="Ansvarlig i beredskabsgruppen"
          value={props.values.ownerMemberId}
          errors={errors}
          options={[
            { value: '', label: 'Ingen i gruppen – skriv den ansvarlige nedenfor' },
            ...props.members.map((m) => ({ value: m.id, label: `${memberLabel(m)}, ${m.organisation}${m.substituteFor ? ', suppleant' : ''}` })),
          ]}
        />
        <TextInput
          name="ownerLabel"
          label="Ansvarlig uden for gruppen"
          optional
          helptext="Kun når ingen i beredskabsgruppen er ansvarlig, fx Brandvæsenet eller en ad hoc-deltager."
          value={props.values.ownerLabel}
          errors={errors}
        />
        <TextInput name="organisation" label="Den ansvarliges organisation" optional helptext="Udfyldes automatisk for gruppens medlemmer." value={props.values.organisation} errors={errors} />
        <TextInput name="deadlineDate" type="date" label="Frist, dato" optional width="s" helptext="Skrives ÅÅÅÅ-MM-DD, fx 2026-03-28." value={props.values.deadlineDate} errors={errors} />
        <TextInput name="deadlineTime" label="Frist, klokkeslæt" optional width="xs" helptext="Dansk tid, skrives TT:MM, fx 20:30. Uden klokkeslæt gælder 23:59." value={props.values.deadlineTime} errors={errors} />
        <RadioGroup name="status" legend="Status" options={TASK_STATUSES.map((s) => ({ value: s, label: TASK_STATUS_NAMES[s] }))} value={props.values.status} errors={errors} />
        <Textarea name="description" label="Beskrivelse" optional rows={3} value={props.values.description} errors={errors} />
        <button type="submit" class="button button-primary">
          {props.taskId ? 'Gem opgaven' : 'Tilføj opgaven'}
        </button>
      </form>
    </Layout>
  );
}

const hoursText = (h: number) => (h === 1 ? '1 time' : `${h} timer`);

export function TemplatesPage(props: { ctx: PageContext }) {
  return (
    <Layout ctx={props.ctx} title="Pligter og skabeloner til handleplaner">
      <p class="d-print-none">
        <a class="back-link" href="/beredskab">
          Beredskab
        </a>
      </p>
      <h1>Pligter og skabeloner til handleplaner</h1>
      <p>
        Beredskabsplanen giver hver organisation i beredskabsgruppen sine pligter (helhedsplanen, linje 3449-3512). Skabelonerne nedenfor gør dem til opgaver
        for hver slags situation. En opgave, der ikke står som en pligt i planen, er markeret som <strong>Helheds forslag</strong>. Frister regnes i timer
        fra aktiveringen (eller seneste niveauskift): ved rødt niveau samles beredskabet inden for 24 timer, ved gult inden for 3 arbejdsdage.
      </p>
      <h2>Pligter efter organisation</h2>
      {DUTY_PARTIES.map((party) => (
        <section>
          <h3>{party.name}</h3>
          <ul>
            {DUTIES.filter((d) => d.party === party.key).map((d) => (
              <li id={`pligt-${d.key}`}>
                {d.text} <span class="form-hint">({d.who.map((w) => (w === 'alle' ? 'alle medlemmer' : w)).join(', ')}; {lineText(d.ref)})</span>
              </li>
            ))}
          </ul>
        </section>
      ))}
      <h2>Skabeloner efter situation</h2>
      {ACTION_TEMPLATES.map((t) => {
        const type = situationType(t.situationType);
        const name = type?.label ?? t.situationType;
        return (
          <section>
            <h3 id={`skabelon-${t.situationType}`}>{name}</h3>
            <p>{type?.level ? `Planen nævner situationen under ${LEVEL_NAMES[type.level].toLowerCase()}.` : 'Situationer, planen ikke nævner: beredskabsplanens almindelige pligter.'}</p>
            <Table
              caption={`Skabelon: ${name}`}
              headers={['Opgave', 'Ansvarlig', 'Frist ved rødt', 'Frist ved gult', 'Kilde']}
              rows={t.tasks.map((task) => [
                task.title,
                task.role === 'alle' ? 'Alle medlemmer (én opgave hver)' : task.role,
                hoursText(task.hours.roed),
                hoursText(task.hours.gul),
                task.source === 'helhed' ? (
                  <strong>Helheds forslag</strong>
                ) : (
                  <>
                    {sourceText(task)}:{' '}
                    {task.source.duties.map((k, i) => (
                      <>
                        {i > 0 ? ', ' : ''}
                        <a href={`#pligt-${k}`}>{dutyByKey(k)?.text.replace(/\.$/, '') ?? k}</a>
                      </>
                    ))}
                  </>
                ),
              ])}
              rowHeaders
              compact
            />
          </section>
        );
      })}
    </Layout>
  );
}
