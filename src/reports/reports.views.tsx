/**
 * The report pages: the list of reports with their frozen editions, a report's live draft (with the cut-off date,
 * the downloads and «Frys som leveret»), a frozen edition, and what changed in an edition.
 */
import type { FieldError } from '../errors/errors.js';
import { Alert, Badge, CsrfField, ErrorSummary, Textarea, TextInput, Timestamp } from '../web/components.js';
import { Layout, type PageContext } from '../web/layout.js';
import type { ReportChange, SectionComparison } from './editions.js';
import { formatIsoDate, type ReportStatus } from './render/cells.js';
import { ReportHeading, ReportSections } from './render/report-html.js';
import type { Draft, Edition, EditionChanges, EditionSummary, ReportKindOverview } from './reports.service.js';

const subjectPath = (kind: string, subjectKey: string) => `/rapporter/${encodeURIComponent(kind)}/${encodeURIComponent(subjectKey)}`;
const editionPath = (id: string) => `/rapporter/udgaver/${encodeURIComponent(id)}`;

function EditionLine({ e }: { e: EditionSummary }) {
  return (
    <>
      <a href={editionPath(e.id)}>{`Udgave ${e.edition}`}</a>
      {`, dataskæring ${formatIsoDate(e.cutoffDate)}, frosset `}
      <Timestamp iso={e.frozenAt} />
      {` af ${e.frozenBy}`}
      {e.note ? ` – ${e.note}` : ''}
    </>
  );
}

export function ReportsPage({ ctx, kinds }: { ctx: PageContext; kinds: ReportKindOverview[] }) {
  return (
    <Layout ctx={ctx} title="Rapporter">
      <h1>Rapporter</h1>
      <p class="font-lead">
        Rapporterne bygges af Helheds egne data frem til en skæringsdato. Et udkast ændrer sig, når data rettes; en leveret rapport fryses som en udgave,
        der altid vises, som den blev leveret.
      </p>
      {kinds.length === 0 ? <p>Der er ingen rapporttyper endnu.</p> : null}
      {kinds.map((k) => (
        <section aria-labelledby={`rapport-${k.kind}`} class="helhed-report-kind">
          <h2 id={`rapport-${k.kind}`}>{k.name}</h2>
          <p>{k.description}</p>
          {k.subjects.length === 0 ? (
            <p>Der er endnu intet, rapporten kan laves for.</p>
          ) : (
            <div class="table--responsive-scroll" tabIndex={0}>
              <table class="table table--zebra">
                <caption>{`${k.name}: udkast og frosne udgaver`}</caption>
                <thead>
                  <tr>
                    <th scope="col">Rapport</th>
                    <th scope="col">Frosne udgaver</th>
                  </tr>
                </thead>
                <tbody>
                  {k.subjects.map((s) => (
                    <tr>
                      <th scope="row">
                        <a href={subjectPath(k.kind, s.key)}>{s.label}</a>
                      </th>
                      <td>
                        {s.editions.length === 0 ? (
                          'Ingen endnu'
                        ) : (
                          <ul class="nobullet-list">
                            {s.editions.map((e) => (
                              <li>
                                <EditionLine e={e} />
                              </li>
                            ))}
                          </ul>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {k.otherEditions.length > 0 ? (
            <>
              <h3>Andre frosne udgaver</h3>
              <ul>
                {k.otherEditions.map((e) => (
                  <li>
                    {`${e.title}: `}
                    <EditionLine e={e} />
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </section>
      ))}
    </Layout>
  );
}

function Downloads({ base, query }: { base: string; query: string }) {
  return (
    <ul class="nobullet-list helhed-report-downloads d-print-none">
      <li>
        <a href={`${base}/rapport.pdf${query}`} download>
          Hent som PDF
        </a>
      </li>
      <li>
        <a href={`${base}/rapport.xlsx${query}`} download>
          Hent som regneark (XLSX)
        </a>
      </li>
    </ul>
  );
}

export interface DraftPageProps {
  ctx: PageContext;
  draft: Draft;
  editions: EditionSummary[];
  mayFreeze: boolean;
  errors?: FieldError[];
  values?: { skaering?: string; note?: string };
}

export function DraftPage({ ctx, draft, editions, mayFreeze, errors = [], values = {} }: DraftPageProps) {
  const { document, definition, subject } = draft;
  const base = subjectPath(document.kind, subject.key);
  const status: ReportStatus = { kind: 'draft' };
  return (
    <Layout ctx={ctx} title={`${document.title} (udkast)`} hasErrors={errors.length > 0}>
      <p class="d-print-none">
        <a href="/rapporter">Alle rapporter</a>
      </p>
      <ErrorSummary errors={errors} />
      <ReportHeading document={document} status={status} />
      <div class="helhed-report-tools d-print-none">
        <form method="get" action={base} class="helhed-report-cutoff">
          <TextInput
            type="date"
            name="skaering"
            label="Skæringsdato"
            helptext="Data til og med denne dag tages med."
            value={values.skaering ?? document.cutoffDate}
            errors={errors}
            width="s"
          />
          <button type="submit" class="button button-secondary">
            Vis udkastet
          </button>
        </form>
        <Downloads base={base} query={`?skaering=${document.cutoffDate}`} />
        {editions.length > 0 ? (
          <>
            <h2 class="h4">Frosne udgaver af {subject.label}</h2>
            <ul>
              {editions.map((e) => (
                <li>
                  <EditionLine e={e} />
                </li>
              ))}
            </ul>
          </>
        ) : null}
        {mayFreeze ? (
          <form method="post" action={`${base}/udgaver`} class="helhed-report-freeze">
            <CsrfField token={ctx.csrf} />
            <input type="hidden" name="skaering" value={document.cutoffDate} />
            <h2 class="h4">Frys som leveret</h2>
            <p>
              {`${definition.name} fryses med dataskæring ${formatIsoDate(document.cutoffDate)} som udgave ${(editions[0]?.edition ?? 0) + 1}. `}
              En frossen udgave ændres aldrig, heller ikke når data rettes bagefter.
            </p>
            <Textarea name="note" label="Note til udgaven" optional rows={2} width="xl" value={values.note} errors={errors} helptext="Fx hvem rapporten er leveret til." />
            <button type="submit" class="button button-primary">
              Frys som leveret
            </button>
          </form>
        ) : null}
      </div>
      <ReportSections document={document} />
    </Layout>
  );
}

export function EditionPage({ ctx, edition, status }: { ctx: PageContext; edition: Edition; status: ReportStatus }) {
  const base = editionPath(edition.id);
  const document = edition.document;
  return (
    <Layout ctx={ctx} title={`${document.title}, udgave ${edition.edition}`}>
      <p class="d-print-none">
        <a href="/rapporter">Alle rapporter</a>
      </p>
      <ReportHeading document={document} status={status} />
      <div class="helhed-report-tools d-print-none">
        <Downloads base={base} query="" />
        <ul class="nobullet-list">
          <li>
            <a href={`${base}/aendringer`}>Se hvad der er ændret i forhold til den forrige udgave</a>
          </li>
          <li>
            <a href={`${base}/aendringer?mod=udkast`}>Se hvad der er rettet i data siden udgaven blev frosset</a>
          </li>
          <li>
            <a href={subjectPath(edition.kind, edition.subjectKey)}>Gå til det aktuelle udkast</a>
          </li>
        </ul>
        <p class="helhed-source">{`Indholdets SHA-256: ${edition.sha256}`}</p>
      </div>
      <ReportSections document={document} />
    </Layout>
  );
}

function changeText(c: ReportChange): { where: string; what: string } {
  const arrow = (before: string | null, after: string | null) => (before === null ? `tilføjet: ${after}` : after === null ? `fjernet: ${before}` : `${before} → ${after}`);
  switch (c.kind) {
    case 'paragraph':
      return { where: 'Tekst', what: arrow(c.before, c.after) };
    case 'list-item':
      return { where: 'Punkt i liste', what: arrow(c.before, c.after) };
    case 'figure':
      return { where: `Nøgletal «${c.label}»`, what: arrow(c.before, c.after) };
    case 'table':
      return { where: `Tabel «${c.table}»`, what: c.change === 'added' ? 'tabellen er tilføjet' : 'tabellen er fjernet' };
    case 'column':
      return { where: `Tabel «${c.table}», kolonne «${c.column}»`, what: c.change === 'added' ? 'kolonnen er tilføjet' : 'kolonnen er fjernet' };
    case 'row':
      return { where: `Tabel «${c.table}», række «${c.row}»`, what: c.change === 'added' ? 'rækken er tilføjet' : 'rækken er fjernet' };
    case 'cell':
      return { where: `Tabel «${c.table}», række «${c.row}», kolonne «${c.column}»`, what: `${c.before || '(tom)'} → ${c.after || '(tom)'}` };
    case 'chart':
      return { where: `Figur «${c.title}»`, what: c.change === 'added' ? 'figuren er tilføjet' : c.change === 'removed' ? 'figuren er fjernet' : 'figuren er ændret' };
    case 'source':
      return { where: 'Kilde', what: arrow(c.before, c.after) };
  }
}

const SECTION_STATUS: Record<SectionComparison['status'], { text: string; status: 'info' | 'success' | 'warning' | 'error' }> = {
  added: { text: 'nyt afsnit', status: 'success' },
  removed: { text: 'afsnittet er fjernet', status: 'error' },
  changed: { text: 'ændret', status: 'warning' },
};

export function ChangesPage({ ctx, changes }: { ctx: PageContext; changes: EditionChanges }) {
  const { edition, base, comparison } = changes;
  const title = `Ændringer i ${edition.title}, udgave ${edition.edition}`;
  const againstDraft = base?.against === 'draft';
  return (
    <Layout ctx={ctx} title={againstDraft ? `Rettelser siden ${edition.title}, udgave ${edition.edition}` : title}>
      <p class="d-print-none">
        <a href={editionPath(edition.id)}>{`Tilbage til udgave ${edition.edition}`}</a>
      </p>
      <h1>{againstDraft ? `Rettelser siden ${edition.title}, udgave ${edition.edition}` : title}</h1>
      <ul class="nobullet-list d-print-none">
        <li>{againstDraft ? <a href={`${editionPath(edition.id)}/aendringer`}>Sammenlign med den forrige udgave</a> : <a href={`${editionPath(edition.id)}/aendringer?mod=udkast`}>Sammenlign med udkastet (data rettet siden)</a>}</li>
      </ul>
      {!base || !comparison ? (
        <p>{`Udgave ${edition.edition} er den første udgave af rapporten; der er ingen tidligere udgave at sammenligne med.`}</p>
      ) : (
        <>
          <p class="font-lead">
            {againstDraft
              ? `Forskellen fra udgave ${edition.edition} (frosset) til ${base.label}: det, der er rettet eller kommet til i data siden.`
              : `Forskellen fra ${base.label} til udgave ${edition.edition} (dataskæring ${formatIsoDate(edition.cutoffDate)}).`}
          </p>
          {comparison.unchanged ? (
            <Alert variant="info" announce={false}>
              <p>Indholdet er det samme; kun tidspunktet for udarbejdelsen er forskelligt.</p>
            </Alert>
          ) : null}
          {comparison.header.length > 0 ? (
            <ul>
              {comparison.header.map((h) => (
                <li>
                  {`${h.field === 'title' ? 'Titel' : h.field === 'subtitle' ? 'Undertitel' : 'Dataskæring'}: ${
                    h.field === 'cutoffDate' ? `${formatIsoDate(h.before)} → ${formatIsoDate(h.after)}` : `${h.before} → ${h.after}`
                  }`}
                </li>
              ))}
            </ul>
          ) : null}
          {comparison.sections.map((s, i) => (
            <section aria-labelledby={`aendring-${i + 1}`}>
              <h2 id={`aendring-${i + 1}`}>
                {s.title} <Badge text={SECTION_STATUS[s.status].text} status={SECTION_STATUS[s.status].status} />
              </h2>
              {s.previousTitle ? <p>{`Hed før: ${s.previousTitle}`}</p> : null}
              {s.changes.length > 0 ? (
                <div class="table--responsive-scroll" tabIndex={0}>
                  <table class="table table--zebra table--compact">
                    <caption>{`Ændringer i «${s.title}»`}</caption>
                    <thead>
                      <tr>
                        <th scope="col">Hvor</th>
                        <th scope="col">Før → efter</th>
                      </tr>
                    </thead>
                    <tbody>
                      {s.changes.map((c) => {
                        const t = changeText(c);
                        return (
                          <tr>
                            <th scope="row">{t.where}</th>
                            <td>{t.what}</td>
                          </tr>
                        );
                      })}
                    </tbody>
                  </table>
                </div>
              ) : null}
            </section>
          ))}
        </>
      )}
    </Layout>
  );
}

