/** Pieces of plan pages used on more than one page: where the plan says it, baselines, targets, staff hours, versions. */
import { Alert, DataRemarks, formatNumber, Table, Timestamp, type Remark } from '../web/components.js';
import { STATUS_LABELS } from './change-policy.js';
import type { ChangeProposal } from './plan.service.js';
import type { ActivityTarget, Baseline, PlanRef, StaffHours } from './content/types.js';
import { scopeLabel, TARGET_KIND_LABELS, TARGET_PER_LABELS, targetFigure } from './plan.labels.js';

/** Where in the plan a figure stands: the printed page when known, otherwise the lines of the digitised text. */
export function PlanSource({ at, prefix = 'Kilde' }: { at: PlanRef | undefined; prefix?: string }) {
  if (!at) return null;
  const lines = at.lines[0] === at.lines[1] ? `linje ${at.lines[0]}` : `linje ${at.lines[0]}-${at.lines[1]}`;
  return (
    <p class="helhed-source">
      {prefix}: helhedsplanen{at.page ? `, s. ${at.page}` : ''} ({lines} i den digitaliserede tekst)
    </p>
  );
}

/** Marks a figure that has a remark under its table. */
export function RemarkMarker() {
  return (
    <span class="helhed-marker">
      {' '}
      *<span class="sr-only"> (se bemærkningen under tabellen)</span>
    </span>
  );
}

/** An indicator's baselines as the plan's tables give them: who, the value as printed, the count, period and source. */
export function BaselinesTable(props: {
  caption: string;
  baselines: readonly Baseline[];
  areaNames: ReadonlyMap<string, string>;
  headingLevel?: 2 | 3 | 4 | 5;
  /** Show the baselines' remarks under the table (the indicator page shows them itself, contradictions first). */
  showRemarks?: boolean;
}) {
  const { caption, baselines, areaNames } = props;
  const hasCounts = baselines.some((b) => b.numerator !== undefined || b.denominator !== undefined);
  const remarks = baselineRemarks(baselines, areaNames);
  return (
    <>
      <Table
        caption={caption}
        headers={['Hvem', 'Værdi', ...(hasCounts ? ['Antal'] : []), 'Periode', 'Kilde']}
        rowHeaders
        numeric={hasCounts ? [1, 2] : [1]}
        compact
        rows={baselines.map((b) => [
          scopeLabel(b.scope, areaNames),
          <>
            {b.printed}
            {b.remarks && b.remarks.length > 0 ? <RemarkMarker /> : null}
          </>,
          ...(hasCounts ? [countText(b)] : []),
          b.period,
          b.source,
        ])}
        emptyText="Planen giver ingen baseline for indikatoren."
      />
      {props.showRemarks === false ? null : <DataRemarks remarks={remarks} headingLevel={props.headingLevel ?? 3} heading="Bemærkninger til tabellen" />}
    </>
  );
}

/** The remarks on each baseline, each saying which baseline it is about. */
export function baselineRemarks(baselines: readonly Baseline[], areaNames: ReadonlyMap<string, string>): Remark[] {
  return baselines.flatMap((b) => (b.remarks ?? []).map((r) => ({ ...r, about: `${scopeLabel(b.scope, areaNames)}, ${b.period}` })));
}

function countText(b: Baseline): string {
  if (b.numerator !== undefined && b.denominator !== undefined) return `${formatNumber(b.numerator)} af ${formatNumber(b.denominator)}`;
  if (b.denominator !== undefined) return `af ${formatNumber(b.denominator)}`;
  if (b.numerator !== undefined) return formatNumber(b.numerator);
  return '';
}

/** An activity's targets: what is counted, the kind and figure, the period, and the plan's own words. */
export function TargetsTable({ caption, targets, headingLevel = 3 }: { caption: string; targets: readonly ActivityTarget[]; headingLevel?: 2 | 3 | 4 | 5 }) {
  const remarks: Remark[] = targets.flatMap((t) => (t.remarks ?? []).map((r) => ({ ...r, about: t.measure })));
  return (
    <>
      <Table
        caption={caption}
        headers={['Hvad der tælles', 'Type', 'Tal', 'Periode', 'Som i planen']}
        rowHeaders
        rows={targets.map((t) => [t.measure, TARGET_KIND_LABELS[t.kind], <strong class="helhed-nowrap">{targetFigure(t)}</strong>, TARGET_PER_LABELS[t.per], <q>{t.printed}</q>])}
        emptyText="Planen angiver ingen tal for aktiviteten."
      />
      <DataRemarks remarks={remarks} headingLevel={headingLevel} heading="Bemærkninger til målene" />
    </>
  );
}

/** Agreed staff hours, with the activity they are for when the plan ties them to one, and a total per year. */
export function StaffHoursTable(props: {
  caption: string;
  hours: readonly StaffHours[];
  activityNames: ReadonlyMap<string, string>;
  showActivity?: boolean;
  headingLevel?: 2 | 3 | 4 | 5;
}) {
  const showActivity = props.showActivity ?? true;
  const total = props.hours.reduce((sum, h) => sum + (h.hoursPerYear ?? 0), 0);
  const unknown = props.hours.filter((h) => h.hoursPerYear === undefined).length;
  const remarks: Remark[] = props.hours.flatMap((h) => (h.remarks ?? []).map((r) => ({ ...r, about: h.organisation })));
  return (
    <>
      <Table
        caption={props.caption}
        headers={['Organisation', ...(showActivity ? ['Aktivitet'] : []), 'Som i planen', 'Timer pr. år']}
        rowHeaders
        numeric={[showActivity ? 3 : 2]}
        rows={props.hours.map((h) => [
          h.organisation,
          ...(showActivity
            ? [h.activity ? <a href={`/aktiviteter/${h.activity}`}>{props.activityNames.get(h.activity) ?? h.activity}</a> : 'Hele indsatsområdet']
            : []),
          h.printed,
          h.hoursPerYear === undefined ? 'Ikke angivet' : formatNumber(h.hoursPerYear),
        ])}
        footer={
          props.hours.length > 1
            ? [['I alt', ...(showActivity ? [''] : []), unknown > 0 ? `${unknown} ${unknown === 1 ? 'række' : 'rækker'} uden timetal indgår ikke` : '', formatNumber(total)]]
            : []
        }
        emptyText="Planen angiver ingen timer."
      />
      <DataRemarks remarks={remarks} headingLevel={props.headingLevel ?? 3} heading="Bemærkninger til timerne" />
    </>
  );
}

/** The element's version, when and by whom it last changed, and the link to every version. */
export function VersionLine({ id, version, updatedAt, updatedBy }: { id: string; version: number; updatedAt: string; updatedBy: string }) {
  return (
    <p class="helhed-version">
      Version {version}
      {version > 1 ? (
        <>
          , senest ændret <Timestamp iso={updatedAt} /> af {updatedBy}
        </>
      ) : (
        ' (som indlæst fra planens tekst)'
      )}{' '}
      · <a href={`/planen/historik/${id}`}>Se alle versioner</a>
    </p>
  );
}

/** Proposals for an element that still wait for a decision: the element shown above is unchanged until they are decided. */
export function PendingProposals({ proposals, headingLevel = 2 }: { proposals: readonly ChangeProposal[]; headingLevel?: 2 | 3 }) {
  const pending = proposals.filter((p) => p.status === 'afventer_bestyrelse' || p.status === 'afventer_lbf');
  if (pending.length === 0) return null;
  return (
    <Alert variant="info" headingLevel={headingLevel} heading={pending.length === 1 ? 'Et ændringsforslag venter på en beslutning' : `${pending.length} ændringsforslag venter på en beslutning`}>
      <p>Det, der vises her, gælder, indtil forslaget er vedtaget.</p>
      <ul class="helhed-remark-list">
        {pending.map((p) => (
          <li>
            <a href={`/planen/forslag/${p.id}`}>{p.reason}</a> – {STATUS_LABELS[p.status]} (stillet <Timestamp iso={p.createdAt} /> af {p.createdBy})
          </li>
        ))}
      </ul>
    </Alert>
  );
}
