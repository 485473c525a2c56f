import { Type, type TSchema } from '@sinclair/typebox';
import type { ElementKind } from './change-policy.js';

/** The parts of plan elements that can be changed, with the shape each must have (validated before any change). */

const Text = (max = 20_000) => Type.String({ minLength: 1, maxLength: max });
const PlanRefSchema = Type.Object({ lines: Type.Tuple([Type.Integer(), Type.Integer()]), page: Type.Optional(Type.Integer()) });
const RemarkSchema = Type.Object({ kind: Type.Union([Type.Literal('contradiction'), Type.Literal('ocr-uncertain'), Type.Literal('reconstructed'), Type.Literal('note')]), text: Text(2000) });
const Remarks = Type.Optional(Type.Array(RemarkSchema, { maxItems: 50 }));
const Count = Type.Number({ minimum: 0, maximum: 1_000_000 });

export const ActivityTargetSchema = Type.Object(
  {
    code: Type.String({ minLength: 1, maxLength: 60, pattern: '^[a-z0-9-]+$' }),
    measure: Text(300),
    kind: Type.Union([Type.Literal('minimum'), Type.Literal('maximum'), Type.Literal('range'), Type.Literal('approximate'), Type.Literal('exact')]),
    min: Type.Optional(Count),
    max: Type.Optional(Count),
    value: Type.Optional(Count),
    per: Type.Union([Type.Literal('plan-year'), Type.Literal('summer'), Type.Literal('course'), Type.Literal('plan-period'), Type.Literal('half-year'), Type.Literal('other')]),
    printed: Text(300),
    ref: Type.Optional(PlanRefSchema),
    remarks: Remarks,
  },
  { additionalProperties: false },
);

export const StaffHoursSchema = Type.Object(
  {
    organisation: Text(200),
    activity: Type.Optional(Type.String({ maxLength: 80 })),
    hoursPerYear: Type.Optional(Count),
    hoursInPeriod: Type.Optional(Count),
    printed: Text(300),
    ref: Type.Optional(PlanRefSchema),
    remarks: Remarks,
  },
  { additionalProperties: false },
);

const TargetGroupSchema = Type.Object(
  {
    text: Text(5000),
    ageMin: Type.Optional(Type.Integer({ minimum: 0, maximum: 120 })),
    ageMax: Type.Optional(Type.Integer({ minimum: 0, maximum: 120 })),
    areas: Type.Array(Type.String({ maxLength: 80 }), { maxItems: 20 }),
    institutions: Type.Array(Text(200), { maxItems: 50 }),
    schools: Type.Array(Text(200), { maxItems: 50 }),
    criteria: Type.Array(Text(1000), { maxItems: 50 }),
  },
  { additionalProperties: false },
);

const RolesSchema = Type.Array(Type.Object({ organisation: Text(200), role: Text(2000) }, { additionalProperties: false }), { maxItems: 50 });

/** Per kind of element: the fields that may be changed and their schemas. */
export const EDITABLE_FIELDS: Partial<Record<ElementKind, Record<string, TSchema>>> = {
  activity: {
    name: Text(200),
    purpose: Text(),
    targetGroup: TargetGroupSchema,
    content: Text(),
    responsibility: Text(),
    roles: RolesSchema,
    resources: Type.String({ maxLength: 20_000 }),
    targets: Type.Array(ActivityTargetSchema, { maxItems: 50 }),
  },
  'intervention-area': {
    problem: Text(50_000),
    staffHours: Type.Array(StaffHoursSchema, { maxItems: 50 }),
    subAgreement: Type.Object(
      {
        parties: Type.Array(Text(200), { minItems: 1, maxItems: 30 }),
        periodStart: Type.String({ format: 'date' }),
        periodEnd: Type.String({ format: 'date' }),
        goal: Text(),
        ref: Type.Optional(PlanRefSchema),
      },
      { additionalProperties: false },
    ),
  },
  'sub-goal': { text: Text(5000) },
  goal: { title: Text(500), text: Text(5000) },
  indicator: {
    name: Text(500),
    description: Type.String({ maxLength: 5000 }),
    targetGroup: Type.String({ maxLength: 1000 }),
    dataSource: Text(1000),
    direction: Type.Union([Type.Literal('higher-is-better'), Type.Literal('lower-is-better'), Type.Literal('level-with-municipality')]),
  },
  body: {
    purpose: Text(),
    cadence: Type.String({ maxLength: 5000 }),
    tasks: Type.Array(Text(2000), { maxItems: 50 }),
    members: Type.Array(Type.Object({ role: Text(200), organisation: Text(200), position: Type.Optional(Type.String({ maxLength: 200 })) }, { additionalProperties: false }), { maxItems: 60 }),
  },
};

export const ELEMENT_KIND_LABELS: Record<ElementKind, string> = {
  'strategic-agreement': 'Strategisk aftale',
  goal: 'Overordnet mål',
  indicator: 'Indikator',
  'intervention-area': 'Indsatsområde',
  'sub-goal': 'Delmål',
  activity: 'Aktivitet',
  area: 'Boligområde',
  body: 'Organ',
  'change-rule': 'Regel for ændringer',
  'crisis-role': 'Rolle i beredskabsgruppen',
  'plan-notes': 'Bemærkninger til planen',
};

export const FIELD_LABELS: Record<string, string> = {
  name: 'Navn',
  purpose: 'Formål',
  targetGroup: 'Målgruppe',
  content: 'Indhold',
  responsibility: 'Ansvar',
  roles: 'Roller',
  resources: 'Ressourcer',
  targets: 'Mål',
  problem: 'Problemstilling',
  staffHours: 'Personaletimer',
  subAgreement: 'Delaftale',
  text: 'Tekst',
  title: 'Titel',
  description: 'Beskrivelse',
  dataSource: 'Datakilde',
  direction: 'Ønsket retning',
  cadence: 'Mødekadence',
  tasks: 'Opgaver',
  members: 'Medlemmer',
};
