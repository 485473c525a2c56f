/**
 * The progress report (fremdriftsrapport) for a steering-group meeting (plan lines 3258-3259: «fremdriftsafrapportering»
 * is a fixed item of the steering group's agenda): assembled from the member organisations' deliveries for the
 * meeting: who has delivered and who has not; per intervention area and activity the partners' narratives, outputs
 * against the plan year's targets, hours agreed against delivered and milestones with flags; and first of all what
 * needs the steering group's attention.
 */
import type { AppServices } from '../../app.js';
import type { HoursLine } from '../../activities/staff-hours.service.js';
import { NotFoundError } from '../../errors/errors.js';
import { deliveryStatus, type DeliveryFigures } from '../../governance/deliveries.js';
import { deliveryServiceFor, type DeliveryRequestView } from '../../governance/deliveries.service.js';
import { meetingLabel, meetingServiceFor } from '../../governance/meetings.service.js';
import type { StoredAssessment } from '../../governance/milestones.service.js';
import type { Activity } from '../../plan/content/types.js';
import type { ActivityOutput } from '../../activities/outputs.service.js';
import { danishDateOf } from '../../time/copenhagen.js';
import type { ReportCell, ReportDocument, ReportSection } from '../report-document.js';
import type { ReportBuildContext, ReportDefinition, ReportSubject } from './index.js';
import { activityProgress, attentionBlocks, type AttentionItem, type DeliveredItem } from './progress-figures.js';
import { cutoffEnd, cutoffSection, formatDecimal, longDate, planNameOf, servicesAt, uniqueSources } from './sections.js';

async function subjects(services: AppServices, planId: string): Promise<ReportSubject[]> {
  const meetings = await meetingServiceFor(services).list(planId, { body: 'styregruppe' });
  return meetings.map((m) => ({ key: m.id, label: `${meetingLabel(m)}${m.status === 'aflyst' ? ' (aflyst)' : ''}` }));
}

/** The live figures of an activity at the cut-off, in the shape a delivery stores them, for every organisation. */
function liveFigures(slug: string, planYear: string, capturedAt: string, hours: readonly HoursLine[], output: ActivityOutput | undefined, milestones: readonly StoredAssessment[]): DeliveryFigures {
  return {
    capturedAt,
    planYear,
    hours: hours
      .filter((l) => l.activitySlug === slug)
      .map((l) => ({ organisation: l.organisation, printed: l.printed, agreedPerYear: l.hoursPerYear, expectedByNow: l.assessment.expectedByNow, delivered: l.delivered, status: l.assessment.status })),
    outputs: (output?.targets ?? []).map((t) => ({ code: t.target.code, measure: t.target.measure, printed: t.target.printed, delivered: t.delivered.text, status: t.status, text: t.assessment?.text ?? null })),
    milestones: milestones
      .filter((m) => (m.milestone.activity ?? '') === slug)
      .map((m) => ({ title: m.milestone.title, dueDate: m.milestone.dueDate, owner: m.milestone.owner, status: m.milestone.status, flag: m.flag, reason: m.reason })),
  };
}

/** Whether a request counts as delivered by the cut-off. */
function deliveredBy(request: DeliveryRequestView, end: number): boolean {
  return request.deliveredAt !== null && Date.parse(request.deliveredAt) < end;
}

function deliveriesSection(requests: readonly DeliveryRequestView[], end: number, cutoffDate: string): { section: ReportSection; missing: AttentionItem[] } {
  const rows: ReportCell[][] = requests.map((r) => {
    const on = deliveredBy(r, end) ? danishDateOf(new Date(r.deliveredAt!)) : null;
    const late = r.deliveredAt !== null && !on ? 'leveret efter skæringsdatoen' : null;
    return [r.organisationName, r.deadline, on, late ?? deliveryStatus(r.deadline, on, cutoffDate), r.reminderCount];
  });
  const delivered = requests.filter((r) => deliveredBy(r, end));
  const missing = requests.filter((r) => !deliveredBy(r, end)).map((r): AttentionItem => ({ kind: 'missing', text: `${r.organisationName} har ikke leveret (frist ${longDate(r.deadline)}).` }));
  const general = delivered.flatMap((r) => r.items.filter((i) => i.activitySlug === '' && i.narrative).map((i) => `${r.organisationName}: ${i.narrative!.trim()}`));
  return {
    section: {
      key: 'leverancer',
      title: 'Partnernes leverancer',
      blocks: [
        {
          kind: 'paragraph',
          text: requests.length === 0 ? 'Der er ikke bedt om leverancer til mødet.' : `${delivered.length} af ${requests.length} organisationer har leveret til mødet.`,
        },
        ...(requests.length > 0
          ? [{
              kind: 'table' as const,
              caption: 'Leverancer pr. organisation',
              columns: [
                { label: 'Organisation', format: 'text' as const },
                { label: 'Frist', format: 'date' as const },
                { label: 'Leveret', format: 'date' as const },
                { label: 'Status', format: 'text' as const },
                { label: 'Rykkere', format: 'integer' as const },
              ],
              rows,
            }]
          : []),
        ...(general.length > 0 ? [{ kind: 'paragraph' as const, text: 'Fortællinger, der ikke gælder en bestemt aktivitet:' }, { kind: 'list' as const, items: general }] : []),
      ],
      sources: [`Leverancer: organisationernes afleveringer i Helhed til og med ${longDate(cutoffDate)}`],
    },
    missing,
  };
}

async function build(context: ReportBuildContext): Promise<ReportDocument> {
  const { services, planId, subjectKey, cutoffDate } = context;
  const meeting = await meetingServiceFor(services).get(planId, subjectKey);
  if (meeting.body !== 'styregruppe') throw new NotFoundError('Fremdriftsrapporten laves til styregruppens møder; det valgte møde er bestyrelsens.');
  const end = cutoffEnd(cutoffDate).getTime();
  const at = servicesAt(services, cutoffDate);
  const [deliveries, snapshot, outputs, hours, milestones, planName] = await Promise.all([
    deliveryServiceFor(services).forMeeting(planId, meeting.id),
    services.plan.snapshot(planId),
    at.outputs.overview({ suppressAll: true }, planId),
    at.hours.overview(planId),
    at.milestones.assessed(planId),
    planNameOf(services, planId),
  ]);
  const capturedAt = services.clock().toISOString();
  const { section: deliveriesPart, missing } = deliveriesSection(deliveries.requests, end, cutoffDate);
  const attention: AttentionItem[] = [...missing];

  const areaSections = snapshot.interventionAreas().map((ia): ReportSection => {
    const blocks: ReportSection['blocks'] = [];
    const sources: string[] = [];
    for (const activity of snapshot.childrenOf<Activity>(ia.id, 'activity').map((a) => a.data)) {
      const delivered: DeliveredItem[] = deliveries.requests
        .filter((r) => deliveredBy(r, end))
        .flatMap((r) => r.items.filter((i) => i.activitySlug === activity.slug).map((i) => ({ organisation: r.organisationName, deliveredAt: r.deliveredAt!, narrative: i.narrative, figures: i.figures })));
      const live = liveFigures(activity.slug, outputs.year.label, capturedAt, hours.lines, outputs.activities.find((a) => a.slug === activity.slug), milestones);
      const progress = activityProgress(activity.name, delivered, live, cutoffDate);
      blocks.push({ kind: 'paragraph', text: `Aktivitet: ${activity.name}` }, ...progress.blocks);
      sources.push(...progress.sources);
      attention.push(...progress.attention);
    }
    const areaHours = hours.lines.filter((l) => l.interventionAreaSlug === ia.data.slug && l.activitySlug === '');
    if (areaHours.length > 0) {
      blocks.push({
        kind: 'table',
        caption: `${ia.data.name}: medarbejdertimer aftalt for indsatsområdet som helhed`,
        columns: [
          { label: 'Organisation', format: 'text' },
          { label: 'Aftalt pr. år', format: 'decimal1' },
          { label: 'Forventet til nu', format: 'decimal1' },
          { label: 'Leveret', format: 'decimal1' },
          { label: 'Status', format: 'text' },
        ],
        rows: areaHours.map((l) => [l.organisation, l.hoursPerYear, l.assessment.expectedByNow === null ? null : Math.round(l.assessment.expectedByNow * 10) / 10, l.delivered, l.assessment.status]),
        note: `Aktuelle tal pr. ${longDate(cutoffDate)}: timer for indsatsområdet som helhed indgår ikke i partnernes leverancer pr. aktivitet.`,
      });
      for (const l of areaHours) if (l.assessment.status === 'bagud') attention.push({ kind: 'hours', text: `${ia.data.name} som helhed: ${l.organisation} har leveret ${formatDecimal(l.delivered)} af ${formatDecimal(l.assessment.expectedByNow ?? 0)} forventede timer.` });
      sources.push(`Medarbejdertimer: partnernes månedlige indberetninger i Helhed, planår ${hours.year.label}`);
    }
    return { key: `indsats-${ia.data.slug}`, title: `Indsatsområde: ${ia.data.name}`, blocks, sources: uniqueSources(sources) };
  });

  return {
    kind: 'fremdrift',
    subjectKey,
    title: `Fremdriftsrapport til ${meetingLabel(meeting).replace(/^Styregruppemøde/, 'styregruppemødet')}`,
    subtitle: `Samlet af partnernes leverancer til mødet ${longDate(meeting.date)}, data til og med ${longDate(cutoffDate)}`,
    planName,
    cutoffDate,
    generatedAt: capturedAt,
    sections: [
      {
        key: 'opmaerksomhed',
        title: 'Det skal styregruppen være opmærksom på',
        blocks: attentionBlocks(attention),
        sources: [],
      },
      deliveriesPart,
      ...areaSections,
      cutoffSection(
        cutoffDate,
        [
          `Leverancer afleveret efter ${longDate(cutoffDate)} regnes som ikke leveret, og deres indhold er udeladt.`,
          'Hvor en partner har leveret, viser rapporten tallene, som de stod ved leveringen; ellers aktuelle tal pr. skæringsdatoen, og hver tabel siger hvilke.',
          `Tempo, forventede timer og milepælenes markeringer er vurderet pr. ${longDate(cutoffDate)}; afholdte forløbsgange efter datoen tælles ikke.`,
        ],
        [
          'Aktuelle tal omfatter alle timeindberetninger for planårets måneder og alle indskrivninger i planåret, som de er registreret, når rapporten dannes: en senere indberetning eller rettelse for en måned før skæringsdatoen tæller med.',
          'Milepælenes status er den seneste registrerede.',
        ],
      ),
    ],
  };
}

export const progressReport: ReportDefinition = {
  kind: 'fremdrift',
  name: 'Fremdriftsrapport til styregruppen',
  description: 'Til styregruppens møder: partnernes leverancer, fortællinger, output mod planårets mål, medarbejdertimer og milepæle pr. indsatsområde og aktivitet, og hvad der kræver opmærksomhed.',
  subjects,
  build,
};
