/**
 * The governance pages of the bodies and their meetings: the hub `/styring`, the bodies and their members, the year's
 * meeting calendar with the plan's cadence warnings, one meeting, and the user's personal calendar feed.
 */
import type { Principal } from '../auth/principal.js';
import { allows, type RouteAccess } from '../auth/permissions.js';
import type { FieldError } from '../errors/errors.js';
import { Alert, Badge, Checkboxes, CsrfField, DateText, ErrorSummary, Facts, PostButton, Select, Table, TextInput, Timestamp } from '../web/components.js';
import { Layout, type PageContext } from '../web/layout.js';
import {
  BODY_NAMES,
  KINDS_OF,
  MEETING_STATUSES,
  meetingLabel,
  type BodyKey,
  type BodyMember,
  type BodySummary,
  type CalendarFeed,
  type Meeting,
  type MeetingBody,
  type MeetingWarning,
} from './meetings.service.js';

const can = (principal: Principal | null, access: RouteAccess) => principal !== null && allows(access, true, principal.roles);

const STATUS_BADGE: Record<Meeting['status'], 'info' | 'success' | 'error'> = { planlagt: 'info', afholdt: 'success', aflyst: 'error' };

function StatusBadge({ meeting }: { meeting: Meeting }) {
  return <Badge text={meeting.status} status={STATUS_BADGE[meeting.status]} />;
}

function Back({ href, text }: { href: string; text: string }) {
  return (
    <p class="d-print-none">
      <a class="back-link" href={href}>
        {text}
      </a>
    </p>
  );
}

/** The plan's cadence warnings as one DKFDS warning, so the secretariat cannot miss them. */
export function CadenceWarnings(props: { warnings: readonly MeetingWarning[]; year: number; heading?: string; linkMeetings?: boolean }) {
  if (props.warnings.length === 0) return null;
  return (
    <Alert variant="warning" announce={false} heading={props.heading ?? `Mødekalenderen for ${props.year} bryder planens mødefrekvens`}>
      <ul>
        {props.warnings.map((w) => (
          <li>
            {w.message}
            {w.meetingId && props.linkMeetings !== false ? (
              <>
                {' '}
                <a href={`/styring/moeder/${w.meetingId}`}>Se mødet</a>
              </>
            ) : null}
          </li>
        ))}
      </ul>
    </Alert>
  );
}

function Flash({ text }: { text: string | null }) {
  return text ? (
    <Alert variant="success" announce={false}>
      {text}
    </Alert>
  ) : null;
}

const HUB_LINKS: readonly { href: string; label: string; text: string; access: RouteAccess }[] = [
  { href: '/styring/organer', label: 'Organer', text: 'Bestyrelsen, styregruppen og beredskabsgruppen med medlemmer og suppleanter.', access: 'plan.read' },
  { href: '/styring/moeder', label: 'Møder', text: 'Årets mødekalender for bestyrelse og styregruppe, indkaldelser og mødefrekvensens advarsler.', access: 'plan.read' },
  { href: '/styring/leverancer', label: 'Leverancer', text: 'Partnernes dataleverancer før styregruppens møder.', access: 'activities.report' },
  { href: '/styring/aktionspunkter', label: 'Aktionspunkter', text: 'Åbne aktionspunkter fra møderne med ansvarlig og frist.', access: 'plan.read' },
  { href: '/styring/indstillinger', label: 'Indstillinger', text: 'Styregruppens indstillinger til bestyrelsen og deres afgørelse.', access: 'plan.read' },
  { href: '/styring/milepaele', label: 'Milepæle', text: 'Delaftalernes milepælsplaner med forsinkede og truede milepæle.', access: 'plan.read' },
  { href: '/oekonomi', label: 'Økonomi', text: 'Landsbyggefondens tilsagn, medfinansiering, budget og forbrug.', access: 'economy.read' },
  { href: '/rapporter', label: 'Rapporter', text: 'Fremdriftsrapporter, datarapport og årsrapport.', access: 'reports.read' },
];

export function HubPage(props: {
  ctx: PageContext;
  upcoming: readonly { body: MeetingBody; meetings: readonly (Meeting & { daysToGo: number })[] }[];
  year: number;
  warnings: readonly MeetingWarning[];
}) {
  const links = HUB_LINKS.filter((l) => can(props.ctx.principal, l.access));
  return (
    <Layout ctx={props.ctx} title="Styring">
      <h1>Styring</h1>
      <p>Bestyrelsens og styregruppens møder, deres dagsordener og referater, partnernes leverancer og opfølgningen på planen.</p>
      <CadenceWarnings warnings={props.warnings} year={props.year} />
      <h2>Næste møder</h2>
      {props.upcoming.map(({ body, meetings }) => (
        <>
          <h3>{BODY_NAMES[body]}</h3>
          {meetings.length === 0 ? (
            <p>Ingen planlagte møder. {can(props.ctx.principal, 'governance.manage') ? <a href="/styring/moeder">Dan eller tilføj møder</a> : null}</p>
          ) : (
            <ul>
              {meetings.map((m) => (
                <li>
                  <a href={`/styring/moeder/${m.id}`}>{meetingLabel(m)}</a> kl. {m.startsAt}
                  {m.location ? `, ${m.location}` : ''} – {m.daysToGo === 0 ? 'i dag' : m.daysToGo === 1 ? 'i morgen' : `om ${m.daysToGo} dage`}
                </li>
              ))}
            </ul>
          )}
        </>
      ))}
      <h2>Styringens dele</h2>
      <ul class="nobullet-list">
        {links.map((l) => (
          <li>
            <a href={l.href}>{l.label}</a>: {l.text}
          </li>
        ))}
        <li>
          <a href="/styring/kalender">Din kalender</a>: abonnér på møderne i din egen kalender.
        </li>
      </ul>
    </Layout>
  );
}

const memberText = (m: Pick<BodyMember, 'name' | 'position' | 'organisation'>) => [m.name, m.position, m.organisation].filter(Boolean).join(', ');

export function BodiesPage({ ctx, bodies }: { ctx: PageContext; bodies: readonly BodySummary[] }) {
  return (
    <Layout ctx={ctx} title="Organer">
      <Back href="/styring" text="Styring" />
      <h1>Organer</h1>
      <p>
        Bestyrelsen og styregruppen er sammensat efter planens organisationsdiagram og kommissorier; beredskabsgruppen efter beredskabsplanen. Medlemmerne står
        efter rolle, stilling og organisation, og sekretariatet holder dem ajour.
      </p>
      <Table
        caption="Planens organer"
        headers={['Organ', 'Formand', 'Medlemmer', 'Suppleanter']}
        rows={bodies.map((b) => [<a href={`/styring/organer/${b.body}`}>{b.name}</a>, b.chair ? memberText(b.chair) : 'ingen formand', String(b.members), String(b.substitutes)])}
        rowHeaders
        numeric={[2, 3]}
      />
    </Layout>
  );
}

export interface MemberFormValues {
  role: string;
  organisation: string;
  position: string;
  name: string;
  email: string;
  phone: string;
  substituteFor: string;
  isAuthority: boolean;
}

const EMPTY_MEMBER: MemberFormValues = { role: 'medlem', organisation: '', position: '', name: '', email: '', phone: '', substituteFor: '', isAuthority: false };

function MemberFields(props: { body: BodyKey; members: readonly BodyMember[]; values: MemberFormValues; errors: readonly FieldError[]; self?: string }) {
  const { values, errors } = props;
  const principals = props.members.filter((m) => m.substituteFor === null && m.id !== props.self);
  return (
    <>
      <TextInput name="role" label="Rolle" helptext="Fx formand, medlem eller sekretær; i beredskabsgruppen funktionen." value={values.role} errors={errors} width="l" />
      <TextInput name="organisation" label="Organisation" value={values.organisation} errors={errors} width="l" />
      <TextInput name="position" label="Stilling" optional value={values.position} errors={errors} width="xl" />
      <TextInput name="name" label="Navn" optional value={values.name} errors={errors} width="l" />
      <TextInput name="email" type="email" label="E-mail" optional helptext="Bruges som deltager i mødeindkaldelser." value={values.email} errors={errors} width="l" />
      <TextInput name="phone" label="Telefon" optional value={values.phone} errors={errors} width="s" />
      <Select
        name="substituteFor"
        label="Suppleant for"
        optional
        value={values.substituteFor}
        errors={errors}
        options={[{ value: '', label: 'Ingen – ordinært medlem' }, ...principals.map((m) => ({ value: m.id, label: `${m.role}: ${memberText(m)}` }))]}
      />
      {props.body === 'beredskabsgruppe' ? (
        <Checkboxes
          name="isAuthority"
          legend="Myndighed"
          options={[{ value: 'ja', label: 'Medlemmet kommer fra en myndighed', hint: 'Politi eller kommune: må se oplysninger delt efter retsplejelovens § 115.' }]}
          checked={values.isAuthority ? ['ja'] : []}
          errors={errors}
        />
      ) : null}
    </>
  );
}

export function BodyPage(props: {
  ctx: PageContext;
  body: BodyKey;
  members: readonly BodyMember[];
  contacts: boolean;
  manage: boolean;
  message: string | null;
  values?: MemberFormValues;
  errors?: readonly FieldError[];
}) {
  const errors = props.errors ?? [];
  const name = BODY_NAMES[props.body];
  const byId = new Map(props.members.map((m) => [m.id, m]));
  const headers = ['Rolle', 'Navn', 'Stilling', 'Organisation', 'Suppleant for'];
  if (props.body === 'beredskabsgruppe') headers.push('Myndighed');
  if (props.contacts) headers.push('E-mail', 'Telefon');
  if (props.manage) headers.push('Handlinger');
  return (
    <Layout ctx={props.ctx} title={name} hasErrors={errors.length > 0}>
      <Back href="/styring/organer" text="Organer" />
      <ErrorSummary errors={errors} />
      <Flash text={props.message} />
      <h1>{name}</h1>
      {props.contacts ? null : <p>E-mailadresser og telefonnumre vises kun for sekretariatet{props.body === 'beredskabsgruppe' ? ' og beredskabsgruppen' : ''}.</p>}
      <Table
        caption={`${name}s medlemmer`}
        headers={headers}
        emptyText="Organet har ingen medlemmer."
        rows={props.members.map((m) => {
          const principal = m.substituteFor ? byId.get(m.substituteFor) : undefined;
          const cells = [m.role, m.name ?? '–', m.position ?? '–', m.organisation, principal ? memberText(principal) : '–'];
          const row: (string | ReturnType<typeof PostButton>)[] = cells;
          if (props.body === 'beredskabsgruppe') row.push(m.isAuthority ? 'ja' : 'nej');
          if (props.contacts) row.push(m.email ?? '–', m.phone ?? '–');
          if (props.manage) {
            row.push(
              <a href={`/styring/organer/${props.body}/medlemmer/${m.id}`} aria-label={`Ret ${m.role} ${memberText(m)}`}>
                Ret
              </a>,
            );
          }
          return row;
        })}
        rowHeaders
      />
      {props.manage ? (
        <>
          <h2>Tilføj medlem</h2>
          <form method="post" action={`/styring/organer/${props.body}/medlemmer`} novalidate>
            <CsrfField token={props.ctx.csrf} />
            <MemberFields body={props.body} members={props.members} values={props.values ?? EMPTY_MEMBER} errors={errors} />
            <button type="submit" class="button button-primary">
              Tilføj medlem
            </button>
          </form>
        </>
      ) : null}
    </Layout>
  );
}

export function MemberEditPage(props: { ctx: PageContext; body: BodyKey; member: BodyMember; members: readonly BodyMember[]; values: MemberFormValues; errors?: readonly FieldError[] }) {
  const errors = props.errors ?? [];
  const base = `/styring/organer/${props.body}/medlemmer/${props.member.id}`;
  return (
    <Layout ctx={props.ctx} title={`Ret medlem af ${BODY_NAMES[props.body].toLowerCase()}`} hasErrors={errors.length > 0}>
      <Back href={`/styring/organer/${props.body}`} text={BODY_NAMES[props.body]} />
      <ErrorSummary errors={errors} />
      <h1>Ret medlem</h1>
      <p>{`${props.member.role}: ${memberText(props.member)}`}</p>
      <form method="post" action={base} novalidate>
        <CsrfField token={props.ctx.csrf} />
        <MemberFields body={props.body} members={props.members} values={props.values} errors={errors} self={props.member.id} />
        <button type="submit" class="button button-primary">
          Gem medlem
        </button>
      </form>
      <h2>Fjern medlemmet</h2>
      <p>Medlemmet fjernes fra organet. Er medlemmet ordinært medlem med en suppleant, bliver suppleanten stående som ordinært medlem.</p>
      <PostButton action={`${base}/fjern`} csrf={props.ctx.csrf} label="Fjern medlem" secondary />
    </Layout>
  );
}

export function MeetingsPage(props: { ctx: PageContext; year: number; meetings: readonly Meeting[]; warnings: readonly MeetingWarning[]; manage: boolean; message: string | null; error: string | null }) {
  const years = [props.year - 1, props.year, props.year + 1];
  return (
    <Layout ctx={props.ctx} title={`Møder ${props.year}`}>
      <Back href="/styring" text="Styring" />
      {props.error ? (
        <Alert variant="error" heading="Kalenderen blev ikke dannet">
          {props.error}
        </Alert>
      ) : null}
      <Flash text={props.message} />
      <h1>Møder {props.year}</h1>
      <p>
        Bestyrelsen mødes forår og efterår, ca. tre uger efter styregruppen, og mindst to gange om året om strategiske dagsordener; styregruppen mødes forår,
        sommer og efterår.
      </p>
      <CadenceWarnings warnings={props.warnings} year={props.year} />
      <nav aria-label="Vælg år" class="d-print-none">
        <ul class="nobullet-list helhed-inline-list">
          {years.map((y) => (
            <li>{y === props.year ? <span aria-current="page">{y}</span> : <a href={`/styring/moeder?aar=${y}`}>Møder {y}</a>}</li>
          ))}
        </ul>
      </nav>
      {props.manage ? (
        <div class="d-print-none mb-5">
          {/* Offered only for a year without the cadence's meetings; the service refuses a second calendar all the same. */}
          {props.meetings.some((m) => m.kind !== 'ekstra') ? null : (
            <>
              <PostButton action="/styring/moeder/dan" csrf={props.ctx.csrf} label={`Dan kalender for ${props.year}`} hidden={{ year: String(props.year) }} />{' '}
            </>
          )}
          <a class="button button-secondary" href={`/styring/moeder/ny?aar=${props.year}`}>
            Tilføj møde
          </a>
        </div>
      ) : null}
      <Table
        caption={`Møder i ${props.year}`}
        headers={['Dato', 'Tid', 'Organ', 'Møde', 'Sted', 'Status']}
        emptyText={`Der er ingen møder i ${props.year}.${props.manage ? ' Dan kalenderen ud fra planens mødefrekvens, eller tilføj møderne enkeltvis.' : ''}`}
        rows={props.meetings.map((m) => [<DateText iso={m.date} />, m.startsAt, BODY_NAMES[m.body], <a href={`/styring/moeder/${m.id}`}>{m.title}</a>, m.location ?? '–', <StatusBadge meeting={m} />])}
        rowHeaders
      />
      <p>
        <a href="/styring/kalender">Abonnér på møderne i din kalender</a>
      </p>
    </Layout>
  );
}

export interface MeetingFormValues {
  body: string;
  kind: string;
  title: string;
  date: string;
  startsAt: string;
  durationMinutes: string;
  location: string;
  status: string;
}

function MeetingFields({ values, errors, creating }: { values: MeetingFormValues; errors: readonly FieldError[]; creating: boolean }) {
  return (
    <>
      {creating ? (
        <>
          <Select name="body" label="Organ" value={values.body} errors={errors} options={(['bestyrelse', 'styregruppe'] as const).map((b) => ({ value: b, label: BODY_NAMES[b] }))} />
          <Select
            name="kind"
            label="Mødets art"
            value={values.kind}
            errors={errors}
            options={[...new Set([...KINDS_OF.bestyrelse, ...KINDS_OF.styregruppe])].map((k) => ({ value: k, label: k === 'ekstra' ? 'ekstra møde' : `${k}smøde` }))}
          />
        </>
      ) : null}
      <TextInput name="title" label="Titel" value={values.title} errors={errors} width="xl" />
      <TextInput name="date" type="date" label="Dato" helptext="Skrives ÅÅÅÅ-MM-DD, fx 2026-05-05." value={values.date} errors={errors} width="s" />
      <TextInput name="startsAt" label="Starttidspunkt" helptext="TT:MM, fx 14:00." value={values.startsAt} errors={errors} width="xs" />
      <TextInput name="durationMinutes" label="Varighed i minutter" value={values.durationMinutes} errors={errors} width="xs" />
      <TextInput name="location" label="Sted" optional value={values.location} errors={errors} width="xl" />
      {creating ? null : <Select name="status" label="Status" value={values.status} errors={errors} options={MEETING_STATUSES.map((s) => ({ value: s, label: s }))} />}
    </>
  );
}

export function MeetingFormPage(props: { ctx: PageContext; meeting: Meeting | null; year: number; values: MeetingFormValues; errors?: readonly FieldError[] }) {
  const errors = props.errors ?? [];
  const title = props.meeting ? `Ret ${meetingLabel(props.meeting)}` : 'Tilføj møde';
  return (
    <Layout ctx={props.ctx} title={title} hasErrors={errors.length > 0}>
      <Back href={props.meeting ? `/styring/moeder/${props.meeting.id}` : `/styring/moeder?aar=${props.year}`} text={props.meeting ? meetingLabel(props.meeting) : `Møder ${props.year}`} />
      <ErrorSummary errors={errors} />
      <h1>{title}</h1>
      {props.meeting ? <p>Ændres tid, sted, titel eller status, får mødet et nyt versionsnummer, så kalenderne henter ændringen.</p> : null}
      <form method="post" action={props.meeting ? `/styring/moeder/${props.meeting.id}/rediger` : '/styring/moeder/ny'} novalidate>
        <CsrfField token={props.ctx.csrf} />
        <MeetingFields values={props.values} errors={errors} creating={props.meeting === null} />
        <button type="submit" class="button button-primary">
          {props.meeting ? 'Gem mødet' : 'Tilføj mødet'}
        </button>
      </form>
    </Layout>
  );
}

export function MeetingPage(props: { ctx: PageContext; meeting: Meeting; warnings: readonly MeetingWarning[]; manage: boolean; message: string | null }) {
  const m = props.meeting;
  const mine = props.warnings.filter((w) => w.meetingId === m.id);
  const year = Number(m.date.slice(0, 4));
  const parts = [
    { href: `/styring/moeder/${m.id}/dagsorden`, label: 'Dagsorden' },
    { href: `/styring/moeder/${m.id}/referat`, label: 'Referat' },
    ...(m.body === 'styregruppe'
      ? [
          { href: `/styring/moeder/${m.id}/leverancer`, label: 'Partnernes leverancer' },
          { href: `/rapporter/fremdrift/${m.id}`, label: 'Fremdriftsrapport' },
        ]
      : []),
  ];
  return (
    <Layout ctx={props.ctx} title={meetingLabel(m)}>
      <Back href={`/styring/moeder?aar=${year}`} text={`Møder ${year}`} />
      <Flash text={props.message} />
      <h1>{meetingLabel(m)}</h1>
      <CadenceWarnings warnings={mine} year={year} heading="Mødet bryder planens mødefrekvens" linkMeetings={false} />
      <Facts
        items={[
          { label: 'Organ', value: BODY_NAMES[m.body] },
          { label: 'Dato', value: <DateText iso={m.date} /> },
          { label: 'Tid', value: `kl. ${m.startsAt}, ${m.durationMinutes} minutter` },
          { label: 'Sted', value: m.location ?? 'ikke fastlagt' },
          { label: 'Status', value: <StatusBadge meeting={m} /> },
          { label: 'Senest ændret', value: <><Timestamp iso={m.updatedAt} /> af {m.updatedByLabel}</> },
        ]}
      />
      <h2>Mødets dele</h2>
      <ul>
        {parts.map((p) => (
          <li>
            <a href={p.href}>{p.label}</a>
          </li>
        ))}
      </ul>
      {props.manage ? (
        <>
          <h2>Sekretariatet</h2>
          <ul>
            <li>
              <a href={`/styring/moeder/${m.id}/rediger`}>Ret mødet</a> (dato, tid, sted, titel eller status)
            </li>
            <li>
              <a href={`/styring/moeder/${m.id}/invitation.ics`} download={`indkaldelse-${m.date}.ics`}>
                {m.status === 'aflyst' ? 'Hent aflysning (.ics)' : 'Hent indkaldelse (.ics)'}
              </a>{' '}
              til {BODY_NAMES[m.body].toLowerCase()}s medlemmer med e-mailadresse
            </li>
          </ul>
        </>
      ) : null}
    </Layout>
  );
}

export function FeedPage(props: { ctx: PageContext; feeds: readonly CalendarFeed[]; newUrl: string | null; message: string | null }) {
  const active = props.feeds.filter((f) => f.revokedAt === null);
  return (
    <Layout ctx={props.ctx} title="Din kalender">
      <Back href="/styring" text="Styring" />
      <Flash text={props.message} />
      <h1>Møderne i din kalender</h1>
      <p>
        Med en personlig kalenderadresse kan Outlook, Google Kalender eller Kalender på iPhone abonnere på bestyrelsens og styregruppens møder. Flyttes eller
        aflyses et møde, ændres det også i din kalender.
      </p>
      <Alert variant="info" announce={false} heading="Adressen er din nøgle">
        Alle, der kender adressen, kan se mødernes tid og sted. Del den ikke, og tilbagekald den, hvis den er kommet ud.
      </Alert>
      {props.newUrl ? (
        <Alert variant="success" heading="Din nye kalenderadresse">
          <p>Kopiér adressen nu; den vises kun denne ene gang.</p>
          <p>
            <code id="kalenderadresse">{props.newUrl}</code>
          </p>
        </Alert>
      ) : null}
      <PostButton action="/styring/kalender" csrf={props.ctx.csrf} label="Opret kalenderadresse" />
      <Table
        caption="Dine kalenderadresser"
        headers={['Oprettet', 'Status', 'Handling']}
        emptyText="Du har ingen kalenderadresser."
        rows={props.feeds.map((f) => [
          <Timestamp iso={f.createdAt} />,
          f.revokedAt ? (
            <>
              tilbagekaldt <Timestamp iso={f.revokedAt} />
            </>
          ) : (
            'aktiv'
          ),
          f.revokedAt ? '–' : <PostButton action={`/styring/kalender/${f.id}/tilbagekald`} csrf={props.ctx.csrf} label="Tilbagekald" secondary />,
        ])}
        rowHeaders
      />
      {active.length > 1 ? <p>Du har {active.length} aktive adresser. Tilbagekald dem, du ikke bruger.</p> : null}
    </Layout>
  );
}
