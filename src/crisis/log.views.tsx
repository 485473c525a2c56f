/**
 * The incident log's pages (issue 7, part 6): the log of one incident with the check of its chain, the note form and
 * the correction form, and the check of every incident's log. § 115 entries the reader may not read are never drawn:
 * only how many there are (`withheldSentence`).
 */
import type { ComponentChildren } from 'preact';
import type { FieldError } from '../errors/errors.js';
import { danishDateTime } from '../time/copenhagen.js';
import { Alert, Badge, CsrfField, ErrorSummary, Facts, RadioGroup, Table, Textarea } from '../web/components.js';
import { Layout, type PageContext } from '../web/layout.js';
import type { ChainReport } from './crisis-log.js';
import { LOG_KINDS, isLogKind } from './crisis-log.js';
import { incidentLabel, incidentPath, type Incident } from './incident.js';
import { IncidentNav } from './incident-nav.js';
import { ASSESSED_LEVEL_NAMES, LEVEL_NAMES, LOG_CLASSIFICATION_NAMES, POLICE_STATUS_NAMES, isCrisisLevel, situationType, type LogClassification } from './levels.js';
import type { LogEntry } from './crisis-log.service.js';
import type { IncidentHead } from './log.repository.js';
import { NOTE_MAX_LENGTH, withheldSentence, type IncidentLog, type ShownEntry } from './log.service.js';

export const LOG_CHECK_PATH = '/beredskab/logkontrol';
export const logPath = (incidentId: string) => incidentPath(incidentId, 'log');
export const correctionPath = (incidentId: string, entryId: string) => `${logPath(incidentId)}/${encodeURIComponent(entryId)}/ret`;
export const entryAnchor = (seq: number) => `indfoersel-${seq}`;

/** The kind of an entry in words; a kind the vocabulary does not know is shown as stored rather than hidden. */
export function kindName(kind: string): string {
  return isLogKind(kind) ? LOG_KINDS[kind] : kind;
}

/** Names for the facts the parts store with their entries; a key not named here is shown as it is. */
const DATA_LABELS: Record<string, string> = {
  level: 'Niveau',
  from: 'Fra niveau',
  to: 'Til niveau',
  previousLevel: 'Tidligere niveau',
  deadline: 'Mødefrist',
  deadlineAt: 'Mødefrist',
  previousDeadline: 'Tidligere mødefrist',
  previousDeadlineAt: 'Tidligere mødefrist',
  levelSetAt: 'Niveauet sat',
  stoodDownAt: 'Afmeldt',
  contactedAt: 'Kontaktet',
  previousStatus: 'Tidligere vurdering',
  situationType: 'Situation',
  area: 'Område',
  areaSlug: 'Område',
  reason: 'Begrundelse',
  begrundelse: 'Begrundelse',
  policeStatus: 'Politiets vurdering',
  police: 'Politiet',
  assessedLevel: 'Politiets vurderede niveau',
  contact: 'Kontakt',
  plannedAt: 'Planlagt mødetidspunkt',
  meetingPlannedAt: 'Planlagt mødetidspunkt',
  heldAt: 'Mødet holdt',
  location: 'Sted',
  onBehalfOf: 'På vegne af',
  status: 'Status',
  title: 'Titel',
  audience: 'Målgruppe',
  channel: 'Kanal',
  response: 'Svar',
  participant: 'Deltager',
  member: 'Medlem',
};
/** Facts shown in the entry's own words elsewhere (the link to what a correction corrects). */
const HIDDEN_DATA = new Set(['retter', 'memberId', 'participantId', 'taskId', 'communicationId']);
const POLICE_STATUS_KEYS = new Set(['policeStatus', 'status', 'previousStatus']);
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** A stored fact as text: instants in Danish, level and police codes in words. */
export function factText(key: string, value: unknown): string {
  if (value === null || value === undefined) return '–';
  if (typeof value === 'boolean') return value ? 'Ja' : 'Nej';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') {
    if (ISO_INSTANT.test(value)) return danishDateTime(value);
    if ((key === 'level' || key === 'from' || key === 'to' || key === 'previousLevel') && isCrisisLevel(value)) return LEVEL_NAMES[value];
    if (key === 'assessedLevel' && Object.hasOwn(ASSESSED_LEVEL_NAMES, value)) return ASSESSED_LEVEL_NAMES[value as keyof typeof ASSESSED_LEVEL_NAMES];
    if (POLICE_STATUS_KEYS.has(key) && Object.hasOwn(POLICE_STATUS_NAMES, value)) return POLICE_STATUS_NAMES[value as keyof typeof POLICE_STATUS_NAMES];
    if (key === 'situationType') return situationType(value)?.label ?? value;
    return value;
  }
  if (Array.isArray(value)) return value.map((v) => factText(key, v)).join(', ');
  return JSON.stringify(value);
}

/** An entry's facts as label and text pairs, in the order they were stored. */
export function entryFacts(entry: Pick<LogEntry, 'data'>): { label: string; value: string }[] {
  if (!entry.data) return [];
  return Object.entries(entry.data)
    .filter(([key]) => !HIDDEN_DATA.has(key))
    .map(([key, value]) => ({ label: DATA_LABELS[key] ?? key, value: factText(key, value) }));
}

function ClassificationBadge({ classification }: { classification: LogClassification }) {
  if (classification !== 'paragraf115') return <span class="form-hint">{LOG_CLASSIFICATION_NAMES.generel}</span>;
  return (
    <span>
      <Badge text="§ 115" status="warning" /> {LOG_CLASSIFICATION_NAMES.paragraf115}
    </span>
  );
}

/** The verification's result: intact with the count and time, or every problem by entry number. */
export function ChainCheck({ report, checkedAt, headingLevel = 2 }: { report: ChainReport; checkedAt: string; headingLevel?: 2 | 3 }) {
  if (report.intact) {
    return (
      <Alert variant="success" headingLevel={headingLevel} heading="Loggen er ubrudt">
        <p>
          Loggen er ubrudt: {report.entries} {report.entries === 1 ? 'indførsel' : 'indførsler'} kontrolleret <time dateTime={checkedAt}>{danishDateTime(checkedAt)}</time>.
        </p>
      </Alert>
    );
  }
  return (
    <Alert variant="error" headingLevel={headingLevel} heading="Loggen er ændret uden om Helhed">
      <p>
        Kontrollen <time dateTime={checkedAt}>{danishDateTime(checkedAt)}</time> fandt {report.problems.length === 1 ? 'et problem' : `${report.problems.length} problemer`}. Indførslerne
        kan være ændret, fjernet eller tilføjet direkte i databasen. Kontakt sekretariatet og systemets administrator.
      </p>
      <ul>
        {report.problems.map((p) => (
          <li>{p.message}</li>
        ))}
      </ul>
    </Alert>
  );
}

function EntryItem({ entry, incidentId, mayCorrect }: { entry: ShownEntry; incidentId: string; mayCorrect: boolean }) {
  const facts = entryFacts(entry);
  const reason = entry.kind === 'rettelse' ? (entry.data?.['begrundelse'] as string | undefined) : undefined;
  return (
    <li id={entryAnchor(entry.seq)} class="helhed-log-entry">
      <h3 class="h4">
        {entry.seq}. {kindName(entry.kind)}
      </h3>
      <p class="form-hint">
        <time dateTime={entry.recordedAt}>{danishDateTime(entry.recordedAt)}</time> · {entry.actorLabel} · <ClassificationBadge classification={entry.classification} />
      </p>
      {entry.correctsSeq !== null ? (
        <p>
          <a href={`#${entryAnchor(entry.correctsSeq)}`}>Retter indførsel {entry.correctsSeq}</a>
        </p>
      ) : null}
      <p class="helhed-text">{entry.text}</p>
      <Facts items={facts.filter((f) => f.label !== 'Begrundelse').map((f) => ({ label: f.label, value: f.value }))} />
      {reason ? (
        <p>
          <strong>Begrundelse for rettelsen:</strong> {reason}
        </p>
      ) : null}
      {entry.correctedBy.length > 0 ? (
        <p>
          <Badge text="Rettet" status="info" />{' '}
          {entry.correctedBy.map((seq, i) => (
            <>
              {i > 0 ? ', ' : ''}
              <a href={`#${entryAnchor(seq)}`}>Rettet ved indførsel {seq}</a>
            </>
          ))}
        </p>
      ) : null}
      {mayCorrect ? (
        <p class="d-print-none">
          <a href={correctionPath(incidentId, entry.id)}>Ret indførsel {entry.seq}</a>
        </p>
      ) : null}
    </li>
  );
}

export interface NoteFormValues {
  text: string;
  classification: string;
}

function NoteForm({ ctx, log, values, errors }: { ctx: PageContext; log: IncidentLog; values: NoteFormValues; errors: readonly FieldError[] }) {
  return (
    <form method="post" action={`${logPath(log.incident.id)}/notater`} class="d-print-none" id="notat" novalidate>
      <CsrfField token={ctx.csrf} />
      <h2>Tilføj et notat</h2>
      <Textarea name="text" label="Notat" value={values.text} errors={errors} rows={5} helptext={`Notatet får serverens tidspunkt og dit navn og kan ikke ændres bagefter, kun rettes. Højst ${NOTE_MAX_LENGTH} tegn.`} />
      {log.mayShare115 ? (
        <RadioGroup
          name="classification"
          legend="Hvem må læse notatet?"
          value={values.classification}
          errors={errors}
          options={[
            { value: 'generel', label: 'Generelt: alle i beredskabet' },
            { value: 'paragraf115', label: 'Delt efter retsplejelovens § 115: kun myndighedernes medlemmer', hint: 'Boligorganisationernes medlemmer og sekretariatet kan ikke læse notatet.' },
          ]}
        />
      ) : (
        <>
          <input type="hidden" name="classification" value="generel" />
          <p class="form-hint">Notatet kan læses af alle i beredskabet.</p>
        </>
      )}
      <button type="submit" class="button button-primary">
        Tilføj notat
      </button>
    </form>
  );
}

/** `/beredskab/haendelser/:id/log`. */
export function LogPage(props: { ctx: PageContext; log: IncidentLog; areaName: string | null; values: NoteFormValues; errors?: readonly FieldError[] }) {
  const { log } = props;
  const { incident } = log;
  const errors = props.errors ?? [];
  const label = incidentLabel(incident);
  return (
    <Layout ctx={props.ctx} title={`Log: ${label}`} hasErrors={errors.length > 0}>
      <p class="d-print-none">
        <a class="back-link" href="/beredskab">
          Beredskab
        </a>
      </p>
      <ErrorSummary errors={errors} />
      <h1>Log: {label}</h1>
      <IncidentNav incidentId={incident.id} current="log" />
      <IncidentSummary incident={incident} areaName={props.areaName} />
      <ChainCheck report={log.report} checkedAt={log.checkedAt} />
      <p class="d-print-none">
        <a href={`${logPath(incident.id)}.pdf`}>Hent loggen som PDF til sagen</a> · <a href={LOG_CHECK_PATH}>Kontrollér alle hændelsers log</a>
      </p>
      <h2>Indførsler</h2>
      <p>Hver indførsel har serverens tidspunkt og kan ikke ændres eller slettes. En rettelse er en ny indførsel, der peger på den, den retter.</p>
      {log.withheld > 0 ? (
        <Alert variant="info" headingLevel={3} announce={false}>
          <p>{withheldSentence(log.withheld)}</p>
        </Alert>
      ) : null}
      {log.entries.length === 0 ? (
        <p>Der er ingen indførsler, du kan læse.</p>
      ) : (
        <ol class="nobullet-list">
          {log.entries.map((e) => (
            <EntryItem entry={e} incidentId={incident.id} mayCorrect={log.mayWrite} />
          ))}
        </ol>
      )}
      {log.mayWrite ? <NoteForm ctx={props.ctx} log={log} values={props.values} errors={errors} /> : null}
    </Layout>
  );
}

function IncidentSummary({ incident, areaName }: { incident: Incident; areaName: string | null }) {
  return (
    <Facts
      items={[
        { label: 'Niveau', value: LEVEL_NAMES[incident.level] },
        { label: 'Område', value: areaName ?? '–' },
        { label: 'Status', value: incident.status === 'aktiv' ? 'Aktiv' : 'Afmeldt' },
        { label: 'Aktiveret', value: <time dateTime={incident.activatedAt}>{danishDateTime(incident.activatedAt)}</time> },
      ]}
    />
  );
}

export interface CorrectionFormValues {
  text: string;
  reason: string;
}

/** `/beredskab/haendelser/:id/log/:entryId/ret`: the entry as it stands, and the form for its correction. */
export function CorrectionPage(props: { ctx: PageContext; incident: Incident; entry: LogEntry; values: CorrectionFormValues; errors?: readonly FieldError[] }) {
  const { incident, entry } = props;
  const errors = props.errors ?? [];
  const title = `Ret indførsel ${entry.seq}: ${incidentLabel(incident)}`;
  return (
    <Layout ctx={props.ctx} title={title} hasErrors={errors.length > 0}>
      <p class="d-print-none">
        <a class="back-link" href={`${logPath(incident.id)}#${entryAnchor(entry.seq)}`}>
          Log: {incidentLabel(incident)}
        </a>
      </p>
      <ErrorSummary errors={errors} />
      <h1>{title}</h1>
      <p>
        Indførslen ændres ikke. Rettelsen skrives som en ny indførsel, der peger på den, med den rettede tekst og begrundelsen.
        {entry.classification === 'paragraf115' ? ' Indførslen er delt efter retsplejelovens § 115, og det bliver rettelsen også.' : ''}
      </p>
      <h2>Indførslen, som den står</h2>
      <Table
        caption={`Indførsel ${entry.seq}`}
        headers={['Felt', 'Værdi']}
        rowHeaders
        rows={
          [
            ['Nummer', String(entry.seq)],
            ['Tidspunkt', <time dateTime={entry.recordedAt}>{danishDateTime(entry.recordedAt)}</time>],
            ['Hvem', entry.actorLabel],
            ['Art', kindName(entry.kind)],
            ['Klassifikation', <ClassificationBadge classification={entry.classification} />],
            ['Tekst', entry.text],
          ] as ComponentChildren[][]
        }
      />
      <form method="post" action={correctionPath(incident.id, entry.id)} novalidate>
        <CsrfField token={props.ctx.csrf} />
        <h2>Rettelse</h2>
        <Textarea name="text" label="Rettet tekst" value={props.values.text} errors={errors} rows={5} helptext={`Højst ${NOTE_MAX_LENGTH} tegn.`} />
        <Textarea name="reason" label="Begrundelse for rettelsen" value={props.values.reason} errors={errors} rows={3} />
        <button type="submit" class="button button-primary">
          Skriv rettelsen i loggen
        </button>
      </form>
    </Layout>
  );
}

/** `/beredskab/logkontrol`: every incident's log checked, broken ones first. */
export function LogCheckPage(props: { ctx: PageContext; checkedAt: string; incidents: readonly (IncidentHead & { report: ChainReport })[]; areaNames: ReadonlyMap<string, string> }) {
  const broken = props.incidents.filter((i) => !i.report.intact);
  const entries = props.incidents.reduce((n, i) => n + i.report.entries, 0);
  return (
    <Layout ctx={props.ctx} title="Kontrol af hændelsernes log">
      <p class="d-print-none">
        <a class="back-link" href="/beredskab">
          Beredskab
        </a>
      </p>
      <h1>Kontrol af hændelsernes log</h1>
      <p>
        Hver indførsel i en hændelses log er kædet til den før med en nøglet kontrolsum. Kontrollen læser alle indførsler og finder en indførsel, der er ændret,
        fjernet eller tilføjet direkte i databasen. Kontrolleret <time dateTime={props.checkedAt}>{danishDateTime(props.checkedAt)}</time>:{' '}
        {props.incidents.length} {props.incidents.length === 1 ? 'hændelse' : 'hændelser'} med {entries} {entries === 1 ? 'indførsel' : 'indførsler'}.
      </p>
      {broken.length === 0 ? (
        <Alert variant="success" heading="Alle logge er ubrudte">
          <p>Ingen hændelses log er ændret uden om Helhed.</p>
        </Alert>
      ) : (
        <Alert variant="error" heading={`${broken.length} ${broken.length === 1 ? 'hændelses log er' : 'hændelsers logge er'} ændret uden om Helhed`}>
          <p>De står øverst i tabellen med hvert problem efter indførslens nummer.</p>
        </Alert>
      )}
      <Table
        caption="Hændelsernes log, brudte først"
        headers={['Hændelse', 'Område', 'Aktiveret', 'Indførsler', 'Resultat']}
        rowHeaders
        numeric={[3]}
        emptyText="Der er ingen hændelser endnu."
        rows={props.incidents.map((i) => [
          <a href={logPath(i.id)}>{incidentLabel(i)}</a>,
          i.areaSlug ? (props.areaNames.get(i.areaSlug) ?? i.areaSlug) : '–',
          <time dateTime={i.activatedAt}>{danishDateTime(i.activatedAt)}</time>,
          String(i.report.entries),
          i.report.intact ? (
            <Badge text="Ubrudt" status="success" />
          ) : (
            <>
              <Badge text="Brudt" status="error" />
              <ul class="nobullet-list">
                {i.report.problems.map((p) => (
                  <li>{p.message}</li>
                ))}
              </ul>
            </>
          ),
        ])}
      />
    </Layout>
  );
}
