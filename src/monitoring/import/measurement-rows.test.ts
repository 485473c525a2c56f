import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createReadStream } from 'node:fs';
import type { IndicatorDefinition, MeasurementInput } from '../measurement.js';
import { ERRORS_2024, FIXTURE_HEADER, FIXTURE_TODAY, measurementFixture, randersAreas, randersIndicators, VALID_2024_ROWS } from '../../../test/fixtures/measurements/index.js';
import { allAreasLabel, createRowReader, danishNumber, groupSlug, type RowReaderContext, type RowResult } from './measurement-rows.js';
import { openSpreadsheet } from './open-spreadsheet.js';
import type { SheetRow } from './spreadsheet.js';

const indicators = randersIndicators();
const context: RowReaderContext = { indicators, areas: randersAreas, today: FIXTURE_TODAY, decimal: ',' };

function readerFor(header: string[] = FIXTURE_HEADER, overrides: Partial<RowReaderContext> = {}) {
  return createRowReader({ row: 1, cells: header }, { ...context, ...overrides });
}

/** A row of the fixture header's columns: indicator, område, periode, værdi, tæller, nævner, kilde, dataudtræk, note. */
function cells(values: Partial<Record<'indicator' | 'scope' | 'period' | 'value' | 'numerator' | 'denominator' | 'source' | 'drawnOn' | 'note', string>>): string[] {
  const v = { indicator: 'lbf-1a', scope: 'Gl. Jennumparken', period: '2024', value: '78,5', numerator: '', denominator: '', source: '', drawnOn: '15-03-2025', note: '', ...values };
  return [v.indicator, v.scope, v.period, v.value, v.numerator, v.denominator, v.source, v.drawnOn, v.note];
}

function read(values: Parameters<typeof cells>[0], overrides: Partial<RowReaderContext> = {}, row = 2): RowResult {
  return readerFor(FIXTURE_HEADER, overrides).read({ row, cells: cells(values) });
}

function ok(values: Parameters<typeof cells>[0], overrides: Partial<RowReaderContext> = {}): MeasurementInput {
  const result = read(values, overrides);
  if (result.kind !== 'ok') assert.fail(`expected a measurement, got ${JSON.stringify(result)}`);
  return result.input;
}

function problems(values: Parameters<typeof cells>[0], overrides: Partial<RowReaderContext> = {}): { column: string; message: string }[] {
  const result = read(values, overrides);
  if (result.kind !== 'problems') assert.fail(`expected problems, got ${JSON.stringify(result)}`);
  return result.problems.map(({ column, message }) => ({ column, message }));
}

const onlyMessage = (values: Parameters<typeof cells>[0], overrides: Partial<RowReaderContext> = {}) => {
  const found = problems(values, overrides);
  assert.equal(found.length, 1, JSON.stringify(found));
  return found[0]!;
};

describe('createRowReader: the header', () => {
  it('accepts the template’s header without problems', () => {
    const reader = readerFor();
    assert.deepEqual(reader.headerProblems, []);
    assert.equal(reader.readable, true);
  });

  it('matches headers regardless of case, spacing, æ/ae, ø/oe, å/aa and trailing words', () => {
    const reader = readerFor(['INDIKATOR', ' Omraade ', 'periode', 'Værdi (%)', 'Taeller', 'Naevner', 'kilde', 'Dataudtraek', 'Note']);
    assert.deepEqual(reader.headerProblems, []);
    assert.equal(reader.read({ row: 2, cells: cells({}) }).kind, 'ok');
  });

  it('finds the columns wherever they stand', () => {
    const reader = readerFor(['Værdi', 'Dataudtræk', 'Periode', 'Område', 'Indikator']);
    const result = reader.read({ row: 2, cells: ['12', '15-03-2025', '2024', 'Vangdalen', 'sam-1'] });
    assert.equal(result.kind === 'ok' && `${result.input.indicatorCode} ${result.input.scope} ${result.input.value}`, 'sam-1 area:vangdalen 12');
  });

  it('reports an unknown column by its header as written in the file', () => {
    const reader = readerFor([...FIXTURE_HEADER, 'Ansvarlig']);
    assert.equal(reader.headerProblems.length, 1);
    assert.equal(reader.headerProblems[0]!.row, 1);
    assert.equal(reader.headerProblems[0]!.column, 'Ansvarlig');
    assert.match(reader.headerProblems[0]!.message, /^Kolonnen "Ansvarlig" kendes ikke\. Brug overskrifterne fra skabelonen: Indikator, Område, Periode/);
    assert.equal(reader.readable, true);
  });

  it('accepts the template’s indicator name column and ignores it', () => {
    const reader = readerFor(['Indikator', 'Indikatornavn', 'Område', 'Periode', 'Værdi', 'Dataudtræk']);
    assert.deepEqual(reader.headerProblems, []);
    assert.equal(reader.read({ row: 2, cells: ['sam-1', 'noget andet', 'Vangdalen', '2024', '4', '15-03-2025'] }).kind, 'ok');
  });

  it('reports every missing required column at row 1 by its template name and reads no rows', () => {
    const reader = readerFor(['Indikator', 'Område', 'Værdi']);
    assert.deepEqual(
      reader.headerProblems.map((p) => [p.row, p.column]),
      [
        [1, 'Periode'],
        [1, 'Dataudtræk'],
      ],
    );
    assert.equal(reader.headerProblems[0]!.message, 'Kolonnen Periode mangler. Tilføj en kolonne med overskriften Periode.');
    assert.equal(reader.readable, false);
    assert.throws(() => reader.read({ row: 2, cells: ['lbf-1a', 'Vangdalen', '12'] }));
  });

  it('reports a column that stands twice', () => {
    const reader = readerFor([...FIXTURE_HEADER, 'værdi']);
    assert.deepEqual(reader.headerProblems, [{ row: 1, column: 'værdi', message: 'Kolonnen Værdi står to gange. Slet den ene.' }]);
  });

  it('ignores columns without a header', () => {
    assert.deepEqual(readerFor([...FIXTURE_HEADER, '', '  ']).headerProblems, []);
  });
});

describe('createRowReader: rows', () => {
  it('turns a correct row into a measurement', () => {
    assert.deepEqual(ok({ numerator: '157', denominator: '200', note: ' Foreløbigt ' }), {
      indicatorCode: 'lbf-1a',
      scope: 'area:gl-jennumparken',
      period: { kind: 'calendar-year', start: '2024-01-01', end: '2024-12-31', label: '2024' },
      value: 78.5,
      numerator: 157,
      denominator: 200,
      source: 'Boligsociale data, LBF',
      drawnOn: '2025-03-15',
      note: 'Foreløbigt',
    });
  });

  it('skips a row whose cells are all empty', () => {
    assert.deepEqual(readerFor().read({ row: 7, cells: ['', ' ', '', '\u00a0'] }), { kind: 'skipped', reason: 'empty' });
    assert.deepEqual(readerFor().read({ row: 7, cells: [] }), { kind: 'skipped', reason: 'empty' });
  });

  it('skips a template row left unfilled, with no value, numerator or denominator', () => {
    assert.deepEqual(read({ value: '', period: '' }), { kind: 'skipped', reason: 'unfilled' });
    assert.deepEqual(read({ value: '', period: '2024', drawnOn: '' }), { kind: 'skipped', reason: 'unfilled' });
  });

  it('reports every problem of a row, each in its own column, not only the first', () => {
    const found = problems({ indicator: 'lbf-9', period: '2023/25', value: '12,3,4', drawnOn: '01-01-2026' });
    assert.deepEqual(
      found.map((p) => p.column),
      ['Indikator', 'Periode', 'Værdi', 'Dataudtræk'],
    );
  });

  it('names the row of each problem', () => {
    const result = readerFor().read({ row: 42, cells: cells({ scope: 'Vestparken' }) });
    assert.ok(result.kind === 'problems' && result.problems.every((p) => p.row === 42));
  });

  it('finds an indicator by its code in any case and by its exact name', () => {
    assert.equal(ok({ indicator: 'LBF-1A' }).indicatorCode, 'lbf-1a');
    assert.equal(ok({ indicator: 'Andelen af 1-5-årige i dagtilbud' }).indicatorCode, 'lbf-1a');
  });

  it('says an unknown indicator is unknown and shows a code to use', () => {
    assert.deepEqual(onlyMessage({ indicator: 'lbf-9' }), { column: 'Indikator', message: 'Ukendt indikator "lbf-9". Brug en kode fra skabelonen, fx lbf-1a.' });
  });

  it('says a missing indicator is missing', () => {
    assert.match(onlyMessage({ indicator: '' }).message, /^Indikatoren mangler\./);
  });

  it('uses the period parser’s message for a period it cannot read', () => {
    assert.deepEqual(onlyMessage({ period: '2023/25' }), { column: 'Periode', message: 'Perioden "2023/25" kan ikke læses: et skoleår går over to år i træk, fx 2023/24.' });
    assert.deepEqual(onlyMessage({ period: 'sidste år' }), {
      column: 'Periode',
      message: 'Perioden "sidste år" kan ikke læses. Skriv fx 2024, 2023/24, 2. kvartal 2024 eller 31-12-2024.',
    });
  });
});

describe('createRowReader: område', () => {
  const cases: [string, string][] = [
    ['Hermann Stillingsvej-området', 'area:hermann-stillings-vej-omraadet'],
    ['hermann-stillings-vej-omraadet', 'area:hermann-stillings-vej-omraadet'],
    ['Hermann Stillings Vej området', 'area:hermann-stillings-vej-omraadet'],
    ['Hermann Stillingsvej', 'area:hermann-stillings-vej-omraadet'],
    ['Gl. Jennumparken', 'area:gl-jennumparken'],
    ['gammel jennumparken', 'area:gl-jennumparken'],
    ['Sjællandsgadekvarteret', 'area:sjaellandsgade-kvarteret'],
    ['SJAELLANDSGADE-KVARTERET', 'area:sjaellandsgade-kvarteret'],
    ['Glarbjergvej-omradet', 'area:glarbjergvej-omraadet'],
    ['Alle syv boligområder', 'areas'],
    ['alle', 'areas'],
    ['boligområderne', 'areas'],
    ['de 7 boligområder', 'areas'],
    ['Randers Kommune', 'municipality'],
    ['kommunen', 'municipality'],
    ['kommune', 'municipality'],
    ['Region Midtjylland', 'region'],
    ['regionen', 'region'],
    ['Hele landet', 'country'],
    ['landet', 'country'],
    ['Danmark', 'country'],
    ['målgruppe: 198 udvalgte boligområder', 'group:198-udvalgte-boligomraader'],
    ['Målgruppe:15-29-årige', 'group:15-29-aarige'],
  ];
  for (const [text, scope] of cases) {
    it(`reads «${text}» as ${scope}`, () => {
      assert.equal(ok({ scope: text }).scope, scope);
    });
  }

  it('takes the areas from the context rather than from Randers', () => {
    const areas = [{ slug: 'vestparken', name: 'Vestparken' }];
    assert.equal(ok({ scope: 'Vestparken' }, { areas }).scope, 'area:vestparken');
    assert.match(onlyMessage({ scope: 'Gl. Jennumparken' }, { areas }).message, /^Ukendt område "Gl\. Jennumparken"/);
  });

  it('says an unknown area is unknown and what may be written', () => {
    assert.deepEqual(onlyMessage({ scope: 'Vestparken' }), {
      column: 'Område',
      message: 'Ukendt område "Vestparken". Skriv et boligområde (fx Gl. Jennumparken), Alle syv boligområder, kommunen, regionen, Hele landet eller målgruppe: <navn>.',
    });
  });

  it('asks for the group’s name after målgruppe:', () => {
    assert.match(onlyMessage({ scope: 'målgruppe:' }).message, /målgruppens navn/);
  });
});

describe('createRowReader: værdi, tæller og nævner', () => {
  it('reads a share with or without a percent sign', () => {
    assert.equal(ok({ value: '23,5 %' }).value, 23.5);
    assert.equal(ok({ value: '23,5' }).value, 23.5);
  });

  it('keeps a share written as a fraction as that many percent, without guessing', () => {
    assert.equal(ok({ value: '0,235' }).value, 0.235);
  });

  it('refuses a share over 100 %', () => {
    assert.deepEqual(onlyMessage({ value: '123,5' }), { column: 'Værdi', message: 'En andel skal være mellem 0 og 100 %; der står 123,5. Skriv andelen i procent, fx 23,5.' });
  });

  it('refuses a negative share', () => {
    assert.match(onlyMessage({ value: '-2' }).message, /mellem 0 og 100 %/);
  });

  it('says a value that is not a number is not a number', () => {
    assert.deepEqual(onlyMessage({ value: '12,3,4' }), { column: 'Værdi', message: 'Værdien "12,3,4" er ikke et tal. Skriv fx 23,5.' });
  });

  it('reads 1.234 as a thousand and more in a comma-decimal file and 1,234 in a point-decimal one', () => {
    assert.equal(ok({ indicator: 'sam-1', value: '1.234' }).value, 1234);
    assert.equal(ok({ indicator: 'sam-1', value: '1,234' }, { decimal: '.' }).value, 1234);
  });

  it('requires a count to be a whole number of 0 or more', () => {
    assert.equal(ok({ indicator: 'sam-1', value: '0' }).value, 0);
    assert.match(onlyMessage({ indicator: 'sam-1', value: '2,5' }).message, /sam-1 er et antal, så værdien skal være et helt tal/);
    assert.match(onlyMessage({ indicator: 'sam-1', value: '-1' }).message, /helt tal, 0 eller derover/);
  });

  it('refuses a percent sign on a count', () => {
    assert.match(onlyMessage({ indicator: 'sam-1', value: '12 %' }).message, /ikke en andel/);
  });

  it('accepts any number of 0 or more for an average and refuses a negative one', () => {
    assert.equal(ok({ indicator: 'lbf-1b', value: '7,25' }).value, 7.25);
    assert.match(onlyMessage({ indicator: 'lbf-1b', value: '-1' }).message, /må ikke være negativ/);
  });

  it('refuses a value for an indicator not measured with numbers', () => {
    const withText = new Map(indicators).set('tekst-1', { code: 'tekst-1', name: 'Beskrivelse', unit: 'text', direction: 'higher-is-better', set: 'lbf', dataSource: 'Sekretariatet' } satisfies IndicatorDefinition);
    assert.deepEqual(onlyMessage({ indicator: 'tekst-1', value: '3' }, { indicators: withText }), { column: 'Værdi', message: 'Indikatoren tekst-1 måles ikke med tal og kan ikke importeres.' });
  });

  it('says the value is missing when only numerator and denominator are given', () => {
    assert.match(onlyMessage({ value: '', numerator: '47', denominator: '200' }).message, /^Værdien mangler/);
  });

  it('accepts a share within 0.05 percentage points of numerator over denominator', () => {
    assert.equal(ok({ value: '81,3', numerator: '87', denominator: '107' }).value, 81.3);
    assert.equal(ok({ value: '23,55', numerator: '47', denominator: '200' }).value, 23.55);
  });

  it('refuses a share that does not match its numerator and denominator, naming both figures', () => {
    assert.deepEqual(onlyMessage({ value: '23,5', numerator: '40', denominator: '200' }), {
      column: 'Værdi',
      message: 'Værdien 23,5 passer ikke med Tæller 40 og Nævner 200, som giver 20 %.',
    });
  });

  it('refuses a numerator larger than the denominator', () => {
    assert.deepEqual(onlyMessage({ indicator: 'sam-1', value: '12', numerator: '1.210', denominator: '200' }), { column: 'Tæller', message: 'Tælleren 1.210 er større end nævneren 200.' });
  });

  it('refuses a numerator or denominator that is not a whole number of 0 or more', () => {
    assert.deepEqual(
      problems({ value: '20', numerator: '2,5', denominator: 'mange' }),
      [
        { column: 'Tæller', message: 'Tælleren skal være et helt tal, 0 eller derover; der står 2,5.' },
        { column: 'Nævner', message: 'Nævneren "mange" er ikke et tal. Skriv et helt tal, fx 120.' },
      ],
    );
  });

  it('refuses a denominator of 0 for a share', () => {
    assert.match(onlyMessage({ value: '0', numerator: '0', denominator: '0' }).message, /Nævneren er 0/);
  });
});

describe('createRowReader: kilde, dataudtræk og note', () => {
  it('uses the indicator’s data source when Kilde is empty, and the file’s otherwise', () => {
    assert.equal(ok({ source: '' }).source, 'Boligsociale data, LBF');
    assert.equal(ok({ source: 'Danmarks Statistik' }).source, 'Danmarks Statistik');
  });

  it('reads the data-drawn date in the accepted forms', () => {
    assert.equal(ok({ drawnOn: '2025-03-15' }).drawnOn, '2025-03-15');
    assert.equal(ok({ drawnOn: '15.03.2025' }).drawnOn, '2025-03-15');
  });

  it('requires the data-drawn date', () => {
    assert.deepEqual(onlyMessage({ drawnOn: '' }), { column: 'Dataudtræk', message: 'Datoen for dataudtrækket mangler. Skriv den dag, data blev trukket, fx 15-03-2025.' });
  });

  it('refuses a data-drawn date after today', () => {
    assert.deepEqual(onlyMessage({ drawnOn: '02-06-2025' }), { column: 'Dataudtræk', message: 'Dataudtrækket 02-06-2025 ligger efter i dag (01-06-2025).' });
    assert.equal(ok({ drawnOn: '01-06-2025' }).drawnOn, FIXTURE_TODAY);
  });

  it('refuses data drawn before the period began', () => {
    assert.deepEqual(onlyMessage({ period: '2025', drawnOn: '15-12-2024' }), { column: 'Dataudtræk', message: 'Dataudtrækket 15-12-2024 ligger før perioden 2025 begynder (01-01-2025).' });
  });

  it('refuses a data-drawn date that is not a date', () => {
    assert.deepEqual(onlyMessage({ drawnOn: '31-02-2025' }), { column: 'Dataudtræk', message: 'Datoen "31-02-2025" kan ikke læses: februar 2025 har kun 28 dage.' });
  });

  it('accepts a note of 1,000 characters and refuses a longer one', () => {
    assert.equal(ok({ note: 'x'.repeat(1000) }).note!.length, 1000);
    assert.deepEqual(onlyMessage({ note: 'x'.repeat(1001) }), { column: 'Note', message: 'Noten er 1.001 tegn; den må højst være 1.000 tegn.' });
  });
});

/** Every row of a fixture file through the reader. */
async function readFixture(name: string): Promise<{ row: number; result: RowResult }[]> {
  const sheet = await openSpreadsheet(createReadStream(measurementFixture(name)), { fileName: name });
  if ('error' in sheet) assert.fail(sheet.error);
  let reader: ReturnType<typeof createRowReader> | null = null;
  const out: { row: number; result: RowResult }[] = [];
  for await (const batch of sheet.rows) {
    for (const row of batch as SheetRow[]) {
      if (!reader) {
        reader = createRowReader(row, { ...context, decimal: sheet.decimal });
        assert.deepEqual(reader.headerProblems, []);
      } else out.push({ row: row.row, result: reader.read(row) });
    }
  }
  return out;
}

describe('the measurement fixtures', () => {
  for (const name of ['valid-2024.csv', 'corrected-2024.csv', 'valid-2024.xlsx']) {
    it(`reads ${name} as the measurements it was made from`, async () => {
      const rows = await readFixture(name);
      const read = rows.map(({ result }) => {
        if (result.kind !== 'ok') assert.fail(JSON.stringify(result));
        const { indicatorCode, scope, value, numerator, denominator, source, note, period, drawnOn } = result.input;
        return { indicatorCode, scope, value, numerator, denominator, source, note, period: period.label, drawnOn };
      });
      assert.deepEqual(
        read,
        VALID_2024_ROWS.map((r) => ({ ...r.expected, source: r.expected.source ?? indicators.get(r.expected.indicatorCode)!.dataSource, period: '2024', drawnOn: '2025-03-15' })),
      );
    });
  }

  it('finds exactly the four mistakes in errors-2024.csv', async () => {
    const rows = await readFixture('errors-2024.csv');
    const found = rows.flatMap(({ result }) => (result.kind === 'problems' ? result.problems : []));
    assert.deepEqual(
      found.map((p) => [p.row, p.column]),
      ERRORS_2024.map((e) => [e.row, e.column]),
    );
    ERRORS_2024.forEach((e, i) => assert.match(found[i]!.message, e.message));
    assert.equal(rows.filter(({ result }) => result.kind === 'ok').length, VALID_2024_ROWS.length - ERRORS_2024.length);
  });

  it('reads the Windows-1252 file from Danish Excel', async () => {
    const rows = await readFixture('danish-excel-1252.csv');
    assert.deepEqual(
      rows.map(({ row, result }) => (result.kind === 'ok' ? `${row} ${result.input.indicatorCode} ${result.input.scope} ${result.input.period.label} ${result.input.value}` : JSON.stringify(result))),
      ['2 lbf-1a area:sjaellandsgade-kvarteret 2023/24 23.5', '4 lbf-2b area:hermann-stillings-vej-omraadet 1. halvår 2024 44.9', '6 sam-1 areas 2024 1148'],
    );
  });

  it('reads the comma-separated English file with its decimal points and thousands commas', async () => {
    const rows = await readFixture('english-utf8-bom.csv');
    assert.deepEqual(
      rows.map(({ result }) => (result.kind === 'ok' ? result.input.value : NaN)),
      [78.5, 1148, 38.7],
    );
  });
});

describe('helpers', () => {
  it('writes numbers the Danish way in messages', () => {
    assert.equal(danishNumber(1234567.25), '1.234.567,25');
    assert.equal(danishNumber(-0.5), '-0,5');
  });

  it('names all seven areas in words', () => {
    assert.equal(allAreasLabel(7), 'Alle syv boligområder');
  });

  it('writes a group’s slug the way the plan writes its scopes', () => {
    assert.equal(groupSlug('198 udvalgte boligområder'), '198-udvalgte-boligomraader');
  });
});
