import { AddressResolver } from '../areas/address-resolver.js';
import type { ElementKind } from './change-policy.js';
import type { Activity, AreaContent, Body, ChangeRule, CrisisRole, DataRemark, Goal, Indicator, StrategicAgreement, SubGoal } from './content/types.js';
import type { InterventionAreaContent } from './content/index.js';
import { SearchIndex, type SearchEntry } from './search.js';

/** One element of the plan at its current version. */
export interface PlanElement<T = unknown> {
  id: string;
  kind: ElementKind;
  key: string;
  parentId: string | null;
  position: number;
  version: number;
  updatedAt: string;
  updatedBy: string;
  data: T;
}

export type StrategicAgreementData = Omit<StrategicAgreement, 'goals'> & { remarks: DataRemark[] };
export type GoalData = Omit<Goal, 'indicators'>;
export type SubGoalData = Omit<SubGoal, 'indicators'>;
export type InterventionAreaData = Omit<InterventionAreaContent, 'subGoals' | 'activities'>;

/**
 * The current content of one plan, read once and kept while no version is added: the tree, lookups by key, the
 * address resolver built from the areas' address lists, and the search index.
 */
export class PlanSnapshot {
  private readonly byId = new Map<string, PlanElement>();
  private readonly byKindKey = new Map<string, PlanElement>();
  private readonly children = new Map<string, PlanElement[]>();
  private resolverCache: AddressResolver | null = null;
  private searchCache: SearchIndex | null = null;

  constructor(
    readonly planId: string,
    readonly stamp: string,
    readonly elements: readonly PlanElement[],
  ) {
    for (const e of elements) {
      this.byId.set(e.id, e);
      this.byKindKey.set(`${e.kind}:${e.key}`, e);
      if (e.parentId) this.children.set(e.parentId, [...(this.children.get(e.parentId) ?? []), e]);
    }
  }

  get(id: string): PlanElement | undefined {
    return this.byId.get(id);
  }

  find<T>(kind: ElementKind, key: string): PlanElement<T> | undefined {
    return this.byKindKey.get(`${kind}:${key}`) as PlanElement<T> | undefined;
  }

  ofKind<T>(kind: ElementKind): PlanElement<T>[] {
    return this.elements.filter((e) => e.kind === kind) as PlanElement<T>[];
  }

  childrenOf<T>(id: string, kind?: ElementKind): PlanElement<T>[] {
    return (this.children.get(id) ?? []).filter((e) => !kind || e.kind === kind) as PlanElement<T>[];
  }

  parentOf(element: PlanElement): PlanElement | undefined {
    return element.parentId ? this.byId.get(element.parentId) : undefined;
  }

  strategicAgreement(): PlanElement<StrategicAgreementData> | undefined {
    return this.ofKind<StrategicAgreementData>('strategic-agreement')[0];
  }

  areas(): PlanElement<AreaContent>[] {
    return this.ofKind<AreaContent>('area');
  }

  interventionAreas(): PlanElement<InterventionAreaData>[] {
    return this.ofKind<InterventionAreaData>('intervention-area');
  }

  activities(): PlanElement<Activity>[] {
    return this.ofKind<Activity>('activity');
  }

  indicators(): PlanElement<Indicator>[] {
    return this.ofKind<Indicator>('indicator');
  }

  /** The activities whose target group includes the area (an empty area list means all seven areas). */
  activitiesForArea(slug: string): PlanElement<Activity>[] {
    return this.activities().filter((a) => a.data.targetGroup.areas.length === 0 || a.data.targetGroup.areas.includes(slug));
  }

  resolver(): AddressResolver {
    this.resolverCache ??= new AddressResolver(
      this.areas().flatMap((a) => a.data.addresses.map((l) => ({ areaSlug: a.data.slug, areaName: a.data.name, street: l.street, numbers: l.numbers }))),
    );
    return this.resolverCache;
  }

  searchIndex(): SearchIndex {
    if (this.searchCache) return this.searchCache;
    const entries: SearchEntry[] = [];
    for (const a of this.areas()) {
      entries.push({ kind: 'area', title: a.data.name, text: [...a.data.districtSchools, ...a.data.institutions, ...a.data.estates.map((e) => `${e.organisation} ${e.name}`)].join(' '), url: `/omraader/${a.data.slug}`, context: 'Boligområde' });
      for (const l of a.data.addresses) entries.push({ kind: 'street', title: l.street, text: l.numbers, url: `/omraader/${a.data.slug}#adresser`, context: `${l.numbers} · ${a.data.name}` });
    }
    for (const ia of this.interventionAreas()) entries.push({ kind: 'intervention-area', title: ia.data.name, text: ia.data.problem, url: `/indsatsomraader/${ia.data.slug}`, context: 'Indsatsområde' });
    for (const act of this.activities()) {
      const ia = this.parentOf(act) as PlanElement<InterventionAreaData> | undefined;
      entries.push({ kind: 'activity', title: act.data.name, text: `${act.data.purpose} ${act.data.targetGroup.text} ${act.data.content}`, url: `/aktiviteter/${act.data.slug}`, context: `Aktivitet · ${ia?.data.name ?? ''}` });
    }
    for (const ind of this.indicators()) entries.push({ kind: 'indicator', title: ind.data.name, text: `${ind.data.description ?? ''} ${ind.data.dataSource}`, url: `/indikatorer/${ind.data.code}`, context: `Indikator ${ind.data.code}` });
    for (const g of this.ofKind<GoalData>('goal')) entries.push({ kind: 'goal', title: g.data.title, text: g.data.text, url: `/planen#maal-${g.data.code}`, context: 'Overordnet mål' });
    for (const s of this.ofKind<SubGoalData>('sub-goal')) {
      const ia = this.parentOf(s) as PlanElement<InterventionAreaData> | undefined;
      entries.push({ kind: 'sub-goal', title: s.data.text, text: '', url: `/indsatsomraader/${ia?.data.slug ?? ''}#delmaal-${s.data.code}`, context: `Delmål · ${ia?.data.name ?? ''}` });
    }
    for (const b of this.ofKind<Body>('body')) entries.push({ kind: 'body', title: b.data.name, text: `${b.data.purpose} ${b.data.members.map((m) => `${m.organisation} ${m.position ?? ''}`).join(' ')}`, url: `/organisation#${b.data.slug}`, context: 'Organisation' });
    this.searchCache = new SearchIndex(entries);
    return this.searchCache;
  }

  bodies(): PlanElement<Body>[] {
    return this.ofKind<Body>('body');
  }

  changeRules(): PlanElement<ChangeRule>[] {
    return this.ofKind<ChangeRule>('change-rule');
  }

  crisisRoles(): PlanElement<CrisisRole>[] {
    return this.ofKind<CrisisRole>('crisis-role');
  }
}
