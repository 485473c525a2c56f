/**
 * The crisis group's pages (issue 7, part A): the group by role with each member's contact data and its status, the
 * secretariat's forms to add, change, replace and link a member, the reminder campaign, a member's own data, the
 * confirmation page an e-mailed link opens, and the crisis card as a page to print.
 */
import type { FieldError } from '../errors/errors.js';
import { Alert, Checkboxes, CsrfField, ErrorSummary, Facts, PostButton, Select, Table, TextInput, Timestamp } from '../web/components.js';
import { Layout, type PageContext } from '../web/layout.js';
import { danishDateTime, longDanishDate } from '../time/copenhagen.js';
import { CARD_DEADLINES } from './crisis-card.js';
import { CONTACT_STATE_LABELS, monthName } from './crisis-group.js';
import type { PlanUser } from './crisis-group.repository.js';
import type { CrisisCardData, CrisisGroup, CrisisMember, CrisisRoleGroup } from './crisis-group.service.js';
import { LEVEL_NAMES, POLICE_FALLBACK_PHONE } from './levels.js';

export const GROUP_PATH = '/beredskab/gruppe';
export const OWN_PATH = `${GROUP_PATH}/mine-oplysninger`;
export const CARD_PDF_PATH = '/beredskab/kort.pdf';
export const CARD_PAGE_PATH = '/beredskab/kort';
export const memberPath = (id: string, sub: string) => `${GROUP_PATH}/${encodeURIComponent(id)}/${sub}`;

const SR = ({ text }: { text: string }) => <span class="sr-only">{text}</span>;

const nameOf = (m: CrisisMember) => m.name ?? `${m.role}, ${m.organisation}`;

/** The contact-data status in words with an icon; the words carry the meaning, not the colour. */
export function ContactFlag({ member, staleAfterMonths }: { member: CrisisMember; staleAfterMonths: number }) {
  const { state, staleFrom } = member.contact;
  if (state === 'bekraeftet') {
    return (
      <span>
        <svg class="icon-svg" aria-hidden="true" focusable="false">
          <use href="/static/dkfds/img/all-svg-icons.svg#check" />
        </svg>{' '}
        Bekræftet <Timestamp iso={member.confirmedAt} />
        {member.confirmedBy ? <span class="form-hint">af {member.confirmedBy}</span> : null}
      </span>
    );
  }
  return (
    <strong class="helhed-contact-flag">
      <svg class="icon-svg" aria-hidden="true" focusable="false">
        <use href="/static/dkfds/img/all-svg-icons.svg#warning" />
      </svg>{' '}
      {state === 'aldrig' ? CONTACT_STATE_LABELS.aldrig : `Ikke bekræftet i ${staleAfterMonths} måneder`}
      {state === 'forfalden' ? (
        <span class="form-hint weight-normal">
          Sidst bekræftet <Timestamp iso={member.confirmedAt} />
          {staleFrom ? `; forfalden fra ${longDanishDate(staleFrom)}` : ''}
        </span>
      ) : null}
    </strong>
  );
}

function MemberActions({ member, csrf }: { member: CrisisMember; csrf: string }) {
  const name = nameOf(member);
  return (
    <ul class="nobullet-list">
      <li>
        <a href={memberPath(member.id, 'rediger')}>
          Ret <SR text={name} />
        </a>
      </li>
      <li>
        <a href={memberPath(member.id, 'udskift')}>
          Udskift <SR text={name} />
        </a>
      </li>
      <li>
        <a href={memberPath(member.id, 'bruger')}>
          Knyt til bruger <SR text={name} />
        </a>
      </li>
      <li>
        <form method="post" action={memberPath(member.id, 'bekraeft')} class="inline-form">
          <CsrfField token={csrf} />
          <button type="submit" class="function-link">
            Registrér telefonisk bekræftelse <SR text={`for ${name}`} />
          </button>
        </form>
      </li>
      {member.substituteFor ? (
        <li>
          <form method="post" action={memberPath(member.id, 'fjern')} class="inline-form">
            <CsrfField token={csrf} />
            <button type="submit" class="function-link">
              Fjern suppleanten <SR text={name} />
            </button>
          </form>
        </li>
      ) : null}
    </ul>
  );
}

function RoleTable(props: { caption: string; roles: readonly CrisisRoleGroup[]; group: CrisisGroup; manage: boolean; csrf: string; id: string }) {
  const { group } = props;
  const rows = props.roles.flatMap((r) =>
    [r.principal, ...r.substitutes].map((m) => [
      <>
        {m.substituteFor ? (
          <>
            <span class="weight-normal">Suppleant for</span> {r.principal.role}
          </>
        ) : (
          <>
            {m.role}
            <br />
            <span class="weight-normal">{m.organisation}</span>
          </>
        )}
        {m.isRequiredContact ? (
          <>
            <br />
            <strong>Påkrævet kontakt: inviterer alle</strong>
          </>
        ) : null}
      </>,
      <>
        {m.name ?? '–'}
        {m.position ? <span class="form-hint">{m.position}</span> : null}
      </>,
      group.contactsVisible ? (m.phone ? <a href={`tel:${m.phone.replace(/[^+0-9]/g, '')}`}>{m.phone}</a> : 'Mangler') : '–',
      group.contactsVisible ? (m.email ? <a href={`mailto:${m.email}`}>{m.email}</a> : 'Mangler') : '–',
      m.user ? (
        <>
          {m.user.name}
          <span class="form-hint">{m.user.email}</span>
        </>
      ) : (
        'Ikke knyttet'
      ),
      <ContactFlag member={m} staleAfterMonths={group.staleAfterMonths} />,
      ...(props.manage ? [<MemberActions member={m} csrf={props.csrf} />] : []),
    ]),
  );
  return (
    <Table
      id={props.id}
      caption={props.caption}
      headers={['Rolle', 'Navn', 'Telefon', 'E-mail', 'Bruger i Helhed', 'Kontaktoplysninger', ...(props.manage ? ['Handlinger'] : [])]}
      rows={rows}
      rowHeaders
      emptyText="Ingen medlemmer."
    />
  );
}

export function CrisisGroupPage(props: { ctx: PageContext; group: CrisisGroup; manage: boolean; linked: boolean }) {
  const { group } = props;
  const authorities = group.roles.filter((r) => r.principal.isAuthority);
  const others = group.roles.filter((r) => !r.principal.isAuthority);
  const flagged = group.members.filter((m) => m.contact.state !== 'bekraeftet');
  const byPhone = group.members.filter((m) => !m.email);
  const police = group.roles.find((r) => /politi/i.test(r.principal.organisation));
  const policeNames = police ? [police.principal, ...police.substitutes].map((m) => m.name).filter(Boolean).join(' eller ') : 'politiets kontaktpersoner';
  return (
    <Layout ctx={props.ctx} title="Beredskabsgruppen">
      <p class="d-print-none">
        <a class="back-link" href="/beredskab">
          Beredskab
        </a>
      </p>
      <h1>Beredskabsgruppen</h1>
      <p>
        Beredskabsgruppens roller med ordinært medlem og suppleant. Alle medlemmer kan aktivere beredskabet; chefen for bystrategisk udvikling i
        Bysekretariatet kontaktes og inviterer alle. Medlemmerne har selv ansvaret for, at oplysningerne er opdaterede, og en organisation, hvis
        medlem fratræder, udpeger en efterfølger (beredskabsplanen).
      </p>
      <p>
        <strong>
          Kan {policeNames} ikke nås: Østjyllands Politis vagtchef, tlf. <a href={`tel:${POLICE_FALLBACK_PHONE}`}>{POLICE_FALLBACK_PHONE}</a>.
        </strong>
      </p>
      <ul class="nobullet-list helhed-inline-list d-print-none">
        <li>
          <a href={CARD_PDF_PATH}>Beredskabskort (PDF, én side)</a>
        </li>
        <li>
          <a href={CARD_PAGE_PATH}>Beredskabskort til udskrift</a>
        </li>
        {props.linked ? (
          <li>
            <a href={OWN_PATH}>Mine kontaktoplysninger</a>
          </li>
        ) : null}
        {props.manage ? (
          <li>
            <a href={`${GROUP_PATH}/ny`}>Tilføj medlem</a>
          </li>
        ) : null}
      </ul>
      {group.due.due ? (
        <Alert variant="warning" heading="Påmindelsen er forfalden" announce={false}>
          <p>
            Påmindelsesmåneden {group.due.monthLabel} er begyndt, og der er ikke sendt en påmindelse om at bekræfte kontaktoplysninger siden.
            {props.manage ? ' Send den under «Påmindelse om kontaktoplysninger» nedenfor.' : ' Bysekretariatet sender den.'}
          </p>
        </Alert>
      ) : null}
      {flagged.length > 0 ? (
        <Alert variant="warning" heading={`${flagged.length} af ${group.members.length} medlemmer har ikke bekræftet deres kontaktoplysninger`} announce={false}>
          <p>
            Oplysninger, der ikke er bekræftet i {group.staleAfterMonths} måneder eller aldrig er bekræftet, er markeret i tabellerne med «Ikke
            bekræftet i {group.staleAfterMonths} måneder» eller «Aldrig bekræftet».
          </p>
        </Alert>
      ) : null}
      <h2>Myndighederne</h2>
      <p>Politi og kommune, som kan dele oplysninger efter retsplejelovens § 115.</p>
      <RoleTable id="myndigheder" caption="Myndighedernes medlemmer" roles={authorities} group={group} manage={props.manage} csrf={props.ctx.csrf} />
      <h2>Boligorganisationerne og Bysekretariatet</h2>
      <RoleTable id="boligorganisationer" caption="Boligorganisationernes og Bysekretariatets medlemmer" roles={others} group={group} manage={props.manage} csrf={props.ctx.csrf} />
      {props.manage ? (
        <section class="d-print-none">
          <h2>Påmindelse om kontaktoplysninger</h2>
          <p>
            To gange om året ({group.campaignMonths.map(monthName).join(' og ')}) får hvert medlem med en e-mailadresse, ordinære medlemmer som
            suppleanter, et personligt link til at bekræfte eller rette sine oplysninger. Linket virker i 30 dage og kan bruges én gang.
          </p>
          <PostButton action={`${GROUP_PATH}/paamindelse`} csrf={props.ctx.csrf} label="Send påmindelse" />
          {byPhone.length > 0 ? (
            <>
              <h3>Skal kontaktes telefonisk</h3>
              <p>Disse medlemmer har ingen e-mailadresse og får ingen påmindelse. Ring til dem, og registrér bekræftelsen.</p>
              <ul>
                {byPhone.map((m) => (
                  <li>
                    {nameOf(m)}, {m.substituteFor ? 'suppleant, ' : ''}
                    {m.role}, {m.organisation}: skal kontaktes telefonisk{m.phone ? ` på ${m.phone}` : ''}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          <Table
            id="paamindelser"
            caption="Sendte påmindelser"
            headers={['Påmindelse', 'Sendt', 'Sendt af', 'Bedt om at bekræfte', 'Har svaret', 'E-mails sendt', 'E-mails ikke sendt']}
            rows={group.campaigns.map((c) => [c.label, <Timestamp iso={c.startedAt} />, c.startedBy, String(c.requests), String(c.answered), String(c.mailsSent), String(c.mailsFailed)])}
            rowHeaders
            numeric={[3, 4, 5, 6]}
            emptyText="Der er ikke sendt påmindelser endnu."
          />
        </section>
      ) : null}
    </Layout>
  );
}

export interface MemberFormValues {
  role: string;
  organisation: string;
  position: string;
  name: string;
  phone: string;
  email: string;
  substituteFor: string;
  flags: string[];
}

export const EMPTY_MEMBER: MemberFormValues = { role: '', organisation: '', position: '', name: '', phone: '', email: '', substituteFor: '', flags: [] };

export function valuesOfMember(m: CrisisMember): MemberFormValues {
  return {
    role: m.role,
    organisation: m.organisation,
    position: m.position ?? '',
    name: m.name ?? '',
    phone: m.phone ?? '',
    email: m.email ?? '',
    substituteFor: m.substituteFor ?? '',
    flags: [...(m.isAuthority ? ['myndighed'] : []), ...(m.isRequiredContact ? ['paakraevet'] : [])],
  };
}

function BackToGroup() {
  return (
    <p class="d-print-none">
      <a class="back-link" href={GROUP_PATH}>
        Beredskabsgruppen
      </a>
    </p>
  );
}

export function MemberFormPage(props: { ctx: PageContext; member?: CrisisMember; principals: readonly CrisisMember[]; values: MemberFormValues; errors?: readonly FieldError[] | undefined }) {
  const errors = props.errors ?? [];
  const v = props.values;
  const title = props.member ? `Ret ${nameOf(props.member)}` : 'Tilføj medlem af beredskabsgruppen';
  return (
    <Layout ctx={props.ctx} title={title} hasErrors={errors.length > 0}>
      <BackToGroup />
      <h1>{title}</h1>
      <ErrorSummary errors={errors} />
      <form method="post" action={props.member ? memberPath(props.member.id, 'rediger') : `${GROUP_PATH}/ny`} novalidate>
        <CsrfField token={props.ctx.csrf} />
        <TextInput name="role" label="Rolle" value={v.role} errors={errors} helptext="Fx Politikommissær eller SSP-konsulent" />
        <TextInput name="organisation" label="Organisation" value={v.organisation} errors={errors} />
        <TextInput name="name" label="Navn" value={v.name} errors={errors} autocomplete="off" />
        <TextInput name="position" label="Stilling" value={v.position} errors={errors} optional />
        <TextInput name="phone" label="Telefon" value={v.phone} errors={errors} optional width="m" autocomplete="off" />
        <TextInput name="email" label="E-mail" type="email" value={v.email} errors={errors} optional autocomplete="off" />
        <Select
          name="substituteFor"
          label="Ordinært medlem eller suppleant"
          value={v.substituteFor}
          errors={errors}
          options={[{ value: '', label: 'Ordinært medlem' }, ...props.principals.filter((p) => p.id !== props.member?.id).map((p) => ({ value: p.id, label: `Suppleant for ${nameOf(p)} (${p.role}, ${p.organisation})` }))]}
        />
        <Checkboxes
          name="flags"
          legend="Særligt"
          errors={errors}
          checked={v.flags}
          options={[
            { value: 'myndighed', label: 'Fra en myndighed (politi eller kommune)', hint: 'Kan læse indførsler delt efter retsplejelovens § 115.' },
            { value: 'paakraevet', label: 'Påkrævet kontakt, inviterer alle', hint: 'Kun ét medlem kan være det; markeringen flyttes hertil.' },
            { value: 'bekraeftet', label: 'Medlemmet har bekræftet oplysningerne (fx i telefonen)', hint: 'Ellers gælder ændret telefon eller e-mail som ikke bekræftet.' },
          ]}
        />
        <button type="submit" class="button button-primary">
          {props.member ? 'Gem medlemmet' : 'Tilføj medlemmet'}
        </button>
      </form>
    </Layout>
  );
}

export interface SuccessorValues {
  name: string;
  position: string;
  phone: string;
  email: string;
}

export function ReplacePage(props: { ctx: PageContext; member: CrisisMember; substitutes: readonly CrisisMember[]; values: SuccessorValues; errors?: readonly FieldError[] | undefined }) {
  const errors = props.errors ?? [];
  const m = props.member;
  const title = `Udskift ${nameOf(m)}`;
  return (
    <Layout ctx={props.ctx} title={title} hasErrors={errors.length > 0}>
      <BackToGroup />
      <h1>{title}</h1>
      <ErrorSummary errors={errors} />
      <p>
        Efterfølgeren overtager rollen som {m.substituteFor ? 'suppleant for ' : ''}
        {m.role}, {m.organisation}
        {m.isRequiredContact ? ' og opgaven som påkrævet kontakt, der inviterer alle' : ''}.{' '}
        {props.substitutes.length > 0 ? `${props.substitutes.map(nameOf).join(' og ')} står derefter som suppleant for efterfølgeren. ` : ''}
        {nameOf(m)} fjernes fra gruppen i samme trin, og udskiftningen skrives i revisionssporet.
      </p>
      <form method="post" action={memberPath(m.id, 'udskift')} novalidate>
        <CsrfField token={props.ctx.csrf} />
        <TextInput name="name" label="Efterfølgerens navn" value={props.values.name} errors={errors} autocomplete="off" />
        <TextInput name="position" label="Stilling" value={props.values.position} errors={errors} optional helptext={m.position ? `Tomt: ${m.position}` : undefined} />
        <TextInput name="phone" label="Telefon" value={props.values.phone} errors={errors} width="m" autocomplete="off" />
        <TextInput name="email" label="E-mail" type="email" value={props.values.email} errors={errors} autocomplete="off" />
        <button type="submit" class="button button-primary">
          Udskift medlemmet
        </button>
      </form>
    </Layout>
  );
}

export function LinkUserPage(props: { ctx: PageContext; member: CrisisMember; users: readonly PlanUser[]; value: string; errors?: readonly FieldError[] | undefined }) {
  const errors = props.errors ?? [];
  const title = `Knyt ${nameOf(props.member)} til en bruger`;
  return (
    <Layout ctx={props.ctx} title={title} hasErrors={errors.length > 0}>
      <BackToGroup />
      <h1>{title}</h1>
      <ErrorSummary errors={errors} />
      <p>
        Et medlem, der er knyttet til sin bruger i Helhed, kan selv bekræfte sine oplysninger{props.member.isAuthority ? ' og læse indførsler delt efter retsplejelovens § 115' : ''}.
        Kun brugere med en rolle i planen kan vælges.
      </p>
      <form method="post" action={memberPath(props.member.id, 'bruger')} novalidate>
        <CsrfField token={props.ctx.csrf} />
        <Select
          name="userId"
          label="Bruger"
          value={props.value}
          errors={errors}
          options={[{ value: '', label: 'Ingen bruger' }, ...props.users.map((u) => ({ value: u.id, label: `${u.name} (${u.email})` }))]}
        />
        <button type="submit" class="button button-primary">
          Gem koblingen
        </button>
      </form>
    </Layout>
  );
}

function ConfirmForm(props: { action: string; csrf: string; member: CrisisMember; values: { phone: string; email: string }; errors: readonly FieldError[]; memberField?: boolean }) {
  return (
    <form method="post" action={props.action} novalidate>
      <CsrfField token={props.csrf} />
      {props.memberField ? <input type="hidden" name="memberId" value={props.member.id} /> : null}
      <TextInput name="phone" label="Telefon" value={props.values.phone} errors={props.errors} optional width="m" autocomplete="tel" />
      <TextInput name="email" label="E-mail" type="email" value={props.values.email} errors={props.errors} optional autocomplete="email" />
      <button type="submit" class="button button-primary">
        Bekræft oplysningerne
      </button>
    </form>
  );
}

function MemberFacts({ member }: { member: CrisisMember }) {
  return (
    <Facts
      items={[
        { label: 'Rolle', value: `${member.substituteFor ? 'Suppleant: ' : ''}${member.role}` },
        { label: 'Organisation', value: member.organisation },
        { label: 'Navn', value: member.name ?? '–' },
        { label: 'Telefon', value: member.phone ?? 'Mangler' },
        { label: 'E-mail', value: member.email ?? 'Mangler' },
        { label: 'Sidst bekræftet', value: member.confirmedAt ? danishDateTime(member.confirmedAt) : 'Aldrig' },
      ]}
    />
  );
}

export function OwnDataPage(props: { ctx: PageContext; members: readonly CrisisMember[]; staleAfterMonths: number; values?: { memberId: string; phone: string; email: string }; errors?: readonly FieldError[] | undefined }) {
  const errors = props.errors ?? [];
  return (
    <Layout ctx={props.ctx} title="Mine kontaktoplysninger i beredskabsgruppen" hasErrors={errors.length > 0}>
      <BackToGroup />
      <h1>Mine kontaktoplysninger i beredskabsgruppen</h1>
      <ErrorSummary errors={errors} />
      {props.members.length === 0 ? (
        <Alert variant="info" announce={false}>
          <p>Din bruger er ikke knyttet til et medlem af beredskabsgruppen. Bed Bysekretariatet om at knytte dig, så du selv kan bekræfte dine oplysninger.</p>
        </Alert>
      ) : (
        props.members.map((m) => (
          <section>
            <h2>
              {m.role}, {m.organisation}
            </h2>
            <MemberFacts member={m} />
            <p>
              <ContactFlag member={m} staleAfterMonths={props.staleAfterMonths} />
            </p>
            <p>Er oplysningerne rigtige, så bekræft dem. Er de ikke, så ret dem og bekræft.</p>
            <ConfirmForm
              action={OWN_PATH}
              csrf={props.ctx.csrf}
              member={m}
              memberField
              values={props.values?.memberId === m.id ? props.values : { phone: m.phone ?? '', email: m.email ?? '' }}
              errors={props.values?.memberId === m.id ? errors : []}
            />
          </section>
        ))
      )}
    </Layout>
  );
}

export function TokenConfirmPage(props: { ctx: PageContext; member: CrisisMember; expiresAt: string; action: string; values: { phone: string; email: string }; errors?: readonly FieldError[] | undefined }) {
  const errors = props.errors ?? [];
  return (
    <Layout ctx={props.ctx} title="Bekræft dine kontaktoplysninger" hasErrors={errors.length > 0}>
      <h1>Bekræft dine kontaktoplysninger</h1>
      <ErrorSummary errors={errors} />
      <p>
        Du står i den boligsociale beredskabsgruppe. Gruppen skal kunne samles inden for 24 timer ved rødt niveau, så dine oplysninger skal være
        rigtige. Linket er personligt, kan bruges én gang og virker til {danishDateTime(props.expiresAt)}.
      </p>
      <MemberFacts member={props.member} />
      <p>Er oplysningerne rigtige, så bekræft dem. Er de ikke, så ret dem og bekræft.</p>
      <ConfirmForm action={props.action} csrf={props.ctx.csrf} member={props.member} values={props.values} errors={errors} />
    </Layout>
  );
}

export function TokenThanksPage(props: { ctx: PageContext }) {
  return (
    <Layout ctx={props.ctx} title="Tak for din bekræftelse">
      <h1>Tak for din bekræftelse</h1>
      <p>Dine kontaktoplysninger i beredskabsgruppen er bekræftet. Linket kan ikke bruges igen.</p>
    </Layout>
  );
}

/** The crisis card as a page to print (the PDF is the same content on one A4 page). */
export function CardPage(props: { ctx: PageContext; card: CrisisCardData }) {
  const { card } = props;
  const required = card.roles.find((r) => r.principal.isRequiredContact)?.principal;
  const police = card.roles.find((r) => /politi/i.test(r.principal.organisation));
  const policeNames = police ? [police.principal, ...police.substitutes].map((m) => m.name).filter(Boolean).join(' eller ') : 'politiets kontaktpersoner';
  return (
    <Layout ctx={props.ctx} title="Beredskabskort">
      <BackToGroup />
      <h1>Beredskabskort</h1>
      <p>
        Den boligsociale beredskabsplan · {card.planName}. Udskrevet {danishDateTime(card.printedAt)}. <a href={CARD_PDF_PATH} class="d-print-none">Hent som PDF (én side)</a>
      </p>
      <ul>
        <li>
          <strong>{LEVEL_NAMES.roed}: inden for 24 timer.</strong> {CARD_DEADLINES.roed}
        </li>
        <li>
          <strong>{LEVEL_NAMES.gul}: inden for 3 arbejdsdage.</strong> {CARD_DEADLINES.gul}
        </li>
      </ul>
      {required ? (
        <p>
          <strong>
            Påkrævet kontakt, inviterer alle: {nameOf(required)}, {required.role}, {required.organisation}, tlf. {required.phone ?? '–'}.
          </strong>
        </p>
      ) : null}
      <p>
        <strong>
          Kan {policeNames} ikke nås: Østjyllands Politis vagtchef, tlf. {POLICE_FALLBACK_PHONE}.
        </strong>
      </p>
      <Table
        caption="Beredskabsgruppen"
        headers={['Rolle og organisation', 'Medlem', 'Telefon', 'Suppleant', 'Suppleantens telefon']}
        rows={card.roles.map((r) => [
          `${r.principal.role}, ${r.principal.organisation}`,
          nameOf(r.principal),
          r.principal.phone ?? '–',
          r.substitutes.map(nameOf).join('; ') || '–',
          r.substitutes.map((s) => s.phone ?? '–').join('; ') || '–',
        ])}
        rowHeaders
        compact
      />
      <Table
        caption="Ved kontakt til pressen"
        headers={['Organisation', 'Stilling', 'Navn', 'Telefon']}
        rows={card.press.map((p) => [p.organisation, p.position, p.name ?? '–', p.phone ?? '–'])}
        rowHeaders
        compact
        emptyText="Ingen pressekontakter er registreret."
      />
    </Layout>
  );
}
