import { incidentPath } from './incident.js';

/** The pages of one incident, in the order the work goes; every incident page shows them under its heading. */
export const INCIDENT_PAGES = [
  { sub: '', label: 'Overblik' },
  { sub: 'indkaldelse', label: 'Indkaldelse' },
  { sub: 'handleplan', label: 'Handleplan' },
  { sub: 'kommunikation', label: 'Kommunikation' },
  { sub: 'log', label: 'Log' },
  { sub: 'evaluering', label: 'Evaluering' },
] as const;

export type IncidentPage = (typeof INCIDENT_PAGES)[number]['sub'];

/** Links to the incident's pages, the current one marked for screen readers and by style. */
export function IncidentNav({ incidentId, current }: { incidentId: string; current: IncidentPage }) {
  return (
    <nav aria-label="Hændelsens sider" class="helhed-incident-nav">
      <ul class="nobullet-list helhed-inline-list">
        {INCIDENT_PAGES.map((p) => (
          <li>
            {p.sub === current ? (
              <a href={incidentPath(incidentId, p.sub)} aria-current="page">
                <strong>{p.label}</strong>
              </a>
            ) : (
              <a href={incidentPath(incidentId, p.sub)}>{p.label}</a>
            )}
          </li>
        ))}
      </ul>
    </nav>
  );
}
