/**
 * Den boligsociale Helhedsplan Randers 2025-29 as data: everything the plan module loads on first start. Each part is
 * its own file, reviewed against the plan's text (source/), with line references on every figure.
 */
import { areas, PLAN_TOTALS } from './areas.js';
import { cohesion } from './cohesion.js';
import { crimePrevention, crimePreventionMunicipalContext, crimePreventionNotes } from './crime-prevention.js';
import { education, educationMunicipalLink, educationProblemRemarks } from './education.js';
import { employment } from './employment.js';
import { organisation, organisationRemarks } from './organisation.js';
import { strategicAgreement, strategicAgreementRemarks } from './strategic-agreement.js';
import type { AreaContent, DataRemark, InterventionArea, Organisation, PlanRef, StrategicAgreement } from './types.js';

/** An intervention area with the plan's remarks on it and its link to the municipality's own efforts. */
export interface InterventionAreaContent extends InterventionArea {
  remarks: DataRemark[];
  municipalContext?: { text: string; ref: PlanRef };
}

export interface PlanContent {
  slug: string;
  name: string;
  areas: AreaContent[];
  totals: { tenancies: { approximately: number; printed: string; ref: PlanRef }; residents: { approximately: number; printed: string; ref: PlanRef } };
  strategicAgreement: StrategicAgreement & { remarks: DataRemark[] };
  interventionAreas: InterventionAreaContent[];
  organisation: Organisation & { remarks: DataRemark[] };
}

export const randersPlanContent: PlanContent = {
  slug: 'randers-2025-29',
  name: 'Den boligsociale Helhedsplan Randers 2025-29',
  areas,
  totals: PLAN_TOTALS,
  strategicAgreement: { ...strategicAgreement, remarks: strategicAgreementRemarks },
  interventionAreas: [
    { ...education, remarks: educationProblemRemarks, municipalContext: educationMunicipalLink },
    { ...employment, remarks: [] },
    { ...crimePrevention, remarks: crimePreventionNotes.map(({ ref, ...remark }) => ({ ...remark, text: `${remark.text} (linje ${ref.lines[0]}-${ref.lines[1]})` })), municipalContext: crimePreventionMunicipalContext },
    { ...cohesion, remarks: [] },
  ],
  organisation: { ...organisation, remarks: organisationRemarks },
};
