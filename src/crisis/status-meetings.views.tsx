/**
 * The annual status meeting's pages (issue 7, part 7): the years with their meetings, and one year's meeting with the
 * secretariat's form, the invitation and the year's summary (as stored for the meeting, and as it stands now).
 */
import type { ComponentChildren } from 'preact';
import type { FieldError } from '../errors/errors.js';
import type { SentMail } from '../mail/mail.service.js';
import { Alert, Badge, CsrfField, DateText, ErrorSummary, Facts, Paragraphs, PostButton, Select, Table, Textarea, TextInput, Timestamp } from '../web/components.js';
import { Layout, type PageContext } from '../web/layout.js';
import { incidentPath } from './incident.js';
import { LEVEL_NAMES } from './levels.js';
import type { DeadlineOutcome, StatusSummary } from './status-summary.js';
import {
  DEFAULT_STATUS_MEETING_MINUTES,
  STATUS_MEETING_STATUSES,
  STATUS_MEETINGS_PATH,
  statusMeetingPath,
  statusMeetingTitle,
  type StatusMeeting,
  type StatusMeetingStatus,
  type StatusMeetingView,
  type StatusMeetingYear,
} from './status-meetings.service.js';

const MEETING_BADGE: Record<StatusMeetingStatus, 'info' | 'success' | 'warning'> = { planlagt: 'info', afholdt: 'success', aflyst: 'warning' };
const OUTCOME_BADGE: Record<DeadlineOutcome, 'success' | 'error' | 'info'> = { overholdt: 'success', overskredet: 'error', 'ikke registreret': 'info' };
const TASK_STATUS: Record<string, string> = { aaben: 'Åben', i_gang: 'I gang' };

function Back({ href, text }: { href: string; text: string }) {
  return (
    <p class="d-print-none">
      <a class="back-link" href={href}>
        {text}
      </a>
    </p>
  );
}

function Message({ text }: { text: string | null }) {
  return text ? (
    <Alert variant="success" announce={false}>
      {text}
    </Alert>
  ) : null;
}

const when = (m: StatusMeeting) => (
  <>
    <DateText iso={m.date} /> kl. {m.startsAt}
  </>
);

export function StatusMeetingsPage(props: { ctx: PageContext; years: readonly StatusMeetingYear[]; message: string | null }) {
  return (
    <Layout ctx={props.ctx} title="Årligt statusmøde">
      <Back href="/beredskab" text="Beredskab" />
      <Message text={props.message} />
      <h1>Beredskabsgruppens årlige statusmøde</h1>
      <p>
        Den boligsociale beredskabsplan: <q>Der afholdes endvidere et årligt statusmøde, for dels at gennemgå og evaluere aftalte indsatser i løbet af året,
        dels at drøfte den generelle situation i boligområderne med henblik på styrkelse af samarbejdet og det kriminalitetsforebyggende arbejde i
        boligområderne. Det er Bysekretariatet, der er tovholder for denne funktion.</q>
      </p>
      <Table
        caption="Statusmøder pr. år"
        headers={['År', 'Mødet', 'Status', 'Aktiveringer i året']}
        rows={props.years.map((y) => [
          <a href={statusMeetingPath(y.year)}>{`Statusmøde ${y.year}`}</a>,
          y.meeting ? when(y.meeting) : 'Ikke planlagt',
          y.meeting ? <Badge text={y.meeting.status} status={MEETING_BADGE[y.meeting.status]} /> : '–',
          String(y.activations),
        ])}
        rowHeaders
        numeric={[3]}
      />
    </Layout>
  );
}

export interface StatusMeetingFormValues {
  date: string;
  startsAt: string;
  durationMinutes: string;
  location: string;
  status: string;
  notes: string;
}

export function formValuesOf(meeting: StatusMeeting | null): StatusMeetingFormValues {
  return meeting
    ? {
        date: meeting.date,
        startsAt: meeting.startsAt,
        durationMinutes: String(meeting.durationMinutes),
        location: meeting.location ?? '',
        status: meeting.status,
        notes: meeting.notes ?? '',
      }
    : { date: '', startsAt: '14:00', durationMinutes: String(DEFAULT_STATUS_MEETING_MINUTES), location: '', status: 'planlagt', notes: '' };
}

function MeetingForm(props: { year: number; csrf: string; values: StatusMeetingFormValues; errors: readonly FieldError[]; exists: boolean }) {
  const { values, errors } = props;
  return (
    <form method="post" action={statusMeetingPath(props.year)} novalidate>
      <CsrfField token={props.csrf} />
      <TextInput name="date" type="date" label="Dato" helptext={`Skrives ÅÅÅÅ-MM-DD, fx ${props.year}-11-24.`} value={values.date} errors={errors} width="s" />
      <TextInput name="startsAt" label="Starttidspunkt" helptext="TT:MM, fx 14:00." value={values.startsAt} errors={errors} width="xs" />
      <TextInput name="durationMinutes" label="Varighed i minutter" value={values.durationMinutes} errors={errors} width="xs" />
      <TextInput name="location" label="Sted" optional value={values.location} errors={errors} width="xl" />
      <Select name="status" label="Status" value={values.status} errors={errors} options={STATUS_MEETING_STATUSES.map((s) => ({ value: s, label: s }))} />
      <Textarea name="notes" label="Noter" optional helptext="Fx dagsorden, aftaler og opfølgning fra mødet." value={values.notes} errors={errors} rows={5} />
      <button type="submit" class="button button-primary">
        {props.exists ? 'Gem mødet' : 'Planlæg mødet'}
      </button>
    </form>
  );
}

function Count({ n }: { n: number }) {
  return n === 0 ? <>0</> : <strong>{n}</strong>;
}

/** The year's summary as tables, headings one level below `level`. */
export function SummaryView({ summary, level }: { summary: StatusSummary; level: 2 | 3 }) {
  const H = `h${level}` as 'h2';
  const a = summary.activations;
  const d = summary.deadlines;
  const e = summary.evaluations;
  const section = (title: string, children: ComponentChildren) => (
    <section>
      <H>{title}</H>
      {children}
    </section>
  );
  return (
    <div class="helhed-status-summary">
      {section(
        'Aktiveringer',
        <>
          <p>
            {a.total === 0 ? `Beredskabet blev ikke aktiveret i ${summary.year}.` : `Beredskabet blev aktiveret ${a.total} ${a.total === 1 ? 'gang' : 'gange'} i ${summary.year}.`}
          </p>
          {a.total > 0 ? (
            <>
              <Table caption="Aktiveringer efter niveau" headers={['Niveau', 'Antal']} rows={a.byLevel.map((l) => [l.label, String(l.count)])} rowHeaders numeric={[1]} compact />
              <Table caption="Aktiveringer efter område" headers={['Område', 'Antal']} rows={a.byArea.map((x) => [x.label, String(x.count)])} rowHeaders numeric={[1]} compact />
              <Table caption="Aktiveringer efter situation" headers={['Situation', 'Antal']} rows={a.bySituation.map((x) => [x.label, String(x.count)])} rowHeaders numeric={[1]} compact />
            </>
          ) : null}
        </>,
      )}
      {section(
        'Mødefrister',
        <>
          <p>
            Overholdt: <Count n={d.met} />. Overskredet: <Count n={d.missed} />. Ikke registreret: <Count n={d.notRecorded} />. En frist er overholdt, når
            gruppen mødtes senest ved fristen (rødt: 24 timer; gult: tre arbejdsdage); overskredet, når mødet lå efter, eller fristen er gået uden et
            registreret møde.
          </p>
          {d.incidents.length > 0 ? (
            <Table
              caption="Mødefrist for hver aktivering"
              headers={['Hændelse', 'Niveau', 'Aktiveret', 'Frist', 'Mødet holdt', 'Udfald']}
              rows={d.incidents.map((i) => [
                <a href={incidentPath(i.id)}>{`Hændelse ${i.number}`}</a>,
                LEVEL_NAMES[i.level],
                <Timestamp iso={i.activatedAt} />,
                <Timestamp iso={i.deadlineAt} />,
                i.meetingHeldAt ? <Timestamp iso={i.meetingHeldAt} /> : 'ikke registreret',
                <Badge text={i.outcome} status={OUTCOME_BADGE[i.outcome]} />,
              ])}
              rowHeaders
            />
          ) : null}
        </>,
      )}
      {section(
        'Niveauskift',
        summary.levelChanges.total === 0 ? (
          <p>Ingen niveauskift i året.</p>
        ) : (
          <Table
            caption="Niveauskift i året"
            headers={['Hændelse', 'Tidspunkt', 'Fra', 'Til']}
            rows={summary.levelChanges.changes.map((c) => [
              <a href={incidentPath(c.incidentId)}>{`Hændelse ${c.incidentNumber}`}</a>,
              <Timestamp iso={c.at} />,
              c.from ? LEVEL_NAMES[c.from] : '–',
              c.to ? LEVEL_NAMES[c.to] : '–',
            ])}
            rowHeaders
          />
        ),
      )}
      {section(
        'Kontaktoplysninger, der ikke er bekræftet',
        <>
          <p>
            Medlemmer af beredskabsgruppen, der aldrig har bekræftet deres kontaktoplysninger eller ikke har gjort det i {summary.staleContacts.staleAfterMonths}{' '}
            måneder: <Count n={summary.staleContacts.total} />.
          </p>
          {summary.staleContacts.total > 0 ? (
            <Table
              caption="Kontaktoplysninger, der ikke er bekræftet"
              headers={['Rolle', 'Organisation', 'Navn', 'Senest bekræftet']}
              rows={summary.staleContacts.members.map((m) => [
                `${m.role}${m.substitute ? ' (suppleant)' : ''}`,
                m.organisation,
                m.name ?? '–',
                m.contactConfirmedAt ? <Timestamp iso={m.contactConfirmedAt} /> : 'aldrig',
              ])}
              rowHeaders
            />
          ) : null}
        </>,
      )}
      {section(
        'Åbne handlinger',
        <>
          <p>
            Opgaver i handleplanerne, der hverken er udført eller annulleret: <Count n={summary.openTasks.total} />.
          </p>
          {summary.openTasks.total > 0 ? (
            <Table
              caption="Åbne handlinger"
              headers={['Hændelse', 'Opgave', 'Ansvarlig', 'Frist', 'Status']}
              rows={summary.openTasks.tasks.map((t) => [
                <a href={incidentPath(t.incidentId, 'handleplan')}>{`Hændelse ${t.incidentNumber}`}</a>,
                t.title,
                t.ownerLabel,
                t.deadlineAt ? <Timestamp iso={t.deadlineAt} /> : '–',
                TASK_STATUS[t.status] ?? t.status,
              ])}
              rowHeaders
            />
          ) : null}
        </>,
      )}
      {section(
        'Evalueringer',
        <>
          <p>
            Evalueret: <Count n={e.done} />. Afventer: <Count n={e.pending} />
            {e.overdue > 0 ? <> (heraf forsinket: <Count n={e.overdue} />)</> : null}. Ikke nødvendig: <Count n={e.notNeeded} />. Ikke afmeldt endnu:{' '}
            <Count n={e.notStoodDown} />.
          </p>
          {e.incidents.length > 0 ? (
            <Table
              caption="Evaluering af hver aktivering"
              headers={['Hændelse', 'Evaluering']}
              rows={e.incidents.map((i) => [
                <a href={incidentPath(i.id, 'evaluering')}>{`Hændelse ${i.number}`}</a>,
                <>
                  {i.label}
                  {i.overdue ? (
                    <>
                      {' '}
                      <Badge text="forsinket" status="warning" />
                    </>
                  ) : null}
                </>,
              ])}
              rowHeaders
            />
          ) : null}
        </>,
      )}
    </div>
  );
}

function mailStatus(m: SentMail): string {
  return m.error ? `${m.status}: ${m.error}` : m.status;
}

export function StatusMeetingPage(props: {
  ctx: PageContext;
  view: StatusMeetingView;
  manage: boolean;
  message: string | null;
  values?: StatusMeetingFormValues;
  errors?: readonly FieldError[];
  /** A refusal of the summary or the invitation, shown at the top. */
  problem?: string | null;
}) {
  const { view } = props;
  const m = view.meeting;
  const errors = props.errors ?? [];
  const title = statusMeetingTitle(view.year);
  const summaryLocked = m?.status === 'afholdt' && view.stored !== null;
  return (
    <Layout ctx={props.ctx} title={title} hasErrors={errors.length > 0 || Boolean(props.problem)}>
      <Back href={STATUS_MEETINGS_PATH} text="Årligt statusmøde" />
      <ErrorSummary errors={errors} />
      {props.problem ? (
        <Alert variant="error" heading="Det kunne ikke lade sig gøre">
          <p>{props.problem}</p>
        </Alert>
      ) : null}
      <Message text={props.message} />
      <h1>{title}</h1>
      {m ? (
        <Facts
          items={[
            { label: 'Tid', value: <>{when(m)}, {m.durationMinutes} minutter</> },
            { label: 'Sted', value: m.location ?? 'ikke fastlagt' },
            { label: 'Status', value: <Badge text={m.status} status={MEETING_BADGE[m.status]} /> },
            { label: 'Senest ændret', value: <><Timestamp iso={m.updatedAt} /> af {m.updatedByLabel}</> },
          ]}
        />
      ) : (
        <p>Mødet er ikke planlagt endnu.{props.manage ? '' : ' Bysekretariatet planlægger det.'}</p>
      )}
      {m?.notes && !props.manage ? (
        <>
          <h2>Noter</h2>
          <Paragraphs text={m.notes} />
        </>
      ) : null}
      {m ? (
        <>
          <h2>Indkaldelse</h2>
          <p>
            <a href={`${statusMeetingPath(view.year)}/invitation.ics`} download={`statusmoede-${view.year}.ics`}>
              {m.status === 'aflyst' ? 'Hent aflysningen (.ics)' : 'Hent indkaldelsen (.ics)'}
            </a>{' '}
            til beredskabsgruppens medlemmer med e-mailadresse. Ændres tid, sted, varighed eller status, får indkaldelsen et nyt versionsnummer, så
            kalenderne henter ændringen.
          </p>
          {props.manage ? (
            <>
              <PostButton action={`${statusMeetingPath(view.year)}/invitation`} csrf={props.ctx.csrf} label={m.status === 'aflyst' ? 'Send aflysning' : 'Send invitation'} />
              <Table
                caption="Sendte indkaldelser"
                id="sendte"
                headers={['Modtager', 'Emne', 'Udfald', 'Sendt']}
                emptyText="Indkaldelsen er ikke sendt endnu."
                rows={view.mails.map((mail) => [mail.recipient, mail.subject, mailStatus(mail), <Timestamp iso={mail.sentAt} />])}
                rowHeaders
                compact
              />
            </>
          ) : null}
        </>
      ) : null}
      {props.manage ? (
        <>
          <h2>{m ? 'Ret mødet' : 'Planlæg mødet'}</h2>
          <MeetingForm year={view.year} csrf={props.ctx.csrf} values={props.values ?? formValuesOf(m)} errors={errors} exists={m !== null} />
        </>
      ) : null}
      <h2>Årets opsummering</h2>
      {view.stored ? (
        <>
          <p>
            Opsummeringen, som den blev gemt til mødet <Timestamp iso={view.stored.generatedAt} />. Den ændres ikke, når hændelserne ændres bagefter.
          </p>
          {props.manage && !summaryLocked ? (
            <PostButton action={`${statusMeetingPath(view.year)}/opsummering`} csrf={props.ctx.csrf} label="Gem opsummering" secondary />
          ) : null}
          <SummaryView summary={view.stored} level={3} />
          <details>
            <summary>Opsummeringen, som den står nu</summary>
            <SummaryView summary={view.current} level={3} />
          </details>
        </>
      ) : (
        <>
          <p>
            Opsummeringen, som den står nu (<Timestamp iso={view.current.generatedAt} />
            ).{' '}
            {m
              ? props.manage
                ? 'Gem den, når den skal ligge fast til mødet.'
                : 'Bysekretariatet gemmer den til mødet.'
              : props.manage
                ? 'Planlæg mødet for at kunne gemme den.'
                : ''}
          </p>
          {props.manage && m ? <PostButton action={`${statusMeetingPath(view.year)}/opsummering`} csrf={props.ctx.csrf} label="Gem opsummering" /> : null}
          <SummaryView summary={view.current} level={3} />
        </>
      )}
    </Layout>
  );
}
