/**
 * The economy's pages: the board's follow-up (budget against actuals per line, the whole period against LBF's grant,
 * each funder's share), and the secretariat's forms for the funding, a year's budget (all lines at once), a month's
 * actual and the import of actuals.
 */
import type { PlanYear } from '../activities/output-targets.js';
import { monthPeriod } from '../activities/staff-hours.js';
import type { FieldError } from '../errors/errors.js';
import { Alert, Badge, CellField, CsrfField, DateText, ErrorSummary, Facts, ImportProblems, Select, SpreadsheetUploadForm, Table, Textarea, TextInput, Timestamp } from '../web/components.js';
import { Layout, type PageContext } from '../web/layout.js';
import { BudgetChart } from './economy.chart.js';
import { DEVIATION_TOLERANCE_PERCENT, formatKroner, formatPercent } from './economy.js';
import type { EconomyActual, EconomyFollowUp, LineFollowUp } from './economy.service.js';
import type { ImportProblem } from './import/actual-rows.js';

const yearQuery = (year: PlanYear) => `aar=${encodeURIComponent(year.label)}`;
const permille = (n: number) => formatPercent(n / 10);
const signedKroner = (ore: number) => (ore > 0 ? `+${formatKroner(ore)}` : formatKroner(ore));

function FlagCell({ l }: { l: Pick<LineFollowUp, 'flag'> }) {
  if (l.flag === 'over') return <Badge text="over" status="error" />;
  if (l.flag === 'under') return <Badge text="under" status="warning" />;
  return <Badge text="inden for" status="success" />;
}

function YearForm({ action, year, years }: { action: string; year: PlanYear; years: readonly PlanYear[] }) {
  return (
    <form method="get" action={action} class="d-print-none">
      <Select name="aar" label="Planår (1. august – 31. juli)" value={year.label} options={years.map((y) => ({ value: y.label, label: y.label }))} />
      <button type="submit" class="button button-secondary">
        Vis planåret
      </button>
    </form>
  );
}

/** What a saved form said, from the `gemt` query after its redirect. */
export const SAVED_MESSAGES: Record<string, string> = {
  finansiering: 'Finansieringen er gemt.',
  budget: 'Budgettet er gemt.',
  forbrug: 'Forbruget er registreret.',
  uaendret: 'Intet var ændret.',
};

function Saved({ saved }: { saved: string | undefined }) {
  const text = saved ? SAVED_MESSAGES[saved] : undefined;
  return text ? (
    <Alert variant="success" announce={false}>
      {text}
    </Alert>
  ) : null;
}

export function EconomyPage({ ctx, followUp: f, canManage, saved }: { ctx: PageContext; followUp: EconomyFollowUp; canManage: boolean; saved?: string }) {
  const flagged = f.lines.filter((l) => l.flag !== null);
  return (
    <Layout ctx={ctx} title={`Økonomi ${f.year.label}`}>
      <Saved saved={saved} />
      <h1>Økonomi, planår {f.year.label}</h1>
      <p>
        Budget mod forbrug pr. linje for planåret (<DateText iso={f.year.start} /> – <DateText iso={f.year.end} />) og hele planperioden mod Landsbyggefondens
        tilsagn. Forventet indtil nu er årets budget fordelt ligeligt på 12 måneder for de {f.monthsEnded} måneder, der er afsluttet pr.{' '}
        <DateText iso={f.today} />. En afvigelse på mere end {DEVIATION_TOLERANCE_PERCENT} % fra det forventede markeres. Beløbene indtastes eller importeres af
        sekretariatet; planen selv nævner ingen beløb.
      </p>
      <p>
        {f.lastChange ? (
          <>
            Senest ændret <Timestamp iso={f.lastChange.at} /> af {f.lastChange.by}.
          </>
        ) : (
          'Der er ikke indtastet noget endnu.'
        )}
      </p>
      <YearForm action="/oekonomi" year={f.year} years={f.years} />
      {canManage ? (
        <ul class="nobullet-list d-print-none helhed-actions">
          <li>
            <a href="/oekonomi/finansiering">Ret tilsagn og medfinansiering</a>
          </li>
          <li>
            <a href={`/oekonomi/budget?${yearQuery(f.year)}`}>Ret budgettet for {f.year.label}</a>
          </li>
          <li>
            <a href={`/oekonomi/forbrug?${yearQuery(f.year)}`}>Registrér forbrug</a>
          </li>
          <li>
            <a href="/oekonomi/forbrug/import">Importér forbrug fra en fil</a>
          </li>
        </ul>
      ) : null}

      <h2>Til bestyrelsen: afvigelser</h2>
      {flagged.length === 0 ? (
        <p>Ingen linje afviger mere end {DEVIATION_TOLERANCE_PERCENT} % fra det forventede forbrug.</p>
      ) : (
        <ul id="afvigelser">
          {flagged.map((l) => (
            <li>
              <strong>{l.line}</strong>: {l.flag === 'over' ? 'over' : 'under'} det forventede med {formatKroner(Math.abs(l.deviationOre))}
              {l.deviationPercent !== null ? ` (${formatPercent(Math.abs(l.deviationPercent))})` : ' (linjen har intet budget)'}.
            </li>
          ))}
        </ul>
      )}

      <h2>Budget og forbrug pr. linje</h2>
      <Table
        id="linjer"
        caption={`Budget, forbrug og forventet forbrug pr. linje, planår ${f.year.label}`}
        headers={['Linje', 'Indsatsområde', 'Budget', 'Forbrug indtil nu', 'Forventet indtil nu', 'Afvigelse, kr.', 'Afvigelse, %', 'Status']}
        rows={f.lines.map((l) => [
          l.line,
          l.interventionAreaName ?? '–',
          formatKroner(l.budgetOre),
          formatKroner(l.actualOre),
          formatKroner(l.expectedOre),
          signedKroner(l.deviationOre),
          l.deviationPercent === null ? '–' : formatPercent(l.deviationPercent),
          <FlagCell l={l} />,
        ])}
        footer={
          f.lines.length > 0
            ? [
                [
                  'I alt',
                  '',
                  formatKroner(f.totals.budgetOre),
                  formatKroner(f.totals.actualOre),
                  formatKroner(f.totals.expectedOre),
                  signedKroner(f.totals.deviationOre),
                  f.totals.deviationPercent === null ? '–' : formatPercent(f.totals.deviationPercent),
                  <FlagCell l={f.totals} />,
                ],
              ]
            : []
        }
        rowHeaders
        numeric={[2, 3, 4, 5, 6]}
        emptyText={`Der er intet budget for ${f.year.label} endnu.`}
      />
      <BudgetChart id="budget-graf" lines={f.lines} yearLabel={f.year.label} monthsEnded={f.monthsEnded} />

      <h2>Hele planperioden</h2>
      <Facts
        items={[
          { label: 'Planperiode', value: <><DateText iso={f.period.start} /> – <DateText iso={f.period.end} /></> },
          { label: 'Landsbyggefondens tilsagn', value: f.grant ? formatKroner(f.period.grantOre) : 'ikke indtastet' },
          { label: 'Tilsagn og medfinansiering i alt', value: formatKroner(f.period.commitmentsOre) },
          { label: 'Budgetteret i alle planår', value: formatKroner(f.period.budgetOre) },
          { label: 'Endnu ikke budgetteret', value: signedKroner(f.period.unbudgetedOre) },
          { label: 'Forbrugt i alle planår', value: formatKroner(f.period.actualOre) },
          { label: 'Tilbage af finansieringen', value: formatKroner(f.period.remainingOre) },
        ]}
      />
      {f.period.unbudgetedOre < 0 ? (
        <Alert variant="warning" announce={false}>
          Der er budgetteret {formatKroner(-f.period.unbudgetedOre)} mere, end tilsagn og medfinansiering dækker.
        </Alert>
      ) : null}

      <h2>Finansiering</h2>
      <Table
        id="finansiering"
        caption="Tilsagn og medfinansiering med hver parts andel"
        headers={['Part', 'Beløb', 'Andel af finansieringen', `Andel af forbruget ${f.year.label}`, 'Andel af forbruget i hele perioden', 'Reference', 'Dato']}
        rows={f.funders.map((x) => [
          x.isLbfGrant ? `${x.funder} (tilsagn)` : x.funder,
          formatKroner(x.amountOre),
          permille(x.sharePermille),
          formatKroner(x.yearActualShareOre),
          formatKroner(x.actualShareOre),
          x.reference ?? '–',
          <DateText iso={x.committedOn} />,
        ])}
        footer={f.funders.length > 0 ? [['I alt', formatKroner(f.commitmentsOre), f.commitmentsOre > 0 ? '100,0 %' : '–', formatKroner(f.totals.actualOre), formatKroner(f.period.actualOre), '', '']] : []}
        rowHeaders
        numeric={[1, 2, 3, 4]}
        emptyText="Tilsagn og medfinansiering er ikke indtastet endnu."
      />
      {f.funders.some((x) => x.note) ? (
        <ul>
          {f.funders
            .filter((x) => x.note)
            .map((x) => (
              <li>
                {x.funder}: {x.note}
              </li>
            ))}
        </ul>
      ) : null}

      <h2>Forbrug pr. måned</h2>
      <Table
        caption={`Forbrug pr. måned, planår ${f.year.label}`}
        headers={['Måned', 'Forbrug']}
        rows={f.months.map((m) => [m.label, formatKroner(m.actualOre)])}
        rowHeaders
        numeric={[1]}
        emptyText="Intet forbrug registreret i planåret."
      />
    </Layout>
  );
}

export interface FundingFormValues {
  grant: { amount: string; reference: string; committedOn: string; note: string };
  cofinancing: { funder: string; amount: string; reference: string; committedOn: string; note: string }[];
}

export function FundingPage({ ctx, values, errors = [] }: { ctx: PageContext; values: FundingFormValues; errors?: readonly FieldError[] }) {
  return (
    <Layout ctx={ctx} title="Tilsagn og medfinansiering" hasErrors={errors.length > 0}>
      <p class="d-print-none">
        <a class="back-link" href="/oekonomi">
          Økonomi
        </a>
      </p>
      <ErrorSummary errors={errors} />
      <h1>Tilsagn og medfinansiering</h1>
      <p>Beløb skrives i kroner, fx 24.000.000 eller 1.234.567,50. Andelene af finansieringen regnes ud af beløbene.</p>
      <form method="post" action="/oekonomi/finansiering" novalidate>
        <CsrfField token={ctx.csrf} />
        <input type="hidden" name="rows" value={String(values.cofinancing.length)} />
        <fieldset>
          <legend class="h2">Landsbyggefondens tilsagn</legend>
          <TextInput name="grant-amount" label="Tilsagnets beløb i kroner" width="m" value={values.grant.amount} errors={errors} optional helptext="Lad feltet stå tomt, hvis tilsagnet ikke er givet endnu." />
          <TextInput name="grant-reference" label="Journalnummer eller reference" width="m" value={values.grant.reference} errors={errors} optional />
          <TextInput name="grant-committedOn" type="date" label="Tilsagnets dato" width="s" value={values.grant.committedOn} errors={errors} optional />
          <Textarea name="grant-note" label="Bemærkning" rows={2} value={values.grant.note} errors={errors} optional />
        </fieldset>
        <h2>Medfinansiering</h2>
        <p>Én række pr. part, fx Randers Kommune og boligorganisationerne. En række uden navn og beløb fjernes.</p>
        <Table
          caption="Medfinansierende parter"
          headers={['Nr.', 'Part', 'Beløb i kroner', 'Reference', 'Dato (ÅÅÅÅ-MM-DD)', 'Bemærkning']}
          rows={values.cofinancing.map((c, i) => {
            const n = `cofinancing-${i}-`;
            const label = `Medfinansiering ${i + 1}`;
            return [
              String(i + 1),
              <CellField type="text" name={`${n}funder`} label={`${label}: part`} value={c.funder} errors={errors} width="m" />,
              <CellField type="text" name={`${n}amount`} label={`${label}: beløb i kroner`} value={c.amount} errors={errors} inputMode="decimal" width="s" />,
              <CellField type="text" name={`${n}reference`} label={`${label}: reference`} value={c.reference} errors={errors} width="s" />,
              <CellField type="text" name={`${n}committedOn`} label={`${label}: dato`} value={c.committedOn} errors={errors} width="s" />,
              <CellField type="text" name={`${n}note`} label={`${label}: bemærkning`} value={c.note} errors={errors} width="m" />,
            ];
          })}
          rowHeaders
        />
        <button type="submit" class="button button-primary">
          Gem finansieringen
        </button>
      </form>
    </Layout>
  );
}

export interface BudgetFormValues {
  lines: { line: string; area: string; amount: string }[];
}

export function BudgetPage(props: {
  ctx: PageContext;
  year: PlanYear;
  years: readonly PlanYear[];
  areas: readonly { slug: string; name: string }[];
  values: BudgetFormValues;
  errors?: readonly FieldError[];
}) {
  const errors = props.errors ?? [];
  const areaOptions = [{ value: '', label: 'Ingen (fælles)' }, ...props.areas.map((a) => ({ value: a.slug, label: a.name }))];
  const total = props.values.lines.length;
  return (
    <Layout ctx={props.ctx} title={`Budget ${props.year.label}`} hasErrors={errors.length > 0}>
      <p class="d-print-none">
        <a class="back-link" href={`/oekonomi?${yearQuery(props.year)}`}>
          Økonomi
        </a>
      </p>
      <ErrorSummary errors={errors} />
      <h1>Budget, planår {props.year.label}</h1>
      <YearForm action="/oekonomi/budget" year={props.year} years={props.years} />
      <p>
        Alle årets linjer rettes på én gang. Beløb skrives i kroner, fx 1.234.567,50. En tom række fjernes; en linje med forbrug i året kan ikke fjernes, men dens
        budget kan sættes til 0. Gem for at få flere tomme rækker.
      </p>
      <form method="post" action={`/oekonomi/budget?${yearQuery(props.year)}`} novalidate>
        <CsrfField token={props.ctx.csrf} />
        <input type="hidden" name="rows" value={String(total)} />
        <Table
          caption={`Budgetlinjer for ${props.year.label}`}
          headers={['Nr.', 'Linje', 'Indsatsområde', 'Budget i kroner']}
          rows={props.values.lines.map((l, i) => {
            const n = `lines-${i}-`;
            const label = `Linje ${i + 1}`;
            return [
              String(i + 1),
              <CellField type="text" name={`${n}line`} label={`${label}: navn`} value={l.line} errors={errors} width="l" />,
              <CellField type="select" name={`${n}interventionAreaSlug`} label={`${label}: indsatsområde`} value={l.area} options={areaOptions} errors={errors} />,
              <CellField type="text" name={`${n}amount`} label={`${label}: budget i kroner`} value={l.amount} errors={errors} inputMode="decimal" width="s" />,
            ];
          })}
          rowHeaders
        />
        <button type="submit" class="button button-primary">
          Gem budgettet
        </button>
      </form>
    </Layout>
  );
}

export interface ActualFormValues {
  line: string;
  month: string;
  amount: string;
  note: string;
}

export function ActualsPage(props: {
  ctx: PageContext;
  year: PlanYear;
  years: readonly PlanYear[];
  lines: readonly string[];
  months: readonly { month: string; label: string }[];
  actuals: readonly EconomyActual[];
  values?: ActualFormValues;
  errors?: readonly FieldError[];
  saved?: string;
}) {
  const errors = props.errors ?? [];
  return (
    <Layout ctx={props.ctx} title={`Forbrug ${props.year.label}`} hasErrors={errors.length > 0}>
      <p class="d-print-none">
        <a class="back-link" href={`/oekonomi?${yearQuery(props.year)}`}>
          Økonomi
        </a>
      </p>
      <Saved saved={props.saved} />
      <ErrorSummary errors={errors} />
      <h1>Forbrug, planår {props.year.label}</h1>
      <YearForm action="/oekonomi/forbrug" year={props.year} years={props.years} />
      <p>
        Forbruget registreres pr. linje og måned; en ny registrering for samme linje og måned erstatter den forrige. Mange måneder på én gang:{' '}
        <a href="/oekonomi/forbrug/import">importér en fil</a>.
      </p>
      {props.lines.length === 0 ? (
        <Alert variant="info" heading="Intet budget endnu">
          Der er intet budget for {props.year.label}. <a href={`/oekonomi/budget?${yearQuery(props.year)}`}>Læg budgettet ind</a> først: forbrug registreres på
          budgettets linjer.
        </Alert>
      ) : (
        <form method="post" action={`/oekonomi/forbrug?${yearQuery(props.year)}`} novalidate>
          <CsrfField token={props.ctx.csrf} />
          <Select name="line" label="Budgetlinje" value={props.values?.line} errors={errors} options={props.lines.map((l) => ({ value: l, label: l }))} />
          <Select name="month" label="Måned" value={props.values?.month} errors={errors} options={[...props.months].reverse().map((m) => ({ value: m.month, label: m.label }))} />
          <TextInput name="amount" label="Forbrug i måneden i kroner" width="s" value={props.values?.amount} errors={errors} helptext="Fx 123.456,50. Et negativt beløb (fx en kreditnota) skrives med minus." />
          <Textarea name="note" label="Bemærkning" rows={2} value={props.values?.note} errors={errors} optional />
          <button type="submit" class="button button-primary">
            Registrér forbrug
          </button>
        </form>
      )}
      <Table
        caption={`Registreret forbrug, planår ${props.year.label}`}
        headers={['Måned', 'Linje', 'Forbrug', 'Bemærkning', 'Registreret']}
        rows={props.actuals.map((a) => [monthPeriod(a.month)?.label ?? a.month, a.line, formatKroner(a.amountOre), a.note ?? '', <>
          <Timestamp iso={a.updatedAt} /> af {a.updatedByLabel}
        </>])}
        rowHeaders
        numeric={[2]}
        emptyText="Intet forbrug registreret i planåret."
      />
    </Layout>
  );
}

export function ActualsImportPage(props: {
  ctx: PageContext;
  maxMegabytes: number;
  errors?: readonly FieldError[];
  problems?: readonly ImportProblem[];
  problemCount?: number;
  result?: { imported: number; unchanged: number; rows: number };
}) {
  const errors = props.errors ?? [];
  const problems = props.problems ?? [];
  const summaryErrors = problems.length > 0 ? [{ field: 'fil', message: `Filen blev ikke importeret: der er ${props.problemCount ?? problems.length} fejl. Se dem i tabellen, ret dem og importér hele filen igen.` }] : errors;
  return (
    <Layout ctx={props.ctx} title="Importér forbrug" hasErrors={summaryErrors.length > 0}>
      <p class="d-print-none">
        <a class="back-link" href="/oekonomi">
          Økonomi
        </a>
      </p>
      <ErrorSummary errors={summaryErrors} />
      <h1>Importér forbrug</h1>
      {props.result ? (
        <Alert variant="success" announce={false} heading="Forbruget er importeret">
          {props.result.rows} rækker læst: {props.result.imported} gemt eller ændret, {props.result.unchanged} uændrede.
        </Alert>
      ) : null}
      <p>
        Filen skal have kolonnerne <strong>linje</strong> (budgetlinjens navn, som i budgettet), <strong>måned</strong> (fx 2025-09), <strong>beløb</strong> (i
        kroner, fx 123.456,50) og eventuelt <strong>note</strong>. Er der én fejl, gemmes intet, og alle fejl vises med række og kolonne. Samme fil igen ændrer
        intet; en ændret måned erstattes.
      </p>
      <p class="d-print-none">
        Skabelon: <a href="/oekonomi/forbrug/skabelon.xlsx">Excel (XLSX)</a> eller <a href="/oekonomi/forbrug/skabelon.csv">CSV</a>
      </p>
      <SpreadsheetUploadForm action="/oekonomi/forbrug/import" csrf={props.ctx.csrf} maxMegabytes={props.maxMegabytes} errors={summaryErrors} />
      <ImportProblems problems={problems} />
    </Layout>
  );
}
