import type { FieldError } from '../errors/errors.js';
import { Alert, Badge, DataRemarks, DateText, ErrorSummary, Facts, Paragraphs, SearchForm, Table, type Remark } from '../web/components.js';
import { Layout, type PageContext } from '../web/layout.js';
import type { Activity, AreaContent, Body, ChangeRule, CrisisRole, DataRemark, Indicator } from './content/types.js';
import type { GoalData, InterventionAreaData, StrategicAgreementData, SubGoalData } from './plan-snapshot.js';
import type { SearchEntry, SearchHit } from './search.js';

/** The plan as one tree, for the overview page: the same parts as the API's /api/v1/plan. */
export interface PlanOverview {
  plan: { name: string; periodStart: string; periodEnd: string };
  strategicAgreement: (StrategicAgreementData & { remarks?: DataRemark[]; goals: (GoalData & { indicators: Indicator[] })[] }) | null;
  interventionAreas: (InterventionAreaData & { subGoals: (SubGoalData & { indicators: Indicator[] })[]; activities: Activity[] })[];
  areas: AreaContent[];
}

function Period({ start, end }: { start: string; end: string }) {
  return (
    <>
      <DateText iso={start} /> – <DateText iso={end} />
    </>
  );
}

export function PlanTreePage({ ctx, tree }: { ctx: PageContext; tree: PlanOverview }) {
  const sa = tree.strategicAgreement;
  return (
    <Layout ctx={ctx} title="Planen">
      <h1>{tree.plan.name}</h1>
      <p class="font-lead">
        Planperiode <Period start={tree.plan.periodStart} end={tree.plan.periodEnd} />
      </p>
      <SearchForm action="/planen/soeg" name="q" label="Søg i planen" helptext="Aktiviteter, indikatorer, mål, boligområder, gader, skoler og organisation." />
      <nav aria-label="Planens dele" class="d-print-none">
        <ul class="helhed-inline-list">
          <li>
            <a href="#strategisk-aftale">Den strategiske aftale</a>
          </li>
          <li>
            <a href="#maal">Overordnede mål</a>
          </li>
          <li>
            <a href="#indsatsomraader">Indsatsområder</a>
          </li>
          <li>
            <a href="#omraader">Boligområder</a>
          </li>
          <li>
            <a href="/planen/forslag">Ændringsforslag</a>
          </li>
        </ul>
      </nav>

      {sa ? (
        <section id="strategisk-aftale">
          <h2>Den strategiske aftale</h2>
          <Facts
            items={[
              {
                label: 'Parter',
                value: (
                  <ul class="helhed-plain-list">
                    {sa.parties.map((p) => (
                      <li>{p}</li>
                    ))}
                  </ul>
                ),
              },
              { label: 'Periode', value: <Period start={sa.periodStart} end={sa.periodEnd} /> },
            ]}
          />
          <DataRemarks remarks={sa.remarks} headingLevel={3} heading="Bemærkninger til aftalen" />
        </section>
      ) : null}

      {sa ? (
        <section id="maal">
          <h2>Landsbyggefondens overordnede mål</h2>
          <p>Målene er faste for alle boligsociale helhedsplaner; indikatorerne har baselines for boligområderne og kommunen.</p>
          <ol class="helhed-tree">
            {sa.goals.map((g) => (
              <li id={`maal-${g.code}`}>
                <h3 class="h4">{g.title}</h3>
                {g.text !== g.title ? <p>{g.text}</p> : null}
                <IndicatorLinks indicators={g.indicators} />
              </li>
            ))}
          </ol>
        </section>
      ) : null}

      <section id="indsatsomraader">
        <h2>Indsatsområder</h2>
        {tree.interventionAreas.map((ia) => (
          <div class="helhed-tree-branch">
            <h3>
              <a href={`/indsatsomraader/${ia.slug}`}>{ia.name}</a>
            </h3>
            <p>
              <strong>Delaftalens mål:</strong> {ia.subAgreement.goal}
            </p>
            <h4 class="h5">Delmål og indikatorer</h4>
            <ul class="helhed-tree">
              {ia.subGoals.map((sg) => (
                <li>
                  <a href={`/indsatsomraader/${ia.slug}#delmaal-${sg.code}`}>{sg.text}</a>
                  <IndicatorLinks indicators={sg.indicators} />
                </li>
              ))}
            </ul>
            <h4 class="h5">Aktiviteter</h4>
            <ol class="helhed-tree">
              {ia.activities.map((a) => (
                <li>
                  <a href={`/aktiviteter/${a.slug}`}>{a.name}</a>
                </li>
              ))}
            </ol>
          </div>
        ))}
      </section>

      <section id="omraader">
        <h2>Boligområder</h2>
        <ul>
          {tree.areas.map((a) => (
            <li>
              <a href={`/omraader/${a.slug}`}>{a.name}</a>
              {a.onStateList ? ' (på statens liste over udsatte boligområder)' : ''}
            </li>
          ))}
        </ul>
        <p>
          <a href="/omraader">Alle områder med beboere, lejemål og børn</a>
        </p>
      </section>
    </Layout>
  );
}

function IndicatorLinks({ indicators }: { indicators: readonly { code: string; name: string }[] }) {
  if (indicators.length === 0) return null;
  return (
    <ul class="helhed-indicators">
      {indicators.map((i) => (
        <li>
          Indikator: <a href={`/indikatorer/${i.code}`}>{i.name}</a>
        </li>
      ))}
    </ul>
  );
}

const KIND_ORDER: readonly SearchEntry['kind'][] = ['activity', 'indicator', 'area', 'street', 'intervention-area', 'sub-goal', 'goal', 'body'];
const KIND_HEADINGS: Record<SearchEntry['kind'], string> = {
  activity: 'Aktiviteter',
  indicator: 'Indikatorer',
  area: 'Boligområder',
  street: 'Gader',
  'intervention-area': 'Indsatsområder',
  'sub-goal': 'Delmål',
  goal: 'Overordnede mål',
  body: 'Organisation',
};

export function SearchPage({ ctx, query, hits, limit, errors = [] }: { ctx: PageContext; query: string; hits: SearchHit[] | null; limit: number; errors?: FieldError[] }) {
  const title = hits && query ? `Søgning: ${query}` : 'Søg i planen';
  return (
    <Layout ctx={ctx} title={title} hasErrors={errors.length > 0}>
      <p class="d-print-none">
        <a class="back-link" href="/planen">
          Planen
        </a>
      </p>
      <h1>Søg i planen</h1>
      <ErrorSummary errors={errors} />
      <SearchForm action="/planen/soeg" name="q" label="Søg i planen" value={query} helptext="Aktiviteter, indikatorer, mål, boligområder, gader, skoler og organisation." errors={errors} />
      {hits === null ? null : hits.length === 0 ? (
        <p role="status">Ingen resultater for «{query}». Prøv med færre eller andre ord.</p>
      ) : (
        <>
          <p role="status">
            {hits.length === limit ? `De ${limit} bedste resultater` : `${hits.length} ${hits.length === 1 ? 'resultat' : 'resultater'}`} for «{query}».
          </p>
          {KIND_ORDER.filter((k) => hits.some((h) => h.kind === k)).map((kind) => {
            const group = hits.filter((h) => h.kind === kind);
            return (
              <section>
                <h2 class="h3">
                  {KIND_HEADINGS[kind]} ({group.length})
                </h2>
                <ul class="helhed-results">
                  {group.map((h) => (
                    <li>
                      <a href={h.url}>{h.title}</a>
                      <br />
                      <span class="form-hint">{h.context}</span>
                    </li>
                  ))}
                </ul>
              </section>
            );
          })}
        </>
      )}
    </Layout>
  );
}

const SUBJECT_NAMES: Record<ChangeRule['subject'], string> = {
  'sub-agreement': 'En delaftale',
  'strategic-agreement': 'Den strategiske aftale',
  commissorium: 'Kommissoriet',
};
const REQUIREMENT_NAMES: Record<ChangeRule['requires'][number], string> = {
  'board-consensus': 'Konsensus i bestyrelsen',
  'lbf-approval': 'Landsbyggefondens godkendelse',
};

type CrisisEntry = { id: string; role: string; organisation: string; isAuthority: boolean } & Partial<Pick<CrisisRole, 'principal' | 'substitute'>>;

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function Phone({ number }: { number: string | undefined }) {
  if (!number) return <>–</>;
  return <a href={`tel:+45${number.replace(/\s/g, '')}`}>{number}</a>;
}

export function OrganisationPage(props: {
  ctx: PageContext;
  bodies: Body[];
  changeRules: ChangeRule[];
  crisisGroup: CrisisEntry[];
  maySeeContacts: boolean;
  remarks: Remark[];
}) {
  return (
    <Layout ctx={props.ctx} title="Organisation">
      <h1>Organisation</h1>
      <p class="font-lead">Planens organer, reglerne for at ændre planen og beredskabsgruppen.</p>
      <nav aria-label="Organisationens dele" class="d-print-none">
        <ul class="helhed-inline-list">
          {props.bodies.map((b) => (
            <li>
              <a href={`#${b.slug}`}>{b.name}</a>
            </li>
          ))}
          <li>
            <a href="#regler-for-aendringer">Regler for ændringer</a>
          </li>
          <li>
            <a href="#beredskabsgruppen">Beredskabsgruppen</a>
          </li>
        </ul>
      </nav>
      {props.bodies.map((b) => (
        <section id={b.slug}>
          <h2>{b.name}</h2>
          <Paragraphs text={b.purpose} />
          <h3>Medlemmer</h3>
          <Table
            caption={`Medlemmer af ${b.name}`}
            headers={['Rolle', 'Organisation', 'Stilling']}
            rows={b.members.map((m) => [
              m.role === 'formand' ? <Badge status="info" text="Formand" /> : capitalise(m.role),
              m.organisation,
              m.position ?? '–',
            ])}
            emptyText="Planen nævner ingen medlemmer."
          />
          <h3>Møder</h3>
          {b.cadence ? <Paragraphs text={b.cadence} /> : <p>Planen angiver ingen mødefrekvens.</p>}
          {b.tasks.length > 0 ? (
            <>
              <h3>Opgaver</h3>
              <ul>
                {b.tasks.map((t) => (
                  <li>{t}</li>
                ))}
              </ul>
            </>
          ) : null}
        </section>
      ))}

      <section id="regler-for-aendringer">
        <h2>Regler for ændringer</h2>
        <p>
          Ændringer, der kræver en beslutning, registreres i Helhed som <a href="/planen/forslag">ændringsforslag</a> og træder først i kraft, når beslutningerne er
          registreret.
        </p>
        <Table
          caption="Hvem der skal godkende en ændring"
          headers={['Hvad ændres', 'Kræver', 'Planens tekst']}
          rowHeaders
          rows={props.changeRules.map((r) => [SUBJECT_NAMES[r.subject], r.requires.map((x) => REQUIREMENT_NAMES[x]).join(' og '), r.text])}
        />
      </section>

      <section id="beredskabsgruppen">
        <h2>Beredskabsgruppen</h2>
        {props.maySeeContacts ? (
          <Table
            caption="Beredskabsgruppens roller og kontaktpersoner"
            headers={['Rolle', 'Organisation', 'Kontaktperson', 'Telefon', 'Stedfortræder', 'Stedfortræderens telefon', 'Myndighed']}
            rowHeaders
            rows={props.crisisGroup.map((r) => [
              r.role,
              r.organisation,
              r.principal?.name ?? '–',
              <Phone number={r.principal?.phone} />,
              r.substitute?.name ?? '–',
              <Phone number={r.substitute?.phone} />,
              r.isAuthority ? 'Ja' : 'Nej',
            ])}
          />
        ) : (
          <>
            <Alert variant="info" heading="Kontaktoplysninger vises kun for beredskabet" headingLevel={3}>
              <p>Navne og telefonnumre på beredskabsgruppens medlemmer er personoplysninger og vises kun for dem, der arbejder med beredskabsplanen.</p>
            </Alert>
            <Table
              caption="Beredskabsgruppens roller"
              headers={['Rolle', 'Organisation', 'Myndighed']}
              rowHeaders
              rows={props.crisisGroup.map((r) => [r.role, r.organisation, r.isAuthority ? 'Ja' : 'Nej'])}
            />
          </>
        )}
        <p>En myndighed (politi, kommune) kan se noter, der deles efter retsplejelovens § 115.</p>
      </section>
      <DataRemarks remarks={props.remarks} heading="Bemærkninger til planens organisation" />
    </Layout>
  );
}
