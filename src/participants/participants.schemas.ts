/**
 * The JSON API's shapes for participants, households, consents and enrolments (TypeBox), one per route and part.
 * Field names are English as in the rest of the API; query parameters Danish as on the pages.
 */
import { Type, type Static } from '@sinclair/typebox';
import { Nullable } from '../api/schema.js';
import { CONSENT_GIVERS, LEGAL_BASES } from './consent-rules.js';
import { ENROLMENT_STATUSES, REFERRAL_KINDS } from './enrolment-rules.js';
import { GENDERS } from './participant-rules.js';

const Text = (max: number, description?: string) => Type.String({ maxLength: max, ...(description ? { description } : {}) });
const IsoDate = (description?: string) => Type.String({ format: 'date', ...(description ? { description } : {}) });

export const CodeParams = Type.Object({ code: Type.String({ maxLength: 40, description: 'Deltagerkode, fx P-7K3P9Q2M-X' }) });
export const CodeAndIdParams = Type.Object({ code: Type.String({ maxLength: 40 }), id: Type.String({ maxLength: 64 }) });
export const HouseholdParams = Type.Object({ code: Type.String({ maxLength: 40, description: 'Husstandskode, fx H-7K3P9Q2M-X' }) });

export const SearchQuery = Type.Object({
  q: Type.Optional(Text(100, 'Begyndelsen af en deltagerkode (P-…) eller en del af et kaldenavn')),
  foedselsaar: Type.Optional(Text(10, 'Fødselsår, fx 2012')),
  omraade: Type.Optional(Text(100, 'Boligområdets kode, fx vangdalen')),
  aktivitet: Type.Optional(Text(100, 'Aktivitetens kode, fx brandkadet')),
  efter: Type.Optional(Text(40, 'Fortsæt efter denne deltagerkode (feltet next i svaret)')),
  antal: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
});
export type SearchQuery = Static<typeof SearchQuery>;

const gender = Type.Union([...GENDERS.map((g) => Type.Literal(g)), Type.Null()], { description: 'kvinde (også piger), mand (også drenge), andet eller null' });

export const ParticipantBody = Type.Object(
  {
    nickname: Type.Optional(Nullable(Text(60, 'Kaldenavn eller initialer'))),
    birthYearMonth: Type.Optional(Text(10, 'Fødselsår og -måned, ÅÅÅÅ-MM (kan udelades, når cpr er givet)')),
    gender: Type.Optional(gender),
    address: Type.Optional(Nullable(Text(200, 'Adressen: bruges til at finde boligområdet og gemmes kun, når keepAddress er sand'))),
    keepAddress: Type.Optional(Type.Boolean({ default: false })),
    area: Type.Optional(Nullable(Text(100, 'Boligområdets kode, når adressen ikke gives; «udenfor» for uden for boligområderne'))),
    institution: Type.Optional(Nullable(Text(200))),
    school: Type.Optional(Nullable(Text(200))),
    contactPerson: Type.Optional(Nullable(Text(200))),
    cpr: Type.Optional(Nullable(Text(20, 'Kun til at finde dubletter: gemmes aldrig, kun som nøglet hash'))),
    household: Type.Optional(Nullable(Text(40, 'Husstandskode (H-…)'))),
  },
  { additionalProperties: false },
);
export type ParticipantBody = Static<typeof ParticipantBody>;

export const ParticipantSchema = Type.Object({
  code: Type.String(),
  nickname: Type.Union([Type.String(), Type.Null()]),
  birthYearMonth: Type.String(),
  gender: Type.Union([Type.String(), Type.Null()]),
  area: Type.Union([Type.String(), Type.Null()]),
  address: Type.Union([Type.String(), Type.Null()]),
  institution: Type.Union([Type.String(), Type.Null()]),
  school: Type.Union([Type.String(), Type.Null()]),
  contactPerson: Type.Union([Type.String(), Type.Null()]),
  cprMatched: Type.Boolean({ description: 'Om der er gemt et nøglet CPR-hash til at finde dubletter' }),
  household: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String(),
  createdBy: Type.String(),
  updatedAt: Type.String(),
});

export const FindingSchema = Type.Object({ rule: Type.String(), severity: Type.String({ description: 'block, warn eller info' }), message: Type.String() });

export const EnrolmentSchema = Type.Object({
  id: Type.String(),
  activity: Type.String(),
  startDate: Type.String(),
  endDate: Type.Union([Type.String(), Type.Null()]),
  status: Type.String(),
  referralKind: Type.String(),
  referredFromActivity: Type.Union([Type.String(), Type.Null()]),
  referredBy: Type.Union([Type.String(), Type.Null()]),
  findings: Type.Array(FindingSchema),
  override: Type.Union([Type.Object({ reason: Type.String(), by: Type.String(), at: Type.String() }), Type.Null()]),
  createdAt: Type.String(),
  createdBy: Type.String(),
});

export const EnrolmentBody = Type.Object(
  {
    activity: Text(100, 'Aktivitetens kode, fx brandkadet'),
    startDate: IsoDate('Startdato, ÅÅÅÅ-MM-DD'),
    endDate: Type.Optional(Nullable(IsoDate('Slutdato, kun for afsluttet eller afbrudt'))),
    status: Type.Optional(Type.Union(ENROLMENT_STATUSES.map((s) => Type.Literal(s)), { default: 'aktiv' })),
    referralKind: Type.Optional(Type.Union(REFERRAL_KINDS.map((k) => Type.Literal(k)), { default: 'selv' })),
    referredFromActivity: Type.Optional(Nullable(Text(100, 'Aktiviteten, der henviste (referralKind aktivitet)'))),
    referredBy: Type.Optional(Nullable(Text(200, 'Partneren, der henviste (referralKind partner)'))),
    overrideReason: Type.Optional(Nullable(Text(1000, 'Begrundelse for at tilmelde en deltager, der ikke passer til målgruppen'))),
  },
  { additionalProperties: false },
);
export type EnrolmentBody = Static<typeof EnrolmentBody>;

export const EndEnrolmentBody = Type.Object(
  { endDate: IsoDate('Slutdato'), status: Type.Union([Type.Literal('afsluttet'), Type.Literal('afbrudt')]) },
  { additionalProperties: false },
);

export const ConsentSchema = Type.Object({
  id: Type.String(),
  enrolmentId: Type.Union([Type.String(), Type.Null()]),
  givenBy: Type.String(),
  givenByName: Type.Union([Type.String(), Type.Null()]),
  givenOn: Type.String(),
  purpose: Type.String(),
  legalBasis: Type.String(),
  legalBasisText: Type.String(),
  withdrawnOn: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String(),
  createdBy: Type.String(),
});

export const ConsentBody = Type.Object(
  {
    givenBy: Type.Union(CONSENT_GIVERS.map((g) => Type.Literal(g))),
    givenByName: Type.Optional(Nullable(Text(200, 'Navnet på forælderen eller værgen'))),
    givenOn: IsoDate('Datoen for samtykket'),
    purpose: Type.String({ minLength: 1, maxLength: 1000, description: 'Hvad der er givet samtykke til' }),
    legalBasis: Type.Union(LEGAL_BASES.map((b) => Type.Literal(b.code)), { description: LEGAL_BASES.map((b) => `${b.code}: ${b.label}`).join('; ') }),
    enrolmentId: Type.Optional(Nullable(Text(64, 'Tilmeldingen, samtykket gælder (ellers deltagelsen generelt)'))),
    withdrawnOn: Type.Optional(Nullable(IsoDate())),
  },
  { additionalProperties: false },
);
export type ConsentBody = Static<typeof ConsentBody>;

export const WithdrawBody = Type.Object({ withdrawnOn: IsoDate('Datoen, samtykket blev trukket tilbage') }, { additionalProperties: false });

export const HouseholdBody = Type.Object({ area: Type.Optional(Nullable(Text(100, 'Boligområdets kode'))) }, { additionalProperties: false });
export const HouseholdLinkBody = Type.Object({ household: Nullable(Text(40, 'Husstandskode, eller null for at fjerne deltageren fra sin husstand')) }, { additionalProperties: false });

export const MemberSchema = Type.Object({ code: Type.String(), nickname: Type.Union([Type.String(), Type.Null()]), birthYearMonth: Type.Union([Type.String(), Type.Null()]), area: Type.Union([Type.String(), Type.Null()]) });

const Problem = Type.Object({ row: Type.Integer(), column: Type.String(), message: Type.String() });
export const ImportErrorSchema = Type.Object({
  error: Type.Object({ code: Type.String(), message: Type.String(), problemCount: Type.Integer(), rows: Type.Array(Problem) }),
});
export const TargetGroupErrorSchema = Type.Object({
  error: Type.Object({ code: Type.String(), message: Type.String(), fields: Type.Array(Type.Object({ field: Type.String(), message: Type.String() })), findings: Type.Array(FindingSchema) }),
});
