/**
 * A report as a page: DKFDS markup, printable, with the same figures as the PDF and the XLSX file. Tables carry a
 * caption and header scopes, numbers are right-aligned and written by their column's format, charts are the finished
 * SVG with their description as text beside them, and each section ends with its sources.
 */
import { render } from 'preact-render-to-string';
import type { ReportBlock, ReportDocument, ReportSection } from '../report-document.js';
import { chartSvg, formatCell, formatIsoDate, formatInstant, isNumericColumn, statusText, type ReportStatus } from './cells.js';

/** The report's heading block: title, subtitle, plan, cut-off date, when built or frozen, and whether it is a draft. */
export function ReportHeading({ document, status }: { document: ReportDocument; status: ReportStatus }) {
  return (
    <header class="helhed-report-heading">
      <h1>{document.title}</h1>
      {document.subtitle ? <p class="font-lead">{document.subtitle}</p> : null}
      {status.kind === 'draft' ? (
        <p class="helhed-report-status helhed-report-draft">
          <strong>{statusText(status)}</strong>
        </p>
      ) : (
        <p class="helhed-report-status">
          <strong>{statusText(status)}</strong>
        </p>
      )}
      <dl class="helhed-facts">
        <dt>Plan</dt>
        <dd>{document.planName}</dd>
        <dt>Dataskæring</dt>
        <dd>
          <time dateTime={document.cutoffDate}>{formatIsoDate(document.cutoffDate)}</time> (data til og med denne dag)
        </dd>
        <dt>Udarbejdet</dt>
        <dd>
          <time dateTime={document.generatedAt}>{formatInstant(document.generatedAt)}</time>
        </dd>
        {status.kind === 'edition' && status.note ? (
          <>
            <dt>Note til udgaven</dt>
            <dd>{status.note}</dd>
          </>
        ) : null}
      </dl>
    </header>
  );
}

/** The report's sections, each with an h2 heading (the page's h1 is the report's title). */
export function ReportSections({ document }: { document: ReportDocument }) {
  return (
    <>
      {document.sections.map((section, index) => (
        <Section section={section} index={index} />
      ))}
    </>
  );
}

function Section({ section, index }: { section: ReportSection; index: number }) {
  const id = `afsnit-${index + 1}`;
  return (
    <section class="helhed-report-section" aria-labelledby={id}>
      <h2 id={id}>{section.title}</h2>
      {section.blocks.map((block, i) => (
        <Block block={block} id={`${id}-${i + 1}`} />
      ))}
      {section.sources.length > 0 ? (
        <div class="helhed-report-sources">
          <h3 class="h5">Kilder</h3>
          <ul class="helhed-source">
            {section.sources.map((s) => (
              <li>{s}</li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}

function Block({ block, id }: { block: ReportBlock; id: string }) {
  switch (block.kind) {
    case 'paragraph':
      return <p class="helhed-text">{block.text}</p>;
    case 'list':
      return (
        <ul>
          {block.items.map((item) => (
            <li>{item}</li>
          ))}
        </ul>
      );
    case 'figures':
      return (
        <dl class="helhed-report-figures">
          {block.items.map((f) => (
            <div class="helhed-report-figure">
              <dt>{f.label}</dt>
              <dd>
                <span class="helhed-report-figure-value">{f.value}</span>
                {f.note ? <span class="helhed-report-figure-note">{f.note}</span> : null}
              </dd>
            </div>
          ))}
        </dl>
      );
    case 'table':
      return <ReportTable caption={block.caption} columns={block.columns} rows={block.rows} note={block.note} />;
    case 'chart': {
      const svg = chartSvg(block.svg);
      return (
        <figure class="helhed-report-chart" aria-labelledby={`${id}-caption`}>
          <figcaption id={`${id}-caption`} class="h4">
            {block.title}
          </figcaption>
          {svg ? <div class="helhed-chart-frame" tabIndex={0} dangerouslySetInnerHTML={{ __html: svg }} /> : null}
          <p class="helhed-text">{block.description}</p>
        </figure>
      );
    }
  }
}

function ReportTable(props: Omit<Extract<ReportBlock, { kind: 'table' }>, 'kind'>) {
  const { columns, rows } = props;
  const align = (i: number) => (columns[i] && isNumericColumn(columns[i]) ? 'align-text-right' : undefined);
  // The first column names the row when it is text, as in every table of the plan.
  const rowHeaders = columns[0]?.format === 'text';
  return (
    <div class="helhed-report-table">
      <div class="table--responsive-scroll" tabIndex={0}>
        <table class="table table--zebra table--compact">
          <caption>{props.caption}</caption>
          <thead>
            <tr>
              {columns.map((c, i) => (
                <th scope="col" class={align(i)}>
                  {c.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.length === 0 ? (
              <tr>
                <td colSpan={Math.max(1, columns.length)}>Ingen rækker.</td>
              </tr>
            ) : (
              rows.map((row) => (
                <tr>
                  {columns.map((c, i) => {
                    const text = formatCell(row[i] ?? null, c.format);
                    return rowHeaders && i === 0 ? (
                      <th scope="row">{text}</th>
                    ) : (
                      <td class={align(i)}>{text}</td>
                    );
                  })}
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
      {props.note ? <p class="helhed-source">{props.note}</p> : null}
    </div>
  );
}

/** The whole report as an HTML fragment (heading and sections), as the page shows it; for measuring and for tests. */
export function reportHtml(document: ReportDocument, status: ReportStatus): string {
  return render(
    <article class="helhed-report" lang="da">
      <ReportHeading document={document} status={status} />
      <ReportSections document={document} />
    </article>,
  );
}
