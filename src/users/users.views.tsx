import { Alert, Checkboxes, CsrfField, ErrorSummary, PostButton, Table, TextInput } from '../web/components.js';
import { Layout, type PageContext } from '../web/layout.js';
import type { FieldError } from '../errors/errors.js';
import { ROLE_DESCRIPTIONS, ROLE_LABELS, ROLES } from '../auth/permissions.js';
import type { User } from './users.service.js';

function roleText(user: User): string {
  if (user.roles.length === 0) return 'Ingen rolle i planen';
  return user.roles.map((r) => (r.organisationName ? `${ROLE_LABELS[r.role]} (${r.organisationName})` : ROLE_LABELS[r.role])).join(', ');
}

export function UsersPage({ ctx, users }: { ctx: PageContext; users: User[] }) {
  return (
    <Layout ctx={ctx} title="Brugere">
      <h1>Brugere</h1>
      <p>Brugere og deres roller i {ctx.principal?.plan?.name ?? 'planen'}. En bruger kan have flere roller.</p>
      <p>
        <a class="button button-primary" href="/brugere/ny">
          Opret bruger
        </a>
      </p>
      <Table
        caption="Alle brugere"
        headers={['Navn', 'E-mail', 'Roller i planen', 'Status']}
        rows={users.map((u) => [
          <a href={`/brugere/${u.id}`}>{u.name}</a>,
          u.email,
          roleText(u),
          u.active ? (u.hasPassword ? 'Aktiv' : 'Aktiv, mangler adgangskode') : 'Deaktiveret',
        ])}
      />
    </Layout>
  );
}

export interface UserFormValues {
  email: string;
  name: string;
  roles: string[];
  organisation: string;
  active: boolean;
}

export function UserFormPage(props: {
  ctx: PageContext;
  mode: 'create' | 'edit';
  userId?: string;
  values: UserFormValues;
  organisations: string[];
  errors?: FieldError[];
  resetLink?: string;
}) {
  const errors = props.errors ?? [];
  const title = props.mode === 'create' ? 'Opret bruger' : `Rediger ${props.values.name}`;
  const action = props.mode === 'create' ? '/brugere/ny' : `/brugere/${props.userId}`;
  return (
    <Layout ctx={props.ctx} title={title} hasErrors={errors.length > 0}>
      <p class="d-print-none">
        <a class="back-link" href="/brugere">
          Tilbage til brugere
        </a>
      </p>
      <h1>{title}</h1>
      {props.resetLink ? (
        <Alert variant="success" heading="Link til ny adgangskode">
          <p>Send dette link til brugeren. Det kan bruges én gang inden for 24 timer:</p>
          <p class="helhed-mono">{props.resetLink}</p>
        </Alert>
      ) : null}
      <ErrorSummary errors={errors} />
      <form method="post" action={action} novalidate>
        <CsrfField token={props.ctx.csrf} />
        {props.mode === 'create' ? (
          <TextInput name="email" label="E-mailadresse" type="email" value={props.values.email} errors={errors} width="l" />
        ) : (
          <p>
            <strong>E-mail:</strong> {props.values.email}
          </p>
        )}
        <TextInput name="name" label="Navn" value={props.values.name} errors={errors} width="l" />
        <Checkboxes
          name="roles"
          legend="Roller i planen"
          errors={errors}
          checked={props.values.roles}
          options={ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r], hint: ROLE_DESCRIPTIONS[r] }))}
        />
        <TextInput
          name="organisation"
          label="Organisation (for partnere)"
          optional
          helptext={`Den organisation, partneren indberetter for.${props.organisations.length > 0 ? ` Kendte: ${props.organisations.join(', ')}.` : ''}`}
          value={props.values.organisation}
          errors={errors}
          width="l"
        />
        {props.mode === 'create' ? (
          <TextInput
            name="password"
            label="Adgangskode"
            type="password"
            optional
            autocomplete="new-password"
            helptext="Lad feltet stå tomt for at lave et engangslink, hvor brugeren selv vælger adgangskode."
            errors={errors}
            width="l"
          />
        ) : (
          <Checkboxes name="active" legend="Status" errors={errors} checked={props.values.active ? ['1'] : []} options={[{ value: '1', label: 'Aktiv', hint: 'En deaktiveret bruger kan ikke logge ind, og sessioner afsluttes.' }]} />
        )}
        <button type="submit" class="button button-primary">
          {props.mode === 'create' ? 'Opret bruger' : 'Gem'}
        </button>
      </form>
      {props.mode === 'edit' && props.userId ? (
        <section class="mt-7">
          <h2>Ny adgangskode</h2>
          <p>Lav et engangslink, som brugeren kan vælge en ny adgangskode med.</p>
          <PostButton action={`/brugere/${props.userId}/nulstillingslink`} csrf={props.ctx.csrf} label="Lav link til ny adgangskode" secondary />
        </section>
      ) : null}
    </Layout>
  );
}
