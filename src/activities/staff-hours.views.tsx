/**
 * The staff-hours pages: agreed hours per organisation and activity against delivered hours, the shortfalls for the
 * steering group, and the form a partner reports its organisation's hours on.
 */
import type { FieldError } from '../errors/errors.js';
import type { StaffHourReportRow } from '../participants/participants.table.js';
import { Alert, Badge, CsrfField, ErrorSummary, Select, Table, Textarea, TextInput, Timestamp, DateText, formatNumber } from '../web/components.js';
import { Layout, type PageContext } from '../web/layout.js';
import type { PlanYear } from './output-targets.js';
import type { AgreedHours, MonthPeriod } from './staff-hours.js';
import { SHORTFALL_TOLERANCE_PERCENT } from './staff-hours.js';
import type { HoursLine, HoursOverview } from './staff-hours.service.js';

const hours = (n: number | null) => (n === null ? '–' : formatNumber(Math.round(n * 10) / 10));
const lineName = (l: AgreedHours) => l.activityName ?? `${l.interventionAreaName} (hele indsatsområdet)`;

function statusCell(l: HoursLine) {
  if (l.assessment.status === 'bagud') return <Badge text={`bagud: ${hours(l.assessment.shortfall)} timer`} status="error" />;
  if (l.assessment.status === 'på vej') return <Badge text="på vej" status="success" />;
  return <Badge text="ikke målbar" />;
}

export function HoursPage({ ctx, overview, mayReport }: { ctx: PageContext; overview: HoursOverview; mayReport: boolean }) {
  const isAdmin = ctx.principal?.roles.includes('administrator') ?? false;
  return (
    <Layout ctx={ctx} title={`Timer ${overview.year.label}`}>
      <h1>Medarbejdertimer, planår {overview.year.label}</h1>
      <p>
        Planens aftalte timer pr. organisation og aktivitet mod de timer, organisationerne har indberettet for planåret (
        <DateText iso={overview.year.start} /> – <DateText iso={overview.year.end} />
        ). Forventet indtil nu er de aftalte timer fordelt ligeligt på årets 12 måneder, for de måneder der er slut. Et efterslæb på mere end{' '}
        {SHORTFALL_TOLERANCE_PERCENT} % vises som bagud.
      </p>
      <form method="get" action="/timer" class="d-print-none">
        <Select name="aar" label="Planår (1. august – 31. juli)" value={overview.year.label} options={overview.years.map((y) => ({ value: y.label, label: y.label }))} />
        <button type="submit" class="button button-secondary">
          Vis planåret
        </button>
      </form>
      {mayReport ? (
        <p class="d-print-none">
          <a class="button button-primary" href={`/timer/indberet?aar=${encodeURIComponent(overview.year.label)}`}>
            Indberet timer
          </a>
        </p>
      ) : null}
      <h2>Til styregruppen: mangler i forhold til aftalen</h2>
      {overview.shortfalls.length === 0 ? (
        <p>Ingen organisation er bagud i forhold til de aftalte timer.</p>
      ) : (
        <Table
          caption={`Organisationer bagud, planår ${overview.year.label}`}
          headers={['Organisation', 'Aktivitet', 'Forventet indtil nu', 'Leveret', 'Mangler', 'Måneder indberettet']}
          rows={overview.shortfalls.map((l) => [
            l.organisation,
            lineName(l),
            hours(l.assessment.expectedByNow),
            hours(l.delivered),
            hours(l.assessment.shortfall),
            // Whether the hours are missing or only the reports: the steering group asks different questions.
            l.monthsReported === 0 ? 'ingen' : String(l.monthsReported),
          ])}
          rowHeaders
          numeric={[2, 3, 4, 5]}
          id="mangler"
        />
      )}
      {isAdmin && overview.unmatched.length > 0 ? (
        <Alert variant="warning" announce={false} heading="Organisationer uden aftalte timer">
          Disse organisationer svarer ikke til nogen af planens navne, så deres partnere kan ikke indberette timer: {overview.unmatched.join(', ')}. Giv dem
          det navn, planen bruger.
        </Alert>
      ) : null}
      <h2>Alle aftalte timer</h2>
      <Table
        caption={`Aftalte og leverede timer, planår ${overview.year.label}`}
        headers={['Organisation', 'Aktivitet', 'Aftalt (planen)', 'Aftalt pr. år', 'Forventet indtil nu', 'Leveret', 'Status']}
        rows={overview.lines.map((l) => [
          l.organisation,
          lineName(l),
          <span class="form-hint">{l.printed}</span>,
          hours(l.hoursPerYear),
          hours(l.assessment.expectedByNow),
          hours(l.delivered),
          statusCell(l),
        ])}
        rowHeaders
        numeric={[3, 4, 5]}
        compact
      />
    </Layout>
  );
}

export interface HoursFormValues {
  line: string;
  month: string;
  hours: string;
  note: string;
}

export function HoursReportPage(props: {
  ctx: PageContext;
  year: PlanYear;
  lines: readonly AgreedHours[];
  months: readonly MonthPeriod[];
  reports: readonly StaffHourReportRow[];
  noLinesReason: string | null;
  values?: HoursFormValues;
  errors?: readonly FieldError[];
}) {
  const errors = props.errors ?? [];
  return (
    <Layout ctx={props.ctx} title="Indberet timer" hasErrors={errors.length > 0}>
      <p class="d-print-none">
        <a class="back-link" href={`/timer?aar=${encodeURIComponent(props.year.label)}`}>
          Timer
        </a>
      </p>
      <ErrorSummary errors={errors} />
      <h1>Indberet medarbejdertimer</h1>
      {props.noLinesReason ? (
        <Alert variant="info" heading="Ingen aftalte timer at indberette for">
          {props.noLinesReason}
        </Alert>
      ) : (
        <form method="post" action="/timer/indberet" novalidate>
          <CsrfField token={props.ctx.csrf} />
          <p>Timerne indberettes pr. måned. En ny indberetning for samme linje og måned erstatter den forrige.</p>
          <Select
            name="line"
            label="Aftalte timer (organisation og aktivitet)"
            errors={errors}
            value={props.values?.line}
            options={props.lines.map((l) => ({ value: l.key, label: `${l.organisation}: ${lineName(l)}` }))}
          />
          <Select name="month" label="Måned" errors={errors} value={props.values?.month} options={[...props.months].reverse().map((m) => ({ value: m.start.slice(0, 7), label: m.label }))} />
          <TextInput name="hours" label="Timer leveret i måneden" width="xs" value={props.values?.hours} errors={errors} helptext="Et tal, fx 37,5." />
          <Textarea name="note" label="Bemærkning" optional rows={3} value={props.values?.note} errors={errors} />
          <button type="submit" class="button button-primary">
            Indberet
          </button>
        </form>
      )}
      {props.reports.length > 0 ? (
        <Table
          caption={`Din organisations indberetninger, planår ${props.year.label}`}
          headers={['Måned', 'Indsatsområde', 'Aktivitet', 'Timer', 'Indberettet']}
          rows={props.reports.map((r) => {
            const line = props.lines.find((l) => l.interventionAreaSlug === r.intervention_area_slug && l.activitySlug === r.activity_slug);
            return [r.period_label, line?.interventionAreaName ?? r.intervention_area_slug, line?.activityName ?? (r.activity_slug || 'hele indsatsområdet'), formatNumber(r.hours), <Timestamp iso={r.reported_at} />];
          })}
          rowHeaders
          numeric={[3]}
        />
      ) : null}
    </Layout>
  );
}
