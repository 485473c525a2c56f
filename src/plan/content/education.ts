/**
 * The intervention area «Uddannelse og livschancer» (OCR lines 725-1906 of the plan): the problem, the sub-agreement,
 * its three sub-goals with their indicators and baselines, the agreed staff hours and activities 1-8.
 *
 * Figures are kept as printed. Where the plan disagrees with itself, or OCR left a cell illegible, the figure keeps a
 * remark rather than a silent correction: the language-test table's counts do not add up (141 vs 164), Randers
 * Kommune's three language shares sum to 102,2 %, and two cells of the youth-education table are illegible.
 */
import type { Activity, Baseline, DataRemark, Indicator, InterventionArea, PlanRef, StaffHours } from './types.js';

const GJ = 'area:gl-jennumparken';
const HSV = 'area:hermann-stillings-vej-omraadet';
const CR = 'area:centrale-randers';
const EV = 'area:energivej-omraadet';
const GV = 'area:glarbjergvej-omraadet';
const SG = 'area:sjaellandsgade-kvarteret';
const VD = 'area:vangdalen';

type Scope = Baseline['scope'];

const ref = (first: number, last: number = first): PlanRef => ({ lines: [first, last] });

/** The number behind a printed share such as `48,2%` or `100%`. */
const percent = (printed: string): number => Number(printed.replace('%', '').replace(',', '.').trim());

const NORRE = 'Nørrevangsskolen';
const VESTER = 'Vestervangskolen';
const OESTER = 'Østervangskolen';
const HOBRO = 'Hobrovejens Skole';
const FOUR_SCHOOLS = [NORRE, VESTER, OESTER, HOBRO];

const JENNUM = 'Børnehuset Jennumparken';
const MAELKEVEJ = 'Børnehuset Mælkevejen';
const GLENTEVEJ = 'Den selvejende institution Glentevej';
const PLATAN = 'Den selvejende institution Platangården';
const MIDGAARD = 'Børnehuset Midgård';
const NYVANG = 'Børnehuset Nyvang';
const LERVANG = 'Børnehuset Lervangen';
const HOERHAVEN = 'Børnehuset Hørhaven';
const BAEKKESTI = 'Børnehuset Bækkestien';
const KFUM = 'KFUMs institutioner';
const ELMEHAVEN = 'Børnehuset Elmehaven';
/** The ten institutions that work with NPU (lines 1198-1201, «de ti institutioner» line 1212). */
const TEN_INSTITUTIONS = [JENNUM, MAELKEVEJ, GLENTEVEJ, PLATAN, MIDGAARD, NYVANG, LERVANG, HOERHAVEN, BAEKKESTI, KFUM];

const HOERHAVEN_REMARK: DataRemark = {
  kind: 'ocr-uncertain',
  text: 'OCR læser institutionsnavnet «Harhaven» (l. 1201, 1274) og «Herhaven» (l. 251); gengivet som Børnehuset Hørhaven efter de plantenavngivne gader i området (Rørhaven, Sivhaven …). Bør tjekkes mod den trykte plan.',
};

// Sub-goal 1: language

const LANGUAGE_SOURCE = 'Randers Kommune';
const LANGUAGE_PERIOD = '2023';
const LANGUAGE_TOTAL_CONTRADICTION: DataRemark = {
  kind: 'contradiction',
  text:
    'Tabellen angiver 141 testede børn for alle 7 boligområder (l. 968), men områdernes egne antal (37 + 42 + 23 + 17 + 27 + 13 + 5, l. 973-1013) giver 164. ' +
    'Andelene for alle 7 (48,2 / 17,7 / 34,0 %) svarer til 68, 25 og 48 af 141 børn; vægtes områdernes andele med deres antal, bliver de 50,6 / 18,3 / 31,1 % af 164 børn.',
};
const MUNICIPAL_SUM_CONTRADICTION: DataRemark = {
  kind: 'contradiction',
  text: 'Randers Kommunes tre andele for 2023 (generel 84,5 % + fokuseret 8,8 % + særlig 8,9 %, l. 1028-1030) summerer til 102,2 %, ikke 100 %.',
};

interface LanguageRow {
  scope: Scope;
  /** Children tested, as printed; absent for the national norm. */
  tested?: number;
  testedLine: number;
  general: [string, number];
  focused: [string, number];
  special: [string, number];
  period: string;
  source: string;
  remarks?: DataRemark[];
}

/** The language table (lines 967-1030), one row per scope, each with its three shares and the lines they are on. */
const LANGUAGE_ROWS: LanguageRow[] = [
  { scope: 'areas', tested: 141, testedLine: 967, general: ['48,2%', 969], focused: ['17,7%', 970], special: ['34,0%', 971], period: LANGUAGE_PERIOD, source: LANGUAGE_SOURCE, remarks: [LANGUAGE_TOTAL_CONTRADICTION] },
  { scope: GJ, tested: 37, testedLine: 973, general: ['45,9%', 974], focused: ['5,4%', 976], special: ['48,6%', 978], period: LANGUAGE_PERIOD, source: LANGUAGE_SOURCE },
  { scope: GV, tested: 42, testedLine: 980, general: ['40,5%', 981], focused: ['31,0%', 983], special: ['28,6%', 985], period: LANGUAGE_PERIOD, source: LANGUAGE_SOURCE },
  { scope: HSV, tested: 23, testedLine: 987, general: ['65,2%', 990], focused: ['21,7%', 991], special: ['13,0%', 992], period: LANGUAGE_PERIOD, source: LANGUAGE_SOURCE },
  { scope: EV, tested: 17, testedLine: 994, general: ['58,8%', 995], focused: ['17,6%', 997], special: ['23,5%', 999], period: LANGUAGE_PERIOD, source: LANGUAGE_SOURCE },
  { scope: VD, tested: 27, testedLine: 1001, general: ['55,6%', 1002], focused: ['14,8%', 1003], special: ['29,6%', 1004], period: LANGUAGE_PERIOD, source: LANGUAGE_SOURCE },
  { scope: SG, tested: 13, testedLine: 1006, general: ['53,8%', 1007], focused: ['23,1%', 1009], special: ['23,1%', 1011], period: LANGUAGE_PERIOD, source: LANGUAGE_SOURCE },
  { scope: CR, tested: 5, testedLine: 1013, general: ['40,0%', 1014], focused: ['0%', 1015], special: ['60,0%', 1017], period: LANGUAGE_PERIOD, source: LANGUAGE_SOURCE },
  {
    scope: 'country',
    testedLine: 1019,
    general: ['85 %', 1020],
    focused: ['10 %', 1021],
    special: ['5 %', 1022],
    period: 'normalfordeling (ingen år angivet)',
    source: 'Landsgennemsnit ifølge testprogrammet »Hjernen og hjertet« (normalfordeling)',
  },
  { scope: 'municipality', tested: 2158, testedLine: 1024, general: ['84,5%', 1028], focused: ['8,8%', 1029], special: ['8,9%', 1030], period: LANGUAGE_PERIOD, source: LANGUAGE_SOURCE, remarks: [MUNICIPAL_SUM_CONTRADICTION] },
];

function languageBaselines(pick: (row: LanguageRow) => [string, number]): Baseline[] {
  return LANGUAGE_ROWS.map((row) => {
    const [printed, line] = pick(row);
    return {
      scope: row.scope,
      value: percent(printed),
      printed,
      ...(row.tested === undefined ? {} : { denominator: row.tested }),
      period: row.period,
      source: row.source,
      ref: ref(row.testedLine, line),
      ...(row.remarks ? { remarks: row.remarks } : {}),
    };
  });
}

const LANGUAGE_COMMON_REMARKS: DataRemark[] = [
  {
    kind: 'note',
    text:
      'Fodnoten (l. 958-965): for boligområderne anvendes data for de børn, der er sprogvurderet grundet et formodet behov for sprogstimulering. ' +
      'Tallet for Randers Kommune omfatter 2158 testede børn, og teksten (l. 806) siger, at alle 3- og 5-årige testes; område- og kommunetal er derfor ikke nødvendigvis opgjort på samme grundlag.',
  },
  {
    kind: 'reconstructed',
    text: 'Årstallet for områdernes baseline læses «2073» af OCR (l. 946); gengivet som 2023 efter kommunerækken «Randers Kommune 2023» (l. 1024-1025) og figurtitlen «Talesproglige færdigheder 2023» (l. 814).',
  },
];

const LANGUAGE_DESCRIPTION =
  'Talesproglige færdigheder. Andel af børn med behov for henholdsvis generel indsats, fokuseret og særlig indsats. ' +
  '*Der anvendes data for sprogvurdering af de børn, som er sprogvurderet grundet et formodet behov for sprogstimulering, som er bosat i boligområderne.';
const LANGUAGE_TARGET_GROUP = 'Børn, der er sprogvurderet grundet et formodet behov for sprogstimulering, bosat i boligområderne';

const languageIndicators: Indicator[] = [
  {
    code: 'udd-1a',
    name: 'Talesproglige færdigheder: andel børn med behov for generel indsats',
    description: LANGUAGE_DESCRIPTION,
    unit: 'percent',
    direction: 'higher-is-better',
    targetGroup: LANGUAGE_TARGET_GROUP,
    dataSource: LANGUAGE_SOURCE,
    baselines: languageBaselines((row) => row.general),
    ref: ref(946, 1030),
    remarks: [
      ...LANGUAGE_COMMON_REMARKS,
      {
        kind: 'note',
        text: 'Figuren «Talesproglige færdigheder 2023» i problemkomplekset (l. 814-835, data fra Randers Kommunes boligsociale monitorering 2024) viser de samme områdetal afrundet; OCR har ikke bevaret figuren læsbart, så den er ikke gengivet.',
      },
    ],
  },
  {
    code: 'udd-1b',
    name: 'Talesproglige færdigheder: andel børn med behov for fokuseret indsats',
    description: LANGUAGE_DESCRIPTION,
    unit: 'percent',
    direction: 'lower-is-better',
    targetGroup: LANGUAGE_TARGET_GROUP,
    dataSource: LANGUAGE_SOURCE,
    baselines: languageBaselines((row) => row.focused),
    ref: ref(946, 1030),
    remarks: LANGUAGE_COMMON_REMARKS,
  },
  {
    code: 'udd-1c',
    name: 'Talesproglige færdigheder: andel børn med behov for særlig indsats',
    description: LANGUAGE_DESCRIPTION,
    unit: 'percent',
    direction: 'lower-is-better',
    targetGroup: LANGUAGE_TARGET_GROUP,
    dataSource: LANGUAGE_SOURCE,
    baselines: languageBaselines((row) => row.special),
    ref: ref(946, 1030),
    remarks: LANGUAGE_COMMON_REMARKS,
  },
];

// Sub-goal 2: attendance

const SCHOOL_SOURCE = 'Randers Kommune';
const SCHOOL_YEAR = 'skoleåret 2023-24';

const share = (scope: Scope, printed: string, lines: PlanRef, period: string, source: string, extra: Partial<Baseline> = {}): Baseline => ({
  scope,
  value: percent(printed),
  printed,
  period,
  source,
  ref: lines,
  ...extra,
});

const absenceIndicators: Indicator[] = [
  {
    code: 'udd-2a',
    name: 'Fraværsprocenten for elever fra 0.-10. klasse',
    unit: 'percent',
    direction: 'level-with-municipality',
    targetGroup: 'Elever i 0.-10. klasse bosat i boligområderne',
    dataSource: SCHOOL_SOURCE,
    baselines: [
      share('areas', '10,0%', ref(1034, 1035), SCHOOL_YEAR, SCHOOL_SOURCE, {
        remarks: [
          {
            kind: 'contradiction',
            text: 'Tabellen angiver et fravær på 10,0 % for alle 7 boligområder i skoleåret 2023-24 (l. 1035), mens problemkomplekset angiver et gennemsnitligt skolefravær på 9,9 % for børn med bopæl i de 7 boligområder i samme skoleår (l. 847-848).',
          },
        ],
      }),
      share(GJ, '9,8%', ref(1036), SCHOOL_YEAR, SCHOOL_SOURCE),
      share(GV, '9,0%', ref(1037), SCHOOL_YEAR, SCHOOL_SOURCE),
      share(HSV, '11,3%', ref(1038), SCHOOL_YEAR, SCHOOL_SOURCE),
      share(VD, '10,0%', ref(1039), SCHOOL_YEAR, SCHOOL_SOURCE),
      share(EV, '10,9%', ref(1040), SCHOOL_YEAR, SCHOOL_SOURCE),
      share(CR, '9,0%', ref(1041), SCHOOL_YEAR, SCHOOL_SOURCE, {
        remarks: [{ kind: 'reconstructed', text: 'OCR læser «9.0%» (l. 1041); gengivet med decimalkomma som tabellens øvrige tal.' }],
      }),
      share(SG, '10,8%', ref(1043), SCHOOL_YEAR, SCHOOL_SOURCE),
      share('municipality', '7,8%', ref(1034, 1036), SCHOOL_YEAR, SCHOOL_SOURCE),
      share('country', '7,1%', ref(1038), SCHOOL_YEAR, SCHOOL_SOURCE),
    ],
    ref: ref(1034, 1045),
    remarks: [
      {
        kind: 'reconstructed',
        text: 'Tabellen er fladet ud af OCR (l. 1034-1045); delmålsteksten i første kolonne er samlet fra l. 1036-1045, hvor l. 1040 («el i o IR») læses som «vej-området, Hermann», og l. 1042 («HILEIGIEIR R S») er støj uden tal.',
      },
    ],
  },
  {
    code: 'udd-2b',
    name: 'Andel af elever (0.-10. klasse), der har over 10 % fravær',
    unit: 'percent',
    direction: 'level-with-municipality',
    targetGroup: 'Elever i 0.-10. klasse bosat i boligområderne',
    dataSource: SCHOOL_SOURCE,
    baselines: [
      share('areas', '33,3%', ref(1046, 1047), SCHOOL_YEAR, SCHOOL_SOURCE),
      share(GJ, '33,4%', ref(1048), SCHOOL_YEAR, SCHOOL_SOURCE),
      share(GV, '31,7%', ref(1049), SCHOOL_YEAR, SCHOOL_SOURCE),
      share(HSV, '31,2%', ref(1050), SCHOOL_YEAR, SCHOOL_SOURCE),
      share(VD, '33,7%', ref(1051), SCHOOL_YEAR, SCHOOL_SOURCE),
      share(EV, '33,8%', ref(1052), SCHOOL_YEAR, SCHOOL_SOURCE),
      share(CR, '27,1%', ref(1053), SCHOOL_YEAR, SCHOOL_SOURCE),
      share(SG, '34,3%', ref(1054), SCHOOL_YEAR, SCHOOL_SOURCE),
      share('municipality', '23,7%', ref(1046, 1048), SCHOOL_YEAR, SCHOOL_SOURCE),
    ],
    ref: ref(1046, 1054),
  },
];

// Sub-goal 3: youth education

const YOUTH_SOURCE = 'Randers Kommune, UNO Ung';
const YOUTH_SOURCE_REMARK: DataRemark = {
  kind: 'reconstructed',
  text: 'Datakilden læses «Randers Kommune, Unoung» af OCR (l. 1056-1057, 1067-1068); gengivet som UNO Ung, det system Ungdommens Uddannelsesvejledning registrerer de unges uddannelsesforløb i.',
};
const ILLEGIBLE = '(ulæseligt i OCR-teksten)';
const PERIOD_2023 = 'oktober 2024, afgangsår 2023';
const PERIOD_2024 = 'oktober 2024, afgangsår 2024';

const persons = (scope: Scope, count: number, printed: string, lines: PlanRef, period: string, extra: Partial<Baseline> = {}): Baseline =>
  share(scope, printed, lines, period, YOUTH_SOURCE, { denominator: count, ...extra });

const youthIndicators: Indicator[] = [
  {
    code: 'udd-3a',
    name: 'Andelen af unge, som er i gang med en ungdomsuddannelse 15 måneder efter afsluttet 9. eller 10. klasse',
    unit: 'percent',
    direction: 'level-with-municipality',
    targetGroup: 'Unge bosat i boligområderne, der har afsluttet 9. eller 10. klasse',
    dataSource: YOUTH_SOURCE,
    baselines: [
      persons('areas', 57, '77,2%', ref(1055, 1056), PERIOD_2023),
      persons(GJ, 16, '81,3%', ref(1057), PERIOD_2023),
      persons(GV, 14, '71,4%', ref(1058), PERIOD_2023),
      {
        scope: HSV,
        value: null,
        printed: ILLEGIBLE,
        period: PERIOD_2023,
        source: YOUTH_SOURCE,
        ref: ref(1059),
        remarks: [
          {
            kind: 'ocr-uncertain',
            text:
              'Rækken for Hermann Stillingsvej-området er ulæselig: l. 1059 rummer kun «S il e s», hvor rækken skulle stå. ' +
              'Regnet ud fra de øvrige rækker (ikke trykt): 57 − 51 = 6 personer og 44 − 39 = 5 i gang, dvs. 83,3 %. Bør tjekkes mod den trykte plan.',
          },
        ],
      },
      persons(VD, 5, '100,0%', ref(1062), PERIOD_2023),
      persons(EV, 10, '70,0%', ref(1063), PERIOD_2023),
      persons(CR, 1, '100,0%', ref(1064), PERIOD_2023),
      persons(SG, 5, '60,0%', ref(1065), PERIOD_2023),
      persons('municipality', 1100, '83,2%', ref(1055, 1057), PERIOD_2023, {
        remarks: [{ kind: 'ocr-uncertain', text: 'Kommunens tal «(1100 personer) 83,2%» står to gange i OCR-teksten (l. 1057 og l. 1061); l. 1061 læses som en gentagelse.' }],
      }),
    ],
    ref: ref(1055, 1065),
    remarks: [YOUTH_SOURCE_REMARK],
  },
  {
    code: 'udd-3b',
    name: 'Andelen af 9. og 10. klasses afgangselever, som har påbegyndt en ungdomsuddannelse samme år som afgangsår',
    unit: 'percent',
    direction: 'level-with-municipality',
    targetGroup: 'Afgangselever fra 9. og 10. klasse bosat i boligområderne',
    dataSource: YOUTH_SOURCE,
    baselines: [
      {
        scope: 'areas',
        value: null,
        printed: ILLEGIBLE,
        period: PERIOD_2024,
        source: YOUTH_SOURCE,
        ref: ref(1066, 1068),
        remarks: [
          {
            kind: 'ocr-uncertain',
            text:
              'Rækken for alle 7 boligområder er ulæselig: l. 1067-1068 rummer kun «T Ly —» og «\\78p ek». ' +
              'Områdernes rækker giver tilsammen 76 personer, heraf 60 i gang (78,9 %), hvilket passer med det læselige «78». Regnet, ikke trykt; bør tjekkes mod den trykte plan.',
          },
        ],
      },
      persons(GJ, 24, '83,3%', ref(1074), PERIOD_2024),
      persons(GV, 16, '75,0%', ref(1075), PERIOD_2024),
      persons(HSV, 4, '75,0%', ref(1076, 1077), PERIOD_2024),
      persons(VD, 14, '71,4%', ref(1079), PERIOD_2024),
      persons(EV, 5, '100%', ref(1080), PERIOD_2024),
      persons(CR, 6, '83,3%', ref(1081), PERIOD_2024),
      persons(SG, 7, '71,4%', ref(1082), PERIOD_2024),
      persons('municipality', 1176, '86,6%', ref(1066, 1068), PERIOD_2024),
    ],
    ref: ref(1066, 1082),
    remarks: [YOUTH_SOURCE_REMARK],
  },
];

// Staff hours (lines 1096-1140)

const staffHours: StaffHours[] = [
  {
    organisation: 'De deltagende institutioner',
    activity: 'npu',
    hoursPerYear: 9660,
    printed: 'Årligt 9.660 medarbejdertimer fra de deltagende institutioner til at gennemføre NPU-forløbene (svarende til 21 timer pr. uge pr. institutioner i 46 uger)',
    ref: ref(1097, 1099),
  },
  {
    organisation: 'De 11 institutioner',
    activity: 'sprogindsats',
    hoursPerYear: 2024,
    printed: 'Årligt 2024 medarbejdertimer fra de 11 institutioner (svarende til 4 timer pr. uge pr. institutioner i 46 uger)',
    ref: ref(1101, 1103),
  },
  {
    organisation: 'Randers Bibliotek',
    activity: 'sprogindsats',
    hoursPerYear: 184,
    printed: 'Årligt 184 medarbejdertimer fra Randers Bibliotek (svarende til 4 timer pr. uge i 46 uger)',
    ref: ref(1104),
  },
  {
    organisation: 'PPR',
    activity: 'sprogindsats',
    hoursPerYear: 60,
    printed: 'Årligt 60 medarbejdertimer fra PPR (svarende til 40 timer til supervision og 20 timer til tale-hørekonsulent)',
    ref: ref(1106),
  },
  { organisation: 'UUR', activity: 'familieorienteret-uddannelsesvejledning', hoursPerYear: 400, printed: 'Årligt 400 medarbejdertimer fra UUR', ref: ref(1108, 1110) },
  {
    organisation: `${NORRE} og ${VESTER}`,
    activity: 'familieorienteret-uddannelsesvejledning',
    hoursPerYear: 200,
    printed: 'Årligt 200 medarbejdertimer fra Nørrevangsskolen og Vestervangskolen',
    ref: ref(1112),
  },
  { organisation: 'PPR', activity: 'familieorienteret-uddannelsesvejledning', hoursPerYear: 180, printed: 'Årligt 180 medarbejdertimer PPR', ref: ref(1113) },
  {
    organisation: 'De deltagende skoler',
    activity: 'fremmoede-i-skolen',
    hoursPerYear: 1840,
    printed: 'Årligt 1840 medarbejdertimer fra de deltagende skoler (svarende til 10 timer pr. uge pr. skole)',
    ref: ref(1115, 1117),
  },
  { organisation: 'Ungecenteret', activity: 'fremmoede-i-skolen', hoursPerYear: 460, printed: 'Årligt 460 medarbejdertimer fra Ungecenteret', ref: ref(1118) },
  { organisation: 'PPR', activity: 'fremmoede-i-skolen', hoursPerYear: 690, printed: 'Årligt 690 medarbejdertimer fra PPR', ref: ref(1120) },
  { organisation: 'Sundhedsplejen', activity: 'fremmoede-i-skolen', hoursPerYear: 322, printed: 'Årligt 322 medarbejdertimer fra Sundhedsplejen', ref: ref(1122) },
  {
    organisation: 'De deltagende skoler',
    activity: 'trivsel-i-skolen',
    hoursPerYear: 1840,
    printed: 'Årligt 1840 medarbejdertimer fra de deltagende skoler (svarende til 10 timer pr. uge pr. skole)',
    ref: ref(1124, 1125),
  },
  {
    organisation: 'Sundhedsplejen',
    activity: 'familiedage',
    hoursPerYear: 136,
    printed: 'Årligt 136 medarbejdertimer fra Sundhedsplejen (fordelt på gruppeforløb og individuelle samtaler)',
    ref: ref(1127, 1129),
  },
  { organisation: 'De deltagende institutioner', activity: 'familiedage', hoursPerYear: 96, printed: 'Årligt 96 medarbejdertimer fra de deltagende institutioner', ref: ref(1130) },
  {
    organisation: 'Tandplejen',
    activity: 'familiedage',
    hoursPerYear: 36,
    printed: 'Årligt 36 medarbejdertimer fra Tandplejen (fordelt på gruppeforløb og individuelle forløb)',
    ref: ref(1132),
  },
  {
    organisation: 'Randers Sundhedscenter',
    activity: 'det-gode-liv-for-alle',
    hoursPerYear: 312,
    printed: 'Årligt 312 medarbejdertimer fra Sundhedscenteret (svarende til 6 timer pr. uge)',
    ref: ref(1134, 1136),
  },
  {
    organisation: 'Bysekretariatet',
    hoursPerYear: 3378,
    printed: 'Årligt 3378 boligsocialmedarbejdertimer om året (svarende til 65 timer om ugen)',
    ref: ref(1138, 1140),
    remarks: [
      {
        kind: 'note',
        text: '65 timer om ugen i 52 uger giver 3.380 timer, ikke de angivne 3.378 (Sundhedscenterets 312 timer = 6 × 52). Timerne er ikke fordelt på aktiviteter; Trivselsforløb for familier (aktivitet 8) har ingen egne timer i listen.',
      },
    ],
  },
];

// Activities

const npu: Activity = {
  slug: 'npu',
  number: 1,
  name: 'Neuropsykologisk Udviklingsleg (NPU)',
  purpose: [
    'Formålet med at arbejde ud fra Neuropsykologisk Udviklingsleg (NPU) er at fremme en helhedsorienteret udvikling hos børn, der har brug for ekstra støtte i deres sociale, følelsesmæssige og kognitive færdigheder. Ved at anvende leg som redskab skabes en tryg og struktureret ramme, hvor børnene kan styrke deres evne til at fastholde opmærksomhed, modtage omsorg, deltage i sociale samspil som turtagning og tage del i fælles regelsæt. NPU-metoden hjælper også børn med at forstå og reagere på andres følelser samt indgå i leg med jævnaldrende. Målet er at støtte børnene i at udvikle de nødvendige færdigheder for at trives og indgå i fællesskaber, hvilket er afgørende for deres videre læring og personlige udvikling.',
    'Tilgangen anvendes bredt i institutionerne til gavn for hele børnegruppen, da legens strukturerede rammer og fokus på samspil understøtter alle børns udvikling. Ved at skabe inkluderende læringsmiljøer, hvor fælles regler, turtagning og social interaktion er i centrum, styrkes ikke kun de børn, der er i en udsat position, men også den generelle børnegruppe.',
    'Det tidlige forebyggende arbejde med at styrke børns adfærdsregulering har samtidig et kriminalpræventivt sigte, da evnen til at regulere egen adfærd er en afgørende faktor for, hvordan barnet klarer sig i livet.',
  ].join('\n\n'),
  targetGroup: {
    text:
      'Børn i alderen 0-6 år, bosat i Gl. Jennumparken, Glarbjergvej-området, Vangdalen, Sjællandsgadekvarteret, Energivej-området, Hermann Stillingsvej-området og Centrale Randers og tilknyttet institutionerne Børnehuset Jennumparken, Børnehuset Mælkevejen, Den selvejende institution Glentevej, Den selvejende institution Platangården, Børnehuset Midgård, Børnehuset Nyvang, Børnehuset Lervangen, Børnehuset Hørhaven, Børnehuset Bækkestien og KFUMs institutioner, der ofte oplever behov for ekstra støtte i deres udvikling. ' +
      'Mange af disse børn kan have udfordringer med at fastholde opmærksomheden, regulere deres energiniveau, indgå i sociale interaktioner og aflæse andres følelser og signaler, og de kan være udfordret i at deltage i fælles leg, overholde sociale regler og modtage omsorg og trøst på en måde, der fremmer deres trivsel. NPU vil være gavnlig, da metoden er udviklet til at støtte børns neuropsykologiske udvikling gennem leg og dermed målrettet kan hjælpe børnene med at styrke deres sociale, kognitive og følelsesmæssige færdigheder.',
    ageMin: 0,
    ageMax: 6,
    areas: [],
    institutions: TEN_INSTITUTIONS,
    schools: [],
    criteria: [
      'oplever ofte behov for ekstra støtte i deres udvikling',
      'udfordringer med at fastholde opmærksomheden, regulere energiniveauet, indgå i sociale interaktioner og aflæse andres følelser og signaler',
      'udfordret i at deltage i fælles leg, overholde sociale regler og modtage omsorg og trøst',
    ],
  },
  content: [
    'For at styrke udsatte og sårbare børns personlige og sociale udvikling anvender de ti institutioner Neuropsykologisk Udviklingsleg (NPU) som en helhedsorienteret tilgang til børns legeudvikling. NPU fungerer som en metode til:',
    '– Afdækning af lege- og samspilsfærdigheder: gennem systematisk observation og vurdering kan pædagogerne tilrettelægge målrettede legeforløb, der integreres i hverdagens aktiviteter og rutiner, både for det enkelte barn og for hele børnegruppen.\n' +
      '– Stimulering af centrale udviklingsområder: barnets opmærksomhed, kropssansning, energiregulering, indlevelsesevne, forestillingsevne, impulskontrol og selvregulering fremmes gennem leg; færdighederne er centrale for børns trivsel og sociale interaktioner.\n' +
      '– Strukturering af legeforløb: planlægge og gennemføre legeforløb, der fokuserer på relationen mellem voksne og barn, samt i både små og større børnegrupper.\n' +
      '– Integrering af leg i pædagogisk praksis: leg og legende samspil anvendes som en integreret del af dagligdagens rutiner og overgange, så leg bliver en naturlig del af børns hverdag.',
    'NPU anvendes bredt i institutionerne, herunder i børnegrupper, på puslebordet, til samlinger eller på legepladsen, og både i spontane og planlagte læringssituationer. Metoden kommer alle børn til gode, men der vil også blive iværksat specifikke legeforløb for de særligt udsatte børn.',
    'Ved at anvende GROW-modellen, en central del af NPU, kan pædagogerne identificere og udvikle børns lege- og samspilsfærdigheder. Der kan arbejdes med legeforløb for hele grupper med fokus på at styrke leg og samspil, eller med specifikke forløb for mindre grupper af børn, der har brug for særlig støtte. GROW-modellen giver en struktureret ramme for at arbejde målrettet med børns udvikling gennem leg og fremmer refleksion over praksis og justering af indsatsen, hvis det er nødvendigt.',
    'De ti institutioner opkvalificerer løbende deres pædagogiske personale ved at gennemføre NPU-uddannelse efter behov. For at forankre NPU-værktøjet i den daglige praksis arbejder institutionerne kontinuerligt med NPU på personalemøder og i andre faglige fællesskaber. Institutionerne kan efter behov inddrage det lokale PPR-team.',
  ].join('\n\n'),
  responsibility:
    'Det overordnede ansvar ligger hos dagtilbudslederne for Dagtilbud Midt, Dagtilbud Nordvest og Dagtilbud Nordøst samt lederne af Den selvejende institution Platangården, Den selvejende institution Glentevej og KFUMs institutioner.',
  roles: [
    { organisation: 'De deltagende institutioner', role: 'Gennemfører NPU-forløb, afholder udgifterne til NPU-uddannelse og sikrer implementeringen i den enkelte institution.' },
    { organisation: 'PPR', role: 'Det lokale PPR-team kan inddrages af institutionerne efter behov.' },
  ],
  resources:
    'Årligt 9.660 medarbejdertimer fra de deltagende institutioner til at gennemføre NPU-forløbene (svarende til 21 timer pr. uge pr. institution i 46 uger). Institutionerne afholder udgifterne til NPU-uddannelse.',
  targets: [
    {
      code: 'npu-institutioner',
      measure: 'institutioner, der anvender NPU',
      kind: 'exact',
      value: 10,
      per: 'plan-period',
      printed: 'de ti institutioner',
      ref: ref(1212),
    },
  ],
  ref: ref(1179, 1248),
  remarks: [
    HOERHAVEN_REMARK,
    {
      kind: 'note',
      text: 'Planen staver institutionen «Platangården» i målgruppen (l. 1200) og «Plantangården» i ansvarsfordelingen (l. 1245); gengivet som Platangården.',
    },
  ],
};

const sprogindsats: Activity = {
  slug: 'sprogindsats',
  number: 2,
  name: 'Kvalitetsstærke sproglige læringsmiljøer med sproglige rollemodeller',
  purpose: [
    'Sammenlignet med den generelle situation i Randers Kommune er der en markant højere andel af børn fra boligområderne, der har behov for en særlig indsats i forhold til børnenes sproglige udvikling. Randers Kommune gennemfører sprogtest af alle 3- og 5-årige børn i institutionerne, og data viser, at en bekymrende procentdel af børnene i boligområderne har utilstrækkelige talesproglige færdigheder. Knap 52 % af de 3-5-årige børn fra de 7 boligområder vurderes sprogligt udfordret sammenlignet med ca. 18 % for Randers som helhed.',
    'Uden en væsentlig styrkelse af deres sproglige kompetencer risikerer disse børn at begynde skolelivet med svage forudsætninger både fagligt og socialt, hvilket kan få langsigtede konsekvenser. Det er derfor afgørende at iværksætte tidlige aktiviteter, der kan fremme deres sproglige udvikling og sikre, at de får bedre muligheder for at trives i skolen og i deres sociale liv.',
    'Med sprogindsatsen sigtes mod at forbedre den tidlige indsats (0-2 år) for at styrke børnenes sproglige udvikling med fokus på at implementere effektive metoder og aktiviteter, der aktivt understøtter styrkelsen af børnenes sproglige kompetencer. En tidlig indsats skaber et solidt fundament for børnenes fremtidige læring og sociale interaktioner, hvilket vil fremme deres trivsel og succes i skolen og i deres sociale liv.',
  ].join('\n\n'),
  targetGroup: {
    text: 'Børn i alderen 0-2 år bosat i Gl. Jennumparken, Glarbjergvej-området, Vangdalen, Sjællandsgadekvarteret, Energivej-området, Hermann Stillingsvej-området og Centrale Randers, som er tilknyttet institutionerne Børnehuset Jennumparken, Børnehuset Mælkevejen, Den selvejende institution Glentevej, Den selvejende institution Platangården, Børnehuset Midgård, Børnehuset Nyvang, Børnehuset Lervangen, Børnehuset Hørhaven, Børnehuset Bækkestien, KFUMs institutioner og Børnehuset Elmehaven.',
    ageMin: 0,
    ageMax: 2,
    areas: [],
    institutions: [...TEN_INSTITUTIONS, ELMEHAVEN],
    schools: [],
    criteria: [],
  },
  content: [
    'Opkvalificering af pædagogisk personale: En medarbejder fra hver af de elleve institutioner gennemfører to sprogmoduler af den pædagogiske diplomuddannelse. Opkvalificeringen sker i forbindelse med opstart af helhedsplanen i 2025. På det første modul får medarbejderne indsigt i grundlæggende teorier og metoder inden for sprogudvikling. Det andet modul bygger videre på de opnåede kompetencer; her tilegner deltagerne sig dybdegående indsigt i, hvordan der i praksis skabes gode sproglige læringsmiljøer, og viden om, hvordan legekompetencer spiller sammen med understøttelse af børnenes sproglige udvikling. I sammenhæng med opkvalificeringen understøttes udvikling af kvalitetsstærke sproglige læringsmiljøer i institutionen for de 0-2-årige gennem udvikling af samtalekvalitet i interaktioner, justering af læringsmiljøer, vidensdeling med kollegaer og involvering af forældre. Opkvalificeringen styrker de enkelte medarbejderes faglige kompetencer og fremmer en fælles forståelse og tilgang til sprogarbejde på tværs af institutionerne.',
    'Effekten af aktiviteten er, at alle børn får de bedste betingelser for deres udvikling af sproglige kompetencer til fordel for deres trivsel, udvikling, læring og dannelse. Ikke mindst øges chancelighed blandt børnene, så alle børn får de bedst mulige livs- og uddannelsesbetingelser senere i livet og bedre mulighed for at indgå aktivt og deltagende i de sociale fællesskaber, de er en del af.',
    'Sprognetværk: Der oprettes et sprognetværk for de deltagende medarbejdere på tværs af institutionerne, som faciliteres af Børnefagligt Udviklingscenter i samarbejde med Pædagogisk Psykologisk Rådgivning (PPR). Netværket mødes to gange om året i sessioner af to timers varighed, hvor deltagerne kan dele erfaringer, diskutere udfordringer og udvikle fælles strategier for sprogudvikling. Derudover deltager institutionerne i det kommunale sprognetværk, der tilbydes alle institutioner i kommunen. De deltagende institutioner integrerer desuden fokus på sprog i personalemøder og andre relevante sammenhænge, så der skabes en sammenhængende og effektiv indsats, der understøtter børns sprogtilegnelse.',
    'Biblioteket understøtter det sproglige læringsmiljø i institutionerne i et samarbejde med praksis gennem sprogunderstøttende materialer i form af depoter fra bibliotekets egen materialebestand. Biblioteket afholder i samarbejde med praksis 1-2 sprogunderstøttende workshops for børn og forældre i institutionen i løbet af projektperioden og involveres i facilitering af disse workshops.',
  ].join('\n\n'),
  responsibility:
    'Det overordnede ansvar ligger hos dagtilbudslederne for Dagtilbud Midt, Dagtilbud Nordvest og Dagtilbud Nordøst samt lederne af Den selvejende institution Platangården, Den selvejende institution Glentevej og KFUMs institutioner. Facilitering af netværk varetages i et samarbejde mellem Børnefagligt Udviklingscenter og PPR.',
  roles: [
    { organisation: 'Dagtilbudsledere af kommunale institutioner og ledere af selvejende institutioner', role: 'Varetager planlægning af personalets fravær til uddannelse og netværk.' },
    { organisation: 'PPR', role: 'Understøtter faciliteringen af netværksmøderne.' },
    { organisation: 'Børnefagligt Udviklingscenter', role: 'Bidrager til indholdet af netværksmøderne og varetager planlægningen af dem.' },
    { organisation: 'Randers Bibliotek', role: 'Faciliterer i samarbejde med praksis workshops med børn og forældre i institutionerne og stiller sprogunderstøttende materialer (depoter) til rådighed.' },
  ],
  resources:
    'Årligt 2024 medarbejdertimer fra de 11 institutioner (svarende til 4 timer pr. uge pr. institution i 46 uger); årligt 184 medarbejdertimer fra Randers Bibliotek (svarende til 4 timer pr. uge i 46 uger); årligt 60 medarbejdertimer fra PPR (40 timer til supervision og 20 timer til tale-hørekonsulent).',
  targets: [
    {
      code: 'sprog-diplommoduler',
      measure: 'medarbejdere, der gennemfører to sprogmoduler af den pædagogiske diplomuddannelse (én fra hver institution)',
      kind: 'exact',
      value: 11,
      per: 'plan-period',
      printed: 'En medarbejder fra hver af de elleve institutioner gennemfører to sprogmoduler af den pædagogiske diplomuddannelse',
      ref: ref(1280, 1281),
      remarks: [{ kind: 'note', text: 'Opkvalificeringen sker i forbindelse med opstart af helhedsplanen i 2025 (l. 1280-1281).' }],
    },
    {
      code: 'sprog-netvaerksmoeder',
      measure: 'møder i sprognetværket (sessioner af to timers varighed)',
      kind: 'exact',
      value: 2,
      per: 'plan-year',
      printed: 'to gange om året i sessioner af to timers varighed',
      ref: ref(1300),
    },
    {
      code: 'sprog-workshops',
      measure: 'sprogunderstøttende workshops for børn og forældre pr. institution',
      kind: 'range',
      min: 1,
      max: 2,
      per: 'plan-period',
      printed: '1-2 sprogunderstøttende workshops for børn og forældre i institutionen i løbet af projektperioden',
      ref: ref(1308, 1309),
    },
  ],
  ref: ref(1250, 1326),
  remarks: [
    HOERHAVEN_REMARK,
    {
      kind: 'note',
      text: 'Aktiviteten hedder «Kvalitetsstærke sproglige læringsmiljøer med sproglige rollemodeller» i aktivitetslisten (l. 1086) og overskriften (l. 1250); planen kalder den «Sprogindsats»/«sprogindsatsen» i oversigten (l. 451) og teksten (l. 884, 1264).',
    },
  ],
};

const uddannelsesvejledning: Activity = {
  slug: 'familieorienteret-uddannelsesvejledning',
  number: 3,
  name: 'Familieorienteret uddannelsesvejledning',
  purpose: [
    'I Danmark er ca. 45.000 unge under 25 år hverken i uddannelse eller beskæftigelse. Over en tredjedel af disse har været uden uddannelse eller job i flere år, mens hver femte har mistet tilknytningen til en ungdomsuddannelse eller ansættelse. I Region Midtjylland er der 23.055 personer mellem 16 og 29 år, som hverken er i job eller under uddannelse, svarende til 9,1 % af aldersgruppen i regionen. I Randers Kommune er det 12,0 % af de 16-29-årige, der står uden for både arbejdsmarkedet og uddannelsessystemet (»Hvem er de 23.000 unge udenfor? – Fælles om bæredygtige løsninger«, Region Midt). Det understreger en særlig udfordring i kommunen, som kræver en målrettet indsats.',
    'En væsentlig faktor er barrierer af familiemæssig karakter. Nogle forældre kan have urealistiske forventninger til deres unges uddannelsesmæssige evner og præstationer; her kan familieorienteret uddannelsesvejledning støtte en mere realistisk dialog om uddannelsesmuligheder og hjælpe forældrene med at forstå og anerkende deres unges faktiske potentiale. Andre unge vokser op i familier, hvor forældrene ikke selv har gennemført en uddannelse og måske har haft dårlige erfaringer med uddannelsessystemet, så uddannelse kan ses som en urealistisk eller unaturlig vej; her er det afgørende at skabe rum for en nuanceret forståelse af uddannelsessystemet, så forældrene kan se de positive muligheder og støtte deres unge i at forfølge uddannelsesveje, der kan føre til bedre fremtidsmuligheder. Ved at adressere og overkomme familiemæssige barrierer kan der skabes et mere inkluderende og støttende miljø for unge, der har brug for en mere håndholdt støtte for at finde vej til uddannelse og arbejdsmarkedet.',
    'Formålet er at identificere og støtte unge og deres familier i målgruppen og tilbyde målrettet rådgivning og vejledning, der hjælper dem med at overvinde de barrierer, der kan påvirke uddannelsesparathed, og at styrke sårbare unge og deres familier i overgangen fra grundskole til ungdomsuddannelse og i fastholdelsen i ungdomsuddannelsen. Konkret er formålet, at:\n' +
      '– flere unge påbegynder en ungdomsuddannelse;\n' +
      '– flere unge fastholdes i en ungdomsuddannelse;\n' +
      '– forældre gennem indsatsen bliver bedre i stand til at støtte deres unge i skolegang, uddannelsesvalg og overgangen til ungdomsuddannelse;\n' +
      '– forældre får et øget kendskab til det danske uddannelsessystem.',
  ].join('\n\n'),
  targetGroup: {
    text:
      'Elever i 8. klasse på Nørrevangsskolen og Vestervangskolen samt deres forældre, som er bosat i Gl. Jennumparken, Glarbjergvej-området, Vangdalen, Sjællandsgadekvarteret, Energivej-området, Hermann Stillingsvej-området og Centrale Randers. Målgruppen er identificeret ved, at der er familiære barrierer for uddannelsesparathed: ' +
      'familier med lav uddannelsesmæssig baggrund, hvor forældrene ikke selv har gennemført en uddannelse og kan stå over for økonomiske og sociale barrierer (begrænsede ressourcer til at støtte de unges læring, et miljø hvor uddannelse ikke prioriteres højt, lavere forventninger til de unges præstationer og muligheder), og ' +
      'familier med anden etnisk baggrund, hvor forældrene kan have begrænset kendskab til det danske uddannelsessystem, hvilket gør det vanskeligere at navigere i systemet og støtte barnets uddannelsesmæssige udvikling.',
    areas: [],
    institutions: [],
    schools: [NORRE, VESTER],
    criteria: [
      'elever i 8. klasse og deres forældre',
      'familiære barrierer for uddannelsesparathed',
      'familier med lav uddannelsesmæssig baggrund',
      'familier med anden etnisk baggrund',
    ],
  },
  content: [
    'I midten af 8. klasse gennemfører UUR (Ungdommens Uddannelsesvejledning) og skolen en udvælgelsesproces, hvor de identificerer de unge, der har behov for særlige individuelle forløb, baseret på en vurdering af de unges individuelle behov for støtte i deres videre uddannelsesforløb. Det er ikke alene de unges skolepræstationer eller personlige udfordringer, der spiller en rolle; der lægges særligt fokus på barrierer, der kan opstå som følge af familiære forhold, fx manglende uddannelsestradition, økonomiske udfordringer eller kulturelle forventninger, som kan gøre det svært for den unge at koncentrere sig om skolegangen eller træffe beslutninger om sin uddannelsesfremtid.',
    'Når de unge er udpeget, indkalder UUR skolens fremskudte socialrådgiver og den boligsociale medarbejder til et koordineringsmøde, hvor det grundigt drøftes, om og hvordan den familieorienterede tilgang skal inddrages for at støtte den unges videre uddannelse og generelle trivsel bedst muligt. Den fremskudte socialrådgiver spiller en central rolle som socialfaglig konsulent, der kan bidrage til planlægningen og tilrettelæggelsen af de individuelle forløb. Der vurderes samlet at være behov for ca. 15-20 individuelle årlige forløb med unge og forældre, der igangsættes i 8. klasse. Der udarbejdes en handleplan for den enkelte elev, og eleven følges også i 9. klasse.',
    'Vurderes det efter en socialfaglig vurdering ved koordineringsmødet mellem UUR og Bysekretariatet, at problematikken ikke udelukkende er uddannelsesrelateret, kan den fremskudte socialrådgiver indkaldes igen. Unge, der vurderes at være særligt sårbare i forhold til opstart og fastholdelse, følges videre til 10. klasse eller ind i ungdomsuddannelse af UUR og eventuelt en boligsocial medarbejder. Elever i aktiviteten er fortsat tilknyttet den samme UU-vejleder under overgangen til ungdomsuddannelse for at sikre optimal støtte. Derudover kan den boligsociale medarbejder iværksætte indsatser for de unge, både individuelt og i grupper, også efter afslutningen af grundskolen og i overgangen til ungdomsuddannelse/uddannelse.',
  ].join('\n\n'),
  responsibility:
    'Det overordnede ansvar for aktiviteten er placeret hos lederen af UUR, centerleder og afdelingsleder af PPR, skolelederne på Nørrevangsskolen og Vestervangskolen og sekretariatslederen i Bysekretariatet.',
  roles: [
    { organisation: 'UUR og skolerne', role: 'Udpeger i alt årligt 15-20 unge fra 8. klasse, der har behov for individuel indsats; de unge kan følges gennem afslutningen af grundskolen og ind i ungdomsuddannelse.' },
    {
      organisation: 'UUR',
      role: 'Indkalder Bysekretariatet og fremskudte socialrådgivere til koordineringsmøde; koordinerer og tilrettelægger den individuelle indsats. UU-vejlederen inddrager den unge, forældrene, den fremskudte socialrådgiver, skolen og Bysekretariatet i forløbet og indhenter forældrenes samtykke, så den fremskudte socialrådgiver og Bysekretariatet kan drøfte sagen med henblik på en socialfaglig vurdering.',
    },
    { organisation: 'PPR (skolens fremskudte socialrådgiver)', role: 'Laver på baggrund af materialet på koordineringsmødet en socialfaglig vurdering af den unges og familiens behov ud fra Barnets Lov.' },
    {
      organisation: 'Bysekretariatet',
      role: 'Kan støtte forældrene, så de møder op til aftalerne, deltage ad hoc i møderne og brobygge til relevante aktiviteter, og kan være kontaktperson i overgangen til ungdomsuddannelse for de særligt sårbare elever og deres forældre.',
    },
    { organisation: 'UUR og Bysekretariatet', role: 'Sikrer, at de relevante lærere/undervisere har kendskab til indsatsen.' },
  ],
  resources: 'Årligt 400 medarbejdertimer fra UUR, 200 medarbejdertimer fra Nørrevangsskolen og Vestervangskolen og 180 medarbejdertimer fra PPR.',
  targets: [
    {
      code: 'uv-forloeb',
      measure: 'individuelle forløb med unge og forældre, igangsat i 8. klasse',
      kind: 'range',
      min: 15,
      max: 20,
      per: 'plan-year',
      printed: 'ca. 15-20 individuelle årlige forløb med unge og forældre',
      ref: ref(1446),
      remarks: [{ kind: 'note', text: 'Planen skriver «ca. 15-20» (l. 1446), i rollefordelingen uden «ca.» (l. 1463).' }],
    },
    {
      code: 'uv-udpegede',
      measure: 'unge fra 8. klasse, som UUR og skolerne udpeger til individuel indsats',
      kind: 'range',
      min: 15,
      max: 20,
      per: 'plan-year',
      printed: 'i alt årligt 15-20 unge fra 8. klasse',
      ref: ref(1463),
    },
  ],
  ref: ref(1329, 1477),
  remarks: [
    {
      kind: 'note',
      text: 'Planen udfolder forkortelsen UUR både som «Ungdommens Uddannelsesvejledning» (l. 896, 1435) og som «Ungdoms- og Uddannelses Rådgivning» (l. 1451).',
    },
    { kind: 'note', text: 'L. 1385-1431 er OCR-støj fra sidens lodrette spalte og sidetal («S.30»); der står intet indhold dér.' },
  ],
};

const fremmoede: Activity = {
  slug: 'fremmoede-i-skolen',
  number: 4,
  name: 'Fremmøde i skolen',
  purpose: [
    'I Randers Kommune er der stort fokus på at sikre, at børn og unge får en stabil skolegang, da det anses som en vigtig beskyttelsesfaktor mod senere vanskeligheder i livet. Kommunen har derfor udarbejdet en Fraværsstrategi og Handlevejledning, der skal hjælpe skolerne med at forebygge og håndtere bekymrende skolefravær (https://skolernesudviklingscenter.randers.dk/da/indsatser/fravaersindsats/). Målet er at reagere hurtigt og iværksætte nødvendige tiltag, inden fraværet påvirker børns trivsel og læring negativt. Randers Kommune henviser til børne- og ungdomspsykiater Søren Hertz: »Børn og unge er ikke problemet – de viser problemet … derfor er opgaven ikke bare at få børn i skole. Det er for lille et anliggende! Skolefravær skal ses som et symptom og er dermed et komplekst anliggende. Og derfor må vi se på håndteringen af skolefraværet som et fællesskabsanliggende.«',
    'Skolefraværet blandt børn i de syv boligområder er markant højere end det generelle niveau i Randers Kommune; i samtlige områder ligger fraværet væsentligt over kommunens gennemsnit. På kommuneniveau har 10,9 % af børn og unge et fravær på 15 % eller mere, mens andelen stiger til 14,8 % blandt børn og unge, der bor i de syv boligområder omfattet af Den boligsociale Helhedsplan.',
    'Gennem en årrække har de fire lokale skoler og Bysekretariatet samarbejdet målrettet om at reducere skolefravær ved at udvikle nye metoder og dele erfaringer. Omdrejningspunktet har været et Fraværsteam på hver skole med bl.a. PPR, Sundhedsplejen, skolen og Bysekretariatet; den tværfaglige gruppe har koordineret indsatsen, og indsatserne er tilpasset lokale forhold og årgange. Indsatserne er inddelt i tre niveauer:\n' +
      '1. Forebyggende: generelle tiltag som skolens fraværsstrategi, forældremøder og orientering om fravær.\n' +
      '2. Foregribende: gruppeindsatser som fraværstelefon, makkerskabsordninger og fremmødekonkurrencer.\n' +
      '3. Indgribende: individuelle tiltag som samtaler, netværksmøder og brug af fraværskalender.',
    'Målet har været og er fortsat at styrke samarbejdet mellem skolen, familierne og andre aktører for at øge fremmødet og trivslen blandt eleverne. Erfaringerne danner grundlag for en videreudvikling af Fraværsteamet på den enkelte skole, som fortsat skal styrke det tværfaglige samarbejde mellem skoler, sociale myndigheder og andre relevante parter for at reducere det høje skolefravær yderligere. Trods indsatsen viser registreringen af skolefravær, at der stadig er behov for en fokuseret indsats, da udfordringerne fortsat er komplekse og kræver vedvarende opmærksomhed og koordinerede indsatser på tværs af fagområder.',
  ].join('\n\n'),
  targetGroup: {
    text: 'Børn og unge i folkeskolen med opmærksomhedskrævende skolefravær (+10 %) på Nørrevangsskolen, Vestervangskolen, Østervangskolen og Hobrovejens Skole, bosat i Gl. Jennumparken, Glarbjergvej-området, Hermann Stillingsvej-området, Vangdalen, Energivej-området, Sjællandsgadekvarteret og Centrale Randers.',
    areas: [],
    institutions: [],
    schools: FOUR_SCHOOLS,
    criteria: ['opmærksomhedskrævende skolefravær (+10 %)'],
  },
  content: [
    'Der er et Fraværsteam på hver af de fire skoler. Fraværsteamet er ansvarligt for at følge elevernes fraværsstatistik og fraværsmønstre og for at drøfte og iværksætte fraværsindsatser på det forebyggende, foregribende og indgribende niveau; skolernes fraværsteams arbejder systematisk med at analysere og identificere fraværsmønstre hos det enkelte barn.',
    'Fraværsteamet skal:\n' +
      '– gennemgå fraværslister/alarmlisten;\n' +
      '– identificere elever med bekymrende fravær;\n' +
      '– drøfte nuværende og kommende fraværsindsatser;\n' +
      '– koordinere fraværsindsatser;\n' +
      '– følge op på eksisterende indsatser;\n' +
      '– have overblik over elevernes ulovlige fravær samt indsatser og underretning i forhold til dette.',
    'Skolens fraværsteam består af en ledelsesrepræsentant og en eller flere medarbejdere på skolen med en særlig rolle i fraværsarbejdet. Bysekretariatet sidder med i fraværsteamet for at sikre koblingen til de boligsociale indsatser, herunder koordinering i forhold til de elever, der indgår i trivselsindsatsen; den boligsociale medarbejder kan bidrage til en helhedsorienteret tilgang til barnets trivsel. Fraværsteamet kan invitere andre relevante aktører ind ad hoc, herunder den fremskudte socialrådgiver fra PPR.',
    'Der vil være fokus på at øge fremmøde og trivsel blandt børn og unge; ved at fokusere på begge dele skabes en positiv cyklus, hvor børn, der trives, også er mere tilbøjelige til at møde op i skolen.',
  ].join('\n\n'),
  responsibility:
    'Det overordnede ansvar for aktiviteten er placeret hos skolelederne på de fire skoler, centerlederen for PPR, lederen af Børne- og Ungecenteret og lederen af Sundhedsplejen.',
  roles: [
    { organisation: 'Skolerne', role: 'Ansvar for etablering af fraværsteamet og afholdelse af møder i fraværsteamet.' },
    { organisation: 'Bysekretariatet', role: 'Deltager i fraværsmøderne.' },
    { organisation: 'PPR, Sundhedsplejen og Ungecentret', role: 'Kan inddrages efter behov for at sikre en helhedsorienteret indsats og målrettet støtte til elever og familier, hvor det er relevant.' },
  ],
  resources:
    'Årligt 1840 medarbejdertimer fra de deltagende skoler (svarende til 10 timer pr. uge pr. skole), 460 medarbejdertimer fra Ungecenteret, 690 medarbejdertimer fra PPR og 322 medarbejdertimer fra Sundhedsplejen.',
  targets: [
    {
      code: 'fremmoede-fravaersteams',
      measure: 'fraværsteams (ét på hver af de fire skoler)',
      kind: 'exact',
      value: 4,
      per: 'plan-period',
      printed: 'et Fraværsteam på hver af de fire skoler',
      ref: ref(1527),
    },
  ],
  ref: ref(1479, 1565),
  remarks: [
    {
      kind: 'contradiction',
      text: 'Aktiviteten angiver, at 14,8 % af børn og unge i de syv boligområder har et fravær på 15 % eller mere (l. 1497-1498), mens problemkomplekset angiver, at gennemsnitligt 16,5 % af børnene i de 7 boligområder har over 15 % skolefravær (l. 850-851).',
    },
    {
      kind: 'reconstructed',
      text: 'OCR læser «leder af Barne- og unge-centeret» (l. 1557-1558); gengivet som Børne- og Ungecenteret. Delaftalens parter nævner «Centerleder for Familiecentret og Ungecenteret» (l. 898).',
    },
  ],
};

const trivsel: Activity = {
  slug: 'trivsel-i-skolen',
  number: 5,
  name: 'Trivsel i skolen',
  purpose: [
    'I Randers Kommune er der stort fokus på at sikre, at børn og unge får en stabil skolegang, da det anses som en vigtig beskyttelsesfaktor mod senere vanskeligheder i livet; kommunen har derfor udarbejdet en Fraværsstrategi og Handlevejledning (https://skolernesudviklingscenter.randers.dk/da/indsatser/fravaersindsats/). De fire lokale skoler og Bysekretariatet har de seneste mange år samarbejdet om at mindske skolefravær og styrke trivslen hos børn og unge i områderne, og erfaringerne har tydeligt vist, at en målrettet og struktureret indsats er nødvendig for at mindske det høje skolefravær.',
    'I boligområderne er skolefraværet så markant, at eleverne i gennemsnit mangler mellem et og halvandet skoleår ved afslutningen af folkeskolen. Det tydeliggør behovet for en helhedsorienteret indsats, der både adresserer elever med højt fravær og arbejder forebyggende for at fremme trivsel og forebygge mistrivsel.',
    'Formålet er at styrke børn og unges livschancer og øge deres muligheder for at gennemføre en uddannelse og blive aktive, deltagende medborgere i samfundet. Skolemistrivsel er et komplekst fænomen, der involverer faktorer som ensomhed, mobning og manglende skoleglæde; det påvirkes af elevernes relationer til kammerater og lærere, deres tidlige negative erfaringer og deres evne til at lykkes fagligt og socialt, og det rækker ud over skolen og påvirkes af forhold i hjemmet og fritidslivet (J. F. Grønvad og E. R. Gilling, »Skoletrivsel i de udsatte boligområder«). Grønvad og Gilling fremhæver, at der i de udsatte boligområder er en overrepræsentation af elever, der mistrives, hvilket også gør sig gældende i Randers (figur: Elever med lav skoletrivsel fordelt på landets kommuner og udsatte boligområder i %, skoleåret 2022/2023 for elever i 4.-9. klasse; antal besvarelser 267.389, heraf 12.012 fra elever i de udsatte boligområder; svarkategorien »Ved ikke« er medtaget som et ikke-bekymrende svar; procentdelen er beregnet ud af alle elever, som besvarede den nationale trivselsmåling i de enkelte kommuner og udsatte boligområder med en helhedsplan).',
    'Fraværsteamet vil fortsat være en central aktør i at sikre målrettede indsatser for de elever, der har det højeste fravær (se aktiviteten »Fremmøde i skolen«). Ud over Fraværsteamets arbejde iværksættes en tidlig og forebyggende indsats med særligt fokus på at fremme trivsel og undgå mistrivsel hos eleverne, i tæt samarbejde med både forældre og fagpersoner, så potentielle problemer identificeres tidligt og håndteres, inden de udvikler sig til vedvarende fravær. Aktiviteten er et supplement til den kommunale fraværsindsats og har til formål at støtte børn og unge med begyndende trivsels- og fraværsproblematikker. De to indsatser »Fremmøde« og »Trivsel i skolen« supplerer hinanden i en koordineret indsats, der arbejder forebyggende og foregribende, og aktiviteten skal ses i sammenhæng med Randers Kommunes overordnede fraværspolitik.',
    'Fokus er at sikre, at børn og unge bliver en del af sunde og trygge fællesskaber; børn formes i høj grad af de fællesskaber, de er en del af, og både årsagerne til og løsningerne på mistrivsel findes ofte inden for disse. Derfor er det vigtigt at identificere de sociale netværk, barnet indgår i – eller burde indgå i – både i og uden for skolen. Undersøgelser fra Børns Vilkår viser, at forældre ofte opdager de første tegn på mistrivsel, og at børnene oftest deler skoleproblemer derhjemme; forældrenes bekymringer skal tages alvorligt. Den boligsociale medarbejder kan trække på sit kendskab til familien fra andre sammenhænge og styrke kommunikationen mellem skole og hjem, så problemer fanges tidligt; det er essentielt at opnå en tæt relation til barnet eller den unge, så der er plads til at lytte til deres stemme og perspektiver. Mistrivsel kan tage mange former og resulterer ofte, men ikke altid, i stigende skolefravær; skolefravær bør ses som et symptom på underliggende mistrivsel, der kan være relateret til klassemiljøet, familien eller andre sammenhænge.',
  ].join('\n\n'),
  targetGroup: {
    text: 'Børn og unge i folkeskolen med begyndende tegn på mistrivsel, herunder stigende skolefravær (skolefravær under 10 procent), samt deres forældre på Nørrevangsskolen, Vestervangskolen, Østervangskolen og Hobrovejens Skole, bosat i Gl. Jennumparken, Glarbjergvej-området, Hermann Stillingsvej-området, Vangdalen, Energivej-området, Sjællandsgadekvarteret og Centrale Randers.',
    areas: [],
    institutions: [],
    schools: FOUR_SCHOOLS,
    criteria: ['begyndende tegn på mistrivsel, herunder stigende skolefravær', 'skolefravær under 10 procent', 'samt deres forældre'],
  },
  content: [
    'Gennem et tæt samarbejde med skolerne skabes de bedste forudsætninger for, at børn og unge trives både i skolen og i deres sociale liv; Børns Vilkår understreger vigtigheden af at lytte til barnets egen stemme, så dets perspektiv tages alvorligt, og der arbejdes hen imod løsninger tilpasset dets behov.',
    'Den boligsociale medarbejder er en del af fraværsteamet og kan bidrage til en helhedsorienteret tilgang til barnets trivsel. Skolerne kan desuden inddrage Bysekretariatet i sager om mistrivsel, hvor der ikke er bekymrende skolefravær. Skolen har ansvaret for problemer relateret til klassedynamikker og skolefællesskaber, mens den boligsociale medarbejder støtter barnet og familien uden for skolen – fx ved konflikter i fritiden, der påvirker skolegangen – med relationsarbejde, der fremmer barnets tilknytning til sunde fællesskaber, fx inklusion i foreningslivet, teenage- eller børnegrupper eller facilitering af netværk mellem familier.',
    'Der iværksættes individuelle indsatser for udvalgte elever på de fire skoler. Den boligsociale medarbejders tilstedeværelse og tætte samarbejde med skolerne skaber også grundlag for at rekruttere børn, unge og deres familier til helhedsplanens øvrige aktiviteter, fx lommepengejobs, sundhedsforløb og trivselsinitiativer, da familierne ofte har komplekse udfordringer, der kræver en koordineret og flerstrenget indsats.',
    'I aktiviteten er der fokus på at:\n' +
      '– identificere børn og unge med tegn på mistrivsel, fordi tidlig identifikation er afgørende for at iværksætte målrettede indsatser, før mistrivslen udvikler sig til mere alvorlige problemer;\n' +
      '– sikre en koordineret og håndholdt indsats for målgruppen på flere niveauer – skoleniveau, familieniveau og individuelt – der involverer både skolen og hjemmet, så alle aspekter af barnets liv tages i betragtning;\n' +
      '– øge fremmøde og trivsel blandt de børn og unge, der er en del af aktiviteten, da øget fremmøde ofte er en indikator for trivsel.',
    'Det varierer fra skole til skole, hvilke årgange og aktiviteter der arbejdes med; det fremgår af årshjulene for de enkelte skoler, fx gruppeforløb, støtte til fritidsaktiviteter, individuelle indsatser og forældreindsatser. Den boligsociale medarbejder deltager i det kommunale netværk for indsatsholdere i arbejdet med skolefravær, og Bysekretariatet kan inddrage SSP og andre aktører fra området i indsatsen.',
    'Der deltager ca. 35 børn og unge i indsatsen pr. år fordelt på de fire skoler.',
  ].join('\n\n'),
  responsibility: 'Det overordnede ansvar for aktiviteten er placeret hos skolelederne på de fire skoler og hos sekretariatslederen i Bysekretariatet.',
  roles: [
    { organisation: 'Skolerne', role: 'Ansvar for afholdelse af fraværsmøder og for at inddrage Bysekretariatet.' },
    { organisation: 'Skolernes AKT-medarbejdere og lærere', role: 'Understøttende i indsatsen.' },
    { organisation: 'Bysekretariatet', role: 'Deltager i fraværsmøder, iværksætter forebyggende indsatser og kan følge og støtte familierne; deltager i det kommunale netværk for indsatsholdere og kan inddrage SSP og andre aktører.' },
  ],
  resources: 'Årligt 1840 medarbejdertimer fra de deltagende skoler (svarende til 10 timer pr. uge pr. skole).',
  targets: [
    {
      code: 'trivsel-deltagere',
      measure: 'børn og unge i indsatsen, fordelt på de fire skoler',
      kind: 'approximate',
      value: 35,
      per: 'plan-year',
      printed: 'ca. 35 børn og unge i indsatsen pr. år fordelt på de fire skoler',
      ref: ref(1683),
    },
  ],
  ref: ref(1567, 1693),
  remarks: [
    {
      kind: 'note',
      text: 'Figuren over elever med lav skoletrivsel (l. 1594-1602) er ikke bevaret i OCR-teksten ud over titel, akser og fodnote; dens værdier kan ikke gengives herfra.',
    },
    {
      kind: 'ocr-uncertain',
      text: 'Forfatternavnet læses «Grenvad» og «Granvad» af OCR (l. 1590-1591); gengivet som Grønvad. Bør tjekkes mod den trykte plan.',
    },
  ],
};

const familiedage: Activity = {
  slug: 'familiedage',
  number: 6,
  name: 'Familiedage i institutionerne',
  purpose: [
    'Formålet med Familiedage er at lave en tidlig forebyggende indsats for sårbare familier med børn i alderen 0-5 år for at styrke trivsel, sundhed og tryghed i familierne, så de ikke efterfølgende har behov for en mere indgribende indsats. Familierne får gennem forløbet mulighed for at opbygge netværk, deltage i fællesskaber og udvikle konkrete færdigheder inden for sundhed, forældrekompetence, børns udvikling og trivsel.',
    'Der skabes et trygt rum, hvor familierne kan modtage støtte og vejledning efter behov, både i grupper og individuelt som familie. Fokus er at forbedre familiernes generelle trivsel, skabe stærkere netværk og etablere nye relationer i lokalområdet, hvilket giver et fundament for fællesskab, øget social støtte og sammenhold, og forældrene bliver bedre rustet til at håndtere dagligdagens udfordringer, hvilket skaber et tryggere og mere stabilt miljø for børnene. En central del er at styrke dialogen mellem forældre og institutionen, så der skabes en tættere samarbejdsrelation om børnenes trivsel og udvikling. Familiedage er dermed en helhedsorienteret indsats, der styrker både forældre, børn og samarbejdet med pædagoger.',
    'En vigtig del handler om at forbedre sundheden blandt familierne gennem oplysning og forebyggelse, hvor både Sundhedsplejen og Tandplejen har en vigtig rolle. En stikprøveundersøgelse udført i samarbejde med tre af de deltagende institutioner og tandplejen viser, at op mod halvdelen af de børn, som har deltaget i Familiedage de seneste tre år (2021-24), har behov for en særlig indsats fra tandplejen og kategoriseres som »røde børn«, hvilket afspejler en population med væsentlig højere tandsygdomsaktivitet end gennemsnittet i Randers Kommune.',
    'Sideløbende med eller efter endt forløb kan der iværksættes individuelle familieforløb med besøg i hjemmet af tandplejen, med fokus på hele familiens sundhed og ikke kun det barn, der har været omdrejningspunktet for deltagelsen; sundhedsplejen kan tilbyde ekstra besøg til de deltagende familier. Familiedage fungerer også som platform for rekruttering til andre boligsociale indsatser, så familiernes behov kan identificeres og imødekommes.',
  ].join('\n\n'),
  targetGroup: {
    text: 'Forældre til børn i Børnehuset Jennumparken, Børnehuset Lervangen, Den selvejende institution Glentevej, Elmehaven og KFUMs institutioner, bosat i Gl. Jennumparken, Glarbjergvej-området, Vangdalen, Sjællandsgadekvarteret, Energivej-området, Hermann Stillingsvej-området og Centrale Randers (sårbare familier med børn i alderen 0-5 år). Familier uden for de udsatte boligområder kan også deltage, når det kan bidrage til en god gruppedynamik og positiv spejling.',
    ageMin: 0,
    ageMax: 5,
    areas: [],
    institutions: [JENNUM, LERVANG, GLENTEVEJ, ELMEHAVEN, KFUM],
    schools: [],
    criteria: [
      'forældre til børn i de deltagende institutioner',
      'sårbare familier med børn i alderen 0-5 år',
      'familier uden for de udsatte boligområder kan deltage, når det bidrager til en god gruppedynamik og positiv spejling',
    ],
  },
  content: [
    'Familiedage er et forløb bestående af seks mødegange, hvor familierne deltager i både teoretiske oplæg og praktiske workshops. Temaerne strækker sig fra forældrerollen, grænsesætning og børns udvikling til praktisk vejledning om kost og søvn samt tandpleje. Der lægges vægt på et tillidsfuldt miljø, hvor familierne kan dele erfaringer og opnå nye kompetencer; for at skabe et så trygt miljø som muligt afholdes Familiedage i institutionerne med deltagelse af pædagoger fra den pågældende institution. Fagpersoner fra institutionen, sundhedsplejen, tandplejen og en boligsocial medarbejder fra Bysekretariatet deltager, og andre faggrupper kan inddrages ad hoc.',
    'Indsatsen er primært gruppebaseret og fokuserer på at skabe et fællesskab blandt familierne om sundhed, trivsel og forældreskab. Undervejs eller efter afslutningen kan der iværksættes målrettede familieforløb i samarbejde med tandplejen, herunder hjemmebesøg med fokus på hele familiens sundhed, så forældrenes evne til at etablere og opretholde sunde vaner styrkes; sundhedsplejen kan tilbyde ekstra besøg.',
    'Aktiviteten bygger videre på erfaringerne fra Familiedage i Den boligsociale Helhedsplan 2021-25, hvor familierne har været meget glade for forløbene; især er der set positive resultater for tandlægebesøg og etablering af nye rutiner omkring søvn og mad.',
    'Tandplejen gennemfører årligt 5-7 individuelle forløb for familier, der deltager i Familiedage, med mulighed for at arbejde med alle børn i familien; Bysekretariatet kan understøtte familiernes deltagelse i det individuelle forløb. Sundhedsplejen gennemfører ad hoc ekstra besøg hos familier, der deltager i Familiedage.',
    'Der afholdes årligt fire forløb med deltagelse af i alt ca. 12 familier fra boligområderne. Aktiviteten kan udvides efter behov og efter aftale med samarbejdspartnerne til øvrige institutioner i helhedsplansområdet.',
  ].join('\n\n'),
  responsibility:
    'Det overordnede ansvar varetages af lederen af Sundhedsplejen, lederen af Tandplejen, lederen af Dagtilbud Midt, lederen af Den selvejende institution Glentevej, lederen af KFUMs institutioner og sekretariatslederen i Bysekretariatet.',
  roles: [
    { organisation: 'Institutionerne', role: 'Ansvar for rekruttering af familierne, deltager på familiedagene og lægger lokaler til.' },
    { organisation: 'Bysekretariatet', role: 'Koordinerer indsatsen, deltager på familiedagene og bidrager til temaerne; støtter familierne i forbindelse med opfølgende forløb med Sundhedsplejen og/eller Tandplejen.' },
    { organisation: 'Sundhedsplejen', role: 'Deltager i familiedagene og tilbyder individuel opfølgning og vejledning til de forældre, der har behov for det; gennemfører ad hoc ekstra besøg.' },
    { organisation: 'Tandplejen', role: 'Deltager i familiedagene og tilbyder individuel opfølgning og vejledning til de forældre, der har behov for det; gennemfører årligt 5-7 individuelle forløb.' },
  ],
  resources:
    'Årligt 136 medarbejdertimer fra Sundhedsplejen (fordelt på gruppeforløb og individuelle samtaler), 96 medarbejdertimer fra de deltagende institutioner og 36 medarbejdertimer fra Tandplejen (fordelt på gruppeforløb og individuelle forløb).',
  targets: [
    { code: 'familiedage-forloeb', measure: 'Familiedage-forløb', kind: 'exact', value: 4, per: 'plan-year', printed: 'årligt fire forløb', ref: ref(1764) },
    {
      code: 'familiedage-familier',
      measure: 'familier fra boligområderne i Familiedage',
      kind: 'approximate',
      value: 12,
      per: 'plan-year',
      printed: 'i alt ca. 12 familier fra boligområderne',
      ref: ref(1764),
      remarks: [{ kind: 'note', text: '«Der afholdes årligt fire forløb, med deltagelse af i alt ca. 12 familier» (l. 1764) læses som årets samlede antal familier på tværs af de fire forløb, ikke pr. forløb.' }],
    },
    { code: 'familiedage-moedegange', measure: 'mødegange pr. forløb', kind: 'exact', value: 6, per: 'course', printed: 'seks mødegange', ref: ref(1742) },
    {
      code: 'familiedage-tandpleje',
      measure: 'individuelle forløb ved Tandplejen for familier i Familiedage',
      kind: 'range',
      min: 5,
      max: 7,
      per: 'plan-year',
      printed: 'Tandplejen gennemfører årligt 5-7 individuelle forløb',
      ref: ref(1760),
    },
  ],
  ref: ref(1695, 1784),
  remarks: [
    { kind: 'note', text: 'Planen skriver «Den selvejende institution Glentevejen» i ansvarsfordelingen (l. 1772-1773) og «Glentevej» i målgruppen (l. 1736); gengivet som Glentevej.' },
  ],
};

const detGodeLiv: Activity = {
  slug: 'det-gode-liv-for-alle',
  number: 7,
  name: 'Det gode liv for alle – en sundhedsindsats',
  purpose: [
    'Alle boligområderne ligger i sogne, der betegnes som sociogeografisk område 5, hvor en høj andel af borgerne har et lavt uddannelsesniveau, en høj andel er uden for arbejdsmarkedet, og gennemsnitsindkomsten er lav (Hvordan har du det 2021, Region Midt). Det gør sig i særlig grad gældende for beboerne i helhedsplanens boligområder, som også i særlig grad er ramt af uligheden i sundhed og har en særlig høj risiko for sygdom, nedsat livskvalitet og tidlig død.',
    'Både god og dårlig sundhedsadfærd grundlægges tidligt i livet. Vi arver vaner og livsstil fra vores forældre, og der skal oftest mere end tid og tålmodighed til for at ændre vaner og skabe positiv forandring – støtte, vejledning, følgeskab og måske at nogen tror mere på os, end vi selv gør.',
    'Helhedsplanen tapper ind i byrådets vision om at understøtte det gode liv for alle og mere lighed i sundhed; sundhed betyder at have det godt både fysisk, psykisk og socialt. Andre aktiviteter har fokus på den tidlige og familieorienterede indsats med bl.a. sundhedsplejen og tandplejen; denne aktivitet er primært rettet mod forældrenes egen sundhed og livsstil ud fra en bred tilgang, hvor beboerne kan få vejledning og støtte til netop den forandring, de selv ønsker, om det er at blive røgfri, blive mere fysisk aktive, spise sundere eller få hjælp til at reducere angst eller ensomhed.',
    'At styrke forældrenes livskvalitet og trivsel styrker også deres børn. Aktiviteten understøtter og styrker øvrige indsatser i helhedsplanen, fx »Job til mor«, fremskudte beskæftigelsesindsatser, familierettede aktiviteter eller oplæg målrettet unge, fx ved at støtte familierne i en ny og bedre struktur i dagligdagen med bedre sovevaner og mere overskud til arbejdsliv, madpakker og børnenes skolegang.',
  ].join('\n\n'),
  targetGroup: {
    text: 'Beboere i Gl. Jennumparken, Glarbjergvej-området, Vangdalen, Hermann Stillingsvej-området, Energivej-området, Centrale Randers og Sjællandsgadekvarteret. Der rekrutteres via andre aktiviteter, fx Job til mor, fremskudt beskæftigelsesindsats eller familiekurser, så det vil ofte være forældre, der har et ønske om at skabe en positiv forandring i deres liv.',
    areas: [],
    institutions: [],
    schools: [],
    criteria: ['rekrutteres via andre aktiviteter (fx Job til mor, fremskudt beskæftigelsesindsats, familiekurser)', 'ofte forældre med et ønske om at skabe en positiv forandring i deres liv'],
  },
  content: [
    'Der rekrutteres via andre aktiviteter, fx Job til mor, fremskudt beskæftigelsesindsats eller familiekurser. Sundhedskonsulenten fra Randers Sundhedscenter arbejder fremskudt og møder borgeren/beboeren til en første afklarende snak om den forandring, vedkommende ønsker. Det aftales, hvad de første afgørende skridt skal være, og sundhedskonsulenten tager borgeren i hånden hele vejen til målet.',
    'Sundhedskonsulenten arbejder ud fra sin egen brede faglighed og begynder med at etablere en god relation til borgeren og få kendskab til dennes livssituation og ressourcer. Sundhedskonsulenten kan visitere til andre tilbud, fx rygestop og brobygning til motionstilbud i foreningslivet.',
    'Sundhedsmedarbejderen kan også etablere mindre grupper for dem, der ønsker at mestre angst eller mindske ensomhed, eller holde oplæg om at skabe god struktur i dagligdagen for dem, der står over for en ny begyndelse på arbejdslivet, eller om at leve med og håndtere kroniske smerter. Medarbejderen kan møde borgere i Bysekretariatet, hvor der i øvrigt sker en fremskudt beskæftigelsesindsats, eller efter aftale i borgerens hjem, og kan følge borgeren til de tilbud, der visiteres til, og eventuelt hjælpe med at tage bussen derhen – hjælp til hverdagsmestring og nye gode vaner i bred forstand, så livskvalitet, overskud og trivsel kan vokse derfra.',
    'Den sundhedsfaglige medarbejder afsætter gennemsnitligt 6 timer om ugen på aktiviteten.',
  ].join('\n\n'),
  responsibility: 'Det overordnede ansvar varetages af lederen af sundhedsfremme- og forebyggelsesenheden og sekretariatslederen i Bysekretariatet.',
  roles: [
    { organisation: 'Bysekretariatet', role: 'Rekrutterer til sundhedssamtalerne og gruppeforløbene.' },
    { organisation: 'Randers Sundhedscenter', role: 'Gennemfører sundhedssamtalerne og gruppeforløbene ved en fremskudt sundhedskonsulent.' },
  ],
  resources: 'Årligt 312 medarbejdertimer fra Sundhedscenteret (svarende til 6 timer pr. uge).',
  targets: [],
  ref: ref(1786, 1840),
};

const trivselsforloeb: Activity = {
  slug: 'trivselsforloeb-for-familier',
  number: 8,
  name: 'Trivselsforløb for familier',
  purpose: [
    'Formålet med Trivselsforløb for familier er at fremme trivsel og styrke sociale relationer blandt familier, der står over for komplekse udfordringer såsom lavt uddannelsesniveau, arbejdsløshed og økonomisk udsathed. Disse faktorer kan skabe isolation og mindske muligheden for at indgå i positive fællesskaber, hvilket kan påvirke både den enkelte families livskvalitet og boligområdet.',
    'Familierne støttes i at opbygge stærke relationer og fællesskaber i lokalområdet, hvilket udvider deres sociale netværk og mindsker social isolation. Meningsfulde aktiviteter og fælles oplevelser skaber trygge rammer, hvor familierne kan udvikle relationerne internt i familien og med andre fra boligområdet. Workshops, sociale arrangementer og udflugter giver familierne mulighed for at lære hinanden og lokalmiljøet bedre at kende i en afslappet atmosfære, og målet er at gøre familierne i stand til at tage større ejerskab over deres liv og indgå aktivt i lokale fællesskaber.',
    'En vigtig del er at styrke forældrekompetencerne for at reducere konflikter i hjemmet og fremme børnenes trivsel gennem vejledning og støtte, så forældrene bliver bedre rustet til udfordringerne i opdragelse og hverdag. Samtidig skal kulturforståelsen blandt familier med anden etnisk baggrund fremmes for at styrke samhørighed og integration i lokalområdet. Det overordnede mål er ikke kun at styrke familiernes sociale netværk her og nu, men at bidrage til varige positive forandringer, der kan forbedre familiernes trivsel, integration og deltagelse i samfundet på længere sigt.',
  ].join('\n\n'),
  targetGroup: {
    text:
      'Familier i Gl. Jennumparken, Glarbjergvej-området, Vangdalen, Hermann Stillingsvej-området, Energivej-området, Centrale Randers og Sjællandsgadekvarteret. Familierne er kendetegnet ved lavt uddannelsesniveau, arbejdsløshed og fattigdom, hvilket kan medføre problemer som ensomhed og svage sociale netværk. For etniske minoritetsfamilier kan der også være dansksproglige udfordringer og manglende kendskab til det danske velfærdssystem, hvilket kan resultere i mistillid til offentlige instanser og vanskeligheder med at støtte børns deltagelse i institutioner og skoler.',
    areas: [],
    institutions: [],
    schools: [],
    criteria: [
      'lavt uddannelsesniveau, arbejdsløshed og fattigdom',
      'ensomhed og svage sociale netværk',
      'for etniske minoritetsfamilier: dansksproglige udfordringer og manglende kendskab til det danske velfærdssystem',
    ],
  },
  content: [
    'Bysekretariatet tilrettelægger trivselsforløbene, der skal fremme trivsel, udvikle stærkere familierelationer og skabe sociale netværk, der kan understøtte familiernes livskvalitet. Indholdet varierer og tilpasses de udfordringer og behov, der opstår i områderne; forløbene er fleksible og kan ændres over tid. Gennem forløbene arbejdes der målrettet på at styrke forældres og børns kommunikation for at reducere konflikter i hjemmet og skabe et mere harmonisk familieliv.',
    'Erfaringen viser, at det er centralt at skabe en social arena, hvor familierne kan føle sig trygge, og hvor aktiviteterne er centreret om et fælles tredje som madlavning, idræt eller kreative projekter. Et eksempel er »familie naturklub«, hvor familierne mødes til aktiviteter i naturen; et andet er »Familieferie«, hvor familierne sammen med de boligsociale medarbejdere tilbringer tid på højskole i sommerferien, hvorefter familierne mødes til forskellige aktiviteter i og uden for boligområderne, hvilket understøtter fortsatte relationer og integration i lokalområdet.',
    'Aktiviteterne skaber stærkere netværk blandt familierne og bidrager til en større forståelse for danske normer, værdier og kultur. Trivselsforløbene rekrutterer desuden familier til andre boligsociale aktiviteter, og de boligsociale medarbejdere får gennem forløbet et indgående kendskab til den enkelte familie og kan bedre give råd og vejledning og guide videre til andre aktører i Randers Kommune eller NGO’er.',
    'I løbet af året gennemføres mindst tre trivselsforløb med deltagelse af minimum 15 familier.',
  ].join('\n\n'),
  responsibility: 'Planen angiver ingen særskilt ansvars- og rollefordeling for aktiviteten; Bysekretariatet tilrettelægger trivselsforløbene.',
  roles: [{ organisation: 'Bysekretariatet', role: 'Tilrettelægger og gennemfører trivselsforløbene og guider familierne videre til andre tilbud.' }],
  targets: [
    { code: 'trivselsforloeb-forloeb', measure: 'trivselsforløb', kind: 'minimum', min: 3, per: 'plan-year', printed: 'mindst tre trivselsforløb', ref: ref(1906) },
    { code: 'trivselsforloeb-familier', measure: 'familier i trivselsforløbene', kind: 'minimum', min: 15, per: 'plan-year', printed: 'minimum 15 familier', ref: ref(1906) },
  ],
  ref: ref(1841, 1906),
  remarks: [
    {
      kind: 'reconstructed',
      text: 'Aktivitetens nummer 8 er sat ud fra dens plads i aktivitetslisten (l. 1085-1092), hvor OCR har mistet numrene (l. 1094); medarbejderressourcerne nummererer kun aktivitet 1-7 (l. 1096-1136).',
    },
    {
      kind: 'note',
      text: 'Planen har intet afsnit «Ansvars- og rollefordeling» og ingen egne medarbejdertimer for aktiviteten; den bæres af Bysekretariatets samlede timer (l. 1138-1140). «I løbet af året» (l. 1906) er gengivet som pr. planår.',
    },
  ],
};

/**
 * Disagreements in the problem text that the InterventionArea type has no place for (it carries no remarks of its
 * own); the product should show them next to the problem text.
 */
export const educationProblemRemarks: DataRemark[] = [
  {
    kind: 'contradiction',
    text: 'Energivej-områdets husstandsindkomst angives til 56 % af gennemsnittet i Randers Kommune (l. 868-869) og til 52 % af kommuneniveauet (l. 874).',
  },
  {
    kind: 'contradiction',
    text: 'Det gennemsnitlige skolefravær for de 7 boligområder angives til 9,9 % i teksten (l. 847-848) og til 10,0 % i indikatortabellen (l. 1035), begge for skoleåret 2023/24.',
  },
  {
    kind: 'contradiction',
    text: 'Andelen af børn i de 7 boligområder med over 15 % skolefravær angives til 16,5 % (l. 850-851), men til 14,8 % («15 % eller mere») i aktiviteten Fremmøde i skolen (l. 1497-1498).',
  },
  {
    kind: 'contradiction',
    text: 'Hermann Stillingsvej-området har 52 % 30-59-årige med grundskole som højeste uddannelse (l. 793-794), under statens kriterium på over 60 %; områdeprofilen siger dog, at området overstiger uddannelseskriteriet (l. 342-344).',
  },
];

/** «Sammenhæng med den kommunale indsats i boligområdet» (lines 1142-1177): context the type has no field for. */
export const educationMunicipalLink: { text: string; ref: PlanRef } = {
  text: [
    'Mange familier i boligområderne kan i større eller mindre grad betegnes som sårbare eller udsatte; de står ofte over for komplekse udfordringer som arbejdsløshed, helbredsproblemer og manglende danskkundskaber. Mange beboere mangler viden om de muligheder for støtte, der findes i kommunen, eller har mistillid til, at kommunens tilbud kan medføre positive forandringer. Den boligsociale indsats fungerer derfor som en vigtig brobygger mellem beboerne og de kommunale tilbud og som et vigtigt supplement til og understøttelse af den kommunale indsats.',
    '»Et godt liv – for alle« er Randers Kommunes overordnede politiske målsætning fra Vision 2030: »Vi tror på, at alle kan bidrage med noget. Alle kan dog opleve modgang og have brug for hjælp til et bedre og sundere liv. Vi står klar med en hjælpende hånd og vil være tidligt på banen, så alle er klædt bedst muligt på til livet og kan leve et indholdsrigt liv. Målet er flest mulig selvhjulpne borgere, mere lighed i sundhed samt social mobilitet.«',
    'Helhedsplanen understøtter visionen, og indsatsområdet løfter i forhold til Randers Kommunes Børne- og Ungepolitik, Uddannelsespolitik, Beskæftigelsespolitik og Sundhedspolitik. Børn og unge skal have den støtte, de har brug for; trivsel, fællesskaber og mental sundhed har stor betydning for udvikling, læring og for at kunne gennemføre en uddannelse, og den unge må ikke slippes efter folkeskolen, hvis der fortsat er behov for støtte og forebyggende indsatser. Aktiviteterne bidrager til at:\n' +
      '– sikre, at familierne får adgang til relevante støtte- og vejledningstilbud;\n' +
      '– fremme tidlig opsporing af udfordringer hos børn og unge, så der kan gives målrettet støtte i de almene læringsmiljøer;\n' +
      '– skabe trygge relationer og fællesskaber, der anerkender forskellighed og fremmer trivsel;\n' +
      '– alle skal have den bedst mulige uddannelse, og flere unge skal gennemføre en ungdomsuddannelse;\n' +
      '– hjælpe de unge med at overkomme de udfordringer, der forhindrer dem i at komme i beskæftigelse;\n' +
      '– øge forældres engagement i sundhedsfremme ved at tilbyde dem relevant information, oplysning og vejledning.',
    'Gennem samarbejde med den stærke kommunale kernedrift, herunder institutioner og folkeskoler, UUR og sundhedsfremmende indsatser, arbejdes der hen imod, at flere beboere mestrer eget liv, får uddannelse og beskæftigelse, og at der opnås en effekt af tidlige indsatser.',
  ].join('\n\n'),
  ref: ref(1142, 1177),
};

const problem = [
  'Børn og unge i boligområderne. I Randers Kommune er 19 % af indbyggerne under 18 år (Danmarks Statistiks Boligstatistiske Nøgletal 2024). De syv boligområder deler sig med tre relativt børnerige områder og fire, hvor der er relativt få børn og unge under 18 år. Vangdalen har relativt flest børn, 33 %, med sine 270 beboere under 18 år. Herefter kommer de to udsatte boligområder: 362 børn og unge i Gl. Jennumparken, svarende til 29 % af beboerne, og 330 i Glarbjergvej-området, svarende til 24 %. De øvrige fire er Energivej-området med 128 (15 %) børn og unge under 18 år, Hermann Stillingsvej-området 112 (11 %), Sjællandsgadekvarteret 96 (11 %) og Centrale Randers 60 (9 %). I de fire sidstnævnte kan der imidlertid konstateres mange børn og familier med komplicerede sociale problemstillinger. Der er derfor behov for en tidlig forebyggende indsats for at styrke børnenes livschancer i alle boligområderne, og helhedsplanen har et væsentligt fokus på indsatsområdet Uddannelse og livschancer.',
  'Mange med ikke-vestlig baggrund. Mange beboere har ikke-vestlig baggrund i Gl. Jennumparken (44 %), Glarbjergvej-området (34 %) og Vangdalen (41 %). I de øvrige boligområder er andelen lavere: Energivej-området 17 %, Hermann Stillingsvej-området 19 %, Sjællandsgadekvarteret 15 % og Centrale Randers 23 %. I alle boligområderne er andelen væsentligt højere end i Randers Kommune som helhed, hvor 7 % er indvandrere eller efterkommere med ikke-vestlig baggrund (Danmarks Statistiks Boligstatistiske Nøgletal 2024). I Vangdalen er andelen steget fra 34 % i 2020 til 41 % i 2024; i de øvrige boligområder har niveauet været relativt stabilt. Den høje andel kan udgøre en risikofaktor i forhold til sproglige udfordringer, integration og kulturforståelse. Sproglige barrierer og manglende kendskab til offentlige systemer og institutioner gør det vanskeligt for mange beboere med anden etnisk baggrund at forstå og begå sig i det danske samfund; Bysekretariatet oplever dagligt beboere, fortrinsvis med anden etnisk baggrund, der søger hjælp til fx at forstå henvendelser fra det offentlige. Ungdommens Uddannelsesvejledning og skoleledere i Randers påpeger, at mange forældre med anden etnisk baggrund mangler den fornødne forståelse af det danske uddannelsessystem og derfor ofte har urealistiske forventninger til, hvilket uddannelsesvalg der matcher deres barns faglige evner og interesser, og ikke i tilstrækkelig grad kan støtte og rådgive deres børn om valg af uddannelse. Det understøttes af uddannelsesdata, der viser et meget stort frafald fra uddannelser i boligområderne.',
  'Lavt uddannelsesniveau og mange uden for fællesskabet. I Danmark er ca. 45.000 unge under 25 år hverken i uddannelse eller beskæftigelse. I Region Midtjylland er 23.055 personer mellem 16 og 29 år hverken i job eller under uddannelse, svarende til 9,1 % af aldersgruppen; i Randers Kommune er det 12,0 % af de 16-29-årige (»Hvem er de 23.000 unge udenfor? – Fælles om bæredygtige løsninger«, Region Midt). Uddannelsesniveauet i boligområderne ligger markant lavere end i kommunen som helhed. I Gl. Jennumparken og Glarbjergvej-området er henholdsvis 43 % og 39 % af de 15-64-årige ikke i uddannelse og uden anden uddannelse end grundskolen – en klar positiv udvikling de seneste fem år, størst blandt de 18-29-årige, hvor henholdsvis 62 % og 71 % har fuldført og/eller er i gang med en ungdomsuddannelse (Danmarks Statistiks Boligstatistiske Nøgletal 2023). I Energivej-området går det den forkerte vej: knap 48 % af de 15-64-årige er uden uddannelse. I Vangdalen, Hermann Stillingsvej-området og Sjællandsgadekvarteret har niveauet været stabilt omkring ca. 39 %, 41 % og 32 %. Blandt de 18-29-årige har 66 % i Energivej-området, 63 % i Hermann Stillingsvej-området, 69 % i Vangdalen og 75 % i Sjællandsgadekvarteret en ungdomsuddannelse og/eller er i gang med uddannelse; der ses en negativ udvikling blandt de unge i Hermann Stillingsvej-området og Sjællandsgadekvarteret (Danmarks Statistiks Boligstatistiske Nøgletal 2023). I Randers Kommune som helhed har knap 18 % af de 15-64-årige grunduddannelse som højst fuldførte niveau, og blandt de 18-29-årige har 83 % en ungdomsuddannelse og/eller er i gang med uddannelse. For Centrale Randers er der ikke samme adgang til data, da Danmarks Statistik har udvidet sine diskretioneringskriterier for de boligstatistiske nøgletal fra 2024. I forhold til statens parallelsamfundskriterie for uddannelse i 2023 overstiger Gl. Jennumparken og Glarbjergvej-området kriteriet, idet henholdsvis 63 % og 60,3 % af de 30-59-årige har grundskole som højeste uddannelsesniveau, om end niveauet har været faldende de senere år; i Hermann Stillingsvej-området er andelen 52 %.',
  'At forberede børn og unge til uddannelse og til at træffe det rette uddannelsesvalg er en hovedudfordring i boligområderne. Uddannelse er den væsentligste faktor for at øge de unges livschancer og bryde en negativ social arv, og det er vigtigt at forberede og ruste de unge til uddannelse så tidligt som muligt. Det kræver en vedvarende og tværgående indsats med fokus på børnenes og familiernes trivsel helt fra barnets første år: stor vægt på aktiviteter i institutioner og skoler, der kan ruste børnene til uddannelse senere i livet, og på at komme rundt om hele familien, så forældrene i højere grad kan understøtte og vejlede deres børn om uddannelse.',
  'Store sproglige udfordringer. Randers Kommune sprogtester alle 3- og 5-årige børn i institutionerne, og data viser, at bekymrende mange børn i boligområderne har ringe talesproglige færdigheder. Testen er baseret på en normalfordeling, hvor 85 % af de testede børn på landsplan vurderes at have behov for en generel indsats, 10 % for en mere fokuseret indsats og de svageste 5 % for en særlig indsats. Randers Kommune som helhed ligger nogenlunde på niveau med eller en anelse under landsgennemsnittet. I alle 7 boligområder har en massiv andel af børnene store sproglige udfordringer: mellem 35 og 60 % har behov for enten en fokuseret eller særlig indsats, og værst ser det ud i Glarbjergvej-området, Gl. Jennumparken og Centrale Randers (figur »Talesproglige færdigheder 2023«, data fra Randers Kommunes boligsociale monitorering 2024). Hvis børnene ikke løftes betydeligt i deres sproglige færdigheder, begynder de skolelivet med dårlige forudsætninger såvel fagligt som socialt, hvilket kan reducere deres muligheder for at komme videre i uddannelse; der er en stærk sammenhæng mellem barnets sproglige færdigheder i førskolealderen og dets livschancer som voksen, og det er derfor afgørende at sætte tidligt ind.',
  'Højt skolefravær og dårlig trivsel. Skoleledere og kommunens fremskudte psykologer og socialrådgivere beskriver det at komme i skole som en væsentlig beskyttelsesfaktor og en nøglefaktor i forhold til at bryde negativ social arv. Højt skolefravær er et symptom på mistrivsel og i sig selv en væsentlig risikofaktor; fremmøde er afgørende for, hvordan barnet klarer folkeskolens afgangsprøver, og dermed for mulighederne for uddannelse eller job. Årsagerne kan være mange og komplekse hos barnet eller i familien og af social, faglig, personlig og/eller helbredsmæssig karakter. I alle 7 boligområder er børnenes skolefravær højere end gennemsnittet i Randers, der i skoleåret 2023/24 var 7,8 % mod et landsgennemsnit på 7,1 %. Det gennemsnitlige skolefravær for børn med bopæl i de 7 boligområder var 9,9 %; Centrale Randers og de to udsatte boligområder ligger under gennemsnittet med 9,0-9,8 %, herefter Vangdalen med 10 %, Sjællandsgadekvarteret med 10,8 %, Energivej-området med 10,9 % og Hermann Stillingsvej-området med 11,3 %. Gennemsnitligt 16,5 % af børnene i de 7 boligområder har over 15 % skolefravær; i Energivej-området er det 19,8 % og i Hermann Stillingsvej-området 22,8 %, som med den tendens risikerer at mangle mere end halvandet års skolegang.',
  'Mange sårbare familier. Ud over de nævnte risikofaktorer står en stor andel af forældrene uden for arbejdsmarkedet; der er en meget høj andel af førtidspensionister (se problemkomplekset vedrørende beskæftigelse), og mange beboere har dårligt fysisk og psykisk helbred. Ifølge en undersøgelse fra Region Midt fra 2021 ligger Randers Kommune signifikant højere end gennemsnittet i regionen for rygning, usunde kostmønstre, depression, angst, ensomhed og kroniske sygdomme som fx KOL og diabetes, og en markant større andel af borgerne har nedsat arbejdsevne; sårbare borgere er overrepræsenteret i de boligsociale områder. Aarhus Universitets undersøgelse viser markant øget risiko for tidlig død i de to sogne, som boligområderne ligger i. Beboerne går langt mindre til tandlæge end gennemsnittet i kommunen og i Danmark, og Randers Kommunes tandpleje ser en markant overrepræsentation af såkaldte »røde børn« med dårlig tandsundhed – en risikofaktor bl.a. for senere diabetes og ifølge tandplejen oftest en indikator for, at hele familien har problemer med tandsundheden, ofte i familier med mere komplekse sociale problemer.',
  'Mange børn vokser op i fattigdom og med blot én forsørger. Energivej-området springer i øjnene med en husstandsindkomst på kun 56 % af gennemsnittet i Randers Kommune. 59 % af børnene i Energivej-området og Sjællandsgadekvarteret vokser op med en enlig forsørger, 42 % i Glarbjergvej-området, 47 % i Gl. Jennumparken, 40 % i Vangdalen, 47 % i Hermann Stillingsvej-området og 57 % i Centrale Randers. Den gennemsnitlige husstandsindkomst i Randers er i 2023 på 577.970 kroner; i forhold til kommuneniveauet er husstandsindkomsten 63 % i Glarbjergvej-området, 68 % i Gl. Jennumparken, 53 % i Hermann Stillingsvej-området, 52 % i Energivej-området, 51 % i Centrale Randers, 57 % i Sjællandsgadekvarteret og 72 % i Vangdalen (Danmarks Statistiks Boligstatistiske Nøgletal 2024). Husstandsindkomsten er i alle boligområderne blevet relativt lavere i forhold til kommuneniveauet siden 2020 – en stigende ulighed inden for kommunen.',
  'Sammenfattende har mange beboere komplekse sociale problemstillinger inde på livet. Indsatsområdet sætter fokus på at løfte primært børn, unge og deres familier for at styrke forældrekompetencen og ruste de unge til en god skolegang og senere et liv med job og uddannelse. Dårligt fysisk eller psykisk helbred kan spænde ben for drømme og ønsker, så der skal være større fokus på sundhed i bred forstand som forudsætning for det gode liv; både tandplejen og sundhedsplejen bringes i spil sammen med institutioner og boligsociale medarbejdere i familieforløb målrettet familiernes udfordringer og behov. Sprogindsatsen skal løftes og udvikles betydeligt, så børnene er bedst muligt rustet, når de begynder skolelivet. Helhedsplanen vil i endnu højere grad end tidligere forbinde indsatser og aktiviteter på tværs, så mange familier får gavn af flere aktiviteter; fx kan forældre i en beskæftigelsesindsats rekrutteres til familiekurser, og en sundhedsmedarbejder kan støtte og vejlede forældre om gode, nye vaner ved opstart på job eller uddannelse.',
].join('\n\n');

export const education: InterventionArea = {
  slug: 'uddannelse-og-livschancer',
  name: 'Uddannelse og livschancer',
  problem,
  subAgreement: {
    parties: [
      'Sekretariatsleder, Bysekretariatet',
      'Leder, Ungdommens Uddannelsesvejledning (UUR)',
      'Centerleder af Pædagogisk Psykologisk Rådgivning (PPR)',
      'Centerleder for Familiecentret og Ungecenteret',
      'Chef for litteratur og læring, Randers Bibliotek',
      'Leder af Dagtilbud Midt',
      'Leder af Dagtilbud Nordvest',
      'Leder af Dagtilbud Nordøst',
      'Leder af Den selvejende institution Glentevej',
      `Leder af ${NORRE}`,
      `Leder af ${OESTER}`,
      `Leder af ${VESTER}`,
      `Leder af ${HOBRO}`,
      'Leder af Ungdomsskolen',
      'Leder af Den selvejende institution Platangården',
      'Leder af KFUMs institutioner',
      'Leder af sundhedsfremme- og forebyggelsesenheden',
      'Leder af Sundhedsplejen',
      'Overtandlæge, Randers Tandpleje',
    ],
    periodStart: '2025-08-01',
    periodEnd: '2029-07-31',
    goal:
      'At løfte primært børn, unge og deres familier med henblik på at styrke forældrekompetencen og ruste de unge til en god skolegang og senere et liv med job og uddannelse, med fokus på sundhed i bred forstand som forudsætning for det gode liv, en betydeligt løftet sprogindsats, så børnene er bedst muligt rustet, når de begynder skolelivet, og indsatser og aktiviteter, der forbindes på tværs, så mange familier får gavn af flere aktiviteter.',
    ref: ref(879, 931),
  },
  subGoals: [
    {
      code: 'udd-1',
      text: 'Bedre sprogkompetencer ved overgang til skole: Reducere andelen af børn med behov for særlig eller fokuseret sproglig indsats inden skolestart.',
      indicators: languageIndicators,
      ref: ref(932, 1030),
    },
    {
      code: 'udd-2',
      text: 'Større fremmøde i skolen: Elevfravær for skoleelever bosat i Gl. Jennumparken, Glarbjergvej-området, Vangdalen, Energivej-området, Hermann Stillingsvej-området, Sjællandsgadekvarteret og Centrale Randers er på niveau med Randers Kommune.',
      indicators: absenceIndicators,
      ref: ref(1032, 1054),
    },
    {
      code: 'udd-3',
      text: 'Flere unge får en uddannelse: Unge, der påbegynder en ungdomsuddannelse, er på niveau med Randers Kommune.',
      indicators: youthIndicators,
      ref: ref(1055, 1082),
    },
  ],
  staffHours,
  activities: [npu, sprogindsats, uddannelsesvejledning, fremmoede, trivsel, familiedage, detGodeLiv, trivselsforloeb],
  ref: ref(725, 1906),
};
