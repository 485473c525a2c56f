import type { FieldError } from '../errors/errors.js';
import { Alert, CellField, CsrfField, ErrorSummary, Table, Textarea } from '../web/components.js';
import { Layout, type PageContext } from '../web/layout.js';
import { routeForChange } from './change-policy.js';
import { EMPTY_STAFF_HOURS_ROW, EMPTY_TARGET_ROW, type StaffHoursRow, type TargetRow } from './plan-forms.js';
import { TARGET_KIND_LABELS, TARGET_PER_LABELS } from './plan.labels.js';

const KIND_OPTIONS = Object.entries(TARGET_KIND_LABELS).map(([value, label]) => ({ value, label }));
const PER_OPTIONS = Object.entries(TARGET_PER_LABELS).map(([value, label]) => ({ value, label }));

/** How a change of one field must go, in words for the form (from the governance rules, change-policy.ts). */
function routeText(kind: 'activity' | 'intervention-area', field: string): { direct: boolean; text: string } {
  const route = routeForChange(kind, [field]);
  if (route.kind === 'direct') return { direct: true, text: 'træder i kraft med det samme som en ny version' };
  return { direct: false, text: route.requiresLbf ? 'kræver konsensus i bestyrelsen og Landsbyggefondens godkendelse' : 'kræver konsensus i bestyrelsen' };
}

export interface ActivityFormValues {
  content: string;
  responsibility: string;
  resources: string;
  reason: string;
  targetRows: TargetRow[];
  version: number;
}

/** The rows with one empty row at the end for adding an item, unless the form already ends with one. */
function withEmptyRow<T>(rows: readonly T[], isBlankNew: (row: T) => boolean, empty: T): T[] {
  const last = rows[rows.length - 1];
  return last && isBlankNew(last) ? [...rows] : [...rows, empty];
}

export function ActivityEditPage(props: {
  ctx: PageContext;
  activity: { slug: string; name: string };
  interventionArea: { slug: string; name: string };
  values: ActivityFormValues;
  errors?: FieldError[];
  conflict?: string;
}) {
  const errors = props.errors ?? [];
  const v = props.values;
  const targetsRoute = routeText('activity', 'targets');
  const textRoutes = (['content', 'responsibility', 'resources'] as const).map((f) => routeText('activity', f));
  const allTextDirect = textRoutes.every((r) => r.direct);
  const rows = withEmptyRow(v.targetRows, (r) => r.code === '' && [r.measure, r.min, r.max, r.value, r.printed].every((x) => x === ''), EMPTY_TARGET_ROW);
  const title = `Rediger ${props.activity.name}`;
  return (
    <Layout ctx={props.ctx} title={title} hasErrors={errors.length > 0 || props.conflict !== undefined}>
      <p class="d-print-none">
        <a class="back-link" href={`/aktiviteter/${props.activity.slug}`}>
          Tilbage til {props.activity.name}
        </a>
      </p>
      <h1>{title}</h1>
      {props.conflict ? (
        <Alert variant="error" heading="Aktiviteten er ændret, mens du redigerede">
          <p>{props.conflict}</p>
        </Alert>
      ) : null}
      <ErrorSummary errors={errors} />
      <Alert variant="info" heading="Hvad sker der, når du gemmer?">
        <ul class="helhed-remark-list">
          <li>
            <strong>Indhold, ansvar og ressourcer</strong>: en ændring {textRoutes.map((r) => r.text).find((t) => t !== textRoutes[0]!.text) ? 'følger reglerne for hvert felt' : textRoutes[0]!.text}.
          </li>
          <li>
            <strong>Målene</strong> er en del af delaftalen for {props.interventionArea.name}: en ændring {targetsRoute.text}.
            {targetsRoute.direct ? '' : ' Den gemmes som et ændringsforslag, og aktiviteten er uændret, indtil beslutningen er registreret.'}
          </li>
          <li>Ændrer du begge dele, gemmes teksterne straks, og målene bliver et ændringsforslag med samme begrundelse.</li>
        </ul>
      </Alert>
      <form method="post" action={`/aktiviteter/${props.activity.slug}/rediger`} novalidate>
        <CsrfField token={props.ctx.csrf} />
        <input type="hidden" name="version" value={String(v.version)} />
        <fieldset class="helhed-fieldset">
          <legend class="h2">Beskrivelse{allTextDirect ? ' (træder i kraft med det samme)' : ''}</legend>
          <Textarea name="content" label="Indhold" value={v.content} errors={errors} rows={12} helptext="Blanke linjer skiller afsnit." />
          <Textarea name="responsibility" label="Ansvar og rollefordeling" value={v.responsibility} errors={errors} rows={6} />
          <Textarea name="resources" label="Ressourcer" value={v.resources} errors={errors} rows={4} optional />
        </fieldset>
        <fieldset class="helhed-fieldset">
          <legend class="h2">Mål{targetsRoute.direct ? '' : ' (kræver bestyrelsens beslutning)'}</legend>
          <p class="form-hint" id="maal-hjaelp">
            «Mindst» bruges til minimum og interval, «højst» til maksimum og interval, «tal» til præcise tal og ca.-tal. «Som i planen» er målets formulering i planen. Den
            sidste række tilføjer et nyt mål.
          </p>
          <input type="hidden" name="targetRows" value={String(rows.length)} />
          <Table
            caption="Aktivitetens mål"
            headers={['Hvad der tælles', 'Type', 'Mindst', 'Højst', 'Tal', 'Periode', 'Som i planen', 'Fjern']}
            compact
            rows={rows.map((row, i) => {
              const label = row.code ? `Mål ${i + 1}` : 'Nyt mål';
              const name = (field: string) => `targets[${i}].${field}`;
              return [
                <>
                  <input type="hidden" name={name('code')} value={row.code} />
                  <CellField type="textarea" name={name('measure')} label={`${label}: hvad der tælles`} value={row.measure} errors={errors} />
                </>,
                <CellField type="select" name={name('kind')} label={`${label}: type`} value={row.kind} options={KIND_OPTIONS} errors={errors} />,
                <CellField type="text" name={name('min')} label={`${label}: mindst`} value={row.min} inputMode="decimal" width="xxs" errors={errors} />,
                <CellField type="text" name={name('max')} label={`${label}: højst`} value={row.max} inputMode="decimal" width="xxs" errors={errors} />,
                <CellField type="text" name={name('value')} label={`${label}: tal`} value={row.value} inputMode="decimal" width="xxs" errors={errors} />,
                <CellField type="select" name={name('per')} label={`${label}: periode`} value={row.per} options={PER_OPTIONS} errors={errors} />,
                <CellField type="textarea" name={name('printed')} label={`${label}: som i planen`} value={row.printed} rows={3} errors={errors} />,
                row.code ? <CellField type="checkbox" name={name('remove')} label={`Fjern mål ${i + 1}`} value="1" checked={row.remove} /> : '',
              ];
            })}
          />
        </fieldset>
        <Textarea
          name="reason"
          label="Begrundelse"
          value={v.reason}
          errors={errors}
          rows={3}
          helptext="Hvorfor ændres aktiviteten? Begrundelsen gemmes med versionen eller forslaget og vises i historikken."
        />
        <button type="submit" class="button button-primary">
          Gem ændringerne
        </button>
      </form>
    </Layout>
  );
}

export interface StaffHoursFormValues {
  reason: string;
  rows: StaffHoursRow[];
  version: number;
}

export function StaffHoursEditPage(props: {
  ctx: PageContext;
  interventionArea: { slug: string; name: string };
  activities: readonly { slug: string; name: string }[];
  values: StaffHoursFormValues;
  errors?: FieldError[];
  conflict?: string;
}) {
  const errors = props.errors ?? [];
  const route = routeText('intervention-area', 'staffHours');
  const rows = withEmptyRow(props.values.rows, (r) => r.source === '' && [r.organisation, r.hoursPerYear, r.printed].every((x) => x === ''), EMPTY_STAFF_HOURS_ROW);
  const activityOptions = [{ value: '', label: 'Hele indsatsområdet' }, ...props.activities.map((a) => ({ value: a.slug, label: a.name }))];
  const title = `Personaletimer i ${props.interventionArea.name}`;
  return (
    <Layout ctx={props.ctx} title={title} hasErrors={errors.length > 0 || props.conflict !== undefined}>
      <p class="d-print-none">
        <a class="back-link" href={`/indsatsomraader/${props.interventionArea.slug}#personaletimer`}>
          Tilbage til {props.interventionArea.name}
        </a>
      </p>
      <h1>{title}</h1>
      {props.conflict ? (
        <Alert variant="error" heading="Timerne er ændret, mens du redigerede">
          <p>{props.conflict}</p>
        </Alert>
      ) : null}
      <ErrorSummary errors={errors} />
      <Alert variant="info" heading="Ændringen bliver et ændringsforslag">
        <p>
          Personaletimerne er en del af delaftalen: en ændring {route.text}.
          {route.direct ? '' : ' Den gemmes som et ændringsforslag, og tabellen er uændret, indtil beslutningen er registreret på forslaget.'}
        </p>
      </Alert>
      <form method="post" action={`/indsatsomraader/${props.interventionArea.slug}/timer/rediger`} novalidate>
        <CsrfField token={props.ctx.csrf} />
        <input type="hidden" name="version" value={String(props.values.version)} />
        <input type="hidden" name="staffRows" value={String(rows.length)} />
        <p class="form-hint">«Som i planen» er timerne, som planen formulerer dem. Den sidste række tilføjer en ny linje.</p>
        <Table
          caption="Aftalte personaletimer"
          headers={['Organisation', 'Aktivitet', 'Timer pr. år', 'Som i planen', 'Fjern']}
          compact
          rows={rows.map((row, i) => {
            const label = row.source !== '' ? `Række ${i + 1}` : 'Ny række';
            const name = (field: string) => `staffHours[${i}].${field}`;
            return [
              <>
                <input type="hidden" name={name('source')} value={row.source} />
                <CellField type="textarea" name={name('organisation')} label={`${label}: organisation`} value={row.organisation} errors={errors} />
              </>,
              <CellField type="select" name={name('activity')} label={`${label}: aktivitet`} value={row.activity} options={activityOptions} errors={errors} />,
              <CellField type="text" name={name('hoursPerYear')} label={`${label}: timer pr. år`} value={row.hoursPerYear} inputMode="decimal" width="xs" errors={errors} />,
              <CellField type="textarea" name={name('printed')} label={`${label}: som i planen`} value={row.printed} rows={3} errors={errors} />,
              row.source !== '' ? <CellField type="checkbox" name={name('remove')} label={`Fjern række ${i + 1}`} value="1" checked={row.remove} /> : '',
            ];
          })}
        />
        <Textarea name="reason" label="Begrundelse" value={props.values.reason} errors={errors} rows={3} helptext="Hvorfor skal timerne ændres? Begrundelsen står på forslaget, som bestyrelsen tager stilling til." />
        <button type="submit" class="button button-primary">
          Gem som ændringsforslag
        </button>
      </form>
    </Layout>
  );
}
