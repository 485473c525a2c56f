/**
 * The communication pages: an incident's communication plan (an overview table of who tells whom what, when and how,
 * then each item with its approval and the actions the reader may take), the form to add or change an item, and the
 * plan's press contacts with their forms. Everything works without JavaScript: each action is its own small form.
 */
import type { FieldError } from '../errors/errors.js';
import type { BodyMember } from '../governance/meetings.service.js';
import { Alert, Badge, CsrfField, ErrorSummary, Facts, fieldId, Paragraphs, RadioGroup, Select, Table, Textarea, TextInput, Timestamp } from '../web/components.js';
import { Layout, type PageContext } from '../web/layout.js';
import { AUDIENCE_NAMES, AUDIENCES, CHANNEL_NAMES, CHANNELS, memberLabel, ruleOf, STATUS_NAMES, type CommunicationStatus } from './communication.js';
import type { Communication, CommunicationPlanView, PressContact } from './communication.service.js';
import { incidentLabel, incidentPath, type Incident } from './incident.js';
import { IncidentNav } from './incident-nav.js';

export const PRESS_PATH = '/beredskab/presse';
export const communicationPath = (incidentId: string) => incidentPath(incidentId, 'kommunikation');
export const itemPath = (incidentId: string, itemId: string) => `${communicationPath(incidentId)}/${encodeURIComponent(itemId)}`;
/** The anchor of an item on the plan page; refused actions link their error here. */
export const itemAnchor = (itemId: string) => fieldId(`punkt-${itemId}`);

const STATUS_BADGE: Record<CommunicationStatus, 'info' | 'success' | 'warning' | 'error' | undefined> = {
  kladde: undefined,
  til_godkendelse: 'warning',
  godkendt: 'success',
  afvist: 'error',
  udsendt: 'info',
};

function StatusBadge({ status }: { status: CommunicationStatus }) {
  return <Badge text={STATUS_NAMES[status]} status={STATUS_BADGE[status]} />;
}

function audienceText(c: Pick<Communication, 'audience' | 'audienceDetail'>): string {
  return c.audienceDetail ? `${AUDIENCE_NAMES[c.audience]}: ${c.audienceDetail}` : AUDIENCE_NAMES[c.audience];
}

function PhoneLink({ phone }: { phone: string | null }) {
  if (!phone) return <span>–</span>;
  return <a href={`tel:${phone.replace(/\s+/g, '')}`}>{phone}</a>;
}

/** The press contacts beside a press item: whom to involve when the press calls (plan lines 3520-3529). */
function PressContactList({ contacts }: { contacts: readonly PressContact[] }) {
  return (
    <div>
      <h4>Ved kontakt til pressen inddrages</h4>
      {contacts.length === 0 ? (
        <p>
          Der er ingen pressekontakter. <a href={PRESS_PATH}>Se pressekontakterne</a>.
        </p>
      ) : (
        <ul class="nobullet-list">
          {contacts.map((p) => (
            <li>
              <strong>{p.name ?? p.position}</strong>, {p.name ? `${p.position}, ` : ''}
              {p.organisation}
              {p.phone ? (
                <>
                  , tlf. <PhoneLink phone={p.phone} />
                </>
              ) : null}
              {p.email ? (
                <>
                  , <a href={`mailto:${p.email}`}>{p.email}</a>
                </>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** Who submitted, approved, rejected and sent the item, and when. */
function ApprovalFacts({ item }: { item: Communication }) {
  return (
    <Facts
      items={[
        {
          label: 'Sendt til godkendelse',
          value: item.submittedAt ? (
            <>
              <Timestamp iso={item.submittedAt} /> af {item.submittedByLabel}
            </>
          ) : null,
        },
        {
          label: 'Godkendt',
          value: item.approvedAt ? (
            <>
              <Timestamp iso={item.approvedAt} /> af {item.approvedByLabel}
            </>
          ) : null,
        },
        {
          label: 'Afvist',
          value:
            item.status === 'afvist' && item.rejectedAt ? (
              <>
                <Timestamp iso={item.rejectedAt} /> af {item.rejectedByLabel}. Begrundelse: {item.rejectionReason}
              </>
            ) : null,
        },
        {
          label: 'Udsendt',
          value: item.sentAt ? (
            <>
              <Timestamp iso={item.sentAt} />, registreret af {item.sentByLabel}
            </>
          ) : null,
        },
      ]}
    />
  );
}

function ActionButton(props: { action: string; csrf: string; label: string; srLabel: string; secondary?: boolean }) {
  return (
    <form method="post" action={props.action} class="inline-form">
      <CsrfField token={props.csrf} />
      <button type="submit" class={props.secondary ? 'button button-secondary' : 'button button-primary'}>
        {props.label}
        <span class="sr-only"> {props.srLabel}</span>
      </button>
    </form>
  );
}

/** The actions on an item the reader may take in its status. */
function ItemActions(props: { item: Communication; incidentId: string; csrf: string; userId: string; errors: readonly FieldError[]; reason: string }) {
  const { item, csrf } = props;
  const path = itemPath(props.incidentId, item.id);
  const sr = `«${audienceText(item)}»`;
  const ownSubmission = item.submittedByUserId !== null && item.submittedByUserId === props.userId;
  const reasonField = `reason-${item.id}`;
  return (
    <div class="d-print-none">
      {item.status !== 'udsendt' ? (
        <p>
          <a href={`${path}/rediger`}>
            Redigér<span class="sr-only"> {sr}</span>
          </a>
        </p>
      ) : null}
      {item.status === 'kladde' || item.status === 'afvist' ? <ActionButton action={`${path}/til-godkendelse`} csrf={csrf} label="Send til godkendelse" srLabel={sr} /> : null}
      {item.status === 'til_godkendelse' && ownSubmission ? (
        <p>Du har selv sendt punktet til godkendelse. Et andet medlem af beredskabsgruppen eller sekretariatet skal godkende eller afvise det (fire øjne).</p>
      ) : null}
      {item.status === 'til_godkendelse' && !ownSubmission ? (
        <>
          <ActionButton action={`${path}/godkend`} csrf={csrf} label="Godkend" srLabel={sr} />
          <form method="post" action={`${path}/afvis`} class="mt-5" novalidate>
            <CsrfField token={csrf} />
            <Textarea
              name={reasonField}
              label="Begrundelse for afvisning"
              rows={2}
              value={props.reason}
              errors={props.errors}
              helptext="Skal udfyldes, hvis punktet afvises, så den ansvarlige kan rette det."
            />
            <button type="submit" class="button button-secondary">
              Afvis<span class="sr-only"> {sr}</span>
            </button>
          </form>
        </>
      ) : null}
      {item.status === 'godkendt' ? <ActionButton action={`${path}/udsendt`} csrf={csrf} label="Markér som udsendt" srLabel={sr} /> : null}
      {item.status !== 'godkendt' && item.status !== 'udsendt' ? <p class="form-hint">Kan markeres som udsendt, når punktet er godkendt.</p> : null}
    </div>
  );
}

function ItemCard(props: {
  item: Communication;
  incidentId: string;
  pressContacts: readonly PressContact[];
  mayDraft: boolean;
  csrf: string;
  userId: string;
  errors: readonly FieldError[];
  reasons: Readonly<Record<string, string>>;
}) {
  const { item } = props;
  const rule = ruleOf(item.suggestionKey);
  return (
    <section class="card" id={itemAnchor(item.id)} aria-labelledby={`${itemAnchor(item.id)}-h`}>
      <div class="card-content">
        <h3 id={`${itemAnchor(item.id)}-h`}>
          {audienceText(item)} <StatusBadge status={item.status} />
        </h3>
        <Facts
          items={[
            { label: 'Hvem kommunikerer', value: item.responsibleLabel },
            { label: 'Kanal', value: CHANNEL_NAMES[item.channel] },
            { label: 'Hvornår', value: item.plannedAt ? <Timestamp iso={item.plannedAt} /> : 'Ikke planlagt endnu' },
            { label: 'Status', value: STATUS_NAMES[item.status] },
          ]}
        />
        <h4>Budskab</h4>
        <Paragraphs text={item.message} />
        <ApprovalFacts item={item} />
        {item.planRef ? (
          <details>
            <summary>Efter beredskabsplanen, linje {item.planRef}</summary>
            <p>{rule?.basis ?? ''}</p>
          </details>
        ) : (
          <p class="form-hint">Tilføjet af beredskabsgruppen (ikke et forslag fra beredskabsplanen).</p>
        )}
        {item.audience === 'presse' ? <PressContactList contacts={props.pressContacts} /> : null}
        {props.mayDraft ? (
          <ItemActions item={item} incidentId={props.incidentId} csrf={props.csrf} userId={props.userId} errors={props.errors} reason={props.reasons[item.id] ?? ''} />
        ) : null}
      </div>
    </section>
  );
}

export function CommunicationPlanPage(props: {
  ctx: PageContext;
  view: CommunicationPlanView;
  /** May draft, submit, decide and send (`beredskab.activate`). */
  mayDraft: boolean;
  errors?: readonly FieldError[];
  /** Rejection reasons as typed, by item id, when a refused form comes back. */
  reasons?: Readonly<Record<string, string>>;
}) {
  const { incident, items, pressContacts, missingSuggestions } = props.view;
  const errors = props.errors ?? [];
  const userId = props.ctx.principal?.userId ?? '';
  const title = `Kommunikation – ${incidentLabel(incident)}`;
  return (
    <Layout ctx={props.ctx} title={title} hasErrors={errors.length > 0}>
      <ErrorSummary errors={errors} />
      <h1>{title}</h1>
      <IncidentNav incidentId={incident.id} current="kommunikation" />
      <p>
        Beredskabsgruppen aftaler, hvem der kommunikerer til hvem og hvornår (beredskabsplanen, linje 3516-3522). Intet sendes ud, før det er godkendt af en
        anden end den, der sendte det til godkendelse (fire øjne): et medlem af beredskabsgruppen eller sekretariatet.
      </p>
      {props.mayDraft ? (
        <div class="d-print-none">
          {missingSuggestions > 0 ? (
            <form method="post" action={`${communicationPath(incident.id)}/forslag`} class="inline-form">
              <CsrfField token={props.ctx.csrf} />
              <button type="submit" class="button button-primary">
                Foreslå plan efter beredskabsplanen
              </button>
            </form>
          ) : (
            <p>Alle beredskabsplanens forslag er med i planen.</p>
          )}{' '}
          <a class="button button-secondary" href={`${communicationPath(incident.id)}/ny`}>
            Tilføj punkt
          </a>
          {missingSuggestions > 0 ? (
            <p class="form-hint">
              Forslaget tilføjer {missingSuggestions === 1 ? 'ét punkt' : `${missingSuggestions} punkter`} som kladder, med ansvarlige efter beredskabsplanen. Intet
              sendes.
            </p>
          ) : null}
        </div>
      ) : null}
      <h2>Hvem informerer hvem</h2>
      <Table
        caption={`Kommunikationsplan for ${incidentLabel(incident)}`}
        headers={['Modtagere', 'Hvem kommunikerer', 'Kanal', 'Hvornår', 'Status', 'Kilde']}
        emptyText="Der er ingen punkter i kommunikationsplanen endnu."
        rowHeaders
        rows={items.map((item) => [
          <a href={`#${itemAnchor(item.id)}`}>{audienceText(item)}</a>,
          item.responsibleLabel,
          CHANNEL_NAMES[item.channel],
          item.plannedAt ? <Timestamp iso={item.plannedAt} /> : '–',
          <StatusBadge status={item.status} />,
          item.planRef ? `Beredskabsplanen, linje ${item.planRef}` : 'Tilføjet af gruppen',
        ])}
      />
      {items.length > 0 ? <h2>Punkterne</h2> : null}
      {items.map((item) => (
        <ItemCard
          item={item}
          incidentId={incident.id}
          pressContacts={pressContacts}
          mayDraft={props.mayDraft}
          csrf={props.ctx.csrf}
          userId={userId}
          errors={errors}
          reasons={props.reasons ?? {}}
        />
      ))}
      <p class="mt-7">
        <a href={PRESS_PATH}>Pressekontakter</a>
      </p>
    </Layout>
  );
}

/** The item form's values as typed, so a refused form comes back as it was sent. */
export interface CommunicationFormValues {
  audience: string;
  audienceDetail: string;
  responsibleMemberId: string;
  responsibleName: string;
  message: string;
  channel: string;
  plannedDate: string;
  plannedTime: string;
}

export function CommunicationFormPage(props: {
  ctx: PageContext;
  incident: Incident;
  /** The item being changed; absent when adding one. */
  item?: Communication;
  members: readonly BodyMember[];
  values: CommunicationFormValues;
  errors?: readonly FieldError[];
}) {
  const errors = props.errors ?? [];
  const { incident, item } = props;
  const heading = item ? `Redigér punkt i kommunikationsplanen` : `Tilføj punkt til kommunikationsplanen`;
  const action = item ? `${itemPath(incident.id, item.id)}/rediger` : `${communicationPath(incident.id)}/ny`;
  const v = props.values;
  return (
    <Layout ctx={props.ctx} title={`${heading} – ${incidentLabel(incident)}`} hasErrors={errors.length > 0}>
      <p class="d-print-none">
        <a class="back-link" href={communicationPath(incident.id)}>
          Kommunikation – {incidentLabel(incident)}
        </a>
      </p>
      <ErrorSummary errors={errors} />
      <h1>
        {heading} – {incidentLabel(incident)}
      </h1>
      {item && (item.status === 'godkendt' || item.status === 'til_godkendelse') ? (
        <Alert variant="warning" announce={false} heading={`Punktet er ${STATUS_NAMES[item.status].toLowerCase()}`}>
          Ændrer du modtagere, hvem der kommunikerer, budskab eller kanal, sættes punktet tilbage til kladde og skal godkendes igen. Flytter du kun
          tidspunktet, beholder det sin status.
        </Alert>
      ) : null}
      <form method="post" action={action} novalidate>
        <CsrfField token={props.ctx.csrf} />
        <RadioGroup name="audience" legend="Hvem skal informeres" options={AUDIENCES.map((a) => ({ value: a, label: AUDIENCE_NAMES[a] }))} value={v.audience} errors={errors} />
        <TextInput
          name="audienceDetail"
          label="Uddybning af modtagerne"
          optional
          value={v.audienceDetail}
          errors={errors}
          helptext="Fx «beboerne i opgang 12-18» eller, for «andre», hvem det er: skolen, klubben, brandvæsenet."
        />
        <Select
          name="responsibleMemberId"
          label="Hvem kommunikerer"
          value={v.responsibleMemberId}
          errors={errors}
          options={[
            { value: '', label: 'En anden person (skriv navnet herunder)' },
            ...props.members.map((m) => ({ value: m.id, label: `${memberLabel(m)}${m.substituteFor ? ' – suppleant' : ''}` })),
          ]}
        />
        <TextInput
          name="responsibleName"
          label="Navn på en anden person"
          optional
          value={v.responsibleName}
          errors={errors}
          helptext="Kun når det ikke er et medlem af beredskabsgruppen, fx «Kommunikationsafdelingen, RandersBolig»."
        />
        <Textarea name="message" label="Budskab" rows={6} value={v.message} errors={errors} width="xl" />
        <Select name="channel" label="Kanal" value={v.channel} errors={errors} options={CHANNELS.map((c) => ({ value: c, label: CHANNEL_NAMES[c] }))} />
        <TextInput name="plannedDate" type="date" label="Hvornår: dato" optional width="s" value={v.plannedDate} errors={errors} helptext="Skrives ÅÅÅÅ-MM-DD, fx 2026-03-28." />
        <TextInput name="plannedTime" label="Hvornår: klokkeslæt" optional width="xs" value={v.plannedTime} errors={errors} helptext="Skrives TT:MM, fx 16:30. Uden klokkeslæt: kl. 12:00." />
        <button type="submit" class="button button-primary">
          {item ? 'Gem punktet' : 'Tilføj punktet'}
        </button>
      </form>
      {item && item.status !== 'udsendt' ? (
        <form method="post" action={`${itemPath(incident.id, item.id)}/slet`} class="mt-7">
          <CsrfField token={props.ctx.csrf} />
          <h2>Slet punktet</h2>
          <p>Sletningen skrives i hændelsens log med punktets indhold.</p>
          <button type="submit" class="button button-secondary" id={fieldId('slet')}>
            Slet punktet
          </button>
        </form>
      ) : null}
    </Layout>
  );
}

export function PressContactsPage(props: { ctx: PageContext; contacts: readonly PressContact[]; mayManage: boolean }) {
  return (
    <Layout ctx={props.ctx} title="Pressekontakter">
      <p class="d-print-none">
        <a class="back-link" href="/beredskab">
          Beredskab
        </a>
      </p>
      <h1>Pressekontakter</h1>
      <p>
        Politi og kommune har ansvar for at koordinere kommunikationen til pressen med deres kommunikationsafdelinger, og den aftales med
        boligorganisationernes ledelse. Ved kontakt til pressen inddrages disse personer (beredskabsplanen, linje 3520-3529). Listen er hentet fra planen og
        vedligeholdes af sekretariatet.
      </p>
      {props.mayManage ? (
        <p class="d-print-none">
          <a class="button button-primary" href={`${PRESS_PATH}/ny`}>
            Tilføj pressekontakt
          </a>
        </p>
      ) : null}
      <Table
        caption="Pressekontakter"
        headers={['Organisation', 'Stilling', 'Navn', 'Telefon', 'E-mail', ...(props.mayManage ? ['Handling'] : [])]}
        emptyText="Der er ingen pressekontakter."
        rowHeaders
        rows={props.contacts.map((c) => [
          c.organisation,
          c.position,
          c.name ?? '–',
          <PhoneLink phone={c.phone} />,
          c.email ? <a href={`mailto:${c.email}`}>{c.email}</a> : '–',
          ...(props.mayManage
            ? [
                <a href={`${PRESS_PATH}/${encodeURIComponent(c.id)}/rediger`} class="d-print-none">
                  Redigér<span class="sr-only"> {c.name ?? c.position}</span>
                </a>,
              ]
            : []),
        ])}
      />
    </Layout>
  );
}

export interface PressContactFormValues {
  organisation: string;
  position: string;
  name: string;
  phone: string;
  email: string;
}

export function PressContactFormPage(props: { ctx: PageContext; contact?: PressContact; values: PressContactFormValues; errors?: readonly FieldError[] }) {
  const errors = props.errors ?? [];
  const { contact } = props;
  const heading = contact ? `Redigér pressekontakten ${contact.name ?? contact.position}` : 'Tilføj pressekontakt';
  const action = contact ? `${PRESS_PATH}/${encodeURIComponent(contact.id)}/rediger` : `${PRESS_PATH}/ny`;
  return (
    <Layout ctx={props.ctx} title={heading} hasErrors={errors.length > 0}>
      <p class="d-print-none">
        <a class="back-link" href={PRESS_PATH}>
          Pressekontakter
        </a>
      </p>
      <ErrorSummary errors={errors} />
      <h1>{heading}</h1>
      <form method="post" action={action} novalidate>
        <CsrfField token={props.ctx.csrf} />
        <TextInput name="organisation" label="Organisation" value={props.values.organisation} errors={errors} autocomplete="organization" />
        <TextInput name="position" label="Stilling" value={props.values.position} errors={errors} autocomplete="organization-title" />
        <TextInput name="name" label="Navn" optional value={props.values.name} errors={errors} autocomplete="name" />
        <TextInput name="phone" label="Telefon" optional width="m" value={props.values.phone} errors={errors} autocomplete="tel" helptext="Fx 29 13 69 59." />
        <TextInput name="email" type="email" label="E-mail" optional value={props.values.email} errors={errors} autocomplete="email" />
        <button type="submit" class="button button-primary">
          {contact ? 'Gem pressekontakten' : 'Tilføj pressekontakten'}
        </button>
      </form>
      {contact ? (
        <form method="post" action={`${PRESS_PATH}/${encodeURIComponent(contact.id)}/slet`} class="mt-7">
          <CsrfField token={props.ctx.csrf} />
          <h2>Slet pressekontakten</h2>
          <button type="submit" class="button button-secondary">
            Slet {contact.name ?? contact.position}
          </button>
        </form>
      ) : null}
    </Layout>
  );
}
