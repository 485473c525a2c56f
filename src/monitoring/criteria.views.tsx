/**
 * The state's criteria for the areas (almenboligloven § 61 a and § 61 b) and the early warning: per area and year the
 * figures with period and source, which criteria are met (a word and a shape), the classification and the distance to
 * each threshold in Danish; where no complete year has been imported, the plan's own statement with its reference.
 */
import { DataRemarks, formatDate } from '../web/components.js';
import { Layout, type PageContext } from '../web/layout.js';
import { CRITERIA, CRITERION_LABELS, type AreaCriteriaView, type EarlyWarningView } from './criteria.present.js';
import { formatLoaded } from './dashboard.present.js';
import { ValueText } from './dashboard-parts.js';
import { danishDate } from './periods.js';

/** Met or not as a word after a shape (drawn by the stylesheet, as StatusChip's): a dark circle with a check mark, or an empty square. */
export function MetChip({ met, note }: { met: boolean; note?: string }) {
  return (
    <>
      <span class={`helhed-status helhed-met-${met ? 'ja' : 'nej'}`}>{met ? 'Opfyldt' : 'Ikke opfyldt'}</span>
      {note ? <span class="helhed-cell-meta-inline"> {note}</span> : null}
    </>
  );
}

type Level = 2 | 3;
const heading = (level: Level) => `h${level}` as 'h2';
const sub = (level: Level) => `h${level + 1}` as 'h3';

/** The latest complete year of imported figures, in detail. */
function LatestYear({ view, level }: { view: AreaCriteriaView; level: Level }) {
  const latest = view.latest!;
  const H = sub(level);
  return (
    <>
      <H>Statens opgørelse for {latest.year}</H>
      <div class="table--responsive-scroll" tabIndex={0}>
        <table class="table table--compact">
          <caption>{`${view.area.name}: statens kriterier, ${latest.year}`}</caption>
          <thead>
            <tr>
              <th scope="col">Tal</th>
              <th scope="col">Værdi</th>
              <th scope="col">Grænse</th>
              <th scope="col">Opfyldt</th>
              <th scope="col">Afstand til grænsen</th>
              <th scope="col">Kilde</th>
            </tr>
          </thead>
          <tbody>
            {latest.rows.map((r) => (
              <tr>
                <th scope="row">{r.label}</th>
                <td class="helhed-nowrap">
                  <ValueText value={r.value} /> <span class="helhed-cell-meta-inline">({r.period})</span>
                </td>
                <td>{r.threshold}</td>
                <td>{r.met === null ? 'Skjult' : <MetChip met={r.met} />}</td>
                <td>{r.distance ?? 'Skjult af hensyn til små tal'}</td>
                <td>
                  {r.source}
                  <span class="helhed-cell-meta">
                    Udtræk {danishDate(r.drawnOn)}, indlæst {formatLoaded(r.loadedAt)}
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {latest.shown ? (
        <p>
          <strong>{latest.evaluation.count} af 4 kriterier</strong> er opfyldt ({CRITERIA.filter((c) => latest.evaluation.criteriaMet[c]).map((c) => CRITERION_LABELS[c].toLowerCase()).join(', ') || 'ingen'}).
          Klassifikation: <strong>{latest.classification}</strong>.
          {latest.evaluation.forebyggelsesomraade && latest.evaluation.classification !== 'forebyggelsesomraade' ? ' Området opfylder også kriterierne for et forebyggelsesområde (§ 61 b).' : ''}
        </p>
      ) : (
        <p>Antal opfyldte kriterier og klassifikation: {latest.classification}.</p>
      )}
    </>
  );
}

/** The plan's own statement of the area against the criteria, with where the plan says it. */
function PlanStatement({ view, level }: { view: AreaCriteriaView; level: Level }) {
  const s = view.statement!;
  const H = sub(level);
  return (
    <>
      <H>Planens oplysning, {s.lines}</H>
      <p>
        <q>{s.text}</q>
      </p>
      <div class="table--responsive-scroll" tabIndex={0}>
        <table class="table table--compact">
          <caption>{`${view.area.name}: statens kriterier ifølge planen pr. ${formatDate(s.asOf)}`}</caption>
          <thead>
            <tr>
              <th scope="col">Tal</th>
              <th scope="col">Ifølge planen</th>
              <th scope="col">Afstand til grænsen</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">Beboere (grænse: mindst 1.000)</th>
              <td>
                {s.residents.toLocaleString('da-DK')} pr. {formatDate(s.asOf)}
              </td>
              <td>{s.residentsDistance}</td>
            </tr>
            {CRITERIA.map((c) => (
              <tr>
                <th scope="row">{CRITERION_LABELS[c]}</th>
                <td>{s.criteriaMet.includes(c) ? <MetChip met note="(ifølge planen)" /> : <MetChip met={false} note="(ikke nævnt i planen)" />}</td>
                <td>Ikke oplyst i planen</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p>
        <strong>{s.count} af 4 kriterier</strong> er opfyldt ifølge planen. Klassifikation: <strong>{s.classification}</strong>. Kilde: Planens oplysning, {s.lines}.
      </p>
      <DataRemarks remarks={s.remarks} headingLevel={(level + 1) as 3} heading="Bemærkning til planens oplysning" />
    </>
  );
}

/** Every year with figures, in brief. */
function YearsTable({ view }: { view: AreaCriteriaView }) {
  if (view.years.length <= 1 && view.latest) return null;
  if (view.years.length === 0) return null;
  return (
    <div class="table--responsive-scroll" tabIndex={0}>
      <table class="table table--compact">
        <caption>{`${view.area.name}: alle år med tal fra statens opgørelse`}</caption>
        <thead>
          <tr>
            <th scope="col">År</th>
            <th scope="col" class="align-text-right">
              Beboere
            </th>
            <th scope="col" class="align-text-right">
              Opfyldte kriterier
            </th>
            <th scope="col">Klassifikation</th>
          </tr>
        </thead>
        <tbody>
          {view.years.map((y) => (
            <tr>
              <th scope="row">{y.year}</th>
              <td class="align-text-right">{y.residents ? <ValueText value={y.residents} /> : '–'}</td>
              <td class="align-text-right">{y.count === null ? '–' : `${y.count} af 4`}</td>
              <td>{y.classification ?? `Ufuldstændigt år; mangler: ${y.missing.join(', ')}`}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** One area's criteria: imported figures when a complete year exists, otherwise the plan's statement. */
export function AreaCriteriaSection({ view, headingLevel, linkArea = false }: { view: AreaCriteriaView; headingLevel: Level; linkArea?: boolean }) {
  const H = heading(headingLevel);
  return (
    <section id={`kriterier-${view.area.slug}`} class="helhed-criteria-area">
      <H>{linkArea ? <a href={`/overvaagning/omraader/${view.area.slug}`}>{view.area.name}</a> : 'Statens kriterier for området'}</H>
      {view.area.onStateList ? <p>Planen oplyser, at området er på statens liste over udsatte boligområder.</p> : null}
      {view.latest ? <LatestYear view={view} level={headingLevel} /> : null}
      {!view.latest && view.statement ? <PlanStatement view={view} level={headingLevel} /> : null}
      {!view.latest && !view.statement ? <p>Der er endnu ikke indlæst et helt år fra statens opgørelse for området, og planen oplyser ikke, hvordan det står i forhold til kriterierne.</p> : null}
      <YearsTable view={view} />
    </section>
  );
}

export function EarlyWarnings({ warnings, headingLevel = 2 }: { warnings: readonly EarlyWarningView[]; headingLevel?: Level }) {
  const H = heading(headingLevel);
  return (
    <section id="tidlig-varsling">
      <H>Tidlig varsling</H>
      <p>Områder tæt på en klassifikation: nok kriterier, men lidt for få beboere; ét kriterium fra to, med et andet tæt på grænsen; eller tæt på kriterierne for et forebyggelsesområde.</p>
      {warnings.length === 0 ? (
        <p>Ingen områder er tæt på en klassifikation.</p>
      ) : (
        <ul class="helhed-warnings">
          {warnings.map((w) => (
            <li>
              <strong>
                <a href={`/overvaagning/omraader/${w.area.slug}`}>{w.area.name}</a>
              </strong>{' '}
              ({w.fromStatement ? `planens oplysning for ${w.year}` : `statens opgørelse for ${w.year}`})
              <ul>
                {w.reasons.map((r) => (
                  <li>{r}</li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** The areas in one table: the year, residents, criteria met and classification, and what it rests on. */
function Overview({ areas }: { areas: readonly AreaCriteriaView[] }) {
  return (
    <div class="table--responsive-scroll" tabIndex={0}>
      <table class="table table--compact table--zebra">
        <caption>Boligområderne og statens kriterier</caption>
        <thead>
          <tr>
            <th scope="col">Område</th>
            <th scope="col">Grundlag</th>
            <th scope="col">Beboere</th>
            <th scope="col" class="align-text-right">
              Opfyldte kriterier
            </th>
            <th scope="col">Klassifikation</th>
          </tr>
        </thead>
        <tbody>
          {areas.map((a) => {
            const residents = a.latest?.rows.find((r) => r.figure === 'residents');
            return (
              <tr>
                <th scope="row">
                  <a href={`#kriterier-${a.area.slug}`}>{a.area.name}</a>
                </th>
                <td>{a.latest ? `Statens opgørelse for ${a.latest.year}` : a.statement ? `Planens oplysning, ${a.statement.lines}` : 'Ingen tal endnu'}</td>
                <td>
                  {residents ? (
                    <>
                      <ValueText value={residents.value} />
                      {residents.distance ? <span class="helhed-cell-meta">{residents.distance}</span> : null}
                    </>
                  ) : a.statement ? (
                    <>
                      {a.statement.residents.toLocaleString('da-DK')}
                      <span class="helhed-cell-meta">{a.statement.residentsDistance}</span>
                    </>
                  ) : (
                    '–'
                  )}
                </td>
                <td class="align-text-right">{a.latest ? (a.latest.shown ? `${a.latest.evaluation.count} af 4` : 'Skjult') : a.statement ? `${a.statement.count} af 4` : '–'}</td>
                <td>{a.latest ? a.latest.classification : a.statement ? a.statement.classification : a.area.onStateList ? 'På statens liste ifølge planen' : '–'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

export function CriteriaPage({ ctx, areas, warnings }: { ctx: PageContext; areas: readonly AreaCriteriaView[]; warnings: readonly EarlyWarningView[] }) {
  return (
    <Layout ctx={ctx} title="Statens kriterier for boligområderne">
      <p class="d-print-none">
        <a class="back-link" href="/overvaagning">
          Monitorering
        </a>
      </p>
      <p class="helhed-kicker">Monitorering</p>
      <h1>Statens kriterier for boligområderne</h1>
      <p>
        Et boligområde er udsat efter almenboligloven § 61 a, når det har mindst 1.000 beboere og opfylder mindst to af fire kriterier: over 40 % af de 18-64-årige
        uden for arbejdsmarkedet eller uddannelse, mindst 3 gange landsgennemsnittet af dømte, over 60 % af de 30-59-årige med kun grundskole, og en gennemsnitlig
        bruttoindkomst under 55 % af regionens. Et udsat område med over 50 % indvandrere og efterkommere fra ikke-vestlige lande er et parallelsamfund. Listerne
        offentliggøres 1. december.
      </p>
      <ul class="helhed-inline-list d-print-none">
        <li>
          <a href="#tidlig-varsling">Tidlig varsling</a>
        </li>
        <li>
          <a href="/overvaagning/eksport.csv?saet=kriterier">Hent tallene (CSV)</a>
        </li>
        <li>
          <a href="/overvaagning/eksport.xlsx?saet=kriterier">Hent tallene (Excel)</a>
        </li>
      </ul>
      <Overview areas={areas} />
      <EarlyWarnings warnings={warnings} />
      {areas.map((a) => (
        <AreaCriteriaSection view={a} headingLevel={2} linkArea />
      ))}
    </Layout>
  );
}
