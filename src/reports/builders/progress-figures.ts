/**
 * The pure part of the progress report: for one activity, the partners' delivered narratives and figures against the
 * live figures at the cut-off, turned into report blocks, with what needs the steering group's attention. The figures
 * the partners delivered are used where there are some (they are what the partners stand behind); live figures fill
 * in where nobody delivered, and each table says which it shows. No I/O.
 */
import { organisationMatches } from '../../activities/staff-hours.js';
import type { DeliveryFigures } from '../../governance/deliveries.js';
import type { ReportBlock, ReportCell } from '../report-document.js';
import { formatDecimal, longDate } from './sections.js';

/** One organisation's delivered item for an activity. */
export interface DeliveredItem {
  organisation: string;
  deliveredAt: string;
  narrative: string | null;
  figures: DeliveryFigures | null;
}

/** What needs the steering group's attention, by kind, so the summary can list like with like. */
export type AttentionKind = 'missing' | 'correction' | 'milestone' | 'output' | 'hours';

export interface AttentionItem {
  kind: AttentionKind;
  text: string;
}

export interface ActivityProgress {
  blocks: ReportBlock[];
  sources: string[];
  attention: AttentionItem[];
}

const ATTENTION_HEADINGS: Record<AttentionKind, string> = {
  missing: 'Leverancer, der mangler',
  correction: 'Tal rettet efter leveringen',
  milestone: 'Milepæle, der er forsinket eller i risiko',
  output: 'Output, der er bagud',
  hours: 'Medarbejdertimer, der er bagud',
};

/** The summary's blocks: one heading and list per kind of attention, in the order above; a sentence when none. */
export function attentionBlocks(items: readonly AttentionItem[]): ReportBlock[] {
  if (items.length === 0) return [{ kind: 'paragraph', text: 'Alle har leveret, og intet er bagud eller forsinket.' }];
  return (Object.keys(ATTENTION_HEADINGS) as AttentionKind[]).flatMap((kind): ReportBlock[] => {
    const mine = items.filter((i) => i.kind === kind).map((i) => i.text);
    return mine.length === 0 ? [] : [{ kind: 'paragraph', text: `${ATTENTION_HEADINGS[kind]} (${mine.length}):` }, { kind: 'list', items: mine }];
  });
}

const hoursCell = (n: number | null): ReportCell => (n === null ? null : Math.round(n * 10) / 10);

/** Where a table's figures come from, in the words the report uses. */
function deliveredBy(item: DeliveredItem): string {
  return `tal leveret af ${item.organisation} ${longDate(item.deliveredAt)}`;
}

/**
 * An activity's part of the progress report: narratives, outputs against the year's targets, hours agreed against
 * delivered, and milestones with flags. `live` holds the figures at the cut-off for every organisation's hours.
 */
export function activityProgress(activityName: string, delivered: readonly DeliveredItem[], live: DeliveryFigures, cutoffDate: string): ActivityProgress {
  const blocks: ReportBlock[] = [];
  const sources: string[] = [];
  const attention: AttentionItem[] = [];
  const liveSource = `aktuelle tal pr. ${longDate(cutoffDate)} (ingen partner har leveret dem)`;

  const narratives = delivered.filter((d) => d.narrative !== null && d.narrative.trim() !== '');
  blocks.push(
    narratives.length === 0
      ? { kind: 'paragraph', text: `${activityName}: ingen partner har leveret en fortælling.` }
      : { kind: 'list', items: narratives.map((d) => `${d.organisation} (leveret ${longDate(d.deliveredAt)}): ${d.narrative!.trim()}`) },
  );

  // Outputs and milestones are the activity's own, the same for every organisation: the latest delivery's are used.
  const latest = [...delivered].filter((d) => d.figures !== null).sort((a, b) => b.deliveredAt.localeCompare(a.deliveredAt))[0];
  const outputs = latest?.figures?.outputs ?? live.outputs;
  const outputSource = latest ? deliveredBy(latest) : liveSource;
  if (outputs.length > 0) {
    blocks.push({
      kind: 'table',
      caption: `${activityName}: output mod planårets mål`,
      columns: [
        { label: 'Mål', format: 'text' },
        { label: 'Planens mål', format: 'text' },
        { label: 'Leveret', format: 'text' },
        { label: 'Status', format: 'text' },
        { label: 'Vurdering og tempo', format: 'text' },
      ],
      rows: outputs.map((o) => [o.measure, o.printed, o.delivered, o.status, o.text]),
      note: `Kilde: ${outputSource}, planår ${latest?.figures?.planYear ?? live.planYear}. Antal personer under 5 vises som «<5».`,
    });
    sources.push(`Output: Helhed, planår ${latest?.figures?.planYear ?? live.planYear}, ${outputSource}`);
    for (const o of outputs) if (o.status === 'bagud') attention.push({ kind: 'output', text: `${activityName}: «${o.measure}» er bagud (${o.text ?? o.delivered}).` });
  }

  // Hours are per organisation: each organisation's delivered line, live lines for those that did not deliver.
  const hourRows: ReportCell[][] = [];
  for (const line of live.hours) {
    const mine = delivered.find((d) => d.figures?.hours.some((h) => organisationMatches(h.organisation, line.organisation)));
    const deliveredLine = mine?.figures?.hours.find((h) => organisationMatches(h.organisation, line.organisation));
    const shown = deliveredLine ?? line;
    hourRows.push([line.organisation, line.printed, hoursCell(shown.agreedPerYear), hoursCell(shown.expectedByNow), hoursCell(shown.delivered), shown.status, mine ? `leveret ${longDate(mine.deliveredAt)}` : 'aktuelt tal']);
    if (shown.status === 'bagud') attention.push({ kind: 'hours', text: `${activityName}: ${line.organisation} har leveret ${formatDecimal(shown.delivered)} af ${formatDecimal(shown.expectedByNow ?? 0)} forventede timer.` });
    if (deliveredLine && Math.abs(deliveredLine.delivered - line.delivered) > 1e-9) {
      attention.push({ kind: 'correction', text: `${activityName}: ${line.organisation} har rettet sine timer efter leveringen: ${formatDecimal(line.delivered)} timer pr. ${longDate(cutoffDate)} mod ${formatDecimal(deliveredLine.delivered)} leveret.` });
    }
  }
  if (hourRows.length > 0) {
    blocks.push({
      kind: 'table',
      caption: `${activityName}: medarbejdertimer, aftalt og leveret i planåret`,
      columns: [
        { label: 'Organisation', format: 'text' },
        { label: 'Aftale i planen', format: 'text' },
        { label: 'Aftalt pr. år', format: 'decimal1' },
        { label: 'Forventet til nu', format: 'decimal1' },
        { label: 'Leveret', format: 'decimal1' },
        { label: 'Status', format: 'text' },
        { label: 'Tallet er', format: 'text' },
      ],
      rows: hourRows,
    });
    sources.push(`Medarbejdertimer: partnernes månedlige indberetninger i Helhed, planår ${live.planYear}`);
  }

  const milestones = latest?.figures?.milestones ?? live.milestones;
  if (milestones.length > 0) {
    blocks.push({
      kind: 'table',
      caption: `${activityName}: milepæle`,
      columns: [
        { label: 'Milepæl', format: 'text' },
        { label: 'Frist', format: 'date' },
        { label: 'Ansvarlig', format: 'text' },
        { label: 'Status', format: 'text' },
        { label: 'Markering', format: 'text' },
      ],
      rows: milestones.map((m) => [m.title, m.dueDate, m.owner, m.status, m.flag ? `${m.flag}${m.reason ? `: ${m.reason}` : ''}` : null]),
      note: `Kilde: ${latest ? deliveredBy(latest) : liveSource}.`,
    });
    for (const m of milestones) if (m.flag === 'forsinket' || m.flag === 'i risiko') attention.push({ kind: 'milestone', text: `${activityName}: «${m.title}» er ${m.flag}${m.reason ? `. ${m.reason}` : '.'}` });
  }
  return { blocks, sources, attention };
}
