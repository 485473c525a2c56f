import { Alert, CsrfField, ErrorSummary, TextInput } from '../web/components.js';
import { Layout, type PageContext } from '../web/layout.js';
import type { FieldError } from '../errors/errors.js';
import { MIN_PASSWORD_LENGTH } from './password.js';

export function LoginPage(props: { ctx: PageContext; next: string; email?: string; errors?: FieldError[]; notice?: string }) {
  const errors = props.errors ?? [];
  return (
    <Layout ctx={props.ctx} title="Log ind" hasErrors={errors.length > 0}>
      <div class="row">
        <div class="col-12 col-md-8 col-lg-6">
          <h1>Log ind</h1>
          <ErrorSummary errors={errors} />
          {props.notice ? (
            <Alert variant="warning" heading="Login er midlertidigt spærret">
              <p>{props.notice}</p>
            </Alert>
          ) : null}
          <form method="post" action="/logind" novalidate>
            <CsrfField token={props.ctx.csrf} />
            <input type="hidden" name="naeste" value={props.next} />
            <TextInput name="email" label="E-mailadresse" type="email" value={props.email} autocomplete="username" errors={errors} />
            <TextInput name="password" label="Adgangskode" type="password" autocomplete="current-password" errors={errors} />
            <button type="submit" class="button button-primary">
              Log ind
            </button>
          </form>
          <p class="mt-6">Har du glemt din adgangskode, så kontakt en administrator, som kan sende dig et link til at vælge en ny.</p>
        </div>
      </div>
    </Layout>
  );
}

/** Choosing a password through a one-time link: first-start setup (with e-mail and name) or a reset. */
export function PasswordLinkPage(props: {
  ctx: PageContext;
  mode: 'setup' | 'reset';
  action: string;
  values?: { email?: string; name?: string };
  errors?: FieldError[];
  invalid?: boolean;
}) {
  const errors = props.errors ?? [];
  const title = props.mode === 'setup' ? 'Opret den første administrator' : 'Vælg en ny adgangskode';
  return (
    <Layout ctx={props.ctx} title={title} hasErrors={errors.length > 0}>
      <div class="row">
        <div class="col-12 col-md-8 col-lg-6">
          <h1>{title}</h1>
          {props.invalid ? (
            <Alert variant="error" heading="Linket kan ikke bruges">
              <p>Linket er ukendt, allerede brugt eller udløbet. Bed om et nyt.</p>
            </Alert>
          ) : (
            <>
              <ErrorSummary errors={errors} />
              <form method="post" action={props.action} novalidate>
                <CsrfField token={props.ctx.csrf} />
                {props.mode === 'setup' ? (
                  <>
                    <TextInput name="email" label="E-mailadresse" type="email" value={props.values?.email} autocomplete="username" errors={errors} />
                    <TextInput name="name" label="Navn" value={props.values?.name} autocomplete="name" errors={errors} />
                  </>
                ) : null}
                <TextInput
                  name="password"
                  label="Ny adgangskode"
                  type="password"
                  autocomplete="new-password"
                  helptext={`Mindst ${MIN_PASSWORD_LENGTH} tegn. En sætning af flere ord er nem at huske og svær at gætte.`}
                  errors={errors}
                />
                <TextInput name="passwordRepeat" label="Gentag adgangskoden" type="password" autocomplete="new-password" errors={errors} />
                <button type="submit" class="button button-primary">
                  Gem
                </button>
              </form>
            </>
          )}
        </div>
      </div>
    </Layout>
  );
}
