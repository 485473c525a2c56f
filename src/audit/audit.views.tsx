import { Table, TextInput, Select, Timestamp, Pager } from '../web/components.js';
import { Layout, type PageContext } from '../web/layout.js';
import type { FieldError } from '../errors/errors.js';
import type { AuditLogRow } from '../db/schema.js';
import { AUDIT_ACTION_LABELS } from './audit.service.js';

export interface AuditFilterValues {
  bruger: string;
  handling: string;
  type: string;
  fra: string;
  til: string;
  soeg: string;
}

export function AuditPage(props: {
  ctx: PageContext;
  entries: AuditLogRow[];
  total: number;
  page: number;
  pageSize: number;
  filters: AuditFilterValues;
  actions: string[];
  entityTypes: string[];
  errors: FieldError[];
}) {
  const { filters } = props;
  const pages = Math.max(1, Math.ceil(props.total / props.pageSize));
  const query = (page: number) => {
    const params = new URLSearchParams(Object.entries(filters).filter(([, v]) => v !== ''));
    params.set('side', String(page));
    return `/revisionsspor?${params.toString()}`;
  };
  return (
    <Layout ctx={props.ctx} title="Revisionsspor" hasErrors={props.errors.length > 0}>
      <h1>Revisionsspor</h1>
      <p>
        Alle ændringer, logins og opslag i persondata, med hvem og hvornår. Sporet kan ikke ændres eller slettes, heller ikke af
        en administrator.
      </p>
      <form method="get" action="/revisionsspor" class="helhed-filter d-print-none" role="search" aria-label="Filtrér revisionssporet">
        <TextInput name="soeg" label="Søg i tekst" type="search" optional value={filters.soeg} errors={props.errors} width="m" />
        <Select
          name="handling"
          label="Handling"
          optional
          value={filters.handling}
          options={[{ value: '', label: 'Alle' }, ...props.actions.map((a) => ({ value: a, label: AUDIT_ACTION_LABELS[a] ?? a }))]}
        />
        <Select name="type" label="Type" optional value={filters.type} options={[{ value: '', label: 'Alle' }, ...props.entityTypes.map((t) => ({ value: t, label: t }))]} />
        <TextInput name="fra" label="Fra dato" type="date" optional value={filters.fra} errors={props.errors} />
        <TextInput name="til" label="Til og med dato" type="date" optional value={filters.til} errors={props.errors} />
        {filters.bruger ? <input type="hidden" name="bruger" value={filters.bruger} /> : null}
        <div class="form-group">
          <button type="submit" class="button button-secondary">
            Filtrér
          </button>
        </div>
      </form>
      <p role="status">
        {props.total} {props.total === 1 ? 'hændelse' : 'hændelser'}
        {pages > 1 ? `, side ${props.page} af ${pages}` : ''}
      </p>
      <Table
        caption="Hændelser, nyeste først"
        headers={['Tidspunkt', 'Hvem', 'Handling', 'Type', 'Beskrivelse', 'Detaljer']}
        emptyText="Ingen hændelser matcher filteret."
        rows={props.entries.map((e) => [
          <Timestamp iso={e.at} />,
          e.actor_user_id ? <a href={`/revisionsspor?bruger=${encodeURIComponent(e.actor_user_id)}`}>{e.actor_label}</a> : e.actor_label,
          AUDIT_ACTION_LABELS[e.action] ?? e.action,
          e.entity_type,
          e.summary,
          <a href={`/revisionsspor/${e.id}`}>
            Vis<span class="sr-only"> hændelsen {e.summary}</span>
          </a>,
        ])}
      />
      <Pager page={props.page} pages={pages} href={query} />
    </Layout>
  );
}

function pretty(json: string | null): string {
  if (!json) return '–';
  try {
    return JSON.stringify(JSON.parse(json), null, 2);
  } catch {
    return json;
  }
}

export function AuditEntryPage({ ctx, entry }: { ctx: PageContext; entry: AuditLogRow }) {
  return (
    <Layout ctx={ctx} title="Hændelse i revisionssporet">
      <p class="d-print-none">
        <a class="back-link" href="/revisionsspor">
          Tilbage til revisionssporet
        </a>
      </p>
      <h1>{entry.summary}</h1>
      <dl class="helhed-facts">
        <dt>Tidspunkt</dt>
        <dd>
          <Timestamp iso={entry.at} />
        </dd>
        <dt>Hvem</dt>
        <dd>{entry.actor_label}</dd>
        <dt>Handling</dt>
        <dd>{AUDIT_ACTION_LABELS[entry.action] ?? entry.action}</dd>
        <dt>Type og id</dt>
        <dd>
          {entry.entity_type} {entry.entity_id ?? ''}
        </dd>
        <dt>IP-adresse</dt>
        <dd>{entry.ip ?? '–'}</dd>
        <dt>Fejlreference for forespørgslen</dt>
        <dd>{entry.request_id ?? '–'}</dd>
      </dl>
      <h2>Før</h2>
      <pre class="helhed-mono">{pretty(entry.before_json)}</pre>
      <h2>Efter</h2>
      <pre class="helhed-mono">{pretty(entry.after_json)}</pre>
    </Layout>
  );
}
