/**
 * The monitoring model of a plan, kept while neither the measurements (their data stamp) nor the plan's content (its
 * snapshot) change. Every dashboard reads from it.
 */
import type { Db } from '../db/database.js';
import type { PlanService } from '../plan/plan.service.js';
import type { PlanSnapshot } from '../plan/plan-snapshot.js';
import { indicatorCatalogue, type IndicatorCatalogue } from './indicator-catalogue.js';
import { MonitoringModel } from './monitoring-model.js';
import type { Measurement } from './measurement.js';
import { toMeasurement } from './measurements.service.js';
import * as repo from './measurements.repository.js';
import type { FlagConfig } from './data-quality.js';
import type { StatusTolerance } from './status.js';

export interface MonitoringView {
  snapshot: PlanSnapshot;
  catalogue: IndicatorCatalogue;
  model: MonitoringModel;
}

export interface MonitoringOptions {
  flags?: FlagConfig;
  tolerance?: Partial<StatusTolerance>;
  threshold?: number;
}

export class MonitoringService {
  private readonly cache = new Map<string, { stamp: string; snapshot: PlanSnapshot; model: MonitoringModel }>();
  private readonly building = new Map<string, Promise<MonitoringModel>>();

  constructor(
    private readonly database: Db,
    private readonly plans: PlanService,
    private readonly options: MonitoringOptions = {},
  ) {}

  /** Builds the model of a plan's new data at once, so that the first page after an import or correction is quick. */
  warm(planId: string): void {
    void this.view(planId).catch(() => undefined);
  }

  async view(planId: string): Promise<MonitoringView> {
    const [snapshot, stamp] = await Promise.all([this.plans.snapshot(planId), repo.dataStamp(this.database.db, planId)]);
    const catalogue = indicatorCatalogue(snapshot);
    const cached = this.cache.get(planId);
    if (cached && cached.stamp === stamp && cached.snapshot === snapshot) return { snapshot, catalogue, model: cached.model };
    const key = `${planId}|${stamp}|${snapshot.stamp}`;
    let pending = this.building.get(key);
    if (!pending) {
      pending = this.build(planId, stamp, catalogue);
      this.building.set(key, pending);
    }
    try {
      const model = await pending;
      this.cache.set(planId, { stamp, snapshot, model });
      return { snapshot, catalogue, model };
    } finally {
      this.building.delete(key);
    }
  }

  private async build(planId: string, stamp: string, catalogue: IndicatorCatalogue): Promise<MonitoringModel> {
    const measurements: Measurement[] = [];
    for await (const page of repo.pagedCurrent(this.database.db, planId)) {
      for (let i = 0; i < page.length; i++) measurements.push(toMeasurement(page[i]!, planId));
    }
    return new MonitoringModel(stamp, catalogue, measurements, this.options);
  }
}
