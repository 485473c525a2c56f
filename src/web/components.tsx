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

export function Alert(props: { variant: 'info' | 'success' | 'warning' | 'error'; heading?: string; children: ComponentChildren }) {
  const role = props.variant === 'warning' || props.variant === 'error' ? 'alert' : undefined;
  return (
    <div class={`alert alert-${props.variant}`} role={role}>
      <div class="alert-body">
        {props.heading ? <h2 class="alert-heading">{props.heading}</h2> : null}
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

export function TextInput(
  props: FieldProps & { type?: 'text' | 'email' | 'password' | 'date' | 'search'; value?: string | undefined; autocomplete?: string; width?: 'xs' | 's' | 'm' | 'l' | 'xl' },
) {
  const id = fieldId(props.name);
  const error = errorFor(props.errors, props.name);
  const describedBy = [props.helptext ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div class={`form-group${error ? ' form-error' : ''}`}>
      <label class="form-label" for={id}>
        {props.label}
        {props.optional ? <span class="weight-normal"> (frivilligt)</span> : null}
      </label>
      {props.helptext ? <span class="form-hint" id={`${id}-hint`}>{props.helptext}</span> : null}
      {error ? (
        <span class="form-error-message" id={`${id}-error`}>
          <span class="sr-only">Fejl: </span>
          {error}
        </span>
      ) : null}
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
      {error ? (
        <span class="form-error-message" id={`${id}-error`}>
          <span class="sr-only">Fejl: </span>
          {error}
        </span>
      ) : null}
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
        {error ? (
          <span class="form-error-message" id={`${id}-error`}>
            <span class="sr-only">Fejl: </span>
            {error}
          </span>
        ) : null}
        {props.options.map((o, i) => {
          const optionId = i === 0 ? id : `${id}-option${i + 1}`;
          return (
            <div class="form-group-checkbox">
              <input
                id={optionId}
                type="checkbox"
                name={props.name}
                value={o.value}
                class="form-checkbox"
                checked={props.checked.includes(o.value)}
                aria-describedby={o.hint ? `${optionId}-hint` : undefined}
              />
              <label for={optionId} class="form-label">
                {o.label}
              </label>
              {o.hint ? (
                <span class="form-hint" id={`${optionId}-hint`}>
                  {o.hint}
                </span>
              ) : null}
            </div>
          );
        })}
      </fieldset>
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
export function Table(props: { caption: string; headers: readonly string[]; rows: readonly ComponentChildren[][]; emptyText?: string }) {
  return (
    <div class="table--responsive-scroll" tabIndex={0}>
      <table class="table table--zebra">
        <caption>{props.caption}</caption>
        <thead>
          <tr>
            {props.headers.map((h) => (
              <th scope="col">{h}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.rows.length === 0 ? (
            <tr>
              <td colSpan={props.headers.length}>{props.emptyText ?? 'Ingen rækker.'}</td>
            </tr>
          ) : (
            props.rows.map((cells) => (
              <tr>
                {cells.map((c) => (
                  <td>{c}</td>
                ))}
              </tr>
            ))
          )}
        </tbody>
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
