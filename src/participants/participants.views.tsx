/**
 * The participant pages: search and list, registering and changing a person, their detail with enrolments, consents
 * and household, enrolling (with the target group's findings and the override), ending an enrolment, consent,
 * households, and the enrolment import with every problem by row and column.
 */
import type { FieldError } from '../errors/errors.js';
import type { TargetGroupFinding } from '../activities/target-group.js';
import { Alert, Checkboxes, CsrfField, DateText, ErrorSummary, Facts, RadioGroup, Select, Table, Textarea, TextInput, Timestamp, formatNumber, ImportProblems, SpreadsheetUploadForm } from '../web/components.js';
import { Layout, type PageContext } from '../web/layout.js';
import { CONSENT_GIVER_LABELS, CONSENT_GIVERS, LEGAL_BASES, legalBasisLabel } from './consent-rules.js';
import { ENROLMENT_STATUS_LABELS, ENROLMENT_STATUSES, REFERRAL_KINDS, REFERRAL_LABELS, type EnrolmentInput, type EnrolmentStatus, type ReferralKind } from './enrolment-rules.js';
import { ENROLMENT_COLUMNS } from './enrolment-rows.js';
import { GENDER_LABELS, GENDERS, type Gender } from './participant-rules.js';
import type { ParticipantImportRow } from './participants.table.js';
import type { Consent, Enrolment, HouseholdMember, ParticipantDetail, ParticipantInput, SearchResult } from './participants.service.js';
import type { RowProblem } from './enrolment-rows.js';
import { allows } from '../auth/permissions.js';

/** Names the pages show for the plan's slugs. */
export interface Names {
  activities: ReadonlyMap<string, string>;
  areas: ReadonlyMap<string, string>;
}

const monthFormat = new Intl.DateTimeFormat('da-DK', { month: 'long', year: 'numeric', timeZone: 'UTC' });

/** '2012-05' as «maj 2012». */
export function formatYearMonth(value: string | null): string {
  if (!value || !/^\d{4}-\d{2}$/.test(value)) return '–';
  return monthFormat.format(new Date(`${value}-15T00:00:00Z`));
}

const areaName = (names: Names, slug: string | null) => (slug ? (names.areas.get(slug) ?? slug) : 'Ikke oplyst');
const activityName = (names: Names, slug: string) => names.activities.get(slug) ?? slug;
const statusLabel = (s: string) => ENROLMENT_STATUS_LABELS[s as EnrolmentStatus] ?? s;
const genderLabel = (g: string | null) => (g ? (GENDER_LABELS[g as Gender] ?? g) : null);

function BackLink({ href, text }: { href: string; text: string }) {
  return (
    <p class="d-print-none">
      <a class="back-link" href={href}>
        {text}
      </a>
    </p>
  );
}

// Search --------------------------------------------------------------------------------------------------------

export interface SearchValues {
  q: string;
  foedselsaar: string;
  omraade: string;
  aktivitet: string;
}

export function ParticipantsPage(props: { ctx: PageContext; values: SearchValues; result: SearchResult; names: Names; activities: string[]; canManage: boolean }) {
  const { ctx, values, result, names } = props;
  const errors = result.errors;
  const first = new URLSearchParams(Object.entries(values).filter(([, v]) => v !== ''));
  const filters = new URLSearchParams(first);
  if (result.next) filters.set('efter', result.next);
  return (
    <Layout ctx={ctx} title="Deltagere" hasErrors={errors.length > 0}>
      <h1>Deltagere</h1>
      <p class="font-lead">
        Deltagerne i de aktiviteter, du arbejder med, og dem, du selv har registreret. Deltagere står under en pseudonym kode; hver visning af
        personoplysninger bliver logget.
      </p>
      {props.canManage ? (
        <p class="d-print-none helhed-actions">
          <a class="button button-primary" href="/deltagere/ny">
            Registrér deltager
          </a>{' '}
          <a class="button button-secondary" href="/deltagere/husstande/ny">
            Opret husstand
          </a>{' '}
          <a class="button button-secondary" href="/deltagere/import">
            Importér tilmeldinger
          </a>
        </p>
      ) : null}
      <ErrorSummary errors={errors} />
      <form method="get" action="/deltagere" role="search" class="d-print-none">
        <TextInput name="q" label="Kode eller kaldenavn" helptext="Begyndelsen af en kode (fx P-7K3) eller en del af et kaldenavn." value={values.q} errors={errors} optional width="l" />
        <TextInput name="foedselsaar" label="Fødselsår" helptext="Fx 2012." value={values.foedselsaar} errors={errors} optional width="xs" />
        <Select name="omraade" label="Boligområde" optional value={values.omraade} errors={errors} options={[{ value: '', label: 'Alle' }, ...[...names.areas].map(([value, label]) => ({ value, label }))]} />
        <Select name="aktivitet" label="Aktivitet" optional value={values.aktivitet} errors={errors} options={[{ value: '', label: 'Alle mine aktiviteter' }, ...props.activities.map((a) => ({ value: a, label: activityName(names, a) }))]} />
        <button type="submit" class="button button-primary">
          Søg
        </button>
      </form>
      <Table
        caption={result.rows.length === 0 ? 'Deltagere' : `Deltagere (${formatNumber(result.rows.length)} på siden, sorteret efter kode)`}
        headers={['Kode', 'Kaldenavn', 'Født', 'Boligområde', 'Aktuelle aktiviteter']}
        rowHeaders
        emptyText={errors.length > 0 ? 'Ret søgningen.' : 'Ingen deltagere passer til søgningen.'}
        rows={result.rows.map((r) => [
          <a href={`/deltagere/${r.code}`} class="helhed-mono">
            {r.code}
          </a>,
          r.nickname ?? '–',
          formatYearMonth(r.birthYearMonth),
          areaName(names, r.areaSlug),
          r.activities.length > 0 ? r.activities.map((a) => activityName(names, a)).join(', ') : '–',
        ])}
      />
      {result.next || result.search.after ? (
        <p class="d-print-none helhed-actions">
          {result.search.after ? <a href={`/deltagere${first.size > 0 ? `?${first.toString()}` : ''}`}>Første side</a> : null}
          {result.next && result.search.after ? ' · ' : null}
          {result.next ? <a href={`/deltagere?${filters.toString()}`}>Næste side</a> : null}
        </p>
      ) : null}
    </Layout>
  );
}

// Registering and changing ----------------------------------------------------------------------------------------

/** The registration form's values: what the service takes. */
export type ParticipantFormValues = ParticipantInput;

export function ParticipantFormPage(props: { ctx: PageContext; mode: 'create' | 'edit'; code?: string; values: ParticipantFormValues; names: Names; errors: FieldError[] }) {
  const { ctx, values, errors } = props;
  const title = props.mode === 'create' ? 'Registrér deltager' : `Ret deltager ${props.code}`;
  const action = props.mode === 'create' ? '/deltagere/ny' : `/deltagere/${props.code}/ret`;
  return (
    <Layout ctx={ctx} title={title} hasErrors={errors.length > 0}>
      <BackLink href={props.mode === 'create' ? '/deltagere' : `/deltagere/${props.code}`} text={props.mode === 'create' ? 'Deltagere' : `Deltager ${props.code}`} />
      <h1>{title}</h1>
      <ErrorSummary errors={errors} />
      <p>
        Deltageren får en pseudonym kode. Registrér kun det, aktiviteten har brug for. Adressen bruges til at finde boligområdet og gemmes kun, hvis du
        krydser af, at den er nødvendig.
      </p>
      <form method="post" action={action} novalidate>
        <CsrfField token={ctx.csrf} />
        <TextInput name="nickname" label="Kaldenavn eller initialer" optional value={values.nickname} errors={errors} width="m" />
        <TextInput
          name="birthYearMonth"
          label="Fødselsår og -måned"
          helptext="ÅÅÅÅ-MM, fx 2012-05. Kan udelades, når CPR-nummeret udfyldes."
          value={values.birthYearMonth}
          errors={errors}
          width="s"
          optional={props.mode === 'edit'}
        />
        <Select name="gender" label="Køn" optional value={values.gender} errors={errors} options={[{ value: '', label: 'Ikke oplyst' }, ...GENDERS.map((g) => ({ value: g, label: GENDER_LABELS[g] }))]} />
        <TextInput name="address" label="Adresse" helptext="Fx Husarvej 12. Bruges til at finde boligområdet." optional value={values.address} errors={errors} width="l" />
        <Checkboxes name="keepAddress" legend="Adressen" options={[{ value: '1', label: 'Adressen er nødvendig for aktiviteten og skal gemmes' }]} checked={values.keepAddress ? ['1'] : []} errors={errors} />
        <Select
          name="area"
          label="Boligområde, hvis adressen ikke oplyses"
          optional
          value={values.area}
          errors={errors}
          options={[{ value: '', label: props.mode === 'edit' ? 'Uændret' : 'Ikke oplyst' }, ...[...props.names.areas].map(([value, label]) => ({ value, label })), { value: 'udenfor', label: 'Uden for boligområderne' }]}
        />
        <TextInput name="institution" label="Dagtilbud eller institution" optional value={values.institution} errors={errors} width="l" />
        <TextInput name="school" label="Skole" optional value={values.school} errors={errors} width="l" />
        <TextInput name="contactPerson" label="Kontaktperson" helptext="Den medarbejder eller fagperson, der er deltagerens kontakt." optional value={values.contactPerson} errors={errors} width="l" />
        <TextInput
          name="cpr"
          label="CPR-nummer til at finde dubletter"
          helptext="Gemmes aldrig. Kun et nøglet hash gemmes, så samme person ikke registreres to gange."
          optional
          value={values.cpr}
          autocomplete="off"
          errors={errors}
          width="s"
        />
        {props.mode === 'create' ? <TextInput name="household" label="Husstand" helptext="Husstandens kode, fx H-7K3P9Q2M-X." optional value={values.household} errors={errors} width="m" /> : null}
        <button type="submit" class="button button-primary">
          {props.mode === 'create' ? 'Registrér' : 'Gem'}
        </button>
      </form>
    </Layout>
  );
}

// Detail ------------------------------------------------------------------------------------------------------------

function Findings({ findings }: { findings: readonly TargetGroupFinding[] }) {
  if (findings.length === 0) return <span>Passer</span>;
  const label = { block: 'Passer ikke', warn: 'Advarsel', info: 'Bekræft' } as const;
  return (
    <ul class="helhed-findings">
      {findings.map((f) => (
        <li>
          <strong>{label[f.severity]}:</strong> {f.message}
        </li>
      ))}
    </ul>
  );
}

function referralText(e: Enrolment, names: Names): string {
  if (e.referralKind === 'aktivitet' && e.referredFromActivity) return `Henvist fra ${activityName(names, e.referredFromActivity)}`;
  if (e.referralKind === 'partner') return `Henvist af ${e.referredBy ?? 'en partner'}`;
  if (e.referralKind === 'andet') return e.referredBy ? `Andet: ${e.referredBy}` : 'Andet';
  return 'Kom selv';
}

export function ParticipantPage(props: { ctx: PageContext; detail: ParticipantDetail; names: Names; canManage: boolean; householdErrors?: FieldError[]; householdValue?: string }) {
  const { ctx, detail, names, canManage } = props;
  const p = detail.participant;
  const code = p.code;
  const householdErrors = props.householdErrors ?? [];
  const enrolmentName = new Map(detail.enrolments.map((e) => [e.id, `${activityName(names, e.activity)} fra ${e.startDate}`]));
  return (
    <Layout ctx={ctx} title={`Deltager ${code}`} hasErrors={householdErrors.length > 0}>
      <BackLink href="/deltagere" text="Deltagere" />
      <p class="helhed-kicker">Deltager</p>
      <h1>
        <span class="helhed-mono">{code}</span>
        {p.nickname ? ` · ${p.nickname}` : ''}
      </h1>
      <ErrorSummary errors={householdErrors} />
      <Facts
        items={[
          { label: 'Født', value: formatYearMonth(p.birthYearMonth) },
          { label: 'Køn', value: genderLabel(p.gender) },
          { label: 'Boligområde', value: areaName(names, p.areaSlug) },
          { label: 'Adresse (gemt)', value: p.address },
          { label: 'Dagtilbud eller institution', value: p.institution },
          { label: 'Skole', value: p.school },
          { label: 'Kontaktperson', value: p.contactPerson },
          { label: 'CPR-match', value: p.cprMatched ? 'Ja (kun et nøglet hash er gemt)' : 'Nej' },
          { label: 'Registreret', value: <span>{p.createdBy}, <Timestamp iso={p.createdAt} /></span> },
        ]}
      />
      {canManage ? (
        <p class="d-print-none helhed-actions">
          {detail.enrolableActivities.length > 0 ? (
            <a class="button button-primary" href={`/deltagere/${code}/tilmeld`}>
              Tilmeld til en aktivitet
            </a>
          ) : null}{' '}
          <a class="button button-secondary" href={`/deltagere/${code}/samtykke`}>
            Registrér samtykke
          </a>{' '}
          <a class="button button-secondary" href={`/deltagere/${code}/ret`}>
            Ret oplysninger
          </a>
        </p>
      ) : null}
      <ul class="nobullet-list d-print-none">
        <li>
          <a href={`/udfald/deltager/${code}`}>Udfald over tid (fravær, sprogvurdering, beskæftigelse …)</a>
        </li>
        {ctx.principal && allows('users.manage', true, ctx.principal.roles) ? (
          <li>
            <a href={`/persondata/personer/${code}`}>Persondata: alt om personen, læsninger, eksport og sletning</a>
          </li>
        ) : null}
      </ul>

      <h2>Tilmeldinger</h2>
      <Table
        caption="Deltagerens tilmeldinger i de aktiviteter, du har adgang til"
        headers={['Aktivitet', 'Start', 'Slut', 'Status', 'Kom via', 'Målgruppe', ...(canManage ? ['Handling'] : [])]}
        rowHeaders
        emptyText="Deltageren er ikke tilmeldt nogen aktivitet, du har adgang til."
        rows={detail.enrolments.map((e) => [
          activityName(names, e.activity),
          <DateText iso={e.startDate} />,
          <DateText iso={e.endDate} />,
          statusLabel(e.status),
          referralText(e, names),
          <div>
            <Findings findings={e.findings} />
            {e.override ? (
              <p>
                <strong>Tilmeldt trods målgruppen</strong> af {e.override.by}, <Timestamp iso={e.override.at} />: {e.override.reason}
              </p>
            ) : null}
          </div>,
          ...(canManage
            ? [
                e.status === 'aktiv' || e.status === 'venteliste' ? (
                  <a href={`/deltagere/${code}/tilmeldinger/${e.id}/afslut`}>
                    Afslut<span class="sr-only"> tilmeldingen i {activityName(names, e.activity)}</span>
                  </a>
                ) : (
                  '–'
                ),
              ]
            : []),
        ])}
      />

      <h2>Samtykker</h2>
      <Table
        caption="Samtykker og retsgrundlag"
        headers={['Givet af', 'Dato', 'Til', 'Retsgrundlag', 'Gælder', 'Trukket tilbage']}
        emptyText="Der er ikke registreret samtykke."
        rows={detail.consents.map((c: Consent) => [
          `${CONSENT_GIVER_LABELS[c.givenBy as keyof typeof CONSENT_GIVER_LABELS] ?? c.givenBy}${c.givenByName ? `: ${c.givenByName}` : ''}`,
          <DateText iso={c.givenOn} />,
          c.purpose,
          legalBasisLabel(c.legalBasis),
          c.enrolmentId ? (enrolmentName.get(c.enrolmentId) ?? 'En tilmelding') : 'Deltagelsen generelt',
          c.withdrawnOn ? (
            <DateText iso={c.withdrawnOn} />
          ) : canManage ? (
            <a href={`/deltagere/${code}/samtykke/${c.id}/tilbagetraek`}>
              Registrér tilbagetrækning<span class="sr-only"> af samtykket fra {c.givenOn}</span>
            </a>
          ) : (
            'Nej'
          ),
        ])}
      />

      <h2>Husstand</h2>
      {detail.household ? (
        <>
          <p>
            Husstand <a href={`/deltagere/husstande/${detail.household.code}`} class="helhed-mono">{detail.household.code}</a>.
          </p>
          <MembersTable members={detail.household.members} names={names} caption="Andre medlemmer af husstanden, som du har adgang til" />
        </>
      ) : (
        <p>Deltageren er ikke knyttet til en husstand.</p>
      )}
      {canManage ? (
        <form method="post" action={`/deltagere/${code}/husstand`} novalidate class="d-print-none">
          <CsrfField token={ctx.csrf} />
          <TextInput
            name="household"
            label={detail.household ? 'Flyt til en anden husstand' : 'Knyt til en husstand'}
            helptext="Husstandens kode, fx H-7K3P9Q2M-X. Lad feltet stå tomt for at fjerne deltageren fra husstanden."
            optional
            value={props.householdValue ?? ''}
            errors={householdErrors}
            width="m"
          />
          <button type="submit" class="button button-secondary">
            Gem husstand
          </button>
        </form>
      ) : null}
    </Layout>
  );
}

function MembersTable({ members, names, caption }: { members: HouseholdMember[]; names: Names; caption: string }) {
  return (
    <Table
      caption={caption}
      headers={['Kode', 'Kaldenavn', 'Født', 'Boligområde']}
      rowHeaders
      emptyText="Ingen, du har adgang til."
      rows={members.map((m) => [
        <a href={`/deltagere/${m.code}`} class="helhed-mono">
          {m.code}
        </a>,
        m.nickname ?? '–',
        formatYearMonth(m.birthYearMonth),
        areaName(names, m.areaSlug),
      ])}
    />
  );
}

// Enrolling -----------------------------------------------------------------------------------------------------------

/** The enrolment form's values: what the rules take. */
export type EnrolmentFormValues = EnrolmentInput;

export function EnrolPage(props: { ctx: PageContext; code: string; values: EnrolmentFormValues; names: Names; activities: string[]; errors: FieldError[]; findings?: TargetGroupFinding[] }) {
  const { ctx, code, values, names, errors } = props;
  const blocked = props.findings?.some((f) => f.severity === 'block') ?? false;
  return (
    <Layout ctx={ctx} title={`Tilmeld ${code} til en aktivitet`} hasErrors={errors.length > 0}>
      <BackLink href={`/deltagere/${code}`} text={`Deltager ${code}`} />
      <h1>Tilmeld {code} til en aktivitet</h1>
      <ErrorSummary errors={errors} />
      {props.findings && props.findings.length > 0 ? (
        <Alert variant={blocked ? 'error' : 'warning'} heading={blocked ? 'Deltageren passer ikke til målgruppen' : 'Kontrollér målgruppen'} announce={false}>
          <Findings findings={props.findings} />
          {blocked ? <p>Skriv en begrundelse nederst, hvis deltageren alligevel skal tilmeldes. Begrundelsen gemmes med tilmeldingen.</p> : null}
        </Alert>
      ) : null}
      <p>Aktivitetens målgruppe kontrolleres på startdatoen: alder, boligområde, institution og skole.</p>
      <form method="post" action={`/deltagere/${code}/tilmeld`} novalidate>
        <CsrfField token={ctx.csrf} />
        <Select name="activity" label="Aktivitet" value={values.activity} errors={errors} options={[{ value: '', label: 'Vælg aktivitet' }, ...props.activities.map((a) => ({ value: a, label: activityName(names, a) }))]} />
        <TextInput name="startDate" label="Startdato" type="date" value={values.startDate} errors={errors} width="s" />
        <RadioGroup name="status" legend="Status" value={values.status} errors={errors} options={ENROLMENT_STATUSES.map((s) => ({ value: s, label: ENROLMENT_STATUS_LABELS[s] }))} />
        <TextInput name="endDate" label="Slutdato" helptext="Kun for en tilmelding, der er afsluttet eller afbrudt." type="date" optional value={values.endDate} errors={errors} width="s" />
        <RadioGroup
          name="referralKind"
          legend="Hvordan kom deltageren?"
          value={values.referralKind}
          errors={errors}
          options={REFERRAL_KINDS.map((k: ReferralKind) => ({ value: k, label: REFERRAL_LABELS[k] }))}
        />
        <Select
          name="referredFromActivity"
          label="Henvist fra aktiviteten"
          optional
          value={values.referredFromActivity}
          errors={errors}
          options={[{ value: '', label: 'Ingen' }, ...[...names.activities].map(([value, label]) => ({ value, label }))]}
        />
        <TextInput name="referredBy" label="Henvist af (partner) eller andet" helptext="Fx Nørrevangsskolen, PPR eller Jobcentret." optional value={values.referredBy} errors={errors} width="l" />
        <Textarea
          name="overrideReason"
          label="Begrundelse, hvis deltageren ikke passer til målgruppen"
          helptext="Kun når kontrollen af målgruppen siger, at deltageren ikke passer. Begrundelsen gemmes og kan ses af andre."
          optional
          rows={3}
          value={values.overrideReason}
          errors={errors}
        />
        <button type="submit" class="button button-primary">
          Tilmeld
        </button>
      </form>
    </Layout>
  );
}

export function EndEnrolmentPage(props: { ctx: PageContext; code: string; enrolment: Enrolment; names: Names; values: { endDate: string; status: string }; errors: FieldError[] }) {
  const { ctx, code, enrolment, names, values, errors } = props;
  const title = `Afslut tilmeldingen i ${activityName(names, enrolment.activity)}`;
  return (
    <Layout ctx={ctx} title={`${title} for ${code}`} hasErrors={errors.length > 0}>
      <BackLink href={`/deltagere/${code}`} text={`Deltager ${code}`} />
      <h1>{title}</h1>
      <ErrorSummary errors={errors} />
      <p>
        Deltager {code} har været tilmeldt siden <DateText iso={enrolment.startDate} />.
      </p>
      <form method="post" action={`/deltagere/${code}/tilmeldinger/${enrolment.id}/afslut`} novalidate>
        <CsrfField token={ctx.csrf} />
        <TextInput name="endDate" label="Slutdato" type="date" value={values.endDate} errors={errors} width="s" />
        <RadioGroup
          name="status"
          legend="Hvordan sluttede tilmeldingen?"
          value={values.status}
          errors={errors}
          options={[
            { value: 'afsluttet', label: 'Afsluttet som planlagt' },
            { value: 'afbrudt', label: 'Afbrudt' },
          ]}
        />
        <button type="submit" class="button button-primary">
          Afslut tilmeldingen
        </button>
      </form>
    </Layout>
  );
}

// Consent -------------------------------------------------------------------------------------------------------------

export interface ConsentFormValues {
  givenBy: string;
  givenByName: string;
  givenOn: string;
  purpose: string;
  legalBasis: string;
  enrolmentId: string;
}

export function ConsentPage(props: { ctx: PageContext; code: string; values: ConsentFormValues; enrolments: { id: string; label: string }[]; errors: FieldError[] }) {
  const { ctx, code, values, errors } = props;
  return (
    <Layout ctx={ctx} title={`Registrér samtykke for ${code}`} hasErrors={errors.length > 0}>
      <BackLink href={`/deltagere/${code}`} text={`Deltager ${code}`} />
      <h1>Registrér samtykke for {code}</h1>
      <ErrorSummary errors={errors} />
      <p>Er deltageren under 13 år på datoen for samtykket, skal det gives af en forælder eller værge.</p>
      <form method="post" action={`/deltagere/${code}/samtykke`} novalidate>
        <CsrfField token={ctx.csrf} />
        <RadioGroup name="givenBy" legend="Hvem gav samtykket?" value={values.givenBy} errors={errors} options={CONSENT_GIVERS.map((g) => ({ value: g, label: CONSENT_GIVER_LABELS[g] }))} />
        <TextInput name="givenByName" label="Navn på forælder eller værge" optional value={values.givenByName} errors={errors} width="l" />
        <TextInput name="givenOn" label="Dato for samtykket" type="date" value={values.givenOn} errors={errors} width="s" />
        <Textarea name="purpose" label="Hvad er der givet samtykke til?" helptext="Fx deltagelse i Trivsel i skolen og kontakt med skolen." rows={3} value={values.purpose} errors={errors} />
        <Select name="legalBasis" label="Retsgrundlag" value={values.legalBasis} errors={errors} options={[{ value: '', label: 'Vælg retsgrundlag' }, ...LEGAL_BASES.map((b) => ({ value: b.code, label: b.label }))]} />
        <Select name="enrolmentId" label="Gælder" optional value={values.enrolmentId} errors={errors} options={[{ value: '', label: 'Deltagelsen generelt' }, ...props.enrolments.map((e) => ({ value: e.id, label: e.label }))]} />
        <button type="submit" class="button button-primary">
          Registrér samtykke
        </button>
      </form>
    </Layout>
  );
}

export function WithdrawConsentPage(props: { ctx: PageContext; code: string; consent: Consent; value: string; errors: FieldError[] }) {
  const { ctx, code, consent, errors } = props;
  return (
    <Layout ctx={ctx} title={`Tilbagetrækning af samtykke for ${code}`} hasErrors={errors.length > 0}>
      <BackLink href={`/deltagere/${code}`} text={`Deltager ${code}`} />
      <h1>Tilbagetrækning af samtykke</h1>
      <ErrorSummary errors={errors} />
      <p>
        Samtykket fra <DateText iso={consent.givenOn} /> til: {consent.purpose}
      </p>
      <form method="post" action={`/deltagere/${code}/samtykke/${consent.id}/tilbagetraek`} novalidate>
        <CsrfField token={ctx.csrf} />
        <TextInput name="withdrawnOn" label="Dato for tilbagetrækningen" type="date" value={props.value} errors={errors} width="s" />
        <button type="submit" class="button button-primary">
          Registrér tilbagetrækning
        </button>
      </form>
    </Layout>
  );
}

// Households ----------------------------------------------------------------------------------------------------------

export function NewHouseholdPage(props: { ctx: PageContext; names: Names; area: string; errors: FieldError[]; mine: { code: string; area: string | null; createdAt: string }[] }) {
  const { ctx, names, errors } = props;
  return (
    <Layout ctx={ctx} title="Opret husstand" hasErrors={errors.length > 0}>
      <BackLink href="/deltagere" text="Deltagere" />
      <h1>Opret husstand</h1>
      <ErrorSummary errors={errors} />
      <p>En husstand samler en families medlemmer på tværs af aktiviteter. Den får en kode, som medlemmerne knyttes til.</p>
      <form method="post" action="/deltagere/husstande/ny" novalidate>
        <CsrfField token={ctx.csrf} />
        <Select name="area" label="Boligområde" optional value={props.area} errors={errors} options={[{ value: '', label: 'Ikke oplyst' }, ...[...names.areas].map(([value, label]) => ({ value, label }))]} />
        <button type="submit" class="button button-primary">
          Opret husstand
        </button>
      </form>
      <h2>Husstande, du har oprettet</h2>
      <Table
        caption="Husstande, du har oprettet, nyeste først"
        headers={['Kode', 'Boligområde', 'Oprettet']}
        rowHeaders
        emptyText="Du har ikke oprettet nogen husstande."
        rows={props.mine.map((h) => [
          <a href={`/deltagere/husstande/${h.code}`} class="helhed-mono">
            {h.code}
          </a>,
          areaName(names, h.area),
          <Timestamp iso={h.createdAt} />,
        ])}
      />
    </Layout>
  );
}

export function HouseholdPage(props: { ctx: PageContext; code: string; area: string | null; members: HouseholdMember[]; names: Names; canManage: boolean }) {
  const { ctx, code, names } = props;
  return (
    <Layout ctx={ctx} title={`Husstand ${code}`}>
      <BackLink href="/deltagere" text="Deltagere" />
      <p class="helhed-kicker">Husstand</p>
      <h1 class="helhed-mono">{code}</h1>
      <Facts items={[{ label: 'Boligområde', value: areaName(names, props.area) }]} />
      {props.canManage ? (
        <p class="d-print-none">
          <a class="button button-primary" href={`/deltagere/ny?husstand=${encodeURIComponent(code)}`}>
            Registrér et medlem af husstanden
          </a>
        </p>
      ) : null}
      <MembersTable members={props.members} names={names} caption="Husstandens medlemmer, som du har adgang til" />
    </Layout>
  );
}

// Import --------------------------------------------------------------------------------------------------------------

const IMPORT_STATUS_LABELS: Record<string, string> = { imported: 'Importeret', rejected: 'Afvist (fejl i filen)' };

export function EnrolmentImportPage(props: { ctx: PageContext; imports: ParticipantImportRow[]; errors: FieldError[]; maxMegabytes: number }) {
  const { ctx, errors } = props;
  return (
    <Layout ctx={ctx} title="Importér tilmeldinger" hasErrors={errors.length > 0}>
      <BackLink href="/deltagere" text="Deltagere" />
      <h1>Importér tilmeldinger</h1>
      <ErrorSummary errors={errors} />
      <p class="font-lead">
        Indlæs et regneark (CSV eller XLSX) med deltagernes tilmeldinger til aktiviteter. Alle fejl i filen vises på én gang med række og kolonne, og intet
        gemmes, før hele filen er i orden. En tilmelding, der allerede er registreret (samme deltager, aktivitet og startdato), tilføjes ikke igen.
      </p>
      <SpreadsheetUploadForm action="/deltagere/import" csrf={ctx.csrf} maxMegabytes={props.maxMegabytes} errors={errors} />
      <h2>Skabelon og kolonner</h2>
      <p>
        Hent skabelonen som <a href="/deltagere/import/skabelon.xlsx">Excel (XLSX)</a> eller <a href="/deltagere/import/skabelon.csv">CSV</a>.
      </p>
      <Table
        caption="Kolonner i filen"
        headers={['Kolonne', 'Skal udfyldes', 'Indhold']}
        rowHeaders
        rows={ENROLMENT_COLUMNS.map((c) => [c.key, c.required ? 'Ja' : 'Nej', c.guide])}
      />
      <h2>Dine seneste importer</h2>
      <Table
        caption="Dine seneste importer af tilmeldinger"
        headers={['Fil', 'Status', 'Nye tilmeldinger', 'Uændrede', 'Fejl', 'Tidspunkt']}
        numeric={[2, 3, 4]}
        emptyText="Du har ikke importeret tilmeldinger endnu."
        rows={props.imports.map((i) => [
          <a href={`/deltagere/import/${i.id}`}>{i.file_name}</a>,
          IMPORT_STATUS_LABELS[i.status] ?? i.status,
          formatNumber(i.rows_imported),
          formatNumber(i.rows_unchanged),
          formatNumber(i.problem_count),
          <Timestamp iso={i.created_at} />,
        ])}
      />
    </Layout>
  );
}

export function EnrolmentImportResultPage(props: { ctx: PageContext; row: ParticipantImportRow; problems: RowProblem[] }) {
  const { ctx, row, problems } = props;
  const rejected = row.status === 'rejected';
  return (
    <Layout ctx={ctx} title={`Import af ${row.file_name}`} hasErrors={rejected}>
      <BackLink href="/deltagere/import" text="Importér tilmeldinger" />
      <h1>Import af {row.file_name}</h1>
      {rejected ? (
        <div class="alert alert-error" role="alert">
          <div class="alert-body">
            <h2 class="alert-heading">Filen blev ikke importeret</h2>
            <p class="alert-text">
              Der er {formatNumber(row.problem_count)} fejl i filen, og intet er gemt. Ret fejlene i regnearket og importér hele filen igen.
              {row.problem_count > problems.length ? ` De første ${formatNumber(problems.length)} vises herunder.` : ''}
            </p>
          </div>
        </div>
      ) : (
        <Alert variant="success" heading="Filen er importeret" announce={false}>
          <p>
            {formatNumber(row.rows_imported)} nye tilmeldinger og {formatNumber(row.rows_unchanged)} uændrede.
          </p>
        </Alert>
      )}
      <ImportProblems problems={problems} />
      <Facts
        items={[
          { label: 'Rækker læst', value: formatNumber(row.rows_read) },
          { label: 'Importeret af', value: row.created_by_label },
          { label: 'Tidspunkt', value: <Timestamp iso={row.created_at} /> },
        ]}
      />
    </Layout>
  );
}
