import { Alert, CsrfField, ErrorSummary, PostButton, Select, Table, TextInput, Timestamp } from '../web/components.js';
import { Layout, type PageContext } from '../web/layout.js';
import type { FieldError } from '../errors/errors.js';
import { ROLE_LABELS } from './permissions.js';
import type { ApiToken } from './auth.service.js';

export function ProfilePage(props: {
  ctx: PageContext;
  tokens: ApiToken[];
  plans: { id: string; name: string }[];
  newToken?: string;
  tokenName?: string;
  errors?: FieldError[];
}) {
  const p = props.ctx.principal!;
  const errors = props.errors ?? [];
  return (
    <Layout ctx={props.ctx} title="Min profil" hasErrors={errors.length > 0}>
      <h1>Min profil</h1>
      <dl class="helhed-facts">
        <dt>Navn</dt>
        <dd>{p.name}</dd>
        <dt>E-mail</dt>
        <dd>{p.email}</dd>
        <dt>Plan</dt>
        <dd>{p.plan?.name ?? 'Ingen plan endnu'}</dd>
        <dt>Roller i planen</dt>
        <dd>{p.roles.length > 0 ? p.roles.map((r) => ROLE_LABELS[r]).join(', ') : 'Ingen'}</dd>
        {p.organisationName ? (
          <>
            <dt>Organisation</dt>
            <dd>{p.organisationName}</dd>
          </>
        ) : null}
      </dl>

      {props.plans.length > 1 ? (
        <section>
          <h2>Skift plan</h2>
          <form method="post" action="/profil/plan">
            <CsrfField token={props.ctx.csrf} />
            <Select name="plan" label="Plan" options={props.plans.map((pl) => ({ value: pl.id, label: pl.name }))} value={p.plan?.id} />
            <button type="submit" class="button button-secondary">
              Skift
            </button>
          </form>
        </section>
      ) : null}

      <section>
        <h2>API-nøgler</h2>
        <p>
          En API-nøgle giver et andet system adgang til Helhed med dine rettigheder. Send den i headeren{' '}
          <code>Authorization: Bearer …</code>. Nøglen vises kun én gang; Helhed gemmer kun et fingeraftryk af den.
        </p>
        {props.newToken ? (
          <Alert variant="success" heading="Ny API-nøgle">
            <p>Kopiér nøglen nu. Den kan ikke vises igen.</p>
            <p class="helhed-mono" id="ny-noegle">
              {props.newToken}
            </p>
          </Alert>
        ) : null}
        <Table
          caption="Dine API-nøgler"
          headers={['Navn', 'Begynder med', 'Oprettet', 'Sidst brugt', 'Udløber', 'Status', 'Handling']}
          emptyText="Du har ingen API-nøgler."
          rows={props.tokens.map((t) => [
            t.name,
            <span class="helhed-mono">{t.prefix}…</span>,
            <Timestamp iso={t.createdAt} />,
            <Timestamp iso={t.lastUsedAt} />,
            <Timestamp iso={t.expiresAt} />,
            t.revokedAt ? 'Tilbagekaldt' : 'Aktiv',
            t.revokedAt ? '' : <PostButton action={`/profil/api-noegler/${t.id}/tilbagekald`} csrf={props.ctx.csrf} label={`Tilbagekald ${t.name}`} secondary />,
          ])}
        />
        <h3>Opret en API-nøgle</h3>
        <ErrorSummary errors={errors} />
        <form method="post" action="/profil/api-noegler" novalidate>
          <CsrfField token={props.ctx.csrf} />
          <TextInput name="name" label="Navn på nøglen" helptext="Fx det system, der skal bruge den." value={props.tokenName} errors={errors} width="l" />
          <TextInput name="expiresInDays" label="Udløber efter antal dage" optional helptext="Tom: udløber ikke. Højst 730." errors={errors} width="xs" />
          <button type="submit" class="button button-primary">
            Opret nøgle
          </button>
        </form>
      </section>
    </Layout>
  );
}
