/**
 * Convening the crisis group when an incident is activated or its level changes (issue 7, part 3).
 */
import type { AppServices } from '../app.js';
import type { Actor } from '../audit/audit.service.js';

export class ConveningService {
  constructor(private readonly services: AppServices) {}

  /**
   * Called by the incidents service after an activation commits and after each level change: the first call convenes
   * the crisis group's principal members, later calls send everyone the new deadline.
   */
  async onLevelSet(_actor: Actor, _planId: string, _incidentId: string): Promise<unknown> {
    void this.services;
    return null;
  }
}

const instances = new WeakMap<object, ConveningService>();

export function conveningServiceFor(services: AppServices): ConveningService {
  let service = instances.get(services);
  if (!service) {
    service = new ConveningService(services);
    instances.set(services, service);
  }
  return service;
}
