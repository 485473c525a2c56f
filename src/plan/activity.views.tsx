import { DataRemarks, Facts, Paragraphs, Table, Timestamp } from '../web/components.js';
import { Layout, type PageContext } from '../web/layout.js';
import { STATUS_LABELS } from './change-policy.js';
import type { Activity, StaffHours, TargetGroup } from './content/types.js';
import type { PlanElement } from './plan-snapshot.js';
import { PendingProposals, StaffHoursTable, TargetsTable, VersionLine } from './plan-parts.js';
import type { ChangeProposal } from './plan.service.js';

export interface ActivityView {
  element: PlanElement<Activity>;
  interventionArea: { slug: string; name: string };
  /** The intervention area's staff hours that the plan ties to this activity. */
  staffHours: StaffHours[];
  proposals: ChangeProposal[];
}

function ages(group: TargetGroup): string | null {
  if (group.ageMin !== undefined && group.ageMax !== undefined) return `${group.ageMin}-${group.ageMax} år`;
  if (group.ageMin !== undefined) return `Fra ${group.ageMin} år`;
  if (group.ageMax !== undefined) return `Op til ${group.ageMax} år`;
  return null;
}

function List({ items }: { items: readonly string[] }) {
  if (items.length === 0) return null;
  return (
    <ul class="helhed-plain-list">
      {items.map((i) => (
        <li>{i}</li>
      ))}
    </ul>
  );
}

export function ActivityPage({ ctx, view, areaNames, canEdit }: { ctx: PageContext; view: ActivityView; areaNames: ReadonlyMap<string, string>; canEdit: boolean }) {
  const a = view.element.data;
  const group = a.targetGroup;
  return (
    <Layout ctx={ctx} title={a.name}>
      <p class="d-print-none">
        <a class="back-link" href={`/indsatsomraader/${view.interventionArea.slug}#aktiviteter`}>
          {view.interventionArea.name}
        </a>
      </p>
      <p class="helhed-kicker">
        Aktivitet {a.number} i <a href={`/indsatsomraader/${view.interventionArea.slug}`}>{view.interventionArea.name}</a>
      </p>
      <h1>{a.name}</h1>
      <VersionLine id={view.element.id} version={view.element.version} updatedAt={view.element.updatedAt} updatedBy={view.element.updatedBy} />
      {canEdit ? (
        <p class="d-print-none">
          <a class="button button-secondary" href={`/aktiviteter/${a.slug}/rediger`}>
            Rediger aktiviteten
          </a>
        </p>
      ) : null}
      <PendingProposals proposals={view.proposals} />

      <h2>Formål</h2>
      <Paragraphs text={a.purpose} />

      <h2>Målgruppe</h2>
      <Paragraphs text={group.text} />
      <Facts
        items={[
          { label: 'Alder', value: ages(group) },
          {
            label: 'Boligområder',
            value:
              group.areas.length === 0 ? (
                'Alle syv boligområder'
              ) : (
                <ul class="helhed-plain-list">
                  {group.areas.map((slug) => (
                    <li>
                      <a href={`/omraader/${slug}`}>{areaNames.get(slug) ?? slug}</a>
                    </li>
                  ))}
                </ul>
              ),
          },
          { label: 'Institutioner', value: group.institutions.length > 0 ? <List items={group.institutions} /> : null },
          { label: 'Skoler', value: group.schools.length > 0 ? <List items={group.schools} /> : null },
          { label: 'Kriterier', value: group.criteria.length > 0 ? <List items={group.criteria} /> : null },
        ]}
      />

      <h2>Indhold</h2>
      <Paragraphs text={a.content} />

      <h2>Ansvar og roller</h2>
      <Paragraphs text={a.responsibility} />
      {a.roles.length > 0 ? <Table caption="Roller" headers={['Organisation', 'Rolle']} rowHeaders rows={a.roles.map((r) => [r.organisation, r.role])} /> : null}

      <h2>Ressourcer</h2>
      {a.resources ? <Paragraphs text={a.resources} /> : <p>Planen beskriver ingen særskilte ressourcer.</p>}
      {view.staffHours.length > 0 ? (
        <StaffHoursTable
          caption={`Personaletimer til aktiviteten (fra indsatsområdets tabel)`}
          hours={view.staffHours}
          activityNames={new Map()}
          showActivity={false}
        />
      ) : (
        <p>
          Indsatsområdets timetabel knytter ingen timer direkte til aktiviteten. Se{' '}
          <a href={`/indsatsomraader/${view.interventionArea.slug}#personaletimer`}>indsatsområdets personaletimer</a>.
        </p>
      )}

      <h2>Mål</h2>
      <p>De årlige mål, som planen angiver dem. «Som i planen» er planens egen formulering.</p>
      <TargetsTable caption={`Mål for ${a.name}`} targets={a.targets} />

      <DataRemarks remarks={a.remarks} heading="Bemærkninger til aktiviteten" />

      {view.proposals.length > 0 ? (
        <>
          <h2>Ændringsforslag</h2>
          <Table
            caption={`Ændringsforslag til ${a.name}`}
            headers={['Begrundelse', 'Status', 'Stillet']}
            rowHeaders
            rows={view.proposals.map((p) => [
              <a href={`/planen/forslag/${p.id}`}>{p.reason}</a>,
              STATUS_LABELS[p.status],
              <>
                <Timestamp iso={p.createdAt} /> af {p.createdBy}
              </>,
            ])}
          />
        </>
      ) : null}
    </Layout>
  );
}
