import type { ComponentChildren } from 'preact';
import { Alert, Checkboxes, CsrfField, DateText, ErrorSummary, Facts, Select, Table, Textarea, TextInput, Timestamp, formatNumber, Pager } from '../web/components.js';
import { Layout, type PageContext } from '../web/layout.js';
import type { FieldError } from '../errors/errors.js';
import { AUDIT_ACTION_LABELS } from '../audit/audit.service.js';
import type { AccessOverview, PersonExport, ReadLogPage, RetentionStatus } from './privacy.service.js';
import { READ_KIND_LABELS } from './privacy.service.js';
import type { GrantRow } from './privacy.repository.js';

const BackToPrivacy = () => (
  <p class="d-print-none">
    <a class="back-link" href="/persondata">
      Tilbage til persondata
    </a>
  </p>
);

export function PrivacyHomePage({ ctx }: { ctx: PageContext }) {
  const parts: [string, string, string][] = [
    ['/persondata/adgang', 'Adgang til aktiviteter', 'Hvilke aktiviteter hver partnerorganisation og hver medarbejder i sekretariatet arbejder i, og dermed hvilke deltagere de ser.'],
    ['/persondata/laesninger', 'Læseloggen', 'Hver læsning af persondata: hvem, hvornår og hvad, filtreret på deltager, bruger, art og dato.'],
    ['/persondata/personer', 'Én persons data', 'Se og eksportér alt, Helhed har om én person, eller slet personens data.'],
    ['/persondata/opbevaring', 'Opbevaring og sletning', 'Hvornår opbevaringsjobbet sidst kørte, hvad det slettede, og hvem der står for tur.'],
  ];
  return (
    <Layout ctx={ctx} title="Persondata">
      <h1>Persondata</h1>
      <p>
        Helhed behandler oplysninger om børn, familier, skolefravær og beskæftigelse. Her styrer du, hvem der ser hvilke deltagere, følger med i,
        hvem der har læst hvad, og udleverer eller sletter én persons data.
      </p>
      <ul class="nobullet-list">
        {parts.map(([href, title, text]) => (
          <li class="mb-5">
            <h2 class="h3">
              <a href={href}>{title}</a>
            </h2>
            <p>{text}</p>
          </li>
        ))}
      </ul>
    </Layout>
  );
}

// ---- access

export interface GrantFormValues {
  hvem: string;
  aktivitet: string;
}

function GrantList(props: { grants: GrantRow[]; names: Map<string, string>; whoLabel: string; csrf: string }) {
  if (props.grants.length === 0) return <span>Ingen</span>;
  return (
    <ul class="nobullet-list">
      {props.grants.map((g) => (
        <li class="mb-2">
          {props.names.get(g.activity_slug) ?? g.activity_slug}{' '}
          <form method="post" action={`/persondata/adgang/${g.id}/fjern`} class="inline-form">
            <CsrfField token={props.csrf} />
            <button type="submit" class="button button-tertiary">
              Fjern<span class="sr-only"> adgangen til {props.names.get(g.activity_slug) ?? g.activity_slug} for {props.whoLabel}</span>
            </button>
          </form>
        </li>
      ))}
    </ul>
  );
}

export function AccessPage(props: { ctx: PageContext; overview: AccessOverview; values: GrantFormValues; errors: FieldError[] }) {
  const { overview, ctx } = props;
  const names = new Map(overview.activities.map((a) => [a.slug, a.name]));
  const whoOptions = [
    { value: '', label: 'Vælg …' },
    ...overview.organisations.map((o) => ({ value: `organisation:${o.id}`, label: `Partner: ${o.name}` })),
    ...overview.secretariat.map((u) => ({ value: `user:${u.id}`, label: `Sekretariat: ${u.name} (${u.email})` })),
  ];
  return (
    <Layout ctx={ctx} title="Adgang til aktiviteter" hasErrors={props.errors.length > 0}>
      <BackToPrivacy />
      <h1>Adgang til aktiviteter</h1>
      <p>
        En partner ser kun deltagerne i de aktiviteter, dens organisation arbejder i, og en medarbejder i sekretariatet kun deltagerne i sine egne
        aktiviteter. Administratorer ser alle. Hver ændring står i revisionssporet.
      </p>
      {ctx.flash ? <Alert variant="success">{ctx.flash}</Alert> : null}
      <ErrorSummary errors={props.errors} />
      <h2>Giv adgang</h2>
      <form method="post" action="/persondata/adgang" class="d-print-none">
        <CsrfField token={ctx.csrf} />
        <Select name="hvem" label="Hvem" options={whoOptions} value={props.values.hvem} errors={props.errors} />
        <Select
          name="aktivitet"
          label="Aktivitet"
          options={[{ value: '', label: 'Vælg …' }, ...overview.activities.map((a) => ({ value: a.slug, label: a.name }))]}
          value={props.values.aktivitet}
          errors={props.errors}
        />
        <button type="submit" class="button button-primary">
          Giv adgang
        </button>
      </form>
      <h2>Partnerorganisationer</h2>
      <Table
        caption="Partnerorganisationernes aktiviteter"
        headers={['Organisation', 'Arbejder i', 'Planen nævner organisationen i']}
        rowHeaders
        emptyText="Planen har ingen partnerorganisationer endnu; de oprettes med deres første bruger."
        rows={overview.organisations.map((o) => {
          const granted = new Set(o.grants.map((g) => g.activity_slug));
          const hints = o.planHints.filter((slug) => !granted.has(slug));
          return [
            o.name,
            <GrantList grants={o.grants} names={names} whoLabel={o.name} csrf={ctx.csrf} />,
            hints.length === 0 ? (
              <span>–</span>
            ) : (
              <ul class="nobullet-list">
                {hints.map((slug) => (
                  <li class="mb-2">
                    {names.get(slug) ?? slug}{' '}
                    <form method="post" action="/persondata/adgang" class="inline-form">
                      <CsrfField token={ctx.csrf} />
                      <input type="hidden" name="hvem" value={`organisation:${o.id}`} />
                      <input type="hidden" name="aktivitet" value={slug} />
                      <button type="submit" class="button button-tertiary">
                        Giv adgang<span class="sr-only"> til {names.get(slug) ?? slug} for {o.name}</span>
                      </button>
                    </form>
                  </li>
                ))}
              </ul>
            ),
          ];
        })}
      />
      <h2>Medarbejdere i sekretariatet</h2>
      <Table
        caption="Sekretariatsmedarbejdernes aktiviteter"
        headers={['Medarbejder', 'Arbejder i']}
        rowHeaders
        emptyText="Ingen brugere har rollen sekretariat i planen."
        rows={overview.secretariat.map((u) => [`${u.name} (${u.email})`, <GrantList grants={u.grants} names={names} whoLabel={u.name} csrf={ctx.csrf} />])}
      />
    </Layout>
  );
}

// ---- the read log

export interface ReadFilterValues {
  deltager: string;
  bruger: string;
  hvad: string;
  fra: string;
  til: string;
}

export function ReadLogView(props: { ctx: PageContext; page: ReadLogPage; filters: ReadFilterValues; pageNumber: number; pageSize: number }) {
  const { filters, page } = props;
  const pages = Math.max(1, Math.ceil(page.total / props.pageSize));
  const link = (n: number) => {
    const params = new URLSearchParams(Object.entries(filters).filter(([, v]) => v !== ''));
    params.set('side', String(n));
    return `/persondata/laesninger?${params.toString()}`;
  };
  return (
    <Layout ctx={props.ctx} title="Læseloggen" hasErrors={page.errors.length > 0}>
      <BackToPrivacy />
      <h1>Læseloggen</h1>
      <p>Hver gang nogen læser persondata i Helhed (en side, en søgning, API'et, en eksport), står det her: hvem, hvornår og hvad.</p>
      <ErrorSummary errors={page.errors} />
      <form method="get" action="/persondata/laesninger" class="helhed-filter d-print-none" role="search" aria-label="Filtrér læseloggen">
        <TextInput name="deltager" label="Deltagerkode" optional value={filters.deltager} errors={page.errors} width="m" />
        <Select
          name="bruger"
          label="Bruger"
          optional
          value={filters.bruger}
          options={[{ value: '', label: 'Alle' }, ...page.users.map((u) => ({ value: u.id, label: `${u.name} (${u.email})` }))]}
        />
        <Select name="hvad" label="Hvad" optional value={filters.hvad} options={[{ value: '', label: 'Alt' }, ...page.kinds.map((k) => ({ value: k, label: READ_KIND_LABELS[k] ?? k }))]} />
        <TextInput name="fra" label="Fra dato" type="date" optional value={filters.fra} errors={page.errors} />
        <TextInput name="til" label="Til og med dato" type="date" optional value={filters.til} errors={page.errors} />
        <div class="form-group">
          <button type="submit" class="button button-secondary">
            Filtrér
          </button>
        </div>
      </form>
      <p role="status">
        {page.capped ? 'Mere end ' : ''}
        {formatNumber(page.total)} {page.total === 1 ? 'læsning' : 'læsninger'}
        {pages > 1 ? `, side ${props.pageNumber} af ${pages}` : ''}
      </p>
      <ReadsTable entries={page.entries} caption="Læsninger, nyeste først" />
      <Pager page={props.pageNumber} pages={pages} href={link} />
    </Layout>
  );
}

function ReadsTable(props: {
  entries: { id: string; at: string; actor_label: string; what: string; participant_count: number; detail: string | null; participant_code?: string | null }[];
  caption: string;
  withPerson?: boolean;
}) {
  const withPerson = props.withPerson ?? true;
  return (
    <Table
      caption={props.caption}
      headers={['Tidspunkt', 'Hvem', 'Hvad', ...(withPerson ? ['Deltager'] : []), 'Antal personer', 'Detalje']}
      numeric={[withPerson ? 4 : 3]}
      emptyText="Ingen læsninger."
      rows={props.entries.map((r) => [
        <Timestamp iso={r.at} />,
        r.actor_label,
        READ_KIND_LABELS[r.what] ?? r.what,
        ...(withPerson ? [r.participant_code ?? '–'] : []),
        formatNumber(Number(r.participant_count)),
        r.detail ?? '–',
      ])}
    />
  );
}

// ---- one person

export function PersonLookupPage(props: { ctx: PageContext; value: string; errors: FieldError[] }) {
  return (
    <Layout ctx={props.ctx} title="Én persons data" hasErrors={props.errors.length > 0}>
      <BackToPrivacy />
      <h1>Én persons data</h1>
      <p>
        Skriv personens deltagerkode for at se alt, Helhed har om personen, hente det som JSON eller slette det. At se og hente registreres i
        revisionssporet og læseloggen.
      </p>
      {props.ctx.flash ? <Alert variant="success">{props.ctx.flash}</Alert> : null}
      <ErrorSummary errors={props.errors} />
      <form method="get" action="/persondata/personer" role="search">
        <TextInput name="kode" label="Deltagerkode" helptext="Fx P-7K3P9Q2M-X" value={props.value} errors={props.errors} width="m" />
        <button type="submit" class="button button-primary">
          Vis personens data
        </button>
      </form>
    </Layout>
  );
}

const text = (value: string | null | undefined): string => (value === null || value === undefined || value === '' ? '–' : value);

function Section(props: { title: string; count: number; children: ComponentChildren }) {
  return (
    <section>
      <h2>
        {props.title} <span class="weight-normal">({formatNumber(props.count)})</span>
      </h2>
      {props.children}
    </section>
  );
}

export function PersonPage({ ctx, data }: { ctx: PageContext; data: PersonExport }) {
  const p = data.participant;
  const name = (slug: string) => data.activityNames[slug] ?? slug;
  const courseName = new Map(data.courses.map((c) => [c.id, `${c.name} (${c.code})`]));
  const code = encodeURIComponent(p.code);
  return (
    <Layout ctx={ctx} title={`Persondata om ${p.code}`}>
      <p class="d-print-none">
        <a class="back-link" href="/persondata/personer">
          Tilbage til opslag
        </a>
      </p>
      <h1>Persondata om {p.code}</h1>
      <p>
        Alt, Helhed har om personen, hentet <Timestamp iso={data.exportedAt} />. Visningen er registreret i revisionssporet og læseloggen.
      </p>
      <ul class="nobullet-list d-print-none">
        <li class="mb-3">
          <a href={`/api/v1/privacy/persons/${code}/export`} download={`persondata-${p.code}.json`}>
            Hent alle data som JSON
          </a>
        </li>
        <li>
          <a href={`/persondata/personer/${code}/slet`}>Slet personens data</a>
        </li>
      </ul>
      <h2>Deltageren</h2>
      <Facts
        items={[
          { label: 'Kode', value: p.code },
          { label: 'Kaldenavn', value: text(p.nickname) },
          { label: 'Fødselsår og -måned', value: text(p.birth_year_month) },
          { label: 'Køn', value: text(p.gender) },
          { label: 'Boligområde', value: text(p.area_slug) },
          { label: 'Adresse', value: text(p.address) },
          { label: 'Institution', value: text(p.institution) },
          { label: 'Skole', value: text(p.school) },
          { label: 'Kontaktperson', value: text(p.contact_person) },
          { label: 'CPR-nummer', value: p.cpr_hash ? 'Gemt som nøglet hash (ikke i klar tekst)' : 'Ikke gemt' },
          { label: 'Registreret', value: <Timestamp iso={p.created_at} /> },
          { label: 'Registreret af', value: p.created_by_label },
          { label: 'Senest ændret', value: <Timestamp iso={p.updated_at} /> },
          { label: 'Husstand', value: data.household ? `${data.household.code} (${text(data.household.area_slug)})` : 'Ingen' },
        ]}
      />
      <Section title="Samtykker" count={data.consents.length}>
        <Table
          caption="Samtykker"
          headers={['Givet', 'Af', 'Navn', 'Formål', 'Retsgrundlag', 'Trukket tilbage']}
          emptyText="Ingen samtykker."
          rows={data.consents.map((c) => [<DateText iso={c.given_on} />, c.given_by, text(c.given_by_name), c.purpose, c.legal_basis, <DateText iso={c.withdrawn_on} />])}
        />
      </Section>
      <Section title="Tilmeldinger" count={data.enrolments.length}>
        <Table
          caption="Tilmeldinger til aktiviteter"
          headers={['Aktivitet', 'Start', 'Slut', 'Status', 'Kom via', 'Forløb']}
          emptyText="Ingen tilmeldinger."
          rows={data.enrolments.map((e) => [
            name(e.activity_slug),
            <DateText iso={e.start_date} />,
            <DateText iso={e.end_date} />,
            e.status,
            e.referred_from_activity ? `${e.referral_kind}: ${name(e.referred_from_activity)}` : e.referral_kind,
            e.course_id ? (courseName.get(e.course_id) ?? '–') : '–',
          ])}
        />
      </Section>
      <Section title="Fremmøde" count={data.attendance.length}>
        <Table
          caption="Fremmøde pr. mødegang"
          headers={['Dato', 'Forløb', 'Mødegang', 'Status']}
          numeric={[2]}
          emptyText="Intet fremmøde registreret."
          rows={data.attendance.map((a) => [<DateText iso={a.held_on} />, courseName.get(a.course_id) ?? '–', String(a.session_number), a.status])}
        />
      </Section>
      <Section title="Udfaldsmålinger" count={data.outcomes.length}>
        <Table
          caption="Udfaldsmålinger"
          headers={['Mål', 'Periode', 'Værdi', 'Kilde']}
          emptyText="Ingen målinger."
          rows={data.outcomes.map((o) => [o.measure, o.period_label, o.value !== null ? formatNumber(o.value) : text(o.value_text), o.source])}
        />
      </Section>
      <Section title="Læsninger af personens data" count={data.reads.length}>
        <ReadsTable entries={data.reads} caption="Læsninger, nyeste først" withPerson={false} />
      </Section>
      <Section title="Ændringer i revisionssporet" count={data.audit.length}>
        <Table
          caption="Revisionssporets poster om personen"
          headers={['Tidspunkt', 'Hvem', 'Handling', 'Beskrivelse']}
          emptyText="Ingen poster."
          rows={data.audit.map((a) => [<Timestamp iso={a.at} />, a.actor_label, AUDIT_ACTION_LABELS[a.action] ?? a.action, a.summary])}
        />
      </Section>
    </Layout>
  );
}

export interface EraseFormValues {
  begrundelse: string;
  bekraeft: boolean;
}

export function ErasePage(props: { ctx: PageContext; code: string; erasedAt: string | null; values: EraseFormValues; errors: FieldError[] }) {
  const { code } = props;
  if (props.erasedAt) {
    return (
      <Layout ctx={props.ctx} title={`Persondata om ${code} er slettet`}>
        <p class="d-print-none">
          <a class="back-link" href="/persondata/personer">
            Tilbage til opslag
          </a>
        </p>
        <h1>Persondata om {code} er slettet</h1>
        {props.ctx.flash ? <Alert variant="success">{props.ctx.flash}</Alert> : null}
        <p>
          Personens data blev slettet <Timestamp iso={props.erasedAt} />. Tilmeldinger og fremmøde tælles fortsat med i aktiviteternes resultater, men
          uden forbindelse til personen.
        </p>
      </Layout>
    );
  }
  return (
    <Layout ctx={props.ctx} title={`Slet persondata om ${code}`} hasErrors={props.errors.length > 0}>
      <p class="d-print-none">
        <a class="back-link" href={`/persondata/personer/${encodeURIComponent(code)}`}>
          Tilbage til personens data
        </a>
      </p>
      <h1>Slet persondata om {code}</h1>
      <ErrorSummary errors={props.errors} />
      <Alert variant="warning" heading="Sletningen kan ikke fortrydes" announce={false}>
        <p>Når du sletter, sker dette på én gang:</p>
        <ul>
          <li>Deltageren slettes: kode, kaldenavn, fødselsmåned, køn, adresse, institution, skole, kontaktperson, CPR-hash og husstand.</li>
          <li>Samtykker og udfaldsmålinger slettes.</li>
          <li>
            Tilmeldinger og fremmøde bevares til aktiviteternes optællinger, men flyttes til en anonym stedfortræder uden forbindelse til personen, og
            fritekst om personen fjernes fra dem.
          </li>
          <li>Læseloggen og revisionssporet bevares, som de er. Sletningen og begrundelsen skrives i revisionssporet.</li>
        </ul>
      </Alert>
      <form method="post" action={`/persondata/personer/${encodeURIComponent(code)}/slet`}>
        <CsrfField token={props.ctx.csrf} />
        <Textarea name="begrundelse" label="Begrundelse" helptext="Fx «Anmodning om sletning fra forælder, modtaget 12.3.2026»." value={props.values.begrundelse} errors={props.errors} rows={3} />
        <Checkboxes
          name="bekraeft"
          legend="Bekræftelse"
          options={[{ value: 'ja', label: `Jeg bekræfter, at persondata om ${code} skal slettes` }]}
          checked={props.values.bekraeft ? ['ja'] : []}
          errors={props.errors}
        />
        <button type="submit" class="button button-primary">
          Slet personens data
        </button>
      </form>
    </Layout>
  );
}

// ---- retention

const RUN_FIGURES: [keyof NonNullable<RetentionStatus['runs'][number]['run']>, string][] = [
  ['erased', 'Deltagere slettet'],
  ['enrolmentsKept', 'Tilmeldinger bevaret anonymt'],
  ['attendanceKept', 'Fremmøderegistreringer bevaret anonymt'],
  ['consentsDeleted', 'Samtykker slettet'],
  ['outcomesDeleted', 'Udfaldsmålinger slettet'],
  ['householdsDeleted', 'Husstande slettet'],
];

export function RetentionPage({ ctx, status }: { ctx: PageContext; status: RetentionStatus }) {
  const last = status.runs[0];
  return (
    <Layout ctx={ctx} title="Opbevaring og sletning">
      <BackToPrivacy />
      <h1>Opbevaring og sletning</h1>
      {ctx.flash ? <Alert variant="success">{ctx.flash}</Alert> : null}
      <p>
        Persondata om en deltager slettes {status.months} måneder efter, at deltagerens sidste tilmelding sluttede, og persondata om en deltager,
        der aldrig blev tilmeldt en aktivitet, {status.months} måneder efter registreringen. Opbevaringsjobbet kører hver dag i serveren og kan også køres fra
        kommandolinjen med <code>npm run helhed -- retention</code>. Sletningen sker på samme måde som når en administrator sletter én person.
      </p>
      <h2>Står for tur</h2>
      <Facts
        items={[
          { label: 'Frist i dag', value: <>tilmeldinger, der sluttede før <DateText iso={status.cutoff} /></> },
          {
            label: 'Forfaldne nu',
            value: (
              <>
                {formatNumber(status.dueNow)} {status.dueNow === 1 ? 'deltager' : 'deltagere'} (opgjort <Timestamp iso={status.countedAt} />)
              </>
            ),
          },
          {
            label: 'Forfalder inden for 30 dage',
            value: status.dueSoon.count === 0 ? 'Ingen' : <>{formatNumber(status.dueSoon.count)}, den første <DateText iso={status.dueSoon.firstOn} /></>,
          },
          { label: 'Næste planlagte kørsel', value: status.nextRunAt ? <Timestamp iso={status.nextRunAt} /> : 'Kører ikke i denne proces' },
        ]}
      />
      <form method="post" action="/persondata/opbevaring/koer" class="d-print-none">
        <CsrfField token={ctx.csrf} />
        <button type="submit" class="button button-secondary">
          Kør opbevaringsjobbet nu
        </button>
      </form>
      <h2>Seneste kørsel</h2>
      {last ? (
        <>
          <p>
            <Timestamp iso={last.at} /> ({last.actor}): {last.summary}.
          </p>
          {last.run ? <Facts items={RUN_FIGURES.map(([key, label]) => ({ label, value: formatNumber(Number(last.run![key])) }))} /> : null}
        </>
      ) : (
        <p>Opbevaringsjobbet har ikke kørt endnu.</p>
      )}
      <Table
        caption="De seneste kørsler"
        headers={['Tidspunkt', 'Hvem', 'Frist', 'Deltagere slettet']}
        numeric={[3]}
        emptyText="Ingen kørsler endnu."
        rows={status.runs.map((r) => [<Timestamp iso={r.at} />, r.actor, r.run ? <DateText iso={r.run.cutoff} /> : '–', r.run ? formatNumber(r.run.erased) : '–'])}
      />
      <p class="d-print-none">
        Alle kørsler står i <a href="/revisionsspor?type=retention">revisionssporet</a>.
      </p>
    </Layout>
  );
}
