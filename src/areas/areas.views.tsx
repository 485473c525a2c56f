import type { FieldError } from '../errors/errors.js';
import type { PlanContent } from '../plan/content/index.js';
import type { AreaContent, Baseline } from '../plan/content/types.js';
import { PlanSource, RemarkMarker, VersionLine } from '../plan/plan-parts.js';
import { Alert, Badge, DateText, DataRemarks, ErrorSummary, Facts, formatNumber, SearchForm, Table, TextInput } from '../web/components.js';
import { Layout, type PageContext } from '../web/layout.js';
import type { Resolution } from './address-resolver.js';
import { discrepancy, sumAreas } from './area-totals.js';

export function StateListBadge({ onStateList }: { onStateList: boolean }) {
  return onStateList ? <Badge status="warning" text="På statens liste over udsatte boligområder" /> : <Badge text="Ikke på statens liste" />;
}

const percent = new Intl.NumberFormat('da-DK', { style: 'percent', maximumFractionDigits: 1 });

export function AreasPage({ ctx, areas, totals }: { ctx: PageContext; areas: AreaContent[]; totals: PlanContent['totals'] | null }) {
  const sums = sumAreas(areas);
  const residentsOff = totals ? discrepancy(sums.residents, totals.residents.approximately) : null;
  const tenanciesOff = totals ? discrepancy(sums.tenancies, totals.tenancies.approximately) : null;
  const asOf = [...new Set(areas.map((a) => a.figuresAsOf))];
  return (
    <Layout ctx={ctx} title="Boligområder">
      <h1>Boligområder</h1>
      <p class="font-lead">
        Planens {areas.length} boligområder med beboere, lejemål og børn
        {asOf.length === 1 ? (
          <>
            {' '}
            pr. <DateText iso={asOf[0]} />
          </>
        ) : null}
        .
      </p>
      <SearchForm action="/planen/soeg" name="q" label="Søg efter et område, en gade, en skole eller en afdeling" />
      <p class="d-print-none">
        <a href="/adresseopslag">Find området for en adresse</a>
      </p>
      <Table
        caption="Boligområderne"
        headers={['Område', 'Statens liste', 'Beboere', 'Lejemål', 'Børn', 'Afdelinger']}
        numeric={[2, 3, 4, 5]}
        rowHeaders
        rows={areas.map((a) => [
          <a href={`/omraader/${a.slug}`}>{a.name}</a>,
          a.onStateList ? 'På listen' : 'Nej',
          formatNumber(a.residents),
          formatNumber(a.tenancies),
          a.children === null ? 'Ikke oplyst' : formatNumber(a.children),
          formatNumber(a.estates.length),
        ])}
        footer={[
          [
            'I alt, lagt sammen',
            `${sums.onStateList} på listen`,
            formatNumber(sums.residents),
            formatNumber(sums.tenancies),
            sums.childrenMissing.length > 0 ? (
              <>
                {formatNumber(sums.children)}
                <RemarkMarker />
              </>
            ) : (
              formatNumber(sums.children)
            ),
            formatNumber(sums.estates),
          ],
          ...(totals ? [['Planens egne tal (forordet)', '', totals.residents.printed.replace(/ beboere$/, ''), totals.tenancies.printed.replace(/ lejemål$/, ''), '', '']] : []),
        ]}
      />
      {sums.childrenMissing.length > 0 ? (
        <p class="helhed-source">
          * Børn i alt er uden {sums.childrenMissing.join(' og ')}, som planen ikke giver et antal børn for.
        </p>
      ) : null}
      {totals ? (
        <p>
          Planen selv skriver, at den omfatter {totals.tenancies.printed} og {totals.residents.printed}.
        </p>
      ) : null}
      {residentsOff || tenanciesOff ? (
        <Alert variant="warning" announce={false} heading="Tallene passer ikke helt sammen">
          <ul class="helhed-remark-list">
            {residentsOff ? (
              <li>
                Områdernes beboertal summerer til {formatNumber(residentsOff.sum)}, mens planen skriver ca. {formatNumber(residentsOff.stated)} beboere (
                {residentsOff.difference > 0 ? '+' : ''}
                {formatNumber(residentsOff.difference)}, {percent.format(residentsOff.share)}).
              </li>
            ) : null}
            {tenanciesOff ? (
              <li>
                Områdernes lejemål summerer til {formatNumber(tenanciesOff.sum)}, mens planen skriver ca. {formatNumber(tenanciesOff.stated)} lejemål (
                {tenanciesOff.difference > 0 ? '+' : ''}
                {formatNumber(tenanciesOff.difference)}, {percent.format(tenanciesOff.share)}).
              </li>
            ) : null}
          </ul>
          <p>Begge tal er gengivet, som planen angiver dem; afvigelsen bør afklares med boligorganisationerne.</p>
        </Alert>
      ) : null}
      {totals ? <PlanSource at={totals.residents.ref} prefix="Planens samlede tal" /> : null}
    </Layout>
  );
}

export interface AreaActivity {
  slug: string;
  name: string;
  interventionArea: { slug: string; name: string } | null;
  /** The activity names the area in its target group; otherwise it is open to all seven areas. */
  named: boolean;
}

export interface AreaBaseline {
  indicator: { code: string; name: string };
  baseline: Baseline;
}

export function AreaPage(props: {
  ctx: PageContext;
  area: AreaContent;
  version: { id: string; version: number; updatedAt: string; updatedBy: string };
  activities: AreaActivity[];
  baselines: AreaBaseline[];
}) {
  const { area } = props;
  const organisations = [...new Set(area.estates.map((e) => e.organisation))];
  const addressRemarks = area.addresses.flatMap((l) => (l.remarks ?? []).map((r) => ({ ...r, about: l.street })));
  return (
    <Layout ctx={props.ctx} title={area.name}>
      <p class="d-print-none">
        <a class="back-link" href="/omraader">
          Alle boligområder
        </a>
      </p>
      <h1>{area.name}</h1>
      <p>
        <StateListBadge onStateList={area.onStateList} />
      </p>
      <h2>Tal for området</h2>
      <Facts
        items={[
          { label: 'Beboere', value: area.residents === null ? 'Ikke oplyst i planen' : formatNumber(area.residents) },
          { label: 'Lejemål', value: area.tenancies === null ? 'Ikke oplyst i planen' : formatNumber(area.tenancies) },
          { label: 'Børn (under 18 år)', value: area.children === null ? 'Ikke oplyst i planen' : formatNumber(area.children) },
          { label: 'Opgjort', value: <>pr. <DateText iso={area.figuresAsOf} /></> },
          { label: 'Statens liste', value: area.onStateList ? 'På listen over udsatte boligområder' : 'Ikke på listen' },
        ]}
      />
      <PlanSource at={area.ref} />
      <DataRemarks remarks={area.remarks} />

      <h2>Afdelinger</h2>
      {organisations.map((org) => {
        const estates = area.estates.filter((e) => e.organisation === org);
        return (
          <>
            <h3 class="h4">{org}</h3>
            <ul>
              {estates.map((e) => (
                <li>
                  {e.name}
                  {e.tenancies !== undefined ? `, ${formatNumber(e.tenancies)} lejemål` : ''}
                  {e.residents !== undefined ? `, ${formatNumber(e.residents)} beboere` : ''}
                </li>
              ))}
            </ul>
          </>
        );
      })}

      <h2>Distriktsskoler</h2>
      <ul>
        {area.districtSchools.map((s) => (
          <li>{s}</li>
        ))}
      </ul>
      <h2>Dagtilbud</h2>
      {area.institutions.length > 0 ? (
        <ul>
          {area.institutions.map((s) => (
            <li>{s}</li>
          ))}
        </ul>
      ) : (
        <p>Planen nævner ingen dagtilbud for området.</p>
      )}

      <section id="adresser">
        <h2>Adresser</h2>
        <p>Gaderne og numrene, som planen angiver dem. «Lige numre» og «ulige numre» gælder det interval, de står efter.</p>
        <Table
          caption={`Adresser i ${area.name}`}
          headers={['Gade', 'Numre (som i planen)']}
          rowHeaders
          rows={area.addresses.map((l) => [l.street, l.numbers])}
        />
        <DataRemarks remarks={addressRemarks} heading="Bemærkninger til adresselisten" headingLevel={3} />
        <p class="d-print-none">
          <a href="/adresseopslag">Find området for en bestemt adresse</a>
        </p>
      </section>

      <h2>Aktiviteter, der retter sig mod området</h2>
      {props.activities.some((a) => !a.named) ? <p>Aktiviteter, hvis målgruppe ikke er afgrænset til bestemte områder, gælder alle syv boligområder.</p> : null}
      {props.activities.length > 0 ? (
        <Table
          caption={`Aktiviteter for ${area.name}`}
          headers={['Aktivitet', 'Indsatsområde', 'Målgruppe']}
          rowHeaders
          rows={props.activities.map((a) => [
            <a href={`/aktiviteter/${a.slug}`}>{a.name}</a>,
            a.interventionArea ? <a href={`/indsatsomraader/${a.interventionArea.slug}`}>{a.interventionArea.name}</a> : '–',
            a.named ? 'Nævner området' : 'Alle syv områder',
          ])}
        />
      ) : (
        <p>Ingen af planens aktiviteter retter sig mod området.</p>
      )}

      {props.baselines.length > 0 ? (
        <>
          <h2>Indikatorer med tal for området</h2>
          <Table
            caption={`Baselines for ${area.name}`}
            headers={['Indikator', 'Værdi', 'Antal', 'Periode', 'Kilde']}
            rowHeaders
            numeric={[1, 2]}
            rows={props.baselines.map(({ indicator, baseline }) => [
              <a href={`/indikatorer/${indicator.code}`}>{indicator.name}</a>,
              <>
                {baseline.printed}
                {baseline.remarks && baseline.remarks.length > 0 ? <RemarkMarker /> : null}
              </>,
              baseline.denominator !== undefined ? `af ${formatNumber(baseline.denominator)}` : '',
              baseline.period,
              baseline.source,
            ])}
          />
          <DataRemarks
            remarks={props.baselines.flatMap(({ indicator, baseline }) => (baseline.remarks ?? []).map((r) => ({ ...r, about: `${indicator.name}, ${baseline.printed} (${baseline.period})` })))}
            heading="Bemærkninger til tallene"
            headingLevel={3}
          />
        </>
      ) : null}
      <VersionLine {...props.version} />
    </Layout>
  );
}

export function AddressLookupPage(props: {
  ctx: PageContext;
  input: string;
  result: Resolution | null;
  /** The plan's listings for the street of an address that fell outside them. */
  listings?: { street: string; numbers: string; area: { slug: string; name: string } }[];
  errors?: FieldError[];
}) {
  const errors = props.errors ?? [];
  const { result } = props;
  return (
    <Layout ctx={props.ctx} title="Find området for en adresse" hasErrors={errors.length > 0}>
      <h1>Find området for en adresse</h1>
      <p class="font-lead">Skriv en adresse, så finder Helhed det boligområde, den hører til efter planens adresselister.</p>
      <ErrorSummary errors={errors} />
      <form method="get" action="/adresseopslag" novalidate class="d-print-none">
        <TextInput name="adresse" label="Adresse" helptext="Gade og husnummer, fx «Husarvej 41» eller «Hermann Stillings Vej 14, 8930 Randers NØ»." value={props.input} errors={errors} width="xl" autocomplete="street-address" />
        <button type="submit" class="button button-primary">
          Find området
        </button>
      </form>
      {result ? (
        <section class="mt-7" aria-labelledby="svar">
          <h2 id="svar">Svar for «{props.input}»</h2>
          {result.area ? (
            <Alert variant="success" heading={`Adressen hører til ${result.area.name}`} headingLevel={3}>
              <p>
                Planens regel: <strong>{result.matched}</strong>
              </p>
              <p>
                <a href={`/omraader/${result.area.slug}`}>Se {result.area.name}</a>
              </p>
            </Alert>
          ) : (
            <Alert variant="info" heading="Ingen af planens områder" headingLevel={3}>
              <p>{result.reason}</p>
              {props.listings && props.listings.length > 0 ? (
                <>
                  <p>Planens numre for gaden:</p>
                  <ul class="helhed-remark-list">
                    {props.listings.map((l) => (
                      <li>
                        {l.street} {l.numbers} – <a href={`/omraader/${l.area.slug}#adresser`}>{l.area.name}</a>
                      </li>
                    ))}
                  </ul>
                </>
              ) : null}
            </Alert>
          )}
        </section>
      ) : null}
    </Layout>
  );
}
