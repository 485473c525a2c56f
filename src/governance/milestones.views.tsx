/**
 * The milestone pages: the four sub-agreements' milestone plans at a glance with everything flagged, one plan as a
 * table grouped by activity with its timeline, and the forms to add, edit and delete a milestone or set its status.
 */
import type { FieldError } from '../errors/errors.js';
import { Alert, Badge, Checkboxes, CsrfField, DateText, ErrorSummary, fieldId, formatDate, ImportProblems, RadioGroup, Select, SpreadsheetUploadForm, Table, Textarea, TextInput } from '../web/components.js';
import type { ImportProblem } from './milestones.import.js';
import { MILESTONE_COLUMNS } from './milestones.import.js';
import { Layout, type PageContext } from '../web/layout.js';
import { MilestoneTimeline } from './milestone-timeline.js';
import { MILESTONE_STATUSES, type MilestoneFlag, type MilestonePlanSummary } from './milestones.js';
import type { MilestonePlanInfo, StoredAssessment, StoredMilestone } from './milestones.service.js';

export const MILESTONES_PATH = '/styring/milepaele';
/** The `?aktivitet=` value for milestones of the sub-agreement as a whole. */
export const WHOLE_SUB_AGREEMENT = 'hele-delaftalen';

export const planPath = (area: string) => `${MILESTONES_PATH}/${encodeURIComponent(area)}`;
const milestonePath = (m: StoredMilestone) => `${planPath(m.interventionArea)}/${encodeURIComponent(m.id)}`;

const FLAG_BADGE: Record<MilestoneFlag, 'error' | 'warning' | 'info'> = { forsinket: 'error', 'i risiko': 'warning', 'færdig for sent': 'info' };

function FlagCell({ a }: { a: StoredAssessment }) {
  if (!a.flag) return <span>–</span>;
  return (
    <>
      <Badge text={a.flag} status={FLAG_BADGE[a.flag]} />
      <br />
      <span class="form-hint">{a.reason}</span>
    </>
  );
}

const activityName = (plan: MilestonePlanInfo | undefined, slug: string | undefined) =>
  slug ? (plan?.activities.find((a) => a.slug === slug)?.name ?? slug) : 'Hele delaftalen';

function summaryCount(n: number) {
  return n === 0 ? '0' : <strong>{n}</strong>;
}

export function MilestonesOverviewPage(props: {
  ctx: PageContext;
  today: string;
  plans: readonly MilestonePlanInfo[];
  summaries: readonly MilestonePlanSummary[];
  flagged: readonly StoredAssessment[];
}) {
  const planOf = (slug: string) => props.plans.find((p) => p.slug === slug);
  const order: Record<MilestoneFlag, number> = { forsinket: 0, 'i risiko': 1, 'færdig for sent': 2 };
  const flagged = [...props.flagged].sort((a, b) => order[a.flag!] - order[b.flag!] || a.milestone.dueDate.localeCompare(b.milestone.dueDate));
  return (
    <Layout ctx={props.ctx} title="Milepælsplaner">
      <p class="d-print-none">
        <a class="back-link" href="/styring">
          Styring
        </a>
      </p>
      <h1>Milepælsplaner</h1>
      <p>
        Hver delaftale har sin milepælsplan, som styregruppen følger (helhedsplanen, linje 79-80 og 3343-3345). En milepæl er forsinket dagen efter sin
        frist, hvis den hverken er færdig eller udgået; den er i risiko, når den ikke er startet 14 dage før fristen, eller når noget, den afhænger af,
        er forsinket. Vurderet pr. <DateText iso={props.today} />.
      </p>
      <Table
        caption="Delaftalernes milepælsplaner"
        headers={['Delaftale', 'Milepæle', 'Forsinket', 'I risiko', 'Færdig for sent', 'Næste frister']}
        rows={props.summaries.map((s) => {
          const total = s.counts.forsinket + s.counts['i risiko'] + s.counts['færdig for sent'] + s.counts['uden flag'];
          return [
            <a href={planPath(s.interventionArea)}>{planOf(s.interventionArea)?.name ?? s.interventionArea}</a>,
            String(total),
            summaryCount(s.counts.forsinket),
            summaryCount(s.counts['i risiko']),
            summaryCount(s.counts['færdig for sent']),
            s.nextDue.length === 0 ? (
              'Ingen åbne milepæle med frist fremover'
            ) : (
              <ul class="nobullet-list">
                {s.nextDue.map((m) => (
                  <li>
                    <DateText iso={m.dueDate} />: {m.title}
                  </li>
                ))}
              </ul>
            ),
          ];
        })}
        rowHeaders
        numeric={[1, 2, 3, 4]}
      />
      <h2>Milepæle, der kræver opmærksomhed</h2>
      {flagged.length === 0 ? (
        <p>Ingen milepæle er forsinkede, i risiko eller færdige for sent.</p>
      ) : (
        <Table
          caption="Forsinkede milepæle, milepæle i risiko og milepæle færdige for sent"
          headers={['Milepæl', 'Delaftale', 'Aktivitet', 'Frist', 'Ansvarlig', 'Vurdering']}
          rows={flagged.map((a) => {
            const plan = planOf(a.milestone.interventionArea);
            return [
              a.milestone.title,
              <a href={planPath(a.milestone.interventionArea)}>{plan?.name ?? a.milestone.interventionArea}</a>,
              activityName(plan, a.milestone.activity),
              <DateText iso={a.milestone.dueDate} />,
              a.milestone.owner,
              <FlagCell a={a} />,
            ];
          })}
          rowHeaders
          id="opmaerksomhed"
        />
      )}
    </Layout>
  );
}

export function MilestonePlanPage(props: {
  ctx: PageContext;
  today: string;
  plan: MilestonePlanInfo;
  /** The whole plan, to name dependencies across the activity filter. */
  all: readonly StoredAssessment[];
  shown: readonly StoredAssessment[];
  activityFilter: string;
  mayManage: boolean;
  /** Ids of the milestones whose status the viewer may set without managing the plan. */
  statusEditable: ReadonlySet<string>;
}) {
  const { plan } = props;
  const titleOf = new Map(props.all.map((a) => [a.milestone.id, a.milestone.title]));
  const groups: { key: string; name: string; rows: StoredAssessment[] }[] = [
    { key: '', name: 'Hele delaftalen', rows: [] },
    ...plan.activities.map((a) => ({ key: a.slug, name: a.name, rows: [] as StoredAssessment[] })),
  ];
  for (const a of props.shown) {
    let group = groups.find((g) => g.key === (a.milestone.activity ?? ''));
    if (!group) {
      // An activity the plan no longer has (after a plan change): kept visible under its slug rather than hidden.
      group = { key: a.milestone.activity!, name: a.milestone.activity!, rows: [] };
      groups.push(group);
    }
    group.rows.push(a);
  }
  const filterLabel = props.activityFilter === '' ? null : props.activityFilter === WHOLE_SUB_AGREEMENT ? 'Hele delaftalen' : activityName(plan, props.activityFilter);
  const mayAct = props.mayManage || props.statusEditable.size > 0;
  return (
    <Layout ctx={props.ctx} title={`Milepælsplan: ${plan.name}`}>
      <p class="d-print-none">
        <a class="back-link" href={MILESTONES_PATH}>
          Milepælsplaner
        </a>
      </p>
      <h1>Milepælsplan: {plan.name}</h1>
      <p>
        Milepæle for delaftalen som helhed og for dens aktiviteter{filterLabel ? `, vist for ${filterLabel}` : ''}. Vurderet pr. <DateText iso={props.today} />.
      </p>
      <form method="get" action={planPath(plan.slug)} class="d-print-none">
        <Select
          name="aktivitet"
          label="Vis milepæle for"
          value={props.activityFilter}
          options={[
            { value: '', label: 'Alle aktiviteter og hele delaftalen' },
            { value: WHOLE_SUB_AGREEMENT, label: 'Hele delaftalen' },
            ...plan.activities.map((a) => ({ value: a.slug, label: a.name })),
          ]}
        />
        <button type="submit" class="button button-secondary">
          Vis
        </button>
      </form>
      {props.mayManage ? (
        <p class="d-print-none">
          <a class="button button-primary" href={`${planPath(plan.slug)}/ny`}>
            Tilføj milepæl
          </a>{' '}
          <a class="button button-secondary" href={`${planPath(plan.slug)}/import`}>
            Importér milepæle fra regneark
          </a>
        </p>
      ) : null}
      <h2>Tidslinje</h2>
      <p>Tidslinjen viser hver milepæls frist. Formen siger, hvordan det står til: se forklaringen over tegningen. Tabellerne nedenfor siger det samme i ord.</p>
      <div class="helhed-chart-frame">
        <MilestoneTimeline
          id="milepaele-tidslinje"
          title={`Tidslinje for milepælsplanen for ${plan.name}${filterLabel ? `, ${filterLabel}` : ''}`}
          today={props.today}
          milestones={props.shown.map((a) => ({ title: a.milestone.title, dueDate: a.milestone.dueDate, status: a.milestone.status, flag: a.flag }))}
        />
      </div>
      {props.shown.length === 0 ? <p>Der er ingen milepæle{filterLabel ? ` for ${filterLabel}` : ''} endnu.</p> : null}
      {groups
        .filter((g) => g.rows.length > 0)
        .map((g) => (
          <section>
            <h2>{g.name}</h2>
            <Table
              caption={`Milepæle: ${g.name}`}
              headers={['Milepæl', 'Frist', 'Ansvarlig', 'Status', 'Afhænger af', 'Vurdering', ...(mayAct ? ['Handling'] : [])]}
              rows={g.rows.map((a) => {
                const m = a.milestone;
                return [
                  <>
                    {m.title}
                    {m.note ? (
                      <>
                        <br />
                        <span class="form-hint">{m.note}</span>
                      </>
                    ) : null}
                  </>,
                  <DateText iso={m.dueDate} />,
                  m.owner,
                  m.status === 'færdig' && m.completedOn ? (
                    <>
                      færdig <DateText iso={m.completedOn} />
                    </>
                  ) : (
                    m.status
                  ),
                  m.dependsOn.length === 0 ? (
                    '–'
                  ) : (
                    <ul class="nobullet-list">
                      {m.dependsOn.map((d) => (
                        <li>{titleOf.get(d) ?? d}</li>
                      ))}
                    </ul>
                  ),
                  <FlagCell a={a} />,
                  ...(mayAct
                    ? [
                        props.mayManage ? (
                          <a href={`${milestonePath(m)}/rediger`} class="d-print-none">
                            Redigér<span class="sr-only"> {m.title}</span>
                          </a>
                        ) : props.statusEditable.has(m.id) ? (
                          <a href={`${milestonePath(m)}/status`} class="d-print-none">
                            Opdatér status<span class="sr-only"> for {m.title}</span>
                          </a>
                        ) : (
                          ''
                        ),
                      ]
                    : []),
                ];
              })}
              rowHeaders
            />
          </section>
        ))}
    </Layout>
  );
}

/** The milestone form's values as typed, so a refused form comes back as it was sent. */
export interface MilestoneFormValues {
  activity: string;
  title: string;
  dueDate: string;
  owner: string;
  status: string;
  completedOn: string;
  note: string;
  dependsOn: string[];
}

export function formValuesOf(m: StoredMilestone): MilestoneFormValues {
  return {
    activity: m.activity ?? '',
    title: m.title,
    dueDate: m.dueDate,
    owner: m.owner,
    status: m.status,
    completedOn: m.completedOn ?? '',
    note: m.note ?? '',
    dependsOn: m.dependsOn,
  };
}

const STATUS_OPTIONS = MILESTONE_STATUSES.map((s) => ({ value: s, label: s[0]!.toUpperCase() + s.slice(1) }));

function StatusFields({ values, errors }: { values: { status: string; completedOn: string }; errors: readonly FieldError[] }) {
  return (
    <>
      <RadioGroup name="status" legend="Status" options={STATUS_OPTIONS} value={values.status} errors={errors} />
      <TextInput
        name="completedOn"
        type="date"
        label="Færdig den"
        optional
        width="s"
        helptext="Skal udfyldes, når status er «færdig», og kun da. Skrives ÅÅÅÅ-MM-DD, fx 2026-03-15."
        value={values.completedOn}
        errors={errors}
      />
    </>
  );
}

export function MilestoneFormPage(props: {
  ctx: PageContext;
  plan: MilestonePlanInfo;
  /** The milestone being edited; absent when adding one. */
  milestone?: StoredMilestone;
  /** The plan's other milestones, which this one may depend on. */
  others: readonly StoredMilestone[];
  values: MilestoneFormValues;
  errors?: readonly FieldError[];
}) {
  const errors = props.errors ?? [];
  const { plan, milestone } = props;
  const heading = milestone ? `Redigér milepælen «${milestone.title}»` : `Tilføj milepæl til ${plan.name}`;
  const action = milestone ? `${milestonePath(milestone)}/rediger` : `${planPath(plan.slug)}/ny`;
  return (
    <Layout ctx={props.ctx} title={milestone ? `Redigér milepæl – ${plan.name}` : `Tilføj milepæl – ${plan.name}`} hasErrors={errors.length > 0}>
      <p class="d-print-none">
        <a class="back-link" href={planPath(plan.slug)}>
          Milepælsplan: {plan.name}
        </a>
      </p>
      <ErrorSummary errors={errors} />
      <h1>{heading}</h1>
      <form method="post" action={action} novalidate>
        <CsrfField token={props.ctx.csrf} />
        <TextInput name="title" label="Milepæl" value={props.values.title} errors={errors} helptext="En kort titel, der skiller milepælen fra planens andre." />
        <Select
          name="activity"
          label="Aktivitet"
          value={props.values.activity}
          errors={errors}
          options={[{ value: '', label: 'Hele delaftalen' }, ...plan.activities.map((a) => ({ value: a.slug, label: a.name }))]}
        />
        <TextInput name="dueDate" type="date" label="Frist" width="s" value={props.values.dueDate} errors={errors} helptext="Skrives ÅÅÅÅ-MM-DD, fx 2026-03-15." />
        <TextInput name="owner" label="Ansvarlig" value={props.values.owner} errors={errors} helptext="En organisation eller en person, fx Jobcenter Randers." />
        <StatusFields values={props.values} errors={errors} />
        {props.others.length === 0 ? (
          <p id={fieldId('dependsOn')}>Planen har ingen andre milepæle, som denne kan afhænge af.</p>
        ) : (
          <Checkboxes
            name="dependsOn"
            legend="Afhænger af (frivilligt)"
            errors={errors}
            checked={props.values.dependsOn}
            options={props.others.map((o) => ({ value: o.id, label: o.title, hint: `Frist ${formatDate(o.dueDate)}, ${o.status}` }))}
          />
        )}
        <Textarea name="note" label="Bemærkning" optional rows={3} value={props.values.note} errors={errors} />
        <button type="submit" class="button button-primary">
          {milestone ? 'Gem milepælen' : 'Tilføj milepælen'}
        </button>
      </form>
      {milestone ? (
        <form method="post" action={`${milestonePath(milestone)}/slet`} class="mt-7">
          <CsrfField token={props.ctx.csrf} />
          <h2>Slet milepælen</h2>
          <p>En milepæl, som andre afhænger af, kan ikke slettes. Sæt i stedet dens status til «udgået».</p>
          <button type="submit" class="button button-secondary" id={fieldId('slet')}>
            Slet «{milestone.title}»
          </button>
        </form>
      ) : null}
    </Layout>
  );
}

export function MilestoneStatusPage(props: {
  ctx: PageContext;
  plan: MilestonePlanInfo;
  assessment: StoredAssessment;
  values: { status: string; completedOn: string };
  errors?: readonly FieldError[];
}) {
  const errors = props.errors ?? [];
  const m = props.assessment.milestone;
  return (
    <Layout ctx={props.ctx} title={`Status for milepæl – ${props.plan.name}`} hasErrors={errors.length > 0}>
      <p class="d-print-none">
        <a class="back-link" href={planPath(props.plan.slug)}>
          Milepælsplan: {props.plan.name}
        </a>
      </p>
      <ErrorSummary errors={errors} />
      <h1>Status for «{m.title}»</h1>
      <dl>
        <dt>Aktivitet</dt>
        <dd>{activityName(props.plan, m.activity)}</dd>
        <dt>Frist</dt>
        <dd>
          <DateText iso={m.dueDate} />
        </dd>
        <dt>Ansvarlig</dt>
        <dd>{m.owner}</dd>
        <dt>Vurdering</dt>
        <dd>
          <FlagCell a={props.assessment} />
        </dd>
      </dl>
      <form method="post" action={`${milestonePath(m)}/status`} novalidate>
        <CsrfField token={props.ctx.csrf} />
        <StatusFields values={props.values} errors={errors} />
        <button type="submit" class="button button-primary">
          Gem status
        </button>
      </form>
    </Layout>
  );
}

export function MilestoneImportPage(props: {
  ctx: PageContext;
  plan: MilestonePlanInfo;
  maxMegabytes: number;
  errors?: readonly FieldError[];
  problems?: readonly ImportProblem[];
  imported?: number;
}) {
  const problems = props.problems ?? [];
  const errors =
    problems.length > 0
      ? [{ field: 'fil', message: `Filen blev ikke importeret: der er ${problems.length} fejl. Se dem i tabellen, ret dem, og importér hele filen igen.` }]
      : (props.errors ?? []);
  const path = planPath(props.plan.slug);
  return (
    <Layout ctx={props.ctx} title={`Importér milepæle – ${props.plan.name}`} hasErrors={errors.length > 0}>
      <p class="d-print-none">
        <a class="back-link" href={path}>
          Milepælsplan: {props.plan.name}
        </a>
      </p>
      <ErrorSummary errors={errors} />
      <h1>Importér milepæle til {props.plan.name}</h1>
      {props.imported !== undefined ? (
        <Alert variant="success" announce={false} heading="Milepælene er importeret">
          {props.imported === 1 ? '1 milepæl' : `${props.imported} milepæle`} er tilføjet. <a href={path}>Se milepælsplanen</a>.
        </Alert>
      ) : null}
      <p>
        Filen skal have kolonnerne <strong>milepæl</strong>, <strong>frist</strong> (fx 2026-03-15 eller 15-03-2026) og <strong>ansvarlig</strong>, og kan have{' '}
        <strong>aktivitet</strong> (aktivitetens navn; tom for hele delaftalen), <strong>status</strong> (ikke startet, i gang, færdig eller udgået),{' '}
        <strong>færdig</strong> (datoen, når status er færdig), <strong>afhænger af</strong> (andre milepæles titler, adskilt af semikolon) og{' '}
        <strong>bemærkning</strong>. Milepælene tilføjes planens. Er der én fejl, gemmes intet, og alle fejl vises med række og kolonne.
      </p>
      <p class="d-print-none">
        Skabelon: <a href={`${MILESTONES_PATH}/skabelon.csv`}>CSV med kolonnerne {MILESTONE_COLUMNS.join('; ')}</a>
      </p>
      <SpreadsheetUploadForm action={`${path}/import`} csrf={props.ctx.csrf} maxMegabytes={props.maxMegabytes} errors={errors} />
      <ImportProblems problems={problems} />
    </Layout>
  );
}
