/**
 * DKFDS components as typed templates. Markup follows Det Fælles Designsystem's own Nunjucks macros
 * (node_modules/dkfds/src/components), but text is always escaped here.
 */
import type { ComponentChildren } from 'preact';
import type { FieldError } from '../errors/errors.js';

/** The id a field's input gets, so that the error summary can link to it. */
export function fieldId(name: string): string {
  return `felt-${name.replace(/[^a-zA-Z0-9_-]/g, '-')}`;
}

export function ErrorSummary({ errors }: { errors: readonly FieldError[] }) {
  if (errors.length === 0) return null;
  return (
    <div class="alert alert-error" role="alert" data-module="error-summary" tabIndex={-1}>
      <div class="alert-body">
        <h2 class="alert-heading">Der er problemer</h2>
        <ul class="alert-text nobullet-list">
          {errors.map((e) => (
            <li>
              <a class="function-link" href={`#${fieldId(e.field)}`}>
                {e.message}
              </a>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}

const ALERT_ICON_LABELS = { info: 'Information', success: 'Succes', warning: 'Advarsel', error: 'Fejl' } as const;

/**
 * A DKFDS alert. Warnings and errors are announced (role="alert") as DKFDS does, unless `announce` is false: a warning
 * that is part of the page's content from the start (a contradiction in the plan's figures) is read in its place
 * instead of interrupting the reader on load.
 */
export function Alert(props: {
  variant: 'info' | 'success' | 'warning' | 'error';
  heading?: string;
  headingLevel?: 2 | 3 | 4 | 5;
  announce?: boolean;
  children: ComponentChildren;
}) {
  const announce = props.announce ?? (props.variant === 'warning' || props.variant === 'error');
  const Heading = `h${props.headingLevel ?? 2}` as 'h2';
  return (
    <div class={`alert alert-${props.variant}`} role={announce ? 'alert' : undefined}>
      <svg class="icon-svg alert-icon" role="img" aria-label={ALERT_ICON_LABELS[props.variant]} focusable="false">
        <use href={`/static/dkfds/img/all-svg-icons.svg#${props.variant}`} />
      </svg>
      <div class="alert-body">
        {props.heading ? <Heading class="alert-heading">{props.heading}</Heading> : null}
        <div class="alert-text">{props.children}</div>
      </div>
    </div>
  );
}

function errorFor(errors: readonly FieldError[] | undefined, name: string): string | undefined {
  return errors?.find((e) => e.field === name)?.message;
}

interface FieldProps {
  name: string;
  label: string;
  errors?: readonly FieldError[] | undefined;
  helptext?: string;
  optional?: boolean;
}

/** A field's id, its error (if any) and what describes it (hint and error), as every input needs them. */
function fieldParts(props: Pick<FieldProps, 'name' | 'errors' | 'helptext'>): { id: string; error: string | undefined; describedBy: string } {
  const id = fieldId(props.name);
  const error = errorFor(props.errors, props.name);
  return { id, error, describedBy: [props.helptext ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') };
}

/** The label, hint and error message above an input, as DKFDS's input macros write them. */
function FieldHead(props: FieldProps & { id: string; error: string | undefined }) {
  return (
    <>
      <label class="form-label" for={props.id}>
        {props.label}
        {props.optional ? <span class="weight-normal"> (frivilligt)</span> : null}
      </label>
      {props.helptext ? <span class="form-hint" id={`${props.id}-hint`}>{props.helptext}</span> : null}
      <FieldErrorMessage id={props.id} error={props.error} />
    </>
  );
}

export function TextInput(
  props: FieldProps & { type?: 'text' | 'email' | 'password' | 'date' | 'search'; value?: string | undefined; autocomplete?: string; width?: 'xs' | 's' | 'm' | 'l' | 'xl' },
) {
  const { id, error, describedBy } = fieldParts(props);
  return (
    <div class={`form-group${error ? ' form-error' : ''}`}>
      <FieldHead {...props} id={id} error={error} />
      <input
        type={props.type ?? 'text'}
        id={id}
        name={props.name}
        class={`form-input${props.width ? ` input-width-${props.width}` : ''}`}
        value={props.type === 'password' ? undefined : props.value}
        autocomplete={props.autocomplete}
        required={!props.optional}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy || undefined}
      />
    </div>
  );
}

export function Select(props: FieldProps & { options: readonly { value: string; label: string }[]; value?: string | undefined }) {
  const id = fieldId(props.name);
  const error = errorFor(props.errors, props.name);
  return (
    <div class={`form-group${error ? ' form-error' : ''}`}>
      <label class="form-label" for={id}>
        {props.label}
        {props.optional ? <span class="weight-normal"> (frivilligt)</span> : null}
      </label>
      <FieldErrorMessage id={id} error={error} />
      <select class="form-select" id={id} name={props.name} aria-describedby={error ? `${id}-error` : undefined}>
        {props.options.map((o) => (
          <option value={o.value} selected={o.value === props.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/**
 * A group of checkboxes as in DKFDS's checkboxes macro. The first checkbox carries the group's field id, so that the
 * error summary's link for the group moves focus to a checkbox (a list or fieldset cannot take focus).
 */
export function Checkboxes(
  props: Omit<FieldProps, 'label'> & { legend: string; options: readonly { value: string; label: string; hint?: string }[]; checked: readonly string[] },
) {
  const id = fieldId(props.name);
  const error = errorFor(props.errors, props.name);
  return (
    <div class={`form-group${error ? ' form-error' : ''}`}>
      <fieldset aria-describedby={error ? `${id}-error` : undefined}>
        <legend class="form-label">{props.legend}</legend>
        <FieldErrorMessage id={id} error={error} />
        {props.options.map((o, i) => (
          <ChoiceOption type="checkbox" groupId={id} index={i} name={props.name} option={o} checked={props.checked.includes(o.value)} />
        ))}
      </fieldset>
    </div>
  );
}

/** One checkbox or radio button of a group; the first carries the group's field id (see Checkboxes). */
function ChoiceOption(props: { type: 'checkbox' | 'radio'; groupId: string; index: number; name: string; option: { value: string; label: string; hint?: string }; checked: boolean }) {
  const { option } = props;
  const optionId = props.index === 0 ? props.groupId : `${props.groupId}-option${props.index + 1}`;
  return (
    <div class={props.type === 'checkbox' ? 'form-group-checkbox' : 'form-group-radio'}>
      <input
        id={optionId}
        type={props.type}
        name={props.name}
        value={option.value}
        class={props.type === 'checkbox' ? 'form-checkbox' : 'form-radio'}
        checked={props.checked}
        aria-describedby={option.hint ? `${optionId}-hint` : undefined}
      />
      <label for={optionId} class="form-label">
        {option.label}
      </label>
      {option.hint ? (
        <span class="form-hint" id={`${optionId}-hint`}>
          {option.hint}
        </span>
      ) : null}
    </div>
  );
}

function FieldErrorMessage({ id, error }: { id: string; error: string | undefined }) {
  if (!error) return null;
  return (
    <span class="form-error-message" id={`${id}-error`}>
      <span class="sr-only">Fejl: </span>
      {error}
    </span>
  );
}

/**
 * A text area as in DKFDS's textarea macro. The value starts on a new line, because an HTML parser drops a newline
 * right after the opening tag and a text that starts with one would otherwise lose it on every save.
 */
export function Textarea(props: FieldProps & { value?: string | undefined; rows?: number; width?: 'm' | 'l' | 'xl' }) {
  const { id, error, describedBy } = fieldParts(props);
  return (
    <div class={`form-group${error ? ' form-error' : ''}`}>
      <FieldHead {...props} id={id} error={error} />
      <textarea
        id={id}
        name={props.name}
        class={`form-input${props.width ? ` input-width-${props.width}` : ' helhed-textarea'}`}
        rows={props.rows ?? 6}
        required={!props.optional}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy || undefined}
        value={`\n${props.value ?? ''}`}
      />
    </div>
  );
}

/** A file field as in DKFDS's file upload macro; its form must be sent as multipart/form-data. */
export function FileInput(props: FieldProps & { accept: string }) {
  const { id, error, describedBy } = fieldParts(props);
  return (
    <div class={`form-group${error ? ' form-error' : ''}`}>
      <FieldHead {...props} id={id} error={error} />
      <input
        type="file"
        id={id}
        name={props.name}
        class="form-file-input"
        accept={props.accept}
        required={!props.optional}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy || undefined}
      />
    </div>
  );
}

/**
 * Radio buttons as in DKFDS's radiobuttons macro. As with Checkboxes, the first button carries the group's field id,
 * so that the error summary's link moves focus to it.
 */
export function RadioGroup(
  props: Omit<FieldProps, 'label'> & { legend: string; options: readonly { value: string; label: string; hint?: string }[]; value?: string | undefined },
) {
  const { id, error, describedBy } = fieldParts(props);
  return (
    <div class={`form-group${error ? ' form-error' : ''}`}>
      <fieldset aria-describedby={describedBy || undefined}>
        <legend class="form-label">{props.legend}</legend>
        {props.helptext ? <span class="form-hint" id={`${id}-hint`}>{props.helptext}</span> : null}
        <FieldErrorMessage id={id} error={error} />
        {props.options.map((o, i) => (
          <ChoiceOption type="radio" groupId={id} index={i} name={props.name} option={o} checked={props.value === o.value} />
        ))}
      </fieldset>
    </div>
  );
}

/**
 * A form field inside a table of inputs (one row per item): the column header shows what the field is, and a visually
 * hidden label says it again with the row ("Mål 2: mindst"), so that every input has its own accessible name. An error
 * is shown in the cell, and the cell is marked as a DKFDS form group in error.
 */
export function CellField(
  props: { name: string; label: string; errors?: readonly FieldError[] | undefined } & (
    | { type: 'text'; value?: string | undefined; inputMode?: 'decimal' | 'numeric' | 'text'; width?: 'xxs' | 'xs' | 's' | 'm' | 'l' }
    | { type: 'textarea'; value?: string | undefined; rows?: number }
    | { type: 'select'; value?: string | undefined; options: readonly { value: string; label: string }[] }
    | { type: 'checkbox'; checked: boolean; value: string }
  ),
) {
  const id = fieldId(props.name);
  const error = errorFor(props.errors, props.name);
  const describedBy = error ? `${id}-error` : undefined;
  if (props.type === 'checkbox') {
    return (
      <div class="form-group-checkbox helhed-cell-checkbox">
        <input type="checkbox" class="form-checkbox" id={id} name={props.name} value={props.value} checked={props.checked} />
        <label class="form-label" for={id}>
          {props.label}
        </label>
      </div>
    );
  }
  return (
    <div class={`form-group helhed-cell-field${error ? ' form-error' : ''}`}>
      <label class="sr-only" for={id}>
        {props.label}
      </label>
      <FieldErrorMessage id={id} error={error} />
      {props.type === 'select' ? (
        <select class="form-select" id={id} name={props.name} aria-describedby={describedBy} aria-invalid={error ? 'true' : undefined}>
          {props.options.map((o) => (
            <option value={o.value} selected={o.value === props.value}>
              {o.label}
            </option>
          ))}
        </select>
      ) : props.type === 'textarea' ? (
        <textarea class="form-input" id={id} name={props.name} rows={props.rows ?? 2} aria-describedby={describedBy} aria-invalid={error ? 'true' : undefined} value={`\n${props.value ?? ''}`} />
      ) : (
        <input
          type="text"
          class={`form-input${props.width ? ` input-width-${props.width}` : ''}`}
          id={id}
          name={props.name}
          value={props.value}
          inputMode={props.inputMode}
          aria-describedby={describedBy}
          aria-invalid={error ? 'true' : undefined}
        />
      )}
    </div>
  );
}

export function CsrfField({ token }: { token: string }) {
  return <input type="hidden" name="_csrf" value={token} />;
}

/** A button that POSTs a small form (logout, revoke, …), so that state changes never happen on GET. */
export function PostButton(props: { action: string; csrf: string; label: string; secondary?: boolean; hidden?: Record<string, string> }) {
  return (
    <form method="post" action={props.action} class="inline-form">
      <CsrfField token={props.csrf} />
      {Object.entries(props.hidden ?? {}).map(([name, value]) => (
        <input type="hidden" name={name} value={value} />
      ))}
      <button type="submit" class={props.secondary ? 'button button-secondary' : 'button button-primary'}>
        {props.label}
      </button>
    </form>
  );
}

/**
 * A DKFDS table in its scroll box. The box takes keyboard focus (as in DKFDS's macro), so that a table wider than the
 * screen can be scrolled without a mouse even when it holds no links (WCAG 2.1.1).
 */
export function Table(props: {
  caption: string;
  headers: readonly string[];
  rows: readonly ComponentChildren[][];
  emptyText?: string;
  /** The first cell of each row names the row (a header cell with scope "row"). */
  rowHeaders?: boolean;
  /** Columns (from 0) holding numbers, right-aligned so that the digits line up. */
  numeric?: readonly number[];
  /** Rows after the body, such as totals; their first cell names the row. */
  footer?: readonly ComponentChildren[][];
  id?: string;
  compact?: boolean;
  /** Extra classes on the table element, for a layout only one page needs. */
  tableClass?: string;
}) {
  const align = (i: number) => (props.numeric?.includes(i) ? 'align-text-right' : undefined);
  const row = (cells: readonly ComponentChildren[], header: boolean) => (
    <tr>
      {cells.map((c, i) =>
        header && i === 0 ? (
          <th scope="row" class={align(i)}>
            {c}
          </th>
        ) : (
          <td class={align(i)}>{c}</td>
        ),
      )}
    </tr>
  );
  return (
    <div class="table--responsive-scroll" tabIndex={0} id={props.id}>
      <table class={`table table--zebra${props.compact ? ' table--compact' : ''}${props.tableClass ? ` ${props.tableClass}` : ''}`}>
        <caption>{props.caption}</caption>
        <thead>
          <tr>
            {props.headers.map((h, i) => (
              <th scope="col" class={align(i)}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.rows.length === 0 ? (
            <tr>
              <td colSpan={props.headers.length}>{props.emptyText ?? 'Ingen rækker.'}</td>
            </tr>
          ) : (
            props.rows.map((cells) => row(cells, props.rowHeaders === true))
          )}
        </tbody>
        {props.footer && props.footer.length > 0 ? <tfoot>{props.footer.map((cells) => row(cells, true))}</tfoot> : null}
      </table>
    </div>
  );
}

const dateTimeFormat = new Intl.DateTimeFormat('da-DK', {
  timeZone: 'Europe/Copenhagen',
  dateStyle: 'short',
  timeStyle: 'medium',
});

/** A timestamp shown in Danish local time, with the exact value in a <time> element. */
export function Timestamp({ iso }: { iso: string | null | undefined }) {
  if (!iso) return <span>–</span>;
  return <time dateTime={iso}>{dateTimeFormat.format(new Date(iso))}</time>;
}

const dateFormat = new Intl.DateTimeFormat('da-DK', { timeZone: 'Europe/Copenhagen', dateStyle: 'long' });

const formattedDates = new Map<string, string>();

/**
 * A calendar date ('2025-08-01') in Danish words ("1. august 2025"); noon UTC is the same date in Copenhagen. Pages
 * show the same few dates again and again (plan periods, baselines), and Intl formatting is slow, so results are kept.
 */
export function formatDate(isoDate: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(isoDate)) return isoDate;
  let text = formattedDates.get(isoDate);
  if (text === undefined) {
    text = dateFormat.format(new Date(`${isoDate}T12:00:00Z`));
    if (formattedDates.size > 10_000) formattedDates.clear();
    formattedDates.set(isoDate, text);
  }
  return text;
}

/** A calendar date shown in Danish, with the exact value in a <time> element. */
export function DateText({ iso }: { iso: string | null | undefined }) {
  if (!iso) return <span>–</span>;
  return <time dateTime={iso}>{formatDate(iso)}</time>;
}

const numberFormat = new Intl.NumberFormat('da-DK', { maximumFractionDigits: 2 });

/** A number as Danes write it: 4.161, 12,5. */
export function formatNumber(value: number | null | undefined): string {
  return value === null || value === undefined ? '–' : numberFormat.format(value);
}

/** Label and value pairs, side by side where there is room and stacked on a phone. Pairs without a value are left out. */
export function Facts({ items }: { items: readonly { label: string; value: ComponentChildren; hidden?: boolean }[] }) {
  const shown = items.filter((i) => !i.hidden && i.value !== null && i.value !== undefined && i.value !== '');
  if (shown.length === 0) return null;
  return (
    <dl class="helhed-facts">
      {shown.map((i) => (
        <>
          <dt>{i.label}</dt>
          <dd>{i.value}</dd>
        </>
      ))}
    </dl>
  );
}

/** Text written with blank lines between paragraphs, as paragraphs. */
export function Paragraphs({ text }: { text: string | null | undefined }) {
  if (!text) return null;
  return (
    <>
      {text
        .split(/\n\s*\n/)
        .map((p) => p.trim())
        .filter((p) => p !== '')
        .map((p) => (
          <p class="helhed-text">{p}</p>
        ))}
    </>
  );
}

/** A DKFDS badge: a short status in a coloured box. */
export function Badge({ text, status }: { text: string; status?: 'info' | 'success' | 'warning' | 'error' }) {
  return <span class={`badge${status ? ` badge-${status}` : ''}`}>{text}</span>;
}

/** A search field as in DKFDS's search macro, with a visible label, sent with GET so that results can be linked to. */
export function SearchForm(props: { action: string; name: string; label: string; value?: string | undefined; helptext?: string; errors?: readonly FieldError[] }) {
  const { id, error, describedBy } = fieldParts(props);
  return (
    <form method="get" action={props.action} role="search" class="helhed-search d-print-none">
      <div class={`form-group${error ? ' form-error' : ''}`}>
        <label class="form-label" for={id}>
          {props.label}
        </label>
        {props.helptext ? (
          <span class="form-hint" id={`${id}-hint`}>
            {props.helptext}
          </span>
        ) : null}
        <FieldErrorMessage id={id} error={error} />
        <div class="search">
          <input class="form-input" id={id} name={props.name} type="search" value={props.value} aria-describedby={describedBy || undefined} aria-invalid={error ? 'true' : undefined} />
          <button class="button button-search" type="submit">
            Søg
          </button>
        </div>
      </div>
    </form>
  );
}

/** A remark on the plan's own text or figures (see DataRemark in plan/content/types.ts). */
export interface Remark {
  kind: 'contradiction' | 'ocr-uncertain' | 'reconstructed' | 'note';
  text: string;
  /** What the remark is about when shown away from it, e.g. "Boligområderne samlet, 2023". */
  about?: string;
}

export const REMARK_KIND_LABELS: Record<Remark['kind'], string> = {
  contradiction: 'Modstrid i planen',
  'ocr-uncertain': 'Usikker læsning af planens tekst',
  reconstructed: 'Gendannet fra planens tekst',
  note: 'Bemærkning',
};

/**
 * The plan's remarks on its own figures and text. Contradictions are shown as a DKFDS warning, since a reader must not
 * take either figure at face value; the other remarks as one information box.
 */
export function DataRemarks({ remarks, headingLevel = 2, heading }: { remarks: readonly Remark[] | undefined; headingLevel?: 2 | 3 | 4 | 5; heading?: string }) {
  if (!remarks || remarks.length === 0) return null;
  const contradictions = remarks.filter((r) => r.kind === 'contradiction');
  const others = remarks.filter((r) => r.kind !== 'contradiction');
  const item = (r: Remark, withKind: boolean) => (
    <li>
      {withKind && r.kind !== 'note' ? <strong>{REMARK_KIND_LABELS[r.kind]}: </strong> : null}
      {r.about ? <em>{r.about}: </em> : null}
      {r.text}
    </li>
  );
  return (
    <div class="helhed-remarks">
      {contradictions.length > 0 ? (
        <Alert variant="warning" announce={false} headingLevel={headingLevel} heading={contradictions.length === 1 ? 'Planen modsiger sig selv' : `Planen modsiger sig selv (${contradictions.length} steder)`}>
          <ul class="helhed-remark-list">{contradictions.map((r) => item(r, false))}</ul>
        </Alert>
      ) : null}
      {others.length > 0 ? (
        <Alert variant="info" headingLevel={headingLevel} heading={heading ?? 'Bemærkninger til planens tekst og tal'}>
          <ul class="helhed-remark-list">{others.map((r) => item(r, true))}</ul>
        </Alert>
      ) : null}
    </div>
  );
}

/**
 * The problems of an imported file, by row and column, in one table for every import (measurements, enrolments,
 * attendance, outcomes), so the monitoring unit and the partners read them the same way. Row 0 is the file as a whole.
 */
export function ImportProblems({ problems }: { problems: readonly { row: number; column: string; message: string }[] }) {
  if (problems.length === 0) return null;
  return (
    <Table
      caption="Fejl i filen, efter række og kolonne"
      headers={['Række', 'Kolonne', 'Fejl']}
      numeric={[0]}
      id="fejl"
      rows={problems.map((p) => [p.row > 0 ? formatNumber(p.row) : 'Filen', p.column || '–', p.message])}
    />
  );
}

/**
 * The upload form of every spreadsheet import (measurements, enrolments, attendance, outcomes): one file field that
 * takes what the readers in src/monitoring/import/ read, posted as multipart with the CSRF token in the query.
 */
export function SpreadsheetUploadForm(props: { action: string; csrf: string; maxMegabytes: number; errors: readonly FieldError[]; class?: string }) {
  return (
    <form method="post" action={`${props.action}?_csrf=${encodeURIComponent(props.csrf)}`} encType="multipart/form-data" class={props.class}>
      <FileInput
        name="fil"
        label="Fil"
        helptext={`CSV (semikolon eller komma, UTF-8 eller Windows-1252) eller Excel (XLSX), højst ${formatNumber(props.maxMegabytes)} MB.`}
        accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        errors={props.errors}
      />
      <button type="submit" class="button button-primary">
        Importér
      </button>
    </form>
  );
}

/** «Forrige side» and «Næste side» under a paged list; nothing when there is one page. `href` gives a page's address. */
export function Pager(props: { page: number; pages: number; href: (page: number) => string }) {
  if (props.pages <= 1) return null;
  return (
    <nav class="pagination d-print-none" aria-label="Sider">
      <ul class="pagination__items nobullet-list">
        {props.page > 1 ? (
          <li>
            <a href={props.href(props.page - 1)}>Forrige side</a>
          </li>
        ) : null}
        {props.page < props.pages ? (
          <li>
            <a href={props.href(props.page + 1)}>Næste side</a>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
