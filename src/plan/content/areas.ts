/**
 * The seven areas of the plan: names, estates (afdelinger) per housing organisation, residents, tenancies
 * (lejemål) and children on 1 January 2024, district schools, primary institutions, the state-list status and the
 * street address lists, from the plan's "De syv områder" (OCR lines 96-200) and the area profiles (lines 200-377).
 */
import type { AreaContent } from './types.js';

const M_S = 'Møllevænget & Storgården';
const RB40 = 'Randers Boligforening af 1940';
const KRONJYLLAND = 'Boligforeningen Kronjylland';
const LEJERBO = 'Lejerbo';
const RAB1874 = 'Randers Arbejderes Byggeforening af 1874';

const afdelinger = (organisation: string, numbers: string[], lines: [number, number]) =>
  numbers.map((n) => ({ organisation, name: `afdeling ${n}`, ref: { lines } }));

export const areas: AreaContent[] = [
  {
    slug: 'gl-jennumparken',
    name: 'Gl. Jennumparken',
    onStateList: true,
    residents: 1270,
    tenancies: 554,
    children: 362,
    figuresAsOf: '2024-01-01',
    estates: [...afdelinger(M_S, ['27', '28', '51', '56'], [223, 223]), ...afdelinger(LEJERBO, ['104'], [223, 223])],
    districtSchools: ['Nørrevangsskolen'],
    institutions: ['Børnehuset Jennumparken', 'KFUM-institutioner', 'Børnehuset Lervangen', 'Platangården (selvejende)', 'Glentevej (selvejende)'],
    addresses: [
      { street: 'Flyvervej', numbers: '(lige numre 2-26 + 5)', ref: { lines: [100, 100] } },
      { street: 'Husarvej', numbers: '(ulige numre 1-29, ulige numre 41-45, lige numre 2-40)', ref: { lines: [101, 103] } },
      { street: 'Gl. Jennumvej', numbers: '(lige numre 6-14)', ref: { lines: [104, 104] } },
      { street: 'Kompagnivej', numbers: '(lige numre 2-18)', ref: { lines: [105, 105] } },
      { street: 'Garnisonsvej', numbers: '1-3 (ulige numre), 7-19, 31-35 (ulige numre) og 30-40 (lige numre)', ref: { lines: [106, 108] } },
    ],
    ref: { lines: [222, 242] },
  },
  {
    slug: 'hermann-stillings-vej-omraadet',
    name: 'Hermann Stillingsvej-området',
    onStateList: false,
    residents: 976,
    tenancies: 729,
    children: 112,
    figuresAsOf: '2024-01-01',
    estates: afdelinger(M_S, ['6', '7', '9', '11', '13', '15', '16', '17', '18', '19', '20', '21'], [258, 258]),
    districtSchools: ['Østervangskolen (0.-6. klasse)', 'Rismølleskolen (7.-9. klasse)'],
    institutions: ['Børnehuset Bækkestien', 'Børnehuset Midgård'],
    addresses: [
      {
        street: 'Hermann Stillings Vej',
        numbers: '7-11, 13-27 (ulige numre), 28-30, 31-37 (ulige numre), 38-44, 46-72 (lige numre)',
        ref: { lines: [112, 115] },
        remarks: [{ kind: 'note', text: 'Planen staver gaden «Herman Stillings vej» her og «Hermann Stillings Vej» under Centrale Randers.' }],
      },
      { street: 'Mærsk Andersens Vej', numbers: '2-34 (lige numre)', ref: { lines: [117, 117] } },
      { street: 'P. Knudsens Vej', numbers: '8-36 (lige numre)', ref: { lines: [119, 119] } },
      {
        street: 'Stadfeldtsvej',
        numbers: '1-19, 21, 23, 25-37, 39-45 (ulige numre)',
        ref: { lines: [120, 121] },
        remarks: [
          {
            kind: 'note',
            text: 'Efter reglen om, at en paritetsangivelse hører til det interval, den står efter, gælder «ulige numre» kun 39-45; 1-19 og 25-37 omfatter alle numre. Oplistningen (21 og 23 for sig) tyder på, at kun ulige numre er ment. Bør afklares med boligorganisationen.',
          },
        ],
      },
    ],
    stateCriteria: {
      asOf: '2023-01-01',
      criteriaMet: ['employment', 'education', 'crime'],
      residents: 977,
      text:
        'Hermann Stillingsvej-området ville have været på statens liste over udsatte boligområder, hvis der blot havde været 23 flere beboere den 1. januar 2023. ' +
        'Området overstiger tre af statens parallelsamfundskriterier – beskæftigelse, uddannelse og kriminalitet.',
      ref: { lines: [269, 344] },
      remarks: [{ kind: 'note', text: 'Planen oplyser ikke antallet af beboere pr. 1. januar 2023, kun at der manglede 23 til 1.000 (linje 269-270); 977 er udledt heraf. Kriterierne står i linje 342-344.' }],
    },
    ref: { lines: [257, 276] },
  },
  {
    slug: 'centrale-randers',
    name: 'Centrale Randers',
    onStateList: false,
    residents: 663,
    tenancies: 534,
    children: 60,
    figuresAsOf: '2024-01-01',
    estates: [
      { organisation: M_S, name: 'afdeling 1 (blok 1 og 2)', ref: { lines: [315, 316] } },
      { organisation: M_S, name: 'afdeling 3 (blok 3 og 4)', ref: { lines: [315, 316] } },
      ...afdelinger(M_S, ['8', '10', '12', '42', '46', '67'], [315, 316]),
      ...afdelinger(RB40, ['20'], [316, 316]),
      ...afdelinger(KRONJYLLAND, ['11', '13'], [316, 317]),
    ],
    districtSchools: [
      'Østervangskolen (0.-6. klasse)',
      'Rismølleskolen (7.-9. klasse)',
      'Hobrovejens Skole (0.-6. klasse; Randers Boligforening af 1940 afd. 20 og Boligforeningen Kronjylland afd. 13)',
      'Vestervangsskolen (fra 7. klasse; Randers Boligforening af 1940 afd. 20 og Boligforeningen Kronjylland afd. 13)',
      'Nørrevangsskolen (Møllevænget & Storgården afd. 42 og 46)',
    ],
    institutions: ['Børnehuset Elmehaven', 'Børnehuset Bækkestien (de østligste afdelinger)', 'Børnehuset Midgård (de østligste afdelinger)'],
    addresses: [
      { street: 'Anemonevej', numbers: '16-42 (lige numre)', ref: { lines: [124, 124] } },
      { street: 'Fabersvej', numbers: '40 + 44', ref: { lines: [125, 125] } },
      { street: 'Flintebjerg Allé', numbers: '11 + 13, 40-52 (lige numre)', ref: { lines: [127, 127] } },
      { street: 'Gl. Hadsundvej', numbers: '5A, 5B & 5C', ref: { lines: [129, 129] }, remarks: [{ kind: 'ocr-uncertain', text: 'OCR læser «5A, 5b & 5¢»; 5C er antaget.' }] },
      { street: 'Gl. Lervang', numbers: '21-31 (ulige numre)', ref: { lines: [130, 130] } },
      { street: 'Hermann Stillings Vej', numbers: '12-22 (lige numre)', ref: { lines: [132, 132] } },
      { street: 'Lodsejervej', numbers: '9-21 (ulige numre)', ref: { lines: [134, 134] } },
      { street: 'Mariagervej', numbers: '1A, 1B, 1C & 3', ref: { lines: [135, 135] } },
      { street: 'Mariagervej', numbers: '28-36 (a&b, lige numre)', ref: { lines: [136, 136] } },
      { street: 'Nattergalvej', numbers: '4-22 (lige numre)', ref: { lines: [137, 137] } },
      { street: 'Scandiagade', numbers: '2-8 (lige numre)', ref: { lines: [138, 138] } },
      { street: 'Schaldemosevej', numbers: '8-27', ref: { lines: [139, 139] } },
      { street: 'Sct. Peders Gade', numbers: '1-5 (ulige numre)', ref: { lines: [141, 141] } },
      { street: 'Solsortvej', numbers: '17-27 (ulige numre)', ref: { lines: [142, 142] } },
    ],
    ref: { lines: [312, 331] },
  },
  {
    slug: 'energivej-omraadet',
    name: 'Energivej-området',
    onStateList: false,
    residents: 864,
    tenancies: 593,
    children: null,
    figuresAsOf: '2024-01-01',
    estates: afdelinger(RB40, ['1', '2', '3', '4', '5', '6', '12', '16', '17', '19', '23'], [280, 280]),
    districtSchools: ['Hobrovejens Skole (0.-6. klasse)', 'Vestervangsskolen (fra 7. klasse)'],
    institutions: ['Huset Nyvang', 'Børnehuset Lervangen'],
    addresses: [
      { street: 'Asavænget', numbers: '(21,22)', ref: { lines: [146, 146] } },
      { street: 'Energivej', numbers: '(4-18 (lige numre), 22, 38-72)', ref: { lines: [148, 148] } },
      { street: 'Fenrisvej', numbers: '1-12, 14, 16', ref: { lines: [149, 149] } },
      { street: 'Frejasvej', numbers: '1-11 (ulige numre)', ref: { lines: [151, 151] } },
      { street: 'Friggsvej', numbers: '2-6 (lige numre)', ref: { lines: [153, 153] } },
      { street: 'Mariagervej', numbers: '89-101 (ulige numre)', ref: { lines: [155, 155] } },
      { street: 'Ullersvej', numbers: '2-6 (lige numre)', ref: { lines: [156, 156] } },
      { street: 'Vidarsvej', numbers: '1-16 + 18-30 (lige numre)', ref: { lines: [158, 158] } },
      { street: 'Vølundsvej', numbers: '1-9 + 11-15 (ulige numre)', ref: { lines: [159, 159] }, remarks: [{ kind: 'ocr-uncertain', text: 'OCR læser «Velundsvej»; gadenavnet er gendannet som Vølundsvej (kvarterets gader er opkaldt efter nordisk mytologi).' }] },
      { street: 'Ymersvej', numbers: '21-34 + 36-46 (lige numre)', ref: { lines: [160, 160] } },
    ],
    ref: { lines: [279, 295] },
    remarks: [{ kind: 'note', text: 'Planen oplyser ikke antallet af børn, kun at 15 % af beboerne er børn under 18 år (ca. 130).' }],
  },
  {
    slug: 'glarbjergvej-omraadet',
    name: 'Glarbjergvej-området',
    onStateList: true,
    residents: 1378,
    tenancies: 759,
    children: 330,
    figuresAsOf: '2024-01-01',
    estates: [
      ...afdelinger(M_S, ['24', '25', '26', '49', '50'], [205, 205]),
      ...afdelinger(RB40, ['24', '25', '27'], [206, 206]),
      ...afdelinger(KRONJYLLAND, ['14'], [206, 206]),
    ],
    districtSchools: ['Nørrevangsskolen'],
    institutions: ['Børnehuset Jennumparken', 'KFUM-institutioner', 'Børnehuset Lervangen', 'Platangården (selvejende)', 'Glentevej (selvejende)'],
    addresses: [
      { street: 'Falkevej', numbers: '1-41 (ulige numre)', ref: { lines: [163, 163] } },
      { street: 'Glarbjergvej', numbers: '88-100 (lige numre), 109-111, 112-156 (lige numre)', ref: { lines: [165, 167] } },
      { street: 'Nørrebrogade', numbers: '96-148 (lige numre)', ref: { lines: [168, 168] } },
      { street: 'Hadsundvej', numbers: '85-93 (ulige numre)', ref: { lines: [169, 169] } },
      { street: 'Infanterivej', numbers: '1-19 (ulige numre)', ref: { lines: [170, 170] } },
      { street: 'Glentevej', numbers: '3-9 (ulige numre)', ref: { lines: [171, 171] } },
      { street: 'Brigadevej', numbers: '1-21 (ulige numre)', ref: { lines: [172, 172] } },
    ],
    ref: { lines: [203, 220] },
    remarks: [{ kind: 'note', text: 'Planen skriver «ca. 1378 beboere».' }],
  },
  {
    slug: 'sjaellandsgade-kvarteret',
    name: 'Sjællandsgade-kvarteret',
    onStateList: false,
    residents: 850,
    tenancies: 648,
    children: null,
    figuresAsOf: '2024-01-01',
    estates: [
      ...afdelinger(RB40, ['10', '15', '18', '21', '22', '45'], [297, 297]),
      ...afdelinger(RAB1874, ['1'], [297, 298]),
      ...afdelinger(LEJERBO, ['13'], [298, 298]),
    ],
    districtSchools: ['Hobrovejens Skole (0.-6. klasse)', 'Vestervangsskolen (fra 7. klasse)'],
    institutions: ['Børnehuset Elmehaven'],
    addresses: [
      { street: 'Jyllandsgade', numbers: '1-6', ref: { lines: [175, 175] } },
      { street: 'Jyllandsgade', numbers: '8-14 (lige numre)', ref: { lines: [177, 177] } },
      { street: 'Sennelsgade', numbers: '19-23 (ulige numre)', ref: { lines: [178, 178] }, remarks: [{ kind: 'ocr-uncertain', text: 'OCR læser «Sennelsgade»; kan være «Sønnelsgade». Gadenavnet bør kontrolleres.' }] },
      { street: 'Sjællandsgade', numbers: '14-20 (lige numre)', ref: { lines: [179, 179] } },
      { street: 'Sjællandsgade', numbers: '21-24', ref: { lines: [180, 180] } },
      { street: 'Sjællandsgade', numbers: '26-50 (lige numre)', ref: { lines: [181, 181] } },
      { street: 'Sjællandsgade', numbers: '51-54', ref: { lines: [182, 182] } },
      { street: 'Sjællandsgade', numbers: '56-58 (lige numre)', ref: { lines: [183, 183] } },
      { street: 'Viborgvej', numbers: '14-26 (lige numre)', ref: { lines: [184, 184] } },
    ],
    ref: { lines: [296, 310] },
    remarks: [{ kind: 'note', text: 'Planen oplyser ikke antallet af børn præcist: «Kun 11 % af beboerne er børn under 18 år – det er i alt knap 100 børn».' }],
  },
  {
    slug: 'vangdalen',
    name: 'Vangdalen',
    onStateList: false,
    residents: 814,
    tenancies: 344,
    children: 270,
    figuresAsOf: '2024-01-01',
    estates: afdelinger(RB40, ['29'], [245, 245]),
    districtSchools: ['Vestervangsskolen'],
    institutions: ['Børnehuset Rørhaven', 'Børnehuset Mælkevejen'],
    addresses: [
      { street: 'Rørhaven', numbers: '2-12 (lige numre)', ref: { lines: [188, 188] } },
      { street: 'Sivhaven', numbers: '1-7 (ulige numre)', ref: { lines: [189, 189] } },
      { street: 'Basthaven', numbers: '1-7 (ulige numre)', ref: { lines: [190, 190] } },
      { street: 'Bambushaven', numbers: '1-7 (ulige numre)', ref: { lines: [191, 191] } },
      { street: 'Græshaven', numbers: '2-14 (lige numre)', ref: { lines: [192, 192] } },
      { street: 'Ved Byskellet', numbers: '1-29 (ulige numre)', ref: { lines: [193, 193] } },
    ],
    ref: { lines: [244, 255] },
  },
];

/** The plan's own totals for all seven areas (foreword, OCR lines 23-25): «ca. 4.100 lejemål og ca. 6.600 beboere». */
export const PLAN_TOTALS = {
  tenancies: { approximately: 4100, printed: 'ca. 4.100 lejemål', ref: { lines: [23, 25] as [number, number] } },
  residents: { approximately: 6600, printed: 'ca. 6.600 beboere', ref: { lines: [23, 25] as [number, number] } },
} as const;
