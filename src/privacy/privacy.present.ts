/**
 * One person's export as the JSON document an administrator hands over: every row Helhed holds about them, under the
 * database's own field names (so nothing is renamed away or left out), grouped by what it is.
 */
import type { PersonExport } from './privacy.service.js';

const parsed = (json: string | null): unknown => {
  if (json === null) return null;
  try {
    return JSON.parse(json);
  } catch {
    return json;
  }
};

/** The export as JSON-ready data. */
export function personExportJson(data: PersonExport) {
  return {
    about:
      'Alle oplysninger, Helhed har om personen: deltageren, husstanden, samtykker, tilmeldinger, forløb, fremmøde, udfaldsmålinger og logposter om læsninger og ændringer.',
    exportedAt: data.exportedAt,
    planId: data.planId,
    participant: data.participant,
    household: data.household,
    consents: data.consents,
    enrolments: data.enrolments.map((e) => ({ ...e, activity_name: data.activityNames[e.activity_slug] ?? e.activity_slug, findings: parsed(e.findings) })),
    courses: data.courses.map((c) => ({ ...c, activity_name: data.activityNames[c.activity_slug] ?? c.activity_slug })),
    attendance: data.attendance,
    outcomeMeasurements: data.outcomes,
    personalDataReads: data.reads,
    auditEntries: data.audit.map((a) => ({ ...a, before_json: parsed(a.before_json), after_json: parsed(a.after_json) })),
  };
}
