/**
 * The strategic agreement (strategisk samarbejdsaftale) of Den boligsociale Helhedsplan for Randers 2025-29: its
 * parties and period as signed (OCR lines 3546-3575), and Landsbyggefonden's fixed overall goals with their
 * indicators and baselines (OCR lines 621-724). Figures are kept exactly as the plan prints them; where the plan's
 * flattened table left doubt, or where it states two values for the same thing, the baseline carries a remark.
 *
 * The plan gives each goal as one sentence and no separate title, so a goal's `title` and `text` are the same sentence.
 */
import type { Baseline, DataRemark, Goal, StrategicAgreement } from './types.js';

const lbfData = 'Boligsociale data, LBF';
const tryghedsmaaling = 'Landsbyggefondens trivsels- og tryghedsmåling';
const registerData = 'Registerdata LBF';

/** The plan's footnote to the table: LBF's boligsociale data do not cover every afdeling. */
const partialCoverage: DataRemark = {
  kind: 'note',
  text:
    'Ikke alle afdelinger er medregnet i de boligsociale data, fordi der ikke kan trækkes data for de mange små afdelinger: ' +
    'der indgår ingen afdelinger fra Energivej-området, kun én afdeling fra Centrale Randers og få fra Hermann Stillings ' +
    'Vej-området (linje 722-724).',
};

const oneYear = (scope: Baseline['scope'], value: number, printed: string, period: string, source: string, lines: [number, number], remarks?: DataRemark[]): Baseline => ({
  scope,
  value,
  printed,
  period,
  source,
  ref: { lines },
  ...(remarks ? { remarks } : {}),
});

const goals: Goal[] = [
  {
    code: 'lbf-1',
    title: 'Der skal ske et fagligt løft af børn og unge, så flere bliver skoleparate, og flere tager en uddannelse',
    text: 'Der skal ske et fagligt løft af børn og unge, så flere bliver skoleparate, og flere tager en uddannelse',
    ref: { lines: [640, 653] },
    indicators: [
      {
        code: 'lbf-1a',
        name: 'Andelen af 1-5-årige i dagtilbud',
        unit: 'percent',
        direction: 'higher-is-better',
        targetGroup: '1-5-årige',
        dataSource: lbfData,
        ref: { lines: [640, 641] },
        remarks: [partialCoverage],
        baselines: [
          oneYear('areas', 94.3, '94,3 %', '2021', lbfData, [640, 641]),
          oneYear('municipality', 89.7, '89,7 %', '2021', lbfData, [640, 641]),
        ],
      },
      {
        code: 'lbf-1b',
        name: 'Karaktergennemsnit i dansk og matematik, 9. klasse',
        unit: 'average',
        direction: 'higher-is-better',
        targetGroup: 'Elever i 9. klasse',
        dataSource: lbfData,
        ref: { lines: [644, 647] },
        remarks: [
          partialCoverage,
          {
            kind: 'reconstructed',
            text:
              'Tabellen giver to årgange under hinanden: 2023 (boligområde 5,6, kommune 6,8; linje 644-645) og 2022 ' +
              '(boligområde 7,0, kommune 7,8; linje 646-647). Begge er gengivet som separate baselines.',
          },
        ],
        baselines: [
          oneYear('areas', 5.6, '5,6', '2023', lbfData, [644, 645]),
          oneYear('municipality', 6.8, '6,8', '2023', lbfData, [644, 645]),
          oneYear('areas', 7.0, '7,0', '2022', lbfData, [646, 647]),
          oneYear('municipality', 7.8, '7,8', '2022', lbfData, [646, 647]),
        ],
      },
      {
        code: 'lbf-1c',
        name: 'Andel 18-29-årige, der har grundskole som højest uddannelse og som ikke er i gang med en uddannelse',
        unit: 'percent',
        direction: 'lower-is-better',
        targetGroup: '18-29-årige',
        dataSource: lbfData,
        ref: { lines: [648, 653] },
        remarks: [partialCoverage],
        baselines: [
          oneYear('areas', 34.5, '34,5 %', '2023', lbfData, [648, 649], [
            {
              kind: 'ocr-uncertain',
              text: 'OCR læser "345 %" (linje 649); kommaet er faldet ud, og værdien er gendannet som 34,5 %, da en andel ikke kan overstige 100 %.',
            },
          ]),
          oneYear('municipality', 16.6, '16,6 %', '2023', lbfData, [648, 649]),
        ],
      },
    ],
  },
  {
    code: 'lbf-2',
    title: 'Flere bliver tilknyttet arbejdsmarkedet',
    text: 'Flere bliver tilknyttet arbejdsmarkedet',
    ref: { lines: [654, 664] },
    indicators: [
      {
        code: 'lbf-2a',
        name: 'Andel af 15-29-årige i restgruppen – dem der hverken er i uddannelse eller arbejde',
        unit: 'percent',
        direction: 'lower-is-better',
        targetGroup: '15-29-årige',
        dataSource: lbfData,
        ref: { lines: [654, 658] },
        remarks: [partialCoverage],
        baselines: [
          oneYear('areas', 25.9, '25,9 %', '2022', lbfData, [654, 655]),
          oneYear('municipality', 15.3, '15,3 %', '2022', lbfData, [654, 655]),
        ],
      },
      {
        code: 'lbf-2b',
        name: 'Samlet andel af 18-64-årige uden tilknytning til arbejdsmarkedet eller uddannelse for alle 7 boligområder',
        unit: 'percent',
        direction: 'lower-is-better',
        targetGroup: '18-64-årige',
        dataSource: lbfData,
        ref: { lines: [659, 664] },
        remarks: [partialCoverage],
        baselines: [
          oneYear('areas', 38.6, '38,6 %', '2022', lbfData, [659, 660]),
          oneYear('municipality', 15.8, '15,8 %', '2022', lbfData, [659, 660]),
        ],
      },
    ],
  },
  {
    code: 'lbf-3',
    title: 'Børn og unge skal støttes i et liv uden kriminalitet, og områderne skal opleves trygge',
    text: 'Børn og unge skal støttes i et liv uden kriminalitet, og områderne skal opleves trygge',
    ref: { lines: [665, 680] },
    indicators: [
      {
        code: 'lbf-3a',
        name: 'Andel af 15-29-årige, som er sigtet mindst én gang',
        unit: 'percent',
        direction: 'lower-is-better',
        targetGroup: '15-29-årige',
        dataSource: lbfData,
        ref: { lines: [665, 667] },
        remarks: [
          partialCoverage,
          {
            kind: 'note',
            text:
              'Boligområdernes andel (0,92 %) er lavere end kommunens (1,81 %). Planen bemærker selv, at netop de områder, ' +
              'der mangler i de boligsociale data (Energivej-området, Centrale Randers, Hermann Stillings Vej-området), ' +
              'ifølge andre data fra Danmarks Statistik har en høj andel af sigtelser og sigtede personer (linje 722-724).',
          },
        ],
        baselines: [
          oneYear('areas', 0.92, '0,92 %', '2023', lbfData, [665, 666]),
          oneYear('municipality', 1.81, '1,81 %', '2023', lbfData, [665, 666]),
        ],
      },
      {
        code: 'lbf-3b',
        name: 'Andel af beboere, som føler sig grundlæggende trygge i boligområdet',
        unit: 'percent',
        direction: 'higher-is-better',
        targetGroup: 'Beboere',
        dataSource: tryghedsmaaling,
        ref: { lines: [669, 680] },
        remarks: [
          {
            kind: 'reconstructed',
            text:
              'Kolonnen "Baseline kommune" har for denne indikator ingen kommunal værdi, men tal for befolkningen i Danmark (60 %) ' +
              'og den almene sektor (50 %). Målingen dækker kun de tre største boligområder (Glarbjergvej-området, Gl. Jennumparken, ' +
              'Hermann Stillings Vej-området) samt de 198 udvalgte almene boligområder, som Landsbyggefondens måling omfatter ' +
              '(se også linje 2891-2895).',
          },
        ],
        baselines: [
          oneYear('area:glarbjergvej-omraadet', 43, '43 %', '2023', tryghedsmaaling, [669, 670]),
          oneYear('area:gl-jennumparken', 52, '52 %', '2023', tryghedsmaaling, [669, 671]),
          oneYear('area:hermann-stillings-vej-omraadet', 32, '32 %', '2023', tryghedsmaaling, [669, 675]),
          oneYear('group:198-udvalgte-boligomraader', 41, '41 %', '2023', tryghedsmaaling, [669, 678], [
            { kind: 'note', text: 'Printet som "198 udvalgte boligområder": sammenligningsgruppen i Landsbyggefondens trivsels- og tryghedsmåling 2023 (198 udvalgte almene boligområder, linje 2891).' },
          ]),
          oneYear('country', 60, '60 %', '2023', tryghedsmaaling, [669, 670], [
            { kind: 'note', text: 'Printet som "Befolkningen i DK".' },
          ]),
          oneYear('sector', 50, '50 %', '2023', tryghedsmaaling, [669, 671], [
            { kind: 'note', text: 'Printet som "Almen sektor".' },
          ]),
        ],
      },
    ],
  },
  {
    code: 'lbf-4',
    title: 'Flere er en del af fællesskabet og deltager aktivt i samfundet',
    text: 'Flere er en del af fællesskabet og deltager aktivt i samfundet',
    ref: { lines: [682, 720] },
    indicators: [
      {
        code: 'lbf-4a',
        name: 'Andel af beboere, der deltager frivilligt i arbejde',
        unit: 'percent',
        direction: 'higher-is-better',
        targetGroup: 'Beboere',
        dataSource: tryghedsmaaling,
        ref: { lines: [682, 702] },
        remarks: [
          {
            kind: 'contradiction',
            text:
              'Planen giver to forskellige 2023-værdier for de samme tre boligområder: i kolonnen "Baseline boligområde" ' +
              'Glarbjergvej-området 27 %, Gl. Jennumparken 26 %, Hermann Stillings Vej 35 % (linje 688-692) og i kolonnen ' +
              '"Baseline kommune" Glarbjergvej-området 40 %, Gl. Jennumparken 33 %, Hermann Stillings Vej 29 % (linje 694-698). ' +
              'Der er ingen kommunal værdi. Begge sæt er gengivet.',
          },
          {
            kind: 'reconstructed',
            text:
              'Tabellen er flad i OCR: de to sæt står som to blokke efter hinanden (linje 688-692 og 694-698) og er henført til ' +
              'kolonnerne i samme rækkefølge som i rækken for valgdeltagelse (linje 708-718).',
          },
        ],
        baselines: [
          oneYear('area:glarbjergvej-omraadet', 27, '27 %', '2023', tryghedsmaaling, [688, 690]),
          oneYear('area:gl-jennumparken', 26, '26 %', '2023', tryghedsmaaling, [688, 691]),
          oneYear('area:hermann-stillings-vej-omraadet', 35, '35 %', '2023', tryghedsmaaling, [688, 692]),
          oneYear('area:glarbjergvej-omraadet', 40, '40 %', '2023', tryghedsmaaling, [694, 696], [
            { kind: 'contradiction', text: 'Står i kolonnen "Baseline kommune"; samme område har 27 % i kolonnen "Baseline boligområde" (linje 690).' },
          ]),
          oneYear('area:gl-jennumparken', 33, '33 %', '2023', tryghedsmaaling, [694, 697], [
            { kind: 'contradiction', text: 'Står i kolonnen "Baseline kommune"; samme område har 26 % i kolonnen "Baseline boligområde" (linje 691).' },
          ]),
          oneYear('area:hermann-stillings-vej-omraadet', 29, '29 %', '2023', tryghedsmaaling, [694, 698], [
            { kind: 'contradiction', text: 'Står i kolonnen "Baseline kommune"; samme område har 35 % i kolonnen "Baseline boligområde" (linje 692).' },
          ]),
        ],
      },
      {
        code: 'lbf-4b',
        name: 'Andel af beboere, der har stemt ved seneste valg',
        unit: 'percent',
        direction: 'higher-is-better',
        targetGroup: 'Beboere',
        dataSource: registerData,
        ref: { lines: [704, 720] },
        remarks: [
          {
            kind: 'reconstructed',
            text:
              'Tabellen er flad i OCR: første blok (kommunalvalg 2021 43,7 %, folketingsvalg 2022 64,4 %; linje 708-712) er ' +
              'henført til boligområderne, anden blok (64,6 % og 82,1 %; linje 714-718) til kommunen.',
          },
        ],
        baselines: [
          oneYear('areas', 43.7, '43,7 %', 'Kommunalvalg 2021', registerData, [708, 709]),
          oneYear('areas', 64.4, '64,4 %', 'Folketingsvalg 2022', registerData, [711, 712]),
          oneYear('municipality', 64.6, '64,6 %', 'Kommunalvalg 2021', registerData, [714, 715]),
          oneYear('municipality', 82.1, '82,1 %', 'Folketingsvalg 2022', registerData, [717, 718]),
        ],
      },
    ],
  },
];

export const strategicAgreement: StrategicAgreement = {
  parties: [
    'Møllevænget & Storgården',
    'Randers Boligforening af 1940',
    'Kronjyllands Boligforening',
    'Randers Arbejderes Byggeforening af 1874',
    'Lejerbo',
    'Randers Kommune',
  ],
  periodStart: '2025-08-01',
  periodEnd: '2029-07-31',
  goals,
  ref: { lines: [3546, 3575] },
};

/**
 * What the plan says about the agreement that `StrategicAgreement` has no field for: the parties' administration, and
 * where the plan names the housing associations differently.
 */
export const strategicAgreementRemarks: DataRemark[] = [
  {
    kind: 'note',
    text:
      'Møllevænget & Storgården, Randers Boligforening af 1940 og Kronjyllands Boligforening administreres alle af RandersBolig ' +
      '(linje 3554-3555), og RandersBolig underskriver på vegne af dem og Randers Arbejderes Byggeforening af 1874 (linje 3563-3564).',
  },
  {
    kind: 'contradiction',
    text:
      'Den fjerde boligforening hedder i aftalens parter og underskrifter "Randers arbejderes byggeforening af 1874" (linje 3555, 3564) ' +
      'og i styregruppens kommissorium "Randers Arbejders Byggeforening" (linje 3308), mens forordet i stedet nævner "Randers ' +
      'Andelsboligforening" (linje 8), og bestyrelsens kommissorium lader RandersBolig repræsentere kun de tre første boligforeninger ' +
      '(linje 3198-3199).',
  },
  {
    kind: 'note',
    text:
      'Forordet nævner også Landsbyggefonden og Bysekretariatet blandt dem, planen er blevet til i samarbejde med (linje 6-11); ' +
      'de er ikke parter i samarbejdsaftalen (linje 3553-3556).',
  },
  {
    kind: 'ocr-uncertain',
    text: 'Underskriftsdatoerne på aftalen er ikke læsbare i OCR (linje 3565-3575; kun "28/ -5" ved Lejerbo).',
  },
];
