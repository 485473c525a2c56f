import { DataRemarks, DateText, Facts, Paragraphs, type Remark } from '../web/components.js';
import { Layout, type PageContext } from '../web/layout.js';
import type { Activity, Indicator } from './content/types.js';
import type { InterventionAreaData, PlanElement, SubGoalData } from './plan-snapshot.js';
import { BaselinesTable, baselineRemarks, PendingProposals, StaffHoursTable, VersionLine } from './plan-parts.js';
import { DIRECTION_LABELS, UNIT_LABELS } from './plan.labels.js';
import type { ChangeProposal } from './plan.service.js';

export interface InterventionAreaView {
  element: PlanElement<InterventionAreaData>;
  subGoals: (SubGoalData & { indicators: Indicator[] })[];
  activities: Activity[];
  proposals: ChangeProposal[];
}

export function InterventionAreaPage({ ctx, view, areaNames, canEdit }: { ctx: PageContext; view: InterventionAreaView; areaNames: ReadonlyMap<string, string>; canEdit: boolean }) {
  const ia = view.element.data;
  const activityNames = new Map(view.activities.map((a) => [a.slug, a.name]));
  return (
    <Layout ctx={ctx} title={ia.name}>
      <p class="d-print-none">
        <a class="back-link" href="/planen">
          Planen
        </a>
      </p>
      <p class="helhed-kicker">Indsatsområde</p>
      <h1>{ia.name}</h1>
      <VersionLine id={view.element.id} version={view.element.version} updatedAt={view.element.updatedAt} updatedBy={view.element.updatedBy} />
      <PendingProposals proposals={view.proposals} />
      <nav aria-label="Indsatsområdets dele" class="d-print-none">
        <ul class="helhed-inline-list">
          <li>
            <a href="#problemstilling">Problemstilling</a>
          </li>
          <li>
            <a href="#delaftale">Delaftale</a>
          </li>
          <li>
            <a href="#delmaal">Delmål og indikatorer</a>
          </li>
          <li>
            <a href="#personaletimer">Personaletimer</a>
          </li>
          <li>
            <a href="#aktiviteter">Aktiviteter</a>
          </li>
          {ia.municipalContext ? (
            <li>
              <a href="#kommunal-sammenhaeng">Kommunal sammenhæng</a>
            </li>
          ) : null}
        </ul>
      </nav>

      <section id="problemstilling">
        <h2>Problemstilling</h2>
        <Paragraphs text={ia.problem} />
      </section>

      <section id="delaftale">
        <h2>Delaftale</h2>
        <Facts
          items={[
            {
              label: 'Parter',
              value: (
                <ul class="helhed-plain-list">
                  {ia.subAgreement.parties.map((p) => (
                    <li>{p}</li>
                  ))}
                </ul>
              ),
            },
            {
              label: 'Periode',
              value: (
                <>
                  <DateText iso={ia.subAgreement.periodStart} /> – <DateText iso={ia.subAgreement.periodEnd} />
                </>
              ),
            },
            { label: 'Mål', value: ia.subAgreement.goal },
          ]}
        />
        <p>Ændringer i delaftalen – delmål, indikatorer, aktiviteternes mål og personaletimerne – kræver en konsensusbeslutning i bestyrelsen.</p>
      </section>

      <section id="delmaal">
        <h2>Delmål og indikatorer</h2>
        {view.subGoals.map((sg) => (
          <section id={`delmaal-${sg.code}`} class="helhed-subgoal">
            <h3>{sg.text}</h3>
            {sg.indicators.length === 0 ? <p>Planen knytter ingen indikator til delmålet.</p> : null}
            {sg.indicators.map((ind) => (
              <div class="helhed-indicator">
                <h4>
                  Indikator: <a href={`/indikatorer/${ind.code}`}>{ind.name}</a>
                </h4>
                <Facts
                  items={[
                    { label: 'Målgruppe', value: ind.targetGroup },
                    { label: 'Ønsket retning', value: DIRECTION_LABELS[ind.direction] },
                    { label: 'Datakilde', value: ind.dataSource },
                  ]}
                />
                <BaselinesTable caption={`Baselines: ${ind.name}`} baselines={ind.baselines} areaNames={areaNames} headingLevel={5} />
                <DataRemarks remarks={ind.remarks} headingLevel={5} heading="Bemærkninger til indikatoren" />
              </div>
            ))}
          </section>
        ))}
      </section>

      <section id="personaletimer">
        <h2>Personaletimer</h2>
        <p>De medarbejdertimer, parterne har aftalt at levere til indsatsområdet.</p>
        <StaffHoursTable caption={`Personaletimer i ${ia.name}`} hours={ia.staffHours} activityNames={activityNames} />
        {canEdit ? (
          <p class="d-print-none">
            <a class="button button-secondary" href={`/indsatsomraader/${ia.slug}/timer/rediger`}>
              Foreslå ændrede timer
            </a>
          </p>
        ) : null}
      </section>

      <section id="aktiviteter">
        <h2>Aktiviteter</h2>
        <ol>
          {view.activities.map((a) => (
            <li>
              <a href={`/aktiviteter/${a.slug}`}>{a.name}</a>
            </li>
          ))}
        </ol>
      </section>

      {ia.municipalContext ? (
        <section id="kommunal-sammenhaeng">
          <h2>Kommunal sammenhæng</h2>
          <Paragraphs text={ia.municipalContext.text} />
        </section>
      ) : null}

      <DataRemarks remarks={ia.remarks} heading="Bemærkninger til indsatsområdet" />
    </Layout>
  );
}

export interface IndicatorView {
  element: PlanElement<Indicator>;
  /** The goal or sub-goal the indicator measures. */
  belongsTo: { label: string; title: string; url: string } | null;
  interventionArea: { slug: string; name: string } | null;
}

export function IndicatorPage({ ctx, view, areaNames }: { ctx: PageContext; view: IndicatorView; areaNames: ReadonlyMap<string, string> }) {
  const ind = view.element.data;
  const remarks: Remark[] = [...(ind.remarks ?? []), ...baselineRemarks(ind.baselines, areaNames)];
  const contradictions = remarks.filter((r) => r.kind === 'contradiction');
  const others = remarks.filter((r) => r.kind !== 'contradiction');
  return (
    <Layout ctx={ctx} title={ind.name}>
      <p class="d-print-none">
        <a class="back-link" href={view.interventionArea ? `/indsatsomraader/${view.interventionArea.slug}#delmaal` : '/planen#maal'}>
          {view.interventionArea ? view.interventionArea.name : 'Overordnede mål'}
        </a>
      </p>
      <p class="helhed-kicker">Indikator {ind.code}</p>
      <h1>{ind.name}</h1>
      <DataRemarks remarks={contradictions} />
      <Facts
        items={[
          { label: view.belongsTo?.label ?? 'Hører til', value: view.belongsTo ? <a href={view.belongsTo.url}>{view.belongsTo.title}</a> : null },
          { label: 'Enhed', value: UNIT_LABELS[ind.unit] },
          { label: 'Ønsket retning', value: DIRECTION_LABELS[ind.direction] },
          { label: 'Målgruppe', value: ind.targetGroup },
          { label: 'Datakilde', value: ind.dataSource },
        ]}
      />
      {ind.description ? (
        <>
          <h2>Beskrivelse</h2>
          <Paragraphs text={ind.description} />
        </>
      ) : null}
      <h2>Baselines</h2>
      <p>Udgangspunktet, som planens tabeller angiver det, med periode og kilde for hvert tal.</p>
      <BaselinesTable caption={`Baselines: ${ind.name}`} baselines={ind.baselines} areaNames={areaNames} showRemarks={false} />
      <DataRemarks remarks={others} heading="Bemærkninger til indikatoren og tallene" />
      <VersionLine id={view.element.id} version={view.element.version} updatedAt={view.element.updatedAt} updatedBy={view.element.updatedBy} />
    </Layout>
  );
}
