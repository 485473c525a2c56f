/**
 * Pages of courses (forløb): the list, a new course, one course with its sessions, roster and the plan's targets per
 * course, a session's attendance (built for a phone: one column, large choices, one button), and the attendance
 * import with every problem by row and column.
 */
import type { FieldError } from '../errors/errors.js';
import type { ParticipantImportRow } from '../participants/participants.table.js';
import { Alert, Badge, Checkboxes, CsrfField, ErrorSummary, Facts, fieldId, formatDate, formatNumber, PostButton, Select, Table, Textarea, TextInput, Timestamp, ImportProblems, SpreadsheetUploadForm } from '../web/components.js';
import { Layout, type PageContext } from '../web/layout.js';
import { ATTENDANCE_LABELS, ATTENDANCE_STATUSES, SESSION_STATE_LABELS, WEEKDAY_NAMES, isoWeekday, type CourseTargetCheck, type SessionState } from './courses.rules.js';
import type { CourseDetail, CourseSummary, SessionAttendance, SessionSummary } from './courses.service.js';
import type { ImportProblem } from './import/attendance-rows.js';

/** Messages shown once after a redirect, chosen by a fixed key in the address, so nothing a visitor sends is shown. */
export const SAVED_MESSAGES = {
  oprettet: 'Forløbet er oprettet.',
  fremmoede: 'Fremmødet er gemt.',
  moedegang: 'Mødegangen er tilføjet.',
  flyttet: 'Mødegangen er ændret.',
  hold: 'Holdlisten er opdateret.',
} as const;
export type SavedKey = keyof typeof SAVED_MESSAGES;

function Saved({ saved }: { saved: SavedKey | null }) {
  if (!saved) return null;
  return (
    <div class="alert alert-success" role="status">
      <div class="alert-body">
        <p class="alert-text">{SAVED_MESSAGES[saved]}</p>
      </div>
    </div>
  );
}

const url = (code: string) => `/forloeb/${encodeURIComponent(code)}`;

/** «onsdag 17. september 2025» */
function dayText(iso: string): string {
  return `${WEEKDAY_NAMES[isoWeekday(iso) - 1]} ${formatDate(iso)}`;
}

const STATE_BADGES: Record<SessionState, 'info' | 'success' | 'warning' | 'error' | undefined> = { aflyst: undefined, kommende: 'info', mangler: 'warning', registreret: 'success' };

function StateBadge({ state }: { state: SessionState }) {
  return <Badge text={SESSION_STATE_LABELS[state]} status={STATE_BADGES[state]} />;
}

export function CourseListPage(props: {
  ctx: PageContext;
  courses: CourseSummary[];
  activities: { slug: string; name: string }[];
  activity: string;
  canManage: boolean;
}) {
  const { ctx, courses } = props;
  const lacking = courses.reduce((n, c) => n + c.lackingRegistration, 0);
  return (
    <Layout ctx={ctx} title="Forløb">
      <h1>Forløb</h1>
      <p class="font-lead">Hold og forløb i de aktiviteter, du arbejder med: mødegange, holdliste og fremmøde.</p>
      {props.canManage ? (
        <p class="d-print-none">
          <a class="button button-primary" href="/forloeb/nyt">
            Opret forløb
          </a>{' '}
          <a class="button button-secondary" href="/forloeb/import">
            Importér fremmøde
          </a>
        </p>
      ) : null}
      {props.activities.length === 0 ? (
        <Alert variant="info" heading="Du arbejder ikke med nogen aktiviteter endnu" announce={false}>
          <p>Forløb vises for de aktiviteter, du eller din organisation har adgang til. Bed en administrator om adgang.</p>
        </Alert>
      ) : (
        <form method="get" action="/forloeb" class="d-print-none">
          <Select name="aktivitet" label="Aktivitet" options={[{ value: '', label: 'Alle mine aktiviteter' }, ...props.activities.map((a) => ({ value: a.slug, label: a.name }))]} value={props.activity} />
          <button type="submit" class="button button-secondary">
            Vis
          </button>
        </form>
      )}
      {lacking > 0 ? (
        <p>
          <strong>{formatNumber(lacking)}</strong> {lacking === 1 ? 'mødegang mangler' : 'mødegange mangler'} registrering af fremmøde.
        </p>
      ) : null}
      <Table
        caption="Forløb, nyeste først"
        headers={['Forløb', 'Mødegange', 'Mangler']}
        numeric={[1, 2]}
        emptyText="Der er ingen forløb endnu."
        rows={courses.map((c) => [
          <span>
            <a href={url(c.code)}>{c.code}</a>
            <span class="helhed-cell-meta">
              {c.name} · {c.activityName} · fra {formatDate(c.startDate)} · {formatNumber(c.roster)} på holdet
            </span>
          </span>,
          c.plannedSessions !== null && c.plannedSessions !== c.sessions ? `${formatNumber(c.sessions)} af ${formatNumber(c.plannedSessions)}` : formatNumber(c.sessions),
          c.lackingRegistration > 0 ? <strong>{formatNumber(c.lackingRegistration)}</strong> : '0',
        ])}
      />
    </Layout>
  );
}

export interface CourseFormValues {
  activity: string;
  code: string;
  name: string;
  area: string;
  startDate: string;
  endDate: string;
  plannedSessions: string;
  generateCount: string;
  weekday: string;
  note: string;
}

export function NewCoursePage(props: { ctx: PageContext; activities: { slug: string; name: string }[]; areas: { slug: string; name: string }[]; values: CourseFormValues; errors: FieldError[] }) {
  const { ctx, values, errors } = props;
  return (
    <Layout ctx={ctx} title="Opret forløb" hasErrors={errors.length > 0}>
      <p class="d-print-none">
        <a class="back-link" href="/forloeb">
          Forløb
        </a>
      </p>
      <h1>Opret forløb</h1>
      <ErrorSummary errors={errors} />
      <form method="post" action="/forloeb/nyt">
        <CsrfField token={ctx.csrf} />
        <Select name="activity" label="Aktivitet" options={[{ value: '', label: 'Vælg aktivitet' }, ...props.activities.map((a) => ({ value: a.slug, label: a.name }))]} value={values.activity} errors={errors} />
        <TextInput name="code" label="Kode" helptext="Forløbets korte kode, fx BRAND-2025E. Bruges i importfiler." value={values.code} errors={errors} width="m" autocomplete="off" />
        <TextInput name="name" label="Navn" helptext="Fx Brandkadet efterår 2025." value={values.name} errors={errors} width="xl" />
        <Select name="area" label="Boligområde" optional options={[{ value: '', label: 'Intet bestemt område' }, ...props.areas.map((a) => ({ value: a.slug, label: a.name }))]} value={values.area} errors={errors} />
        <TextInput name="startDate" type="date" label="Startdato" value={values.startDate} errors={errors} width="m" />
        <TextInput name="endDate" type="date" label="Slutdato" optional helptext="Udfyldes af sig selv med sidste mødegang, når mødegangene oprettes her." value={values.endDate} errors={errors} width="m" />
        <TextInput name="plannedSessions" label="Planlagte mødegange" optional helptext="Sammenlignes med planens mål pr. forløb." value={values.plannedSessions} errors={errors} width="xs" />
        <fieldset class="helhed-course-fieldset">
          <legend class="h3">Mødegange</legend>
          <p>Opret ugentlige mødegange fra startdatoen nu, eller tilføj dem én ad gangen senere.</p>
          <TextInput name="generateCount" label="Antal ugentlige mødegange" optional value={values.generateCount} errors={errors} width="xs" />
          <Select
            name="weekday"
            label="Ugedag"
            options={[{ value: '', label: 'Samme ugedag som startdatoen' }, ...WEEKDAY_NAMES.map((d, i) => ({ value: String(i + 1), label: d[0]!.toUpperCase() + d.slice(1) }))]}
            value={values.weekday}
            errors={errors}
          />
        </fieldset>
        <Textarea name="note" label="Note" optional value={values.note} errors={errors} rows={2} />
        <button type="submit" class="button button-primary">
          Opret forløb
        </button>
      </form>
    </Layout>
  );
}

function TargetList({ targets }: { targets: CourseTargetCheck[] }) {
  if (targets.length === 0) return <p>Planen sætter ingen mål pr. forløb for denne aktivitet.</p>;
  return (
    <ul class="helhed-course-targets">
      {targets.map((t) => (
        <li>
          {t.status === 'passer' ? <Badge text="Passer" status="success" /> : t.status === 'ikke målbar' ? <Badge text="Ikke målbar" /> : <Badge text={t.status === 'under' ? 'Under' : 'Over'} status="warning" />}{' '}
          <span>
            <strong>{t.measure}</strong>: {t.text} <span class="helhed-cell-meta-inline">Planen: «{t.printed}»</span>
          </span>
        </li>
      ))}
    </ul>
  );
}

export function CoursePage(props: {
  ctx: PageContext;
  detail: CourseDetail;
  candidates: { code: string; nickname: string | null; otherCourse: string | null }[];
  canManage: boolean;
  saved: SavedKey | null;
  errors?: FieldError[];
  values?: { heldOn: string; topic: string; participants: string[]; codes: string };
}) {
  const { ctx, detail, errors = [] } = props;
  const c = detail.course;
  const values = props.values ?? { heldOn: '', topic: '', participants: [], codes: '' };
  return (
    <Layout ctx={ctx} title={`${c.code}: ${c.name}`} hasErrors={errors.length > 0}>
      <p class="d-print-none">
        <a class="back-link" href="/forloeb">
          Forløb
        </a>
      </p>
      <p class="helhed-kicker">{c.activityName} · forløb</p>
      <h1>
        {c.code}: {c.name}
      </h1>
      <Saved saved={props.saved} />
      <ErrorSummary errors={errors} />
      <Facts
        items={[
          { label: 'Aktivitet', value: <a href={`/aktiviteter/${c.activitySlug}`}>{c.activityName}</a> },
          { label: 'Boligområde', value: detail.areaName },
          { label: 'Periode', value: c.endDate ? `${formatDate(c.startDate)} – ${formatDate(c.endDate)}` : `fra ${formatDate(c.startDate)}` },
          { label: 'Planlagte mødegange', value: c.plannedSessions === null ? null : formatNumber(c.plannedSessions) },
          { label: 'Oprettede mødegange', value: `${formatNumber(c.sessions)}${c.cancelledSessions > 0 ? ` (${formatNumber(c.cancelledSessions)} aflyst)` : ''}` },
          { label: 'På holdet', value: formatNumber(c.roster) },
          { label: 'Note', value: c.note },
          { label: 'Oprettet af', value: c.createdBy },
        ]}
      />

      <h2>Planens mål pr. forløb</h2>
      <TargetList targets={detail.targets} />

      <h2 id="moedegange">Mødegange</h2>
      {c.lackingRegistration > 0 ? (
        <p>
          <strong>{formatNumber(c.lackingRegistration)}</strong> {c.lackingRegistration === 1 ? 'mødegang mangler' : 'mødegange mangler'} registrering af fremmøde.
        </p>
      ) : null}
      <ol class="helhed-session-list">
        {detail.sessions.map((s) => (
          <SessionItem code={c.code} session={s} />
        ))}
      </ol>
      {detail.sessions.length === 0 ? <p>Forløbet har ingen mødegange endnu.</p> : null}
      {detail.sessions.length > 0 && detail.roster.length > 0 ? (
        <p class="d-print-none">
          <a href={`${url(c.code)}/fremmoede.csv`}>Hent fremmødet som regneark (CSV)</a> med en række pr. deltager og mødegang; udfyld status og{' '}
          <a href="/forloeb/import">importér det</a>.
        </p>
      ) : null}
      {props.canManage ? (
        <form method="post" action={`${url(c.code)}/moedegange`} class="d-print-none">
          <CsrfField token={ctx.csrf} />
          <h3>Tilføj mødegang</h3>
          <TextInput name="heldOn" type="date" label="Dato" value={values.heldOn} errors={errors} width="m" />
          <TextInput name="topic" label="Emne" optional value={values.topic} errors={errors} width="l" />
          <button type="submit" class="button button-secondary">
            Tilføj mødegang
          </button>
        </form>
      ) : null}

      <h2 id="hold">Holdliste</h2>
      {detail.roster.length === 0 ? (
        <p>Der er ingen deltagere på holdet endnu.</p>
      ) : (
        <ul class="helhed-roster">
          {detail.roster.map((r) => (
            <li>
              <span>
                <span class="helhed-mono">{r.code}</span>
                {r.nickname ? ` ${r.nickname}` : ''}
              </span>
              {props.canManage ? <PostButton action={`${url(c.code)}/hold/fjern`} csrf={ctx.csrf} label={`Tag ${r.code} af holdet`} secondary hidden={{ participant: r.code }} /> : null}
            </li>
          ))}
        </ul>
      )}
      {props.canManage ? (
        <form method="post" action={`${url(c.code)}/hold`} class="d-print-none">
          <CsrfField token={ctx.csrf} />
          <h3>Sæt deltagere på holdet</h3>
          <p>
            Holdet består af deltagere, der er tilmeldt {c.activityName}. Er en deltager ikke tilmeldt, så tilmeld vedkommende først under{' '}
            <a href="/deltagere">Deltagere</a>.
          </p>
          {props.candidates.length > 0 ? (
            <Checkboxes
              name="participants"
              legend={`Tilmeldt ${c.activityName}, ikke på dette hold`}
              options={props.candidates.map((p) => ({ value: p.code, label: `${p.code}${p.nickname ? ` ${p.nickname}` : ''}`, ...(p.otherCourse ? { hint: `På holdet ${p.otherCourse}` } : {}) }))}
              checked={values.participants}
              errors={errors}
            />
          ) : (
            <p>Alle tilmeldte, du har adgang til, er allerede på holdet.</p>
          )}
          <Textarea name="codes" label="Eller skriv deltagerkoder" optional helptext="Én eller flere koder, adskilt af mellemrum, komma eller linjeskift." value={values.codes} errors={errors} rows={2} />
          <button type="submit" class="button button-secondary">
            Sæt på holdet
          </button>
        </form>
      ) : null}
    </Layout>
  );
}

function SessionItem({ code, session: s }: { code: string; session: SessionSummary }) {
  return (
    <li class="helhed-session">
      <a href={`${url(code)}/moedegange/${s.number}`}>
        <span class="helhed-session-title">
          Mødegang {s.number}: {dayText(s.heldOn)}
        </span>
      </a>{' '}
      <StateBadge state={s.state} />
      {s.topic ? <span class="helhed-cell-meta">{s.topic}</span> : null}
      {s.registered > 0 ? (
        <span class="helhed-cell-meta">
          {formatNumber(s.attended)} mødt, {formatNumber(s.notice)} afbud, {formatNumber(s.absent)} udeblevet
        </span>
      ) : null}
    </li>
  );
}

export function SessionPage(props: { ctx: PageContext; data: SessionAttendance; canManage: boolean; saved: SavedKey | null; errors?: FieldError[]; heldOn?: string }) {
  const { ctx, data, errors = [] } = props;
  const s = data.session;
  const base = `${url(data.course.code)}/moedegange/${s.number}`;
  const unregistered = data.members.every((m) => m.status === null);
  const editable = props.canManage && !s.cancelled;
  return (
    <Layout ctx={ctx} title={`Fremmøde: ${data.course.code}, mødegang ${s.number}`} hasErrors={errors.length > 0}>
      <p class="d-print-none">
        <a class="back-link" href={`${url(data.course.code)}#moedegange`}>
          {data.course.code}: {data.course.name}
        </a>
      </p>
      <h1>
        Mødegang {s.number} <span class="helhed-h1-sub">{dayText(s.heldOn)}</span>
      </h1>
      <p>
        {data.course.code}, {data.course.activityName} · <StateBadge state={s.state} />
      </p>
      <Saved saved={props.saved} />
      <ErrorSummary errors={errors} />
      {s.cancelled ? (
        <Alert variant="info" heading="Mødegangen er aflyst" announce={false}>
          <p>Der registreres ikke fremmøde ved en aflyst mødegang.</p>
        </Alert>
      ) : null}
      {data.members.length === 0 ? (
        <p>
          Der er ingen deltagere på holdet. <a href={`${url(data.course.code)}#hold`}>Sæt deltagere på holdet</a> først.
        </p>
      ) : editable ? (
        <form method="post" action={base} class="helhed-attendance">
          <CsrfField token={ctx.csrf} />
          <p>{unregistered ? 'Alle står som mødt. Ret dem, der meldte afbud eller udeblev, og gem.' : 'Ret det, der skal ændres, og gem.'}</p>
          {data.members.map((m, row) => {
            const name = `status:${m.code}`;
            const checked = m.status ?? 'mødt';
            const id = `fremmoede-${m.code.replace(/[^A-Za-z0-9_-]/g, '-')}`;
            // The first choice carries the form's field id, so the error summary's link moves focus into the form.
            const optionId = (i: number) => (row === 0 && i === 0 ? fieldId('attendance') : `${id}-${i}`);
            return (
              <fieldset class="helhed-attendance-person">
                <legend>
                  <span class="helhed-mono">{m.code}</span>
                  {m.nickname ? <span class="helhed-attendance-name"> {m.nickname}</span> : null}
                </legend>
                <div class="helhed-attendance-choices">
                  {ATTENDANCE_STATUSES.map((status, i) => (
                    <div class="form-group-radio">
                      <input type="radio" class="form-radio" id={optionId(i)} name={name} value={status} checked={checked === status} />
                      <label class="form-label" for={optionId(i)}>
                        {ATTENDANCE_LABELS[status]}
                      </label>
                    </div>
                  ))}
                </div>
              </fieldset>
            );
          })}
          <div class="helhed-attendance-buttons">
            <button type="submit" class="button button-primary">
              Gem fremmøde
            </button>
            <button type="submit" class="button button-secondary" name="alle" value="mødt">
              Alle mødt
            </button>
          </div>
        </form>
      ) : (
        <ul class="helhed-roster">
          {data.members.map((m) => (
            <li>
              <span>
                <span class="helhed-mono">{m.code}</span>
                {m.nickname ? ` ${m.nickname}` : ''}
              </span>
              <span>{m.status ? ATTENDANCE_LABELS[m.status] : 'Ikke registreret'}</span>
            </li>
          ))}
        </ul>
      )}
      {props.canManage ? (
        <section class="d-print-none helhed-session-edit" aria-labelledby="flyt">
          <h2 id="flyt">Flyt eller aflys</h2>
          <form method="post" action={`${base}/flyt`}>
            <CsrfField token={ctx.csrf} />
            <TextInput name="heldOn" type="date" label="Ny dato" value={props.heldOn ?? s.heldOn} errors={errors} width="m" />
            <button type="submit" class="button button-secondary">
              Flyt mødegang
            </button>
          </form>
          <PostButton action={`${base}/aflys`} csrf={ctx.csrf} label={s.cancelled ? 'Genoptag mødegangen' : 'Aflys mødegangen'} secondary hidden={{ cancelled: s.cancelled ? 'nej' : 'ja' }} />
        </section>
      ) : null}
    </Layout>
  );
}

export const IMPORT_STATUS_LABELS: Record<string, string> = { running: 'I gang', imported: 'Importeret', rejected: 'Afvist (fejl i filen)', failed: 'Mislykkedes' };

export function AttendanceImportPage(props: { ctx: PageContext; imports: ParticipantImportRow[]; errors?: FieldError[]; maxMegabytes: number }) {
  const { ctx, errors = [] } = props;
  return (
    <Layout ctx={ctx} title="Importér fremmøde" hasErrors={errors.length > 0}>
      <p class="d-print-none">
        <a class="back-link" href="/forloeb">
          Forløb
        </a>
      </p>
      <h1>Importér fremmøde</h1>
      <ErrorSummary errors={errors} />
      <p class="font-lead">
        Indlæs et regneark med fremmøde (CSV eller XLSX). Alle fejl vises på én gang med række og kolonne, og intet gemmes, før hele filen er i orden.
        Importerer du den samme fil igen, ændres intet; en ændret status opdateres.
      </p>
      <SpreadsheetUploadForm action="/forloeb/import" csrf={ctx.csrf} maxMegabytes={props.maxMegabytes} errors={errors} />
      <h2>Skabelon</h2>
      <p>Kolonnerne er:</p>
      <ul>
        <li>
          <strong>forløb</strong>: forløbets kode, fx BRAND-2025E
        </li>
        <li>
          <strong>mødegang</strong>: mødegangens nummer, eller <strong>dato</strong>: mødegangens dato (fx 17-09-2025)
        </li>
        <li>
          <strong>deltagerkode</strong>: deltagerens kode; deltageren skal være på forløbets holdliste
        </li>
        <li>
          <strong>status</strong>: mødt, afbud eller udeblevet
        </li>
      </ul>
      <p>
        Hent skabelonen som <a href="/forloeb/skabelon.xlsx">Excel (XLSX)</a> eller <a href="/forloeb/skabelon.csv">CSV</a>.
      </p>
      <h2>Seneste importer</h2>
      <Table
        caption="Seneste importer af fremmøde"
        headers={['Fil', 'Status', 'Nye eller ændrede', 'Uændrede', 'Fejl', 'Af', 'Tidspunkt']}
        numeric={[2, 3, 4]}
        emptyText="Der er endnu ikke importeret fremmøde."
        rows={props.imports.map((i) => [
          <a href={`/forloeb/import/${i.id}`}>{i.file_name}</a>,
          IMPORT_STATUS_LABELS[i.status] ?? i.status,
          formatNumber(i.rows_imported),
          formatNumber(i.rows_unchanged),
          formatNumber(i.problem_count),
          i.created_by_label,
          <Timestamp iso={i.created_at} />,
        ])}
      />
    </Layout>
  );
}

export function AttendanceImportResultPage({ ctx, row }: { ctx: PageContext; row: ParticipantImportRow }) {
  const problems: ImportProblem[] = row.problems ? (JSON.parse(row.problems) as ImportProblem[]) : [];
  return (
    <Layout ctx={ctx} title={`Import af ${row.file_name}`} hasErrors={row.status === 'rejected'}>
      <p class="d-print-none">
        <a class="back-link" href="/forloeb/import">
          Importér fremmøde
        </a>
      </p>
      <h1>Import af {row.file_name}</h1>
      {row.status === 'imported' ? (
        <Alert variant="success" heading="Filen er importeret" announce={false}>
          <p>
            {formatNumber(row.rows_imported)} nye eller ændrede registreringer og {formatNumber(row.rows_unchanged)} uændrede.
          </p>
        </Alert>
      ) : null}
      {row.status === 'rejected' ? (
        <div class="alert alert-error" role="alert">
          <div class="alert-body">
            <h2 class="alert-heading">Filen blev ikke importeret</h2>
            <p class="alert-text">
              Der er {formatNumber(row.problem_count)} fejl i filen, og intet er gemt. Ret fejlene i regnearket og importér hele filen igen.
              {row.problem_count > problems.length ? ` De første ${formatNumber(problems.length)} vises herunder.` : ''}
            </p>
          </div>
        </div>
      ) : null}
      {row.status === 'failed' || row.status === 'running' ? (
        <Alert variant="error" heading="Importen blev ikke færdig">
          <p>Importen blev afbrudt, og intet er gemt. Prøv igen; sker det igen, så kontakt en administrator.</p>
        </Alert>
      ) : null}
      <ImportProblems problems={problems} />
      <Facts
        items={[
          { label: 'Status', value: IMPORT_STATUS_LABELS[row.status] ?? row.status },
          { label: 'Rækker læst', value: formatNumber(row.rows_read) },
          { label: 'Importeret af', value: row.created_by_label },
          { label: 'Startet', value: <Timestamp iso={row.created_at} /> },
          { label: 'Afsluttet', value: row.finished_at ? <Timestamp iso={row.finished_at} /> : null },
        ]}
      />
      <p class="d-print-none">
        <a href="/forloeb">Til forløbene</a>
      </p>
    </Layout>
  );
}
