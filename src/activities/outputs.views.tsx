/**
 * The outputs pages: every activity's targets for a plan year against what was delivered, per area, per intervention
 * area, and one activity with its courses and the form to report a figure by hand.
 */
import type { FieldError } from '../errors/errors.js';
import { Alert, Badge, CsrfField, DateText, ErrorSummary, Select, Table, Textarea, TextInput, Timestamp } from '../web/components.js';
import { Layout, type PageContext } from '../web/layout.js';
import type { OutputStatus, PlanYear } from './output-targets.js';
import type { ActivityOutput, AreaTable, InterventionAreaRow, OutputOverview, TargetOutput } from './outputs.service.js';

const STATUS_BADGE: Record<OutputStatus, 'success' | 'info' | 'warning' | 'error' | undefined> = {
  opfyldt: 'success',
  'på vej': 'info',
  bagud: 'error',
  'over loftet': 'warning',
  'ikke målbar': undefined,
};

export function StatusBadge({ status }: { status: OutputStatus }) {
  return <Badge text={status} {...(STATUS_BADGE[status] ? { status: STATUS_BADGE[status] } : {})} />;
}

const yearQuery = (year: PlanYear) => `?aar=${encodeURIComponent(year.label)}`;

function YearChooser({ action, year, years }: { action: string; year: PlanYear; years: readonly PlanYear[] }) {
  return (
    <form method="get" action={action} class="d-print-none helhed-year-chooser">
      <Select name="aar" label="Planår (1. august – 31. juli)" value={year.label} options={years.map((y) => ({ value: y.label, label: y.label }))} />
      <button type="submit" class="button button-secondary">
        Vis planåret
      </button>
    </form>
  );
}

function Views({ year, current }: { year: PlanYear; current: 'aktiviteter' | 'omraader' | 'indsatsomraader' }) {
  const items = [
    { key: 'aktiviteter', href: `/resultater${yearQuery(year)}`, label: 'Pr. aktivitet' },
    { key: 'omraader', href: `/resultater/omraader${yearQuery(year)}`, label: 'Pr. boligområde' },
    { key: 'indsatsomraader', href: `/resultater/indsatsomraader${yearQuery(year)}`, label: 'Pr. indsatsområde' },
  ];
  return (
    <nav aria-label="Visninger" class="d-print-none">
      <ul class="nobullet-list helhed-inline-list">
        {items.map((i) => (
          <li>{i.key === current ? <strong aria-current="page">{i.label}</strong> : <a href={i.href}>{i.label}</a>}</li>
        ))}
      </ul>
    </nav>
  );
}

function SuppressionNote({ overview }: { overview: OutputOverview }) {
  if (overview.activities.every((a) => a.seesPersons)) return null;
  return (
    <p class="form-hint">
      Antal personer fra 1 til {overview.threshold - 1} vises som «&lt;{overview.threshold}» for aktiviteter, du ikke arbejder i, og et tal, der ellers kunne regnes ud,
      vises som «–» (små tal).
    </p>
  );
}

function Intro({ overview }: { overview: OutputOverview }) {
  return (
    <p>
      Planår {overview.year.label}: <DateText iso={overview.year.start} /> – <DateText iso={overview.year.end} />. Opgjort <DateText iso={overview.today} />.
    </p>
  );
}

/** The assessment's line: status and, where the count may be shown, the pace forecast. */
function Verdict({ t }: { t: TargetOutput }) {
  return (
    <>
      <StatusBadge status={t.status} /> {t.assessment ? <span>{t.assessment.text}</span> : t.perCourse ? <span>{t.delivered.text}</span> : null}
    </>
  );
}

function targetRows(activity: ActivityOutput) {
  return activity.targets.map((t) => [
    <>
      {t.target.measure}
      <br />
      <span class="form-hint">Planen: «{t.target.printed}»</span>
    </>,
    t.perCourse ? 'pr. forløb' : t.delivered.text,
    <Verdict t={t} />,
    <span class="form-hint">{t.ruleText}</span>,
  ]);
}

export function OutputsPage({ ctx, overview }: { ctx: PageContext; overview: OutputOverview }) {
  const byArea = new Map<string, ActivityOutput[]>();
  for (const a of overview.activities) byArea.set(a.interventionAreaName, [...(byArea.get(a.interventionAreaName) ?? []), a]);
  return (
    <Layout ctx={ctx} title={`Resultater ${overview.year.label}`}>
      <h1>Resultater: aktiviteternes mål, planår {overview.year.label}</h1>
      <Intro overview={overview} />
      <YearChooser action="/resultater" year={overview.year} years={overview.years} />
      <Views year={overview.year} current="aktiviteter" />
      <SuppressionNote overview={overview} />
      {[...byArea].map(([areaName, activities]) => (
        <section>
          <h2>{areaName}</h2>
          {activities.map((a) => (
            <section>
              <h3>
                <a href={`/resultater/aktiviteter/${a.slug}${yearQuery(overview.year)}`}>{a.name}</a>
              </h3>
              {a.targets.length === 0 ? (
                <p>Planen sætter ingen tal-mål for aktiviteten.</p>
              ) : (
                <Table caption={`${a.name}: mål og leveret, planår ${overview.year.label}`} headers={['Mål', 'Leveret', 'Status', 'Sådan tælles']} rows={targetRows(a)} rowHeaders numeric={[1]} compact />
              )}
            </section>
          ))}
        </section>
      ))}
    </Layout>
  );
}

export function OutputsByAreaPage({ ctx, overview, table }: { ctx: PageContext; overview: OutputOverview; table: AreaTable }) {
  return (
    <Layout ctx={ctx} title={`Resultater pr. boligområde ${overview.year.label}`}>
      <h1>Deltagere pr. boligområde, planår {overview.year.label}</h1>
      <Intro overview={overview} />
      <YearChooser action="/resultater/omraader" year={overview.year} years={overview.years} />
      <Views year={overview.year} current="omraader" />
      <p>Forskellige deltagere med en indskrivning i planåret, efter deltagerens boligområde. En deltager i to aktiviteter tæller i begge.</p>
      <SuppressionNote overview={overview} />
      <Table
        caption={`Deltagere pr. aktivitet og boligområde, planår ${overview.year.label}`}
        headers={['Aktivitet', ...table.areas.map((a) => a.name), 'I alt']}
        rows={table.rows.map((r) => [r.activityName, ...r.cells, r.total])}
        rowHeaders
        numeric={table.areas.map((_, i) => i + 1).concat(table.areas.length + 1)}
        compact
      />
    </Layout>
  );
}

export function OutputsByInterventionAreaPage({ ctx, overview, rows }: { ctx: PageContext; overview: OutputOverview; rows: readonly InterventionAreaRow[] }) {
  return (
    <Layout ctx={ctx} title={`Resultater pr. indsatsområde ${overview.year.label}`}>
      <h1>Resultater pr. indsatsområde, planår {overview.year.label}</h1>
      <Intro overview={overview} />
      <YearChooser action="/resultater/indsatsomraader" year={overview.year} years={overview.years} />
      <Views year={overview.year} current="indsatsomraader" />
      <p>Forskellige deltagere og husstande på tværs af indsatsområdets aktiviteter (én person i to aktiviteter tæller én gang), og målene efter status.</p>
      <SuppressionNote overview={overview} />
      <Table
        caption={`Indsatsområderne, planår ${overview.year.label}`}
        headers={['Indsatsområde', 'Aktiviteter', 'Deltagere', 'Husstande', 'Mål opfyldt', 'På vej', 'Bagud', 'Over loftet', 'Ikke målbare']}
        rows={rows.map((r) => [
          r.name,
          String(r.activities),
          r.participants.text,
          r.households.text,
          String(r.statuses.opfyldt),
          String(r.statuses['på vej']),
          String(r.statuses.bagud),
          String(r.statuses['over loftet']),
          String(r.statuses['ikke målbar']),
        ])}
        rowHeaders
        numeric={[1, 2, 3, 4, 5, 6, 7, 8]}
      />
    </Layout>
  );
}

export interface ReportValues {
  target: string;
  delivered: string;
  note: string;
}

export function ActivityOutputsPage(props: { ctx: PageContext; overview: OutputOverview; activity: ActivityOutput; values?: ReportValues; errors?: readonly FieldError[] }) {
  const { ctx, overview, activity } = props;
  const errors = props.errors ?? [];
  const reportable = activity.targets.filter((t) => t.rule.kind === 'reported');
  const perCourse = activity.targets.filter((t) => t.perCourse);
  return (
    <Layout ctx={ctx} title={`${activity.name}: resultater ${overview.year.label}`} hasErrors={errors.length > 0}>
      <p class="d-print-none">
        <a class="back-link" href={`/resultater${yearQuery(overview.year)}`}>
          Resultater
        </a>
      </p>
      <ErrorSummary errors={errors} />
      <h1>
        {activity.name}: resultater, planår {overview.year.label}
      </h1>
      <Intro overview={overview} />
      <YearChooser action={`/resultater/aktiviteter/${activity.slug}`} year={overview.year} years={overview.years} />
      <SuppressionNote overview={{ ...overview, activities: [activity] }} />
      {activity.targets.length === 0 ? (
        <p>Planen sætter ingen tal-mål for aktiviteten.</p>
      ) : (
        <Table caption={`Mål og leveret, planår ${overview.year.label}`} headers={['Mål', 'Leveret', 'Status', 'Sådan tælles']} rows={targetRows(activity)} rowHeaders numeric={[1]} />
      )}
      {activity.targets
        .filter((t) => t.report)
        .map((t) => (
          <p class="form-hint">
            «{t.target.measure}» indberettet af {t.report!.reportedBy} <Timestamp iso={t.report!.reportedAt} />
            {t.report!.note ? `: ${t.report!.note}` : ''}
          </p>
        ))}
      {perCourse.length > 0 ? (
        <section>
          <h2>Pr. forløb</h2>
          {perCourse.map((t) => (
            <Table
              caption={`${t.target.measure} (planen: «${t.target.printed}»)`}
              headers={['Forløb', 'Start', 'Slut', 'Tal', 'Status']}
              rows={t.courses.map((c) => [
                `${c.name} (${c.code})`,
                <DateText iso={c.startDate} />,
                <DateText iso={c.endDate} />,
                c.figure.text,
                <>
                  <StatusBadge status={c.assessment.status} /> {c.assessment.text}
                </>,
              ])}
              emptyText="Ingen forløb med start i planåret."
              rowHeaders
              numeric={[3]}
            />
          ))}
        </section>
      ) : null}
      {activity.mayReport && reportable.length > 0 ? (
        <section class="d-print-none">
          <h2>Indberet et tal</h2>
          <p>For mål, Helhed ikke har data om, indberetter partneren eller sekretariatet tallet for planåret. En ny indberetning erstatter den forrige.</p>
          <form method="post" action={`/resultater/aktiviteter/${activity.slug}/indberet`} novalidate>
            <CsrfField token={ctx.csrf} />
            <input type="hidden" name="year" value={overview.year.label} />
            <Select
              name="target"
              label="Mål"
              errors={errors}
              value={props.values?.target}
              options={reportable.map((t) => ({ value: t.target.code, label: `${t.target.measure} («${t.target.printed}»)` }))}
            />
            <TextInput name="delivered" label={`Antal i planår ${overview.year.label}`} width="xs" value={props.values?.delivered} errors={errors} helptext="Et helt tal, fx 2." />
            <Textarea name="note" label="Bemærkning" optional rows={3} value={props.values?.note} errors={errors} />
            <button type="submit" class="button button-primary">
              Indberet
            </button>
          </form>
        </section>
      ) : reportable.length > 0 ? (
        <Alert variant="info" headingLevel={2} heading="Indberetning">
          Tal for denne aktivitet indberettes af de partnere og medarbejdere, der arbejder i den.
        </Alert>
      ) : null}
    </Layout>
  );
}
