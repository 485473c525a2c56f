/**
 * The convening pages (issue 7, part 3): an incident's invitation and confirmations with the deadline, the planned
 * meeting and the escalations; the public answer page behind the personal link; and the crisis settings with the
 * working-day calendar's preview.
 */
import type { FieldError } from '../errors/errors.js';
import { Alert, Checkboxes, CsrfField, ErrorSummary, Facts, RadioGroup, Table, Textarea, TextInput, Timestamp } from '../web/components.js';
import { Layout, type PageContext } from '../web/layout.js';
import { danishDateTime, longDanishDate } from '../time/copenhagen.js';
import type { CrisisSettings } from './crisis-settings.js';
import { DEADLINE_OUTCOME_NAMES, RESPONSE_NAMES, type DeadlineOutcome, type NonWorkingDay } from './convening.js';
import { NO_SUBSTITUTE_TEXT, type ConvenedParticipant, type Convening } from './convening.service.js';
import { timeLeft } from './deadlines.js';
import { IncidentNav } from './incident-nav.js';
import { incidentLabel, incidentPath, type Incident } from './incident.js';
import { LEVEL_NAMES } from './levels.js';

export const SETTINGS_PATH = '/beredskab/indstillinger';
export const answerPath = (token: string) => `/beredskab/svar/${encodeURIComponent(token)}`;

const MONTH_NAMES = ['januar', 'februar', 'marts', 'april', 'maj', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'december'];

const MAIL_STATUS_TEXT: Record<string, string> = { sendt: 'sendt', fejlet: 'fejlede', 'ikke sendt': 'ikke sendt (ingen mailserver sat op)' };

export interface SettingsFormValues {
  closingDays: string;
  escalationMinutesRed: string;
  escalationMinutesYellow: string;
  campaignMonths: string[];
  staleAfterMonths: string;
}

export function settingsValues(s: CrisisSettings): SettingsFormValues {
  return {
    closingDays: s.closingDays.join('\n'),
    escalationMinutesRed: String(s.escalationMinutes.roed),
    escalationMinutesYellow: String(s.escalationMinutes.gul),
    campaignMonths: s.campaignMonths.map(String),
    staleAfterMonths: String(s.staleAfterMonths),
  };
}

function closingDayText(day: string): string {
  if (/^\d{2}-\d{2}$/.test(day)) return `${Number(day.slice(3))}. ${MONTH_NAMES[Number(day.slice(0, 2)) - 1]} hvert år`;
  return longDanishDate(day);
}

export function CrisisSettingsPage(props: {
  ctx: PageContext;
  settings: CrisisSettings;
  preview: readonly NonWorkingDay[];
  mayEdit: boolean;
  values: SettingsFormValues;
  errors?: readonly FieldError[];
  message?: string | null;
}) {
  const errors = props.errors ?? [];
  const s = props.settings;
  return (
    <Layout ctx={props.ctx} title="Beredskabets indstillinger" hasErrors={errors.length > 0}>
      <p class="d-print-none">
        <a class="back-link" href="/beredskab">
          Beredskab
        </a>
      </p>
      <h1>Beredskabets indstillinger</h1>
      {props.message ? (
        <Alert variant="success" announce>
          <p>{props.message}</p>
        </Alert>
      ) : null}
      <ErrorSummary errors={errors} />
      <p>
        Arbejdsdagskalenderen bestemmer fristen ved gult niveau: udgangen af tredje arbejdsdag efter aktiveringsdagen. Arbejdsdage er mandag til fredag undtagen
        helligdage og lukkedagene herunder. En frist, der allerede er fastsat for en hændelse, flytter sig ikke, når kalenderen ændres.
      </p>
      <Facts
        items={[
          { label: 'Lukkedage', value: s.closingDays.length === 0 ? 'Ingen' : s.closingDays.map(closingDayText).join(', ') },
          { label: 'Eskalering ved rødt niveau', value: `${s.escalationMinutes.roed} minutter uden svar` },
          { label: 'Eskalering ved gult niveau', value: `${s.escalationMinutes.gul} minutter uden svar` },
          { label: 'Påmindelse om kontaktoplysninger', value: s.campaignMonths.map((m) => MONTH_NAMES[m - 1]).join(' og ') },
          { label: 'Kontaktoplysninger markeres efter', value: `${s.staleAfterMonths} måneder uden bekræftelse` },
          { label: 'Senest ændret', value: s.updatedAt ? <>{danishDateTime(s.updatedAt)} af {s.updatedByLabel}</> : 'Standardindstillingerne er i brug' },
        ]}
      />
      <h2>Helligdage og lukkedage de kommende 12 måneder</h2>
      <Table
        caption="Hverdage, der ikke er arbejdsdage"
        headers={['Dato', 'Årsag']}
        rows={props.preview.map((d) => [longDanishDate(d.date), d.reason === 'lukkedag' ? 'Lukkedag' : d.reason])}
        emptyText="Ingen helligdage eller lukkedage på hverdage."
        compact
      />
      {props.mayEdit ? (
        <form method="post" action={SETTINGS_PATH} novalidate>
          <CsrfField token={props.ctx.csrf} />
          <h2>Ret indstillingerne</h2>
          <Textarea
            name="closingDays"
            label="Lukkedage"
            helptext="Én pr. linje: MM-DD for en dag hvert år (fx 12-24) eller ÅÅÅÅ-MM-DD for én bestemt dag (fx 2026-05-15)."
            value={props.values.closingDays}
            errors={errors}
            rows={5}
            width="m"
          />
          <TextInput name="escalationMinutesRed" label="Minutter før eskalering til suppleanten ved rødt niveau" helptext="Fra 5 til 10080." value={props.values.escalationMinutesRed} errors={errors} width="xs" />
          <TextInput name="escalationMinutesYellow" label="Minutter før eskalering til suppleanten ved gult niveau" helptext="Fra 5 til 10080." value={props.values.escalationMinutesYellow} errors={errors} width="xs" />
          <Checkboxes
            name="campaignMonths"
            legend="Måneder med påmindelse om at bekræfte kontaktoplysninger"
            options={MONTH_NAMES.map((m, i) => ({ value: String(i + 1), label: m[0]!.toUpperCase() + m.slice(1) }))}
            checked={props.values.campaignMonths}
            errors={errors}
          />
          <TextInput name="staleAfterMonths" label="Måneder, før ubekræftede kontaktoplysninger markeres" helptext="Fra 1 til 60." value={props.values.staleAfterMonths} errors={errors} width="xs" />
          <button type="submit" class="button button-primary">
            Gem indstillingerne
          </button>
        </form>
      ) : null}
    </Layout>
  );
}

export interface MeetingFormValues {
  meetingDate: string;
  meetingTime: string;
  location: string;
}
export interface HeldFormValues {
  heldDate: string;
  heldTime: string;
}
export interface AdHocFormValues {
  name: string;
  role: string;
  organisation: string;
  email: string;
  phone: string;
  isAuthority: string;
}
export const EMPTY_AD_HOC: AdHocFormValues = { name: '', role: '', organisation: '', email: '', phone: '', isAuthority: 'nej' };

function MailCell({ p, configured }: { p: ConvenedParticipant; configured: boolean }) {
  if (!p.email) return <span>Ingen e-mailadresse</span>;
  if (!p.lastMail) return <span>{configured ? 'Ikke sendt endnu' : MAIL_STATUS_TEXT['ikke sendt']}</span>;
  return (
    <span>
      {MAIL_STATUS_TEXT[p.lastMail.status] ?? p.lastMail.status}, <Timestamp iso={p.lastMail.sentAt} />
      {p.lastMail.error ? <span class="form-hint"> ({p.lastMail.error})</span> : null}
    </span>
  );
}

function AnswerCell({ p, byId }: { p: ConvenedParticipant; byId: Map<string, ConvenedParticipant> }) {
  const to = p.escalatedToId ? byId.get(p.escalatedToId) : undefined;
  return (
    <span>
      <strong>{RESPONSE_NAMES[p.response]}</strong>
      {p.respondedAt ? (
        <>
          {' '}
          (<Timestamp iso={p.respondedAt} />)
        </>
      ) : null}
      {to ? (
        <>
          <br />
          Eskaleret til suppleanten {to.name} <Timestamp iso={p.escalatedAt} />
        </>
      ) : null}
      {p.noSubstitute ? (
        <>
          <br />
          <strong>Eskaleret: {NO_SUBSTITUTE_TEXT}</strong>
        </>
      ) : null}
      {p.escalatedFromId ? (
        <>
          <br />
          Suppleant for {byId.get(p.escalatedFromId)?.name ?? 'et ordinært medlem'}
        </>
      ) : null}
      {p.escalationDueAt ? (
        <>
          <br />
          <span class="form-hint">
            {p.hasSubstitute ? `Uden svar eskaleres til suppleanten ${danishDateTime(p.escalationDueAt)}` : `Uden svar ${danishDateTime(p.escalationDueAt)}: ${NO_SUBSTITUTE_TEXT}`}
          </span>
        </>
      ) : null}
    </span>
  );
}

export function ConveningPage(props: {
  ctx: PageContext;
  convening: Convening;
  areaName: string;
  now: Date;
  outcome: DeadlineOutcome;
  mayAct: boolean;
  /** Participant rows the signed-in user may answer for (their linked member). */
  own: readonly ConvenedParticipant[];
  meeting: MeetingFormValues;
  held: HeldFormValues;
  adHoc: AdHocFormValues;
  errors?: { form: 'moede' | 'afholdt' | 'deltager' | 'svar'; list: readonly FieldError[] };
  message?: string | null;
}) {
  const { incident, participants, warning } = props.convening;
  const errors = props.errors?.list ?? [];
  const errorsOf = (form: NonNullable<typeof props.errors>['form']) => (props.errors?.form === form ? props.errors.list : []);
  const left = timeLeft(new Date(incident.deadlineAt), props.now);
  const byId = new Map(participants.map((p) => [p.id, p]));
  const counts = { kommer: 0, kommer_ikke: 0, afventer: 0 };
  for (const p of participants) counts[p.response]++;
  const base = incidentPath(incident.id, 'indkaldelse');
  const active = incident.status === 'aktiv';
  return (
    <Layout ctx={props.ctx} title={`Indkaldelse – ${incidentLabel(incident)}`} hasErrors={errors.length > 0}>
      <p class="d-print-none">
        <a class="back-link" href="/beredskab">
          Beredskab
        </a>
      </p>
      <h1>Indkaldelse: {incidentLabel(incident)}</h1>
      <IncidentNav incidentId={incident.id} current="indkaldelse" />
      {props.message ? (
        <Alert variant="success" announce>
          <p>{props.message}</p>
        </Alert>
      ) : null}
      <ErrorSummary errors={errors} />
      {warning ? (
        <Alert variant="warning" heading="Mødet ligger efter fristen" announce={false}>
          <p>{warning}</p>
        </Alert>
      ) : null}
      <Facts
        items={[
          { label: 'Niveau', value: LEVEL_NAMES[incident.level] },
          { label: 'Område', value: props.areaName },
          { label: 'Gruppen skal mødes senest', value: danishDateTime(incident.deadlineAt) },
          {
            label: props.outcome === 'aaben' ? 'Tid tilbage' : 'Fristen',
            value: props.outcome === 'aaben' ? left.text : `${DEADLINE_OUTCOME_NAMES[props.outcome]}${incident.meetingHeldAt ? '' : ` for ${left.text} siden`}`,
          },
          { label: 'Planlagt møde', value: incident.meetingPlannedAt ? `${danishDateTime(incident.meetingPlannedAt)}${incident.meetingLocation ? `, ${incident.meetingLocation}` : ''}` : 'Ikke planlagt endnu' },
          { label: 'Mødet er holdt', value: incident.meetingHeldAt ? danishDateTime(incident.meetingHeldAt) : 'Nej' },
          { label: 'Svar', value: `${counts.kommer} kommer, ${counts.kommer_ikke} kan ikke komme, ${counts.afventer} har ikke svaret` },
        ]}
      />
      {!props.convening.mailConfigured ? (
        <Alert variant="info" announce={false}>
          <p>Der er ingen mailserver sat op, så indkaldelserne er ikke sendt. Ring til de indkaldte.</p>
        </Alert>
      ) : null}

      <h2>Indkaldte</h2>
      <Table
        caption={`Indkaldte til mødet om ${incidentLabel(incident)}`}
        headers={['Navn', 'Rolle og organisation', 'Kontakt', 'Indkaldt', 'Svar', 'E-mail']}
        rows={participants.map((p) => [
          <>
            {p.name}
            {p.adHoc ? <span class="form-hint"> (ad hoc)</span> : null}
            {p.isAuthority ? <span class="form-hint"> (myndighed)</span> : null}
          </>,
          `${p.role}, ${p.organisation}`,
          <>
            {p.phone ? <a href={`tel:${p.phone.replace(/\s+/g, '')}`}>{p.phone}</a> : '–'}
            {p.email ? (
              <>
                <br />
                <a href={`mailto:${p.email}`}>{p.email}</a>
              </>
            ) : null}
          </>,
          <Timestamp iso={p.invitedAt} />,
          <AnswerCell p={p} byId={byId} />,
          <MailCell p={p} configured={props.convening.mailConfigured} />,
        ])}
        emptyText="Ingen er indkaldt endnu."
      />

      {props.own.map((p) => (
        <form method="post" action={`${base}/svar`} novalidate>
          <CsrfField token={props.ctx.csrf} />
          <input type="hidden" name="participantId" value={p.id} />
          <h2>Dit svar ({p.name})</h2>
          <RadioGroup
            name="response"
            legend="Kommer du til mødet?"
            options={[
              { value: 'kommer', label: 'Jeg kommer' },
              { value: 'kommer_ikke', label: 'Jeg kan ikke komme' },
            ]}
            value={p.response === 'afventer' ? undefined : p.response}
            errors={errorsOf('svar')}
          />
          <button type="submit" class="button button-primary">
            Send svar
          </button>
        </form>
      ))}

      {props.mayAct && active ? (
        <>
          <form method="post" action={`${base}/moede`} novalidate>
            <CsrfField token={props.ctx.csrf} />
            <h2>{incident.meetingPlannedAt ? 'Flyt mødet' : 'Planlæg mødet'}</h2>
            <p>De indkaldte får en kalenderinvitation med tid og sted. Mødet bør holdes senest {danishDateTime(incident.deadlineAt)}.</p>
            <TextInput name="meetingDate" type="date" label="Dato" helptext="ÅÅÅÅ-MM-DD, fx 2026-03-29." value={props.meeting.meetingDate} errors={errorsOf('moede')} width="s" />
            <TextInput name="meetingTime" label="Tidspunkt" helptext="TT:MM, fx 10:00." value={props.meeting.meetingTime} errors={errorsOf('moede')} width="xs" />
            <TextInput name="location" label="Sted" value={props.meeting.location} errors={errorsOf('moede')} width="l" optional />
            <button type="submit" class="button button-primary">
              Gem mødet og send invitation
            </button>
          </form>

          <form method="post" action={`${base}/afholdt`} novalidate>
            <CsrfField token={props.ctx.csrf} />
            <h2>Mødet er holdt</h2>
            <p>Registrér, hvornår gruppen mødtes. Det viser, om fristen blev overholdt.</p>
            <TextInput name="heldDate" type="date" label="Dato for mødet" helptext="ÅÅÅÅ-MM-DD." value={props.held.heldDate} errors={errorsOf('afholdt')} width="s" />
            <TextInput name="heldTime" label="Tidspunkt for mødet" helptext="TT:MM." value={props.held.heldTime} errors={errorsOf('afholdt')} width="xs" />
            <button type="submit" class="button button-secondary">
              Registrér mødet som holdt
            </button>
          </form>

          <form method="post" action={`${base}/deltagere`} novalidate>
            <CsrfField token={props.ctx.csrf} />
            <h2>Indkald en ad hoc-deltager</h2>
            <TextInput name="name" label="Navn" value={props.adHoc.name} errors={errorsOf('deltager')} width="l" />
            <TextInput name="role" label="Rolle" value={props.adHoc.role} errors={errorsOf('deltager')} width="l" />
            <TextInput name="organisation" label="Organisation" value={props.adHoc.organisation} errors={errorsOf('deltager')} width="l" />
            <TextInput name="email" type="email" label="E-mail" helptext="Indkaldelsen sendes hertil." value={props.adHoc.email} errors={errorsOf('deltager')} width="l" optional autocomplete="off" />
            <TextInput name="phone" label="Telefon" value={props.adHoc.phone} errors={errorsOf('deltager')} width="s" optional autocomplete="off" />
            <RadioGroup
              name="isAuthority"
              legend="Kommer deltageren fra en myndighed?"
              options={[
                { value: 'ja', label: 'Ja (politi eller kommune)' },
                { value: 'nej', label: 'Nej' },
              ]}
              value={props.adHoc.isAuthority}
              errors={errorsOf('deltager')}
            />
            <button type="submit" class="button button-primary">
              Tilføj og indkald
            </button>
          </form>
        </>
      ) : null}
    </Layout>
  );
}

/** The public page behind a personal answer link. */
export function AnswerPage(props: { ctx: PageContext; token: string; participant: ConvenedParticipant; incident: Incident; areaName: string; errors?: readonly FieldError[]; message?: string | null }) {
  const { participant: p, incident } = props;
  const errors = props.errors ?? [];
  return (
    <Layout ctx={props.ctx} title="Svar på indkaldelsen" hasErrors={errors.length > 0}>
      <h1>Svar på indkaldelsen</h1>
      {props.message ? (
        <Alert variant="success" announce>
          <p>{props.message}</p>
        </Alert>
      ) : null}
      <ErrorSummary errors={errors} />
      <p>
        Hej {p.name}. Beredskabsgruppen er indkaldt til møde om {incidentLabel(incident)}.
      </p>
      <Facts
        items={[
          { label: 'Niveau', value: LEVEL_NAMES[incident.level] },
          { label: 'Område', value: props.areaName },
          { label: 'Gruppen skal mødes senest', value: danishDateTime(incident.deadlineAt) },
          { label: 'Mødet', value: incident.meetingPlannedAt ? `${danishDateTime(incident.meetingPlannedAt)}${incident.meetingLocation ? `, ${incident.meetingLocation}` : ''}` : 'Tid og sted følger' },
          { label: 'Dit svar', value: p.response === 'afventer' ? 'Du har ikke svaret endnu' : `${RESPONSE_NAMES[p.response]}${p.respondedAt ? ` (${danishDateTime(p.respondedAt)})` : ''}` },
        ]}
      />
      {incident.status === 'aktiv' ? (
        <form method="post" action={answerPath(props.token)} novalidate>
          <CsrfField token={props.ctx.csrf} />
          <RadioGroup
            name="response"
            legend="Kommer du til mødet?"
            options={[
              { value: 'kommer', label: 'Jeg kommer' },
              { value: 'kommer_ikke', label: 'Jeg kan ikke komme' },
            ]}
            value={p.response === 'afventer' ? undefined : p.response}
            errors={errors}
          />
          <button type="submit" class="button button-primary">
            Send svar
          </button>
        </form>
      ) : (
        <p>Beredskabet er afmeldt. Du behøver ikke svare.</p>
      )}
    </Layout>
  );
}

export function AnswerLinkInvalidPage({ ctx }: { ctx: PageContext }) {
  return (
    <Layout ctx={ctx} title="Linket virker ikke">
      <h1>Linket virker ikke</h1>
      <p>Linket er ikke gyldigt. Hver e-mail om indkaldelsen har sit eget link, og kun linket i den seneste e-mail virker. Brug det, eller kontakt sekretariatet.</p>
    </Layout>
  );
}
