/**
 * The report builders, one per kind of report: each makes a `ReportDocument` from the live data of a plan, up to the
 * cut-off date. The report engine (`../reports.service.ts`) shows, freezes and compares what they make.
 */
import type { AppServices } from '../../app.js';
import type { ReportDocument, ReportKind } from '../report-document.js';
import { annualDataReport } from './annual-data-report.js';
import { annualReport } from './annual-report.js';
import { progressReport } from './progress-report.js';

export interface ReportBuildContext {
  services: AppServices;
  planId: string;
  subjectKey: string;
  /** ISO date: data recorded or valid after this day is left out. */
  cutoffDate: string;
}

export interface ReportSubject {
  key: string;
  label: string;
}

export interface ReportDefinition {
  kind: ReportKind;
  /** Danish name, e.g. «Fremdriftsrapport til styregruppen». */
  name: string;
  /** Who it goes to and what it is for, in Danish. */
  description: string;
  /** What reports of this kind can be made for (the steering group's meetings, the years of the plan). */
  subjects(services: AppServices, planId: string): Promise<ReportSubject[]>;
  build(context: ReportBuildContext): Promise<ReportDocument>;
}

export const REPORT_DEFINITIONS: Record<ReportKind, ReportDefinition> = {
  fremdrift: progressReport,
  datarapport: annualDataReport,
  aarsrapport: annualReport,
};
