/** What a plan element is called on a page and where its page is, for links from history, proposals and search. */
import type { Activity, AreaContent, Body, ChangeRule, Indicator } from './content/types.js';
import type { GoalData, InterventionAreaData, PlanElement, PlanSnapshot, SubGoalData } from './plan-snapshot.js';
import { SUBJECT_LABELS } from './change-policy.js';

export function elementTitle(element: PlanElement): string {
  const data = element.data as Record<string, unknown>;
  switch (element.kind) {
    case 'area':
      return (data as unknown as AreaContent).name;
    case 'activity':
      return (data as unknown as Activity).name;
    case 'intervention-area':
      return (data as unknown as InterventionAreaData).name;
    case 'indicator':
      return (data as unknown as Indicator).name;
    case 'goal':
      return (data as unknown as GoalData).title;
    case 'sub-goal':
      return (data as unknown as SubGoalData).text;
    case 'body':
      return (data as unknown as Body).name;
    case 'change-rule':
      return SUBJECT_LABELS[(data as unknown as ChangeRule).subject];
    case 'strategic-agreement':
      return 'Den strategiske aftale';
    case 'plan-notes':
      return 'Planens bemærkninger og samlede tal';
    case 'crisis-role':
      return 'Rolle i beredskabsgruppen';
  }
}

/** The page showing the element, with an anchor where it is part of a larger page. */
export function elementUrl(snapshot: PlanSnapshot, element: PlanElement): string {
  const data = element.data as Record<string, string>;
  switch (element.kind) {
    case 'area':
      return `/omraader/${data.slug}`;
    case 'activity':
      return `/aktiviteter/${data.slug}`;
    case 'intervention-area':
      return `/indsatsomraader/${data.slug}`;
    case 'indicator':
      return `/indikatorer/${data.code}`;
    case 'goal':
      return `/planen#maal-${data.code}`;
    case 'sub-goal': {
      const parent = snapshot.parentOf(element) as PlanElement<InterventionAreaData> | undefined;
      return `/indsatsomraader/${parent?.data.slug ?? ''}#delmaal-${data.code}`;
    }
    case 'body':
      return `/organisation#${data.slug}`;
    case 'change-rule':
      return '/organisation#regler-for-aendringer';
    case 'crisis-role':
      return '/organisation#beredskabsgruppen';
    case 'strategic-agreement':
      return '/planen#strategisk-aftale';
    case 'plan-notes':
      return '/omraader';
  }
}
