/**
 * The monitoring unit's pages: importing spreadsheets (with progress and every problem by row and column), one
 * measurement with its history, correction and explanation, and the data-quality list.
 */
import type { FieldError } from '../errors/errors.js';
import type { MeasurementImportRow } from '../db/schema.js';
import { Alert, CsrfField, DateText, ErrorSummary, Facts, Table, Textarea, TextInput, Timestamp, formatNumber, ImportProblems, SpreadsheetUploadForm } from '../web/components.js';
import { Layout, type PageContext } from '../web/layout.js';
import type { IndicatorDefinition, ImportProblem, Measurement } from './measurement.js';
import type { ImportProgress } from './measurements.service.js';
import type { DataQualityFlag } from './data-quality.js';
import { formatIndicatorValue } from './status.js';

export const IMPORT_STATUS_LABELS: Record<string, string> = {
  running: 'I gang',
  imported: 'Importeret',
  rejected: 'Afvist (fejl i filen)',
  failed: 'Mislykkedes',
};

const megabytes = (bytes: number) => formatNumber(Math.round((bytes / 1024 / 1024) * 10) / 10);

export interface TemplateLink {
  slug: string;
  name: string;
  count: number;
}

export function ImportPage(props: { ctx: PageContext; templates: TemplateLink[]; imports: MeasurementImportRow[]; errors?: FieldError[]; maxMegabytes: number }) {
  const { ctx, errors = [] } = props;
  return (
    <Layout ctx={ctx} title="Importér målinger" hasErrors={errors.length > 0}>
      <p class="d-print-none">
        <a class="back-link" href="/overvaagning">
          Monitorering
        </a>
      </p>
      <h1>Importér målinger</h1>
      <ErrorSummary errors={errors} />
      <p class="font-lead">
        Indlæs et regneark med indikatorværdier (CSV eller XLSX). Alle fejl i filen vises på én gang med række og kolonne, og intet gemmes, før hele
        filen er i orden. Importerer du den samme fil igen, tilføjes intet; en ændret værdi gemmes som en ny version.
      </p>
      <SpreadsheetUploadForm action="/overvaagning/import" csrf={ctx.csrf} maxMegabytes={props.maxMegabytes} errors={errors} class="helhed-import-form" />

      <h2>Skabeloner</h2>
      <p>
        En skabelon pr. indikatorsæt med én række pr. indikator og område. Udfyld periode, værdi, dataudtræk og gerne tæller og nævner; rækker uden værdi
        springes over.
      </p>
      <Table
        caption="Skabeloner til import"
        headers={['Indikatorsæt', 'Indikatorer', 'Hent']}
        numeric={[1]}
        rowHeaders
        rows={props.templates.map((t) => [
          t.name,
          formatNumber(t.count),
          <span>
            <a href={`/overvaagning/skabeloner/${t.slug}.xlsx`}>Excel (XLSX)<span class="sr-only">: {t.name}</span></a>
            {' · '}
            <a href={`/overvaagning/skabeloner/${t.slug}.csv`}>CSV<span class="sr-only">: {t.name}</span></a>
          </span>,
        ])}
      />

      <h2>Seneste importer</h2>
      <ImportsTable imports={props.imports} />
    </Layout>
  );
}

export function ImportsTable({ imports }: { imports: MeasurementImportRow[] }) {
  return (
    <Table
      caption="Seneste importer"
      headers={['Fil', 'Status', 'Nye', 'Rettede', 'Uændrede', 'Fejl', 'Importeret af', 'Tidspunkt']}
      numeric={[2, 3, 4, 5]}
      emptyText="Der er endnu ikke importeret nogen filer."
      rows={imports.map((i) => [
        <a href={`/overvaagning/import/${i.id}`}>{i.file_name}</a>,
        IMPORT_STATUS_LABELS[i.status] ?? i.status,
        formatNumber(i.rows_imported),
        formatNumber(i.rows_corrected),
        formatNumber(i.rows_unchanged),
        formatNumber(i.problem_count),
        i.created_by_label,
        <Timestamp iso={i.created_at} />,
      ])}
    />
  );
}

export function ImportResultPage(props: { ctx: PageContext; row: MeasurementImportRow; progress: ImportProgress | null }) {
  const { ctx, row, progress } = props;
  const problems: ImportProblem[] = row.problems ? (JSON.parse(row.problems) as ImportProblem[]) : [];
  const running = row.status === 'running';
  const total = progress?.bytesTotal ?? row.bytes_total;
  const read = progress?.bytesRead ?? 0;
  return (
    <Layout ctx={ctx} title={running ? `Importerer ${row.file_name}` : `Import af ${row.file_name}`} hasErrors={row.status === 'rejected'}>
      <p class="d-print-none">
        <a class="back-link" href="/overvaagning/import">
          Importér målinger
        </a>
      </p>
      <h1>Import af {row.file_name}</h1>
      {running ? (
        <div class="helhed-import-progress" data-import-progress={`/api/v1/measurements/imports/${row.id}`}>
          <label for="import-progress">Filen læses og kontrolleres</label>
          <progress id="import-progress" max={total ?? undefined} value={total ? read : undefined}>
            {total ? `${Math.round((read / total) * 100)} %` : 'I gang'}
          </progress>
          <p aria-live="polite" class="helhed-import-progress-text">
            {total ? `${megabytes(read)} af ${megabytes(total)} MB læst` : `${megabytes(read)} MB læst`}, {formatNumber(progress?.rowsRead ?? 0)} rækker
            {progress && progress.problemCount > 0 ? `, ${formatNumber(progress.problemCount)} fejl indtil nu` : ''}.
          </p>
          <p>
            <a href={`/overvaagning/import/${row.id}`}>Opdatér siden</a> for at se, hvor langt importen er (siden opdaterer sig selv, når JavaScript er slået til).
          </p>
        </div>
      ) : null}
      {row.status === 'imported' ? (
        <Alert variant="success" heading="Filen er importeret" announce={false}>
          <p>
            {formatNumber(row.rows_imported)} nye værdier, {formatNumber(row.rows_corrected)} rettede (gemt som nye versioner) og {formatNumber(row.rows_unchanged)}{' '}
            uændrede{row.rows_skipped > 0 ? `; ${formatNumber(row.rows_skipped)} rækker uden værdi er sprunget over` : ''}.
          </p>
        </Alert>
      ) : null}
      {row.status === 'rejected' ? (
        <div class="alert alert-error" role="alert">
          <div class="alert-body">
            <h2 class="alert-heading">Filen blev ikke importeret</h2>
            <p class="alert-text">
              Der er {formatNumber(row.problem_count)} {row.problem_count === 1 ? 'fejl' : 'fejl'} i filen, og intet er gemt. Ret fejlene i regnearket og importér
              hele filen igen.{row.problem_count > problems.length ? ` De første ${formatNumber(problems.length)} vises herunder.` : ''}
            </p>
          </div>
        </div>
      ) : null}
      {row.status === 'failed' ? (
        <Alert variant="error" heading="Importen mislykkedes">
          <p>Importen blev afbrudt, før den var færdig, og intet er gemt. Prøv igen; sker det igen, så kontakt en administrator.</p>
        </Alert>
      ) : null}
      <ImportProblems problems={problems} />
      <Facts
        items={[
          { label: 'Status', value: IMPORT_STATUS_LABELS[row.status] ?? row.status },
          { label: 'Format', value: row.format === 'ukendt' ? null : row.format.toUpperCase() },
          { label: 'Rækker læst', value: running ? null : formatNumber(row.rows_read) },
          { label: 'Importeret af', value: row.created_by_label },
          { label: 'Startet', value: <Timestamp iso={row.created_at} /> },
          { label: 'Afsluttet', value: row.finished_at ? <Timestamp iso={row.finished_at} /> : null },
          { label: 'Filens SHA-256', value: row.file_sha256 ? <code class="helhed-hash">{row.file_sha256}</code> : null },
        ]}
      />
    </Layout>
  );
}

export interface CorrectionValues {
  value: string;
  numerator: string;
  denominator: string;
  source: string;
  drawnOn: string;
  note: string;
  reason: string;
}

export function MeasurementPage(props: {
  ctx: PageContext;
  measurement: Measurement;
  history: Measurement[];
  indicator: IndicatorDefinition | undefined;
  scopeLabel: string;
  flags: DataQualityFlag[];
  values: CorrectionValues;
  errors?: FieldError[];
  explanationErrors?: FieldError[];
  explanation?: string;
}) {
  const { ctx, measurement: m, indicator, errors = [], explanationErrors = [] } = props;
  const unit = indicator?.unit ?? 'average';
  const title = `${indicator?.name ?? m.indicatorCode}: ${props.scopeLabel}, ${m.period.label}`;
  return (
    <Layout ctx={ctx} title={title} hasErrors={errors.length + explanationErrors.length > 0}>
      <p class="d-print-none">
        <a class="back-link" href={`/overvaagning/indikatorer/${encodeURIComponent(m.indicatorCode)}`}>
          {indicator?.name ?? m.indicatorCode}
        </a>
      </p>
      <p class="helhed-kicker">Måling · indikator {m.indicatorCode}</p>
      <h1>{title}</h1>
      <ErrorSummary errors={[...errors, ...explanationErrors]} />
      {!m.current ? (
        <Alert variant="info" heading="En ældre version" announce={false}>
          <p>Dette er en tidligere version. Den gældende version står øverst i historikken.</p>
        </Alert>
      ) : null}
      <Facts
        items={[
          { label: 'Værdi', value: formatIndicatorValue(unit, m.value) },
          { label: 'Tæller', value: m.numerator === null ? null : formatNumber(m.numerator) },
          { label: 'Nævner', value: m.denominator === null ? null : formatNumber(m.denominator) },
          { label: 'Område', value: props.scopeLabel },
          { label: 'Periode', value: m.period.label },
          { label: 'Kilde', value: m.source },
          { label: 'Dataudtræk', value: <DateText iso={m.drawnOn} /> },
          { label: 'Indlæst', value: <Timestamp iso={m.createdAt} /> },
          { label: 'Indlæst af', value: m.createdByLabel },
          { label: 'Note', value: m.note },
          { label: 'Version', value: String(m.version) },
        ]}
      />
      {props.flags.length > 0 ? (
        <section aria-labelledby="datakvalitet">
          <h2 id="datakvalitet">Datakvalitet</h2>
          <ul>
            {props.flags.map((f) => (
              <li>{f.message}</li>
            ))}
          </ul>
          {m.explanation ? (
            <p>
              <strong>Forklaring:</strong> {m.explanation}
            </p>
          ) : (
            <p>Værdien er markeret og indgår ikke i rapporter, dashboards og eksporter, før monitoreringsenheden har forklaret den.</p>
          )}
          {m.current ? (
            <form method="post" action={`/overvaagning/maalinger/${m.id}/forklaring`}>
              <CsrfField token={ctx.csrf} />
              <Textarea name="explanation" label={m.explanation ? 'Ret forklaringen' : 'Forklaring'} value={props.explanation ?? m.explanation ?? ''} errors={explanationErrors} rows={3} />
              <button type="submit" class="button button-secondary">
                Gem forklaring
              </button>
            </form>
          ) : null}
        </section>
      ) : null}

      {m.current ? (
        <section aria-labelledby="ret">
          <h2 id="ret">Ret værdien</h2>
          <p>Rettelsen gemmes som en ny version med din begrundelse; den nuværende version bevares i historikken.</p>
          <form method="post" action={`/overvaagning/maalinger/${m.id}/ret`}>
            <CsrfField token={ctx.csrf} />
            <input type="hidden" name="expectedVersion" value={String(m.version)} />
            <TextInput name="value" label={unit === 'percent' ? 'Værdi (procent)' : 'Værdi'} value={props.values.value} errors={errors} width="s" />
            <TextInput name="numerator" label="Tæller" optional value={props.values.numerator} errors={errors} width="s" />
            <TextInput name="denominator" label="Nævner" optional value={props.values.denominator} errors={errors} width="s" />
            <TextInput name="source" label="Kilde" value={props.values.source} errors={errors} width="xl" />
            <TextInput name="drawnOn" label="Dataudtræk" helptext="Datoen, data blev trukket, fx 31-12-2024." value={props.values.drawnOn} errors={errors} width="s" />
            <Textarea name="note" label="Note" optional value={props.values.note} errors={errors} rows={2} />
            <Textarea name="reason" label="Begrundelse for rettelsen" value={props.values.reason} errors={errors} rows={2} />
            <button type="submit" class="button button-primary">
              Gem rettelse
            </button>
          </form>
        </section>
      ) : null}

      <h2>Historik</h2>
      <Table
        caption="Alle versioner af værdien, nyeste først"
        headers={['Version', 'Værdi', 'Kilde', 'Dataudtræk', 'Indlæst', 'Af', 'Begrundelse']}
        numeric={[0, 1]}
        rows={props.history.map((v) => [
          v.id === m.id ? `${v.version} (denne)` : <a href={`/overvaagning/maalinger/${v.id}`}>{String(v.version)}</a>,
          formatIndicatorValue(unit, v.value),
          v.source,
          <DateText iso={v.drawnOn} />,
          <Timestamp iso={v.createdAt} />,
          v.createdByLabel,
          v.reason ?? (v.importId ? 'Import' : '–'),
        ])}
      />
    </Layout>
  );
}

export interface FlaggedRow {
  id: string;
  indicator: string;
  indicatorName: string;
  scopeLabel: string;
  period: string;
  value: string;
  flags: DataQualityFlag[];
  explanation: string | null;
}

export function DataQualityPage(props: {
  ctx: PageContext;
  flagged: FlaggedRow[];
  completeness: { code: string; name: string; filled: number; expected: number; missing: string }[];
  years: string;
}) {
  const waiting = props.flagged.filter((f) => !f.explanation);
  return (
    <Layout ctx={props.ctx} title="Datakvalitet">
      <p class="d-print-none">
        <a class="back-link" href="/overvaagning">
          Monitorering
        </a>
      </p>
      <h1>Datakvalitet</h1>
      <p class="font-lead">
        Værdier, der ikke kan passe eller springer meget, markeres. En markeret værdi skal forklares, før den indgår i rapporter, på dashboards og i
        eksporter.
      </p>
      <p>
        {formatNumber(waiting.length)} markerede værdier venter på en forklaring; {formatNumber(props.flagged.length - waiting.length)} er forklaret.
      </p>
      <Table
        caption="Markerede værdier"
        headers={['Indikator', 'Område', 'Periode', 'Værdi', 'Markering', 'Forklaring']}
        emptyText="Ingen værdier er markeret."
        rows={props.flagged.map((f) => [
          <a href={`/overvaagning/maalinger/${f.id}`}>
            {f.indicator}
            <span class="sr-only">: {f.indicatorName}, {f.scopeLabel}, {f.period}</span>
          </a>,
          f.scopeLabel,
          f.period,
          f.value,
          <ul class="nobullet-list">
            {f.flags.map((x) => (
              <li>{x.message}</li>
            ))}
          </ul>,
          f.explanation ?? <strong>Afventer forklaring</strong>,
        ])}
      />
      <h2>Datadækning</h2>
      <p>For hvert kalenderår {props.years}: hvor mange af de syv områder, alle syv samlet og kommunen der har en værdi.</p>
      <Table
        caption="Datadækning pr. indikator"
        headers={['Indikator', 'Udfyldt', 'Mangler']}
        numeric={[1]}
        rowHeaders
        rows={props.completeness.map((c) => [`${c.code}: ${c.name}`, `${formatNumber(c.filled)} af ${formatNumber(c.expected)}`, c.missing || '–'])}
      />
    </Layout>
  );
}
