import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { SYSTEM_ACTOR } from '../../src/audit/audit.service.js';
import { testEngines } from '../support/databases.js';
import { startTestApp, type Session, type TestApp } from '../support/test-app.js';

const HEADER = 'indikator;område;periode;værdi;tæller;nævner;kilde;dataudtræk;note';
const LBF = 'Boligsociale data, LBF';

/**
 * A small year of data. sam-1 (evictions, a count) has a small count for Gl. Jennumparken (3) and a total for all seven
 * that would give it away, so a second area must be hidden too. lbf-1c's value for Gl. Jennumparken rests on a
 * numerator of 3. lbf-1a jumps from 2023 to 2024, so 2024 is flagged and, without an explanation, held back.
 */
const DATA = [
  HEADER,
  `lbf-2b;Alle syv boligområder;2024;36,2;;;${LBF};15-01-2025;`,
  `lbf-2b;Randers Kommune;2024;15,1;;;${LBF};15-01-2025;`,
  `lbf-2b;Gl. Jennumparken;2024;41,2;;;${LBF};15-01-2025;`,
  `lbf-2a;Alle syv boligområder;2024;27,5;;;${LBF};15-01-2025;`,
  `lbf-1a;Alle syv boligområder;2023;50,0;;;${LBF};15-01-2025;`,
  `lbf-1a;Alle syv boligområder;2024;90,0;;;${LBF};15-01-2025;`,
  `lbf-1c;Gl. Jennumparken;2024;30,0;3;10;${LBF};15-01-2025;`,
  'sam-1;Gl. Jennumparken;2024;3;;;RandersBolig;20-01-2025;',
  'sam-1;Glarbjergvej-området;2024;9;;;RandersBolig;20-01-2025;',
  'sam-1;Vangdalen;2024;6;;;RandersBolig;20-01-2025;',
  'sam-1;Hermann Stillingsvej-området;2024;7;;;RandersBolig;20-01-2025;',
  'sam-1;Energivej-området;2024;8;;;RandersBolig;20-01-2025;',
  'sam-1;Sjællandsgade-kvarteret;2024;10;;;RandersBolig;20-01-2025;',
  'sam-1;Centrale Randers;2024;12;;;RandersBolig;20-01-2025;',
  'sam-1;Alle syv boligområder;2024;55;;;RandersBolig;20-01-2025;',
].join('\r\n');

/** The page's text as read aloud: without tags and what is hidden from screen readers, entities read, spaces collapsed. */
function text(html: string): string {
  return html
    .replace(/<span[^>]*aria-hidden="true"[^>]*>[^<]*<\/span>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

/** One indicator's row on the board, by column heading: each cell's text. */
function boardRow(html: string, code: string): Map<string, string> {
  const at = html.indexOf(`<a href="/overvaagning/indikatorer/${code}">`);
  assert.ok(at >= 0, `no row for ${code}`);
  const table = html.slice(html.lastIndexOf('<table', at), html.indexOf('</table>', at));
  const headers = [...table.slice(0, table.indexOf('</thead>')).matchAll(/<th scope="col"[^>]*>([\s\S]*?)<\/th>/g)].map((m) => text(m[1]!));
  const row = html.slice(html.lastIndexOf('<tr', at), html.indexOf('</tr>', at));
  const cells = [...row.matchAll(/<(td|th)\b[^>]*>([\s\S]*?)<\/\1>/g)].map((m) => text(m[2]!));
  assert.equal(cells.length, headers.length, `row ${code} has ${cells.length} cells under ${headers.length} headings`);
  return new Map(headers.map((h, i) => [h, cells[i]!]));
}

const AREA_COLUMNS = ['Gl. Jennumparken', 'Hermann Stillingsvej-området', 'Centrale Randers', 'Energivej-området', 'Glarbjergvej-området', 'Sjællandsgade-kvarteret', 'Vangdalen'];

/** The figure a cell starts with: a number, «<5», «–», or null for a cell without a value. */
function figureOf(cell: string): number | '<5' | '–' | null {
  const m = /^(<5|–|[\d.]+(?:,\d+)?)/.exec(cell);
  if (!m) return null;
  if (m[1] === '<5' || m[1] === '–') return m[1];
  return Number(m[1]!.replace(/\./g, '').replace(',', '.'));
}

/**
 * Every way the hidden counts of one line (seven areas and their total) could be filled in, given what is shown: a
 * «<5» is 1-4, a «–» any whole number from 0 to the total. Returns the values the first «<5» can take.
 */
function possibleSmallValues(figures: (number | '<5' | '–' | null)[], total: number): Set<number> {
  const shownSum = figures.reduce<number>((s, f) => s + (typeof f === 'number' ? f : 0), 0);
  const hidden = figures.filter((f) => f === '<5' || f === '–') as ('<5' | '–')[];
  const rest = total - shownSum;
  const out = new Set<number>();
  const firstSmall = hidden.indexOf('<5');
  const walk = (i: number, left: number, chosen: number[]) => {
    if (i === hidden.length) {
      if (left === 0) out.add(chosen[firstSmall]!);
      return;
    }
    const [lo, hi] = hidden[i] === '<5' ? [1, 4] : [0, left];
    for (let v = lo; v <= Math.min(hi, left); v++) walk(i + 1, left - v, [...chosen, v]);
  };
  walk(0, rest, []);
  return out;
}

for (const engine of testEngines()) {
  describe(`the monitoring dashboards on ${engine}`, () => {
    let app: TestApp;
    let board: Session;
    let monitor: Session;
    let partner: Session;
    let crisis: Session;
    before(async () => {
      app = await startTestApp(engine, { withPlanContent: true, clock: () => new Date('2025-06-01T10:00:00Z') });
      board = await app.sessionFor('bestyrelse');
      monitor = await app.sessionFor('monitorering');
      partner = await app.sessionFor('partner');
      crisis = await app.sessionFor('beredskab');
    });
    after(() => app.close());

    const get = (url: string, session: Session = board) => app.request({ method: 'GET', url, cookies: { helhed_session: session.cookie } });
    const importCsv = async (csv: string) => {
      const outcome = await app.services.measurements.import(app.planId, { ...SYSTEM_ACTOR, label: 'test', planId: app.planId }, Readable.from([Buffer.from(csv)]), { fileName: 'x.csv' });
      assert.equal(outcome.status, 'imported', JSON.stringify(outcome.problems));
      return outcome;
    };

    describe('on a fresh install, before any data is imported', () => {
      it('shows Hermann Stillingsvej-området as meeting three criteria but 23 residents short of 1.000, from the plan’s statement', async () => {
        const page = await get('/overvaagning/kriterier');
        assert.equal(page.statusCode, 200, page.body.slice(0, 500));
        const section = page.body.slice(page.body.indexOf('id="kriterier-hermann-stillings-vej-omraadet"'));
        const hermann = text(section.slice(0, section.indexOf('</section>')));
        assert.match(hermann, /Planens oplysning, linje 269-344/);
        assert.match(hermann, /23 beboere fra 1\.000/);
        assert.match(hermann, /3 af 4 kriterier/);
        for (const criterion of ['Beskæftigelse', 'Kriminalitet', 'Uddannelse']) assert.match(hermann, new RegExp(`${criterion} Opfyldt \\(ifølge planen\\)`));
        assert.match(hermann, /Indkomst Ikke opfyldt \(ikke nævnt i planen\)/);
        assert.match(hermann, /Ingen klassifikation: for få beboere/);
        const warning = text(page.body.slice(page.body.indexOf('id="tidlig-varsling"'), page.body.indexOf('</section>', page.body.indexOf('id="tidlig-varsling"'))));
        assert.match(warning, /Hermann Stillingsvej-området \(planens oplysning for 2023\) Opfylder 3 af 4 kriterier .* 23 beboere fra 1\.000/);
      });

      it('shows the plan’s baselines exactly as printed on the board, with their sources, and every status as unknown', async () => {
        const page = await get('/overvaagning');
        assert.equal(page.statusCode, 200);
        const row = boardRow(page.body, 'lbf-2b');
        assert.match(row.get('Alle syv boligområder')!, /Ingen måling Ukendt Baseline 38,6 % \(2022\)/);
        assert.match(row.get('Kommunen')!, /Baseline 15,8 % \(2022\)/);
        assert.match(row.get('Indikator')!, /Baseline: Boligsociale data, LBF/);
        assert.match(text(page.body), /Der er endnu ikke indlæst data/);
        assert.match(text(page.body), /Bedre : 0 Uændret : 0 Dårligere : 0 Ukendt : \d+/);
        assert.match(page.body, /Sådan beregnes status/);
      });
    });

    describe('with imported data', () => {
      before(async () => {
        await importCsv(DATA);
      });

      it('computes the status words against the plan’s baselines and shows the summary', async () => {
        const page = await get('/overvaagning');
        const lbf2b = boardRow(page.body, 'lbf-2b');
        assert.match(lbf2b.get('Alle syv boligområder')!, /^36,2 % \(2024\) Bedre Baseline 38,6 % \(2022\)$/);
        assert.match(lbf2b.get('Kommunen')!, /^15,1 % \(2024\) Uændret Baseline 15,8 % \(2022\)$/);
        assert.match(lbf2b.get('Gl. Jennumparken')!, /^41,2 % \(2024\) Ukendt$/, 'no baseline for the area itself');
        assert.match(boardRow(page.body, 'lbf-2a').get('Alle syv boligområder')!, /^27,5 % \(2024\) Dårligere/);
        assert.match(lbf2b.get('Indikator')!, /Kilde: Boligsociale data, LBF, indlæst 1\. juni 2025/);
        const summary = text(page.body.slice(page.body.indexOf('id="status-overblik"'), page.body.indexOf('</section>')));
        assert.match(summary, /Bedre : [1-9]/);
        assert.match(summary, /1 værdi afventer forklaring fra monitoreringsenheden/);
        assert.match(summary, /Data er senest indlæst 1\. juni 2025/);
      });

      it('holds a flagged value without explanation back and says it awaits the monitoring unit', async () => {
        const cell = boardRow((await get('/overvaagning')).body, 'lbf-1a').get('Alle syv boligområder')!;
        assert.match(cell, /^50,0 % \(2023\) Dårligere Baseline 94,3 % \(2021\) Tal for 2024 afventer forklaring fra monitoreringsenheden$/);
        const drill = await get('/overvaagning/indikatorer/lbf-1a', monitor);
        assert.doesNotMatch(text(drill.body), /90,0 %/, 'not even the monitoring unit sees it on a dashboard');
        assert.match(text(drill.body), /2024 Afventer forklaring fra monitoreringsenheden .* Markeret: Stort spring fra forrige periode Værdien afventer forklaring fra monitoreringsenheden\./);
        assert.match(drill.body, /<a href="\/overvaagning\/maalinger\/[^"]+">2024<\/a>/, 'the monitoring unit is led to the value, where it can explain it');
      });

      it('shows a count of 1-4 as «<5» to the board and as the number to the monitoring unit', async () => {
        const forBoard = boardRow((await get('/overvaagning')).body, 'sam-1');
        assert.match(forBoard.get('Gl. Jennumparken')!, /^<5 \(skjult: et lille antal\) \(2024\) Ukendt/);
        const forMonitor = boardRow((await get('/overvaagning', monitor)).body, 'sam-1');
        assert.match(forMonitor.get('Gl. Jennumparken')!, /^3 \(andre ser «<5»\) \(2024\) Dårligere Baseline 1 \(2023\)$/);
        const forPartner = boardRow((await get('/overvaagning', partner)).body, 'sam-1');
        assert.match(forPartner.get('Gl. Jennumparken')!, /^<5/);
      });

      it('hides a second area where the total for all seven would give the small one away, so it cannot be worked out', async () => {
        const row = boardRow((await get('/overvaagning')).body, 'sam-1');
        const figures = AREA_COLUMNS.map((c) => figureOf(row.get(c)!));
        assert.equal(figures.filter((f) => f === '–').length, 1, `one complementary cell: ${figures.join(' ')}`);
        assert.equal(figureOf(row.get('Vangdalen')!), '–', 'the smallest shown area is hidden with it');
        const total = figureOf(row.get('Alle syv boligområder')!);
        assert.equal(total, 55);
        const possible = possibleSmallValues(figures, total as number);
        assert.ok(possible.size >= 2, `the hidden count could only be ${[...possible].join(', ')}`);
        assert.ok(possible.has(3));
        // Nor do the statuses, the rule texts or the area pages tell it.
        for (const slug of ['gl-jennumparken', 'vangdalen']) {
          const area = text((await get(`/overvaagning/omraader/${slug}`)).body);
          assert.match(area, /Status vises ikke, fordi værdien er skjult af hensyn til små tal/);
          assert.doesNotMatch(area, /Antallet af udsættelser i de 7 boligområder sam-1 · Lavere er bedre (3|6) \(2024\)/);
        }
      });

      it('never shows the hidden figures on the drill-down, neither in the table of values nor in the chart', async () => {
        const page = await get('/overvaagning/indikatorer/sam-1');
        assert.equal(page.statusCode, 200);
        const values = page.body.slice(page.body.indexOf('id="vaerdier"'), page.body.indexOf('id="datadaekning"'));
        const gl = values.slice(values.indexOf('Alle værdier: Gl. Jennumparken'));
        assert.match(text(gl.slice(0, gl.indexOf('</table>'))), /2024 <5 \(skjult: et lille antal\)/);
        const vangdalen = values.slice(values.indexOf('Alle værdier: Vangdalen'));
        assert.match(text(vangdalen.slice(0, vangdalen.indexOf('</table>'))), /2024 – \(skjult: kan ellers regnes ud fra totalen\)/);
        const chart = page.body.slice(page.body.indexOf('id="graf-sam-1-gl-jennumparken"'));
        assert.doesNotMatch(chart.slice(0, chart.indexOf('</svg>')), />3</);
      });

      it('withholds the value, numerator and denominator of a share resting on a small numerator', async () => {
        const page = text((await get('/overvaagning/indikatorer/lbf-1c')).body);
        assert.match(page, /Alle værdier: Gl\. Jennumparken Periode Værdi Tæller Nævner .* 2024 – \(skjult: tæller eller nævner er et lille tal\) Boligsociale data, LBF/);
        assert.doesNotMatch(page, /30,0 %/);
      });

      it('shows one area with the baseline as printed, the status with its rule, the municipality and whether it is level with it', async () => {
        const page = await get('/overvaagning/omraader/gl-jennumparken');
        assert.equal(page.statusCode, 200);
        const body = page.body;
        const row = text(body.slice(body.lastIndexOf('<tr', body.indexOf('/overvaagning/indikatorer/lbf-2b')), body.indexOf('</tr>', body.indexOf('/overvaagning/indikatorer/lbf-2b'))));
        assert.match(row, /41,2 % \(2024\) Kilde: Boligsociale data, LBF, udtræk 15-01-2025, indlæst 1\. juni 2025/);
        assert.match(row, /Ingen baseline for området i planen Alle syv boligområder: 38,6 % \(2022, Boligsociale data, LBF\)/);
        assert.match(row, /Ukendt Ingen baseline for dette område i planen\./);
        assert.match(row, /15,1 % \(2024\) Baseline 15,8 % \(2022, Boligsociale data, LBF\) Nej$/);
        assert.match(text(body), /Statens kriterier for området/);
        assert.match(body, /href="\/overvaagning\/indikatorer\/lbf-2b"/);
      });

      it('shows an intervention area’s sub-goals with a trend chart per indicator and its figures in a table', async () => {
        const page = await get('/overvaagning/indsatsomraader/sammenhaengskraft-og-medborgerskab');
        assert.equal(page.statusCode, 200);
        assert.match(page.body, /<svg[^>]*id="graf-sam-1"[^>]*role="img"/);
        assert.match(page.body, /<details class="helhed-chart-details"><summary>Tallene bag grafen<\/summary>/);
        assert.equal(boardRow(page.body, 'sam-1').get('Alle syv boligområder')!.startsWith('55 (2024)'), true);
      });

      it('drills down into an indicator: chart with baselines, every value with source and load time, the plan’s baselines, status and completeness', async () => {
        const page = await get('/overvaagning/indikatorer/lbf-2b');
        assert.equal(page.statusCode, 200);
        const body = page.body;
        assert.match(body, /<svg[^>]*id="graf-lbf-2b"/);
        assert.match(text(body), /Vandret linje for Baseline, alle syv \(2022\): 38,6 % og Baseline, kommunen \(2022\): 15,8 %/);
        assert.match(text(body), /Baselines: Samlet andel .* Boligområderne samlet 38,6 % 2022 Boligsociale data, LBF Randers Kommune 15,8 % 2022 Boligsociale data, LBF/);
        assert.match(text(body), /Alle værdier: Kommunen .* 2024 15,1 % Boligsociale data, LBF 15-01-2025 1\. juni 2025/);
        assert.match(text(body), /Bedre Lavere er bedre: 36,2 % \(2024\) ligger 2,4 procentpoint under baseline 38,6 % \(2022\)/);
        assert.match(text(body), /Der ventes en værdi for hvert område, alle syv samlet og kommunen for året 2024\. Der er værdier for 3 af 9\./);
        assert.match(text(body), /Hermann Stillingsvej-området 2024/);
        assert.match(body, /href="\/indikatorer\/lbf-2b"/);
        assert.match(body, /href="\/overvaagning\/omraader\/gl-jennumparken"/);
      });

      it('exports every current value as CSV for Danish Excel, with small numbers hidden for everyone, and records the export', async () => {
        for (const session of [board, monitor]) {
          const response = await get('/overvaagning/eksport.csv', session);
          assert.equal(response.statusCode, 200);
          assert.equal(response.headers['content-disposition'], 'attachment; filename="helhed-maalinger-2025-06-01.csv"');
          assert.match(String(response.headers['content-type']), /^text\/csv; charset=utf-8/);
          const csv = response.body;
          assert.ok(csv.startsWith('\uFEFFIndikator;Indikatornavn;Område;Periode;'), csv.slice(0, 80));
          const lines = csv.trim().split('\r\n').slice(1).map((l) => l.split(';'));
          const find = (code: string, scope: string, period = '2024') => lines.find((l) => l[0] === code && l[2] === scope && l[3] === period);
          assert.equal(find('lbf-2b', 'Alle syv boligområder')![6], '36,2');
          assert.deepEqual(find('lbf-2b', 'Alle syv boligområder')!.slice(9), ['Procent (andel)', LBF, '2025-01-15', '2025-06-01 12:00:00']);
          assert.equal(find('sam-1', 'Gl. Jennumparken')![6], '<5');
          assert.equal(find('sam-1', 'Vangdalen')![6], '–');
          assert.deepEqual(find('lbf-1c', 'Gl. Jennumparken')!.slice(6, 9), ['–', '', '']);
          assert.equal(find('lbf-1a', 'Alle syv boligområder'), undefined, 'the held-back value is left out');
          assert.ok(find('lbf-1a', 'Alle syv boligområder', '2023'));
          // No count of 1-4 anywhere: in the value, numerator or denominator of any row.
          for (const l of lines) for (const i of [6, 7, 8]) assert.ok(!/^[1-4]$/.test(l[i]!), `small number in ${l.join(';')}`);
          const shown = AREA_COLUMNS.map((a) => find('sam-1', a)![6]!).map((v) => (v === '<5' || v === '–' ? v : Number(v)));
          assert.ok(possibleSmallValues(shown, Number(find('sam-1', 'Alle syv boligområder')![6])).size >= 2);
        }
        const audit = await app.db.database.db.selectFrom('audit_log').select(['action', 'summary', 'actor_label']).where('action', '=', 'export').execute();
        assert.equal(audit.length, 2);
        assert.match(audit[0]!.summary, /CSV: \d+ rækker \(Alle indikatorer; små tal skjult\)/);
      });

      it('exports one set or one indicator as XLSX with numbers as numbers and hidden values as text', async () => {
        const response = await get('/overvaagning/eksport.xlsx?saet=sammenhaengskraft-og-medborgerskab', monitor);
        assert.equal(response.statusCode, 200);
        assert.equal(response.headers['content-disposition'], 'attachment; filename="helhed-maalinger-2025-06-01.xlsx"');
        const workbook = new ExcelJS.Workbook();
        await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
        const sheet = workbook.getWorksheet('Målinger')!;
        const rows: unknown[][] = [];
        sheet.eachRow((row, n) => n > 1 && rows.push((row.values as unknown[]).slice(1)));
        assert.equal(rows.length, 8);
        assert.ok(rows.every((r) => r[0] === 'sam-1'));
        const byScope = new Map(rows.map((r) => [r[2], r[6]]));
        assert.equal(byScope.get('Gl. Jennumparken'), '<5');
        assert.equal(byScope.get('Vangdalen'), '–');
        assert.equal(byScope.get('Centrale Randers'), 12);
        for (const r of rows) assert.ok(!(typeof r[6] === 'number' && r[6] >= 1 && r[6] <= 4), `small number in ${r.join(';')}`);

        const one = await get('/overvaagning/eksport.csv?indikator=lbf-2b');
        assert.equal(one.body.trim().split('\r\n').length, 4);
        const unknown = await get('/overvaagning/eksport.csv?saet=findes-ikke');
        assert.equal(unknown.statusCode, 404);
        assert.match(text(unknown.body), /Indikatorsættet «findes-ikke» findes ikke/);
      });

      it('keeps the rendered board until the data change, then shows the new figures', async () => {
        const first = boardRow((await get('/overvaagning')).body, 'lbf-2a').get('Alle syv boligområder');
        await importCsv([HEADER, `lbf-2a;Alle syv boligområder;1. halvår 2025;24,0;;;${LBF};01-05-2025;`].join('\r\n'));
        const second = boardRow((await get('/overvaagning')).body, 'lbf-2a').get('Alle syv boligområder');
        assert.match(first!, /^27,5 % \(2024\) Dårligere/);
        assert.match(second!, /^24,0 % \(1\. halvår 2025\) Bedre/);
      });
    });

    it('refuses the dashboards and exports to a role without dashboard.read, and lets a partner see them suppressed', async () => {
      for (const url of ['/overvaagning', '/overvaagning/omraader/vangdalen', '/overvaagning/indsatsomraader/beskaeftigelse', '/overvaagning/indikatorer/lbf-2b', '/overvaagning/kriterier', '/overvaagning/tidlig-varsling', '/overvaagning/eksport.csv', '/overvaagning/eksport.xlsx']) {
        assert.equal((await get(url, crisis)).statusCode, 403, url);
        assert.equal((await get(url, partner)).statusCode, 200, url);
      }
      const anonymous = await app.request({ method: 'GET', url: '/overvaagning' });
      assert.ok([302, 303].includes(anonymous.statusCode), String(anonymous.statusCode));
    });

    it('drills down into one of the state’s criteria, which the plan gives no baseline', async () => {
      const page = await get('/overvaagning/indikatorer/stat-beboere');
      assert.equal(page.statusCode, 200);
      assert.match(text(page.body), /Indikatoren er en af statens kriterier og har ingen baseline i planen/);
      assert.doesNotMatch(page.body, /href="\/indikatorer\/stat-beboere"/, 'no link to a plan page that does not exist');
    });

    it('answers an unknown area, intervention area or indicator with a Danish 404 page', async () => {
      for (const [url, message] of [
        ['/overvaagning/omraader/findes-ikke', 'Boligområdet findes ikke i planen'],
        ['/overvaagning/indsatsomraader/findes-ikke', 'Indsatsområdet findes ikke i planen'],
        ['/overvaagning/indsatsomraader/lbf', 'Indsatsområdet findes ikke i planen'],
        ['/overvaagning/indikatorer/findes-ikke', 'Indikatoren findes ikke'],
      ] as const) {
        const page = await get(url);
        assert.equal(page.statusCode, 404, url);
        assert.match(page.body, /<html lang="da">/);
        assert.match(text(page.body), new RegExp(message));
      }
    });
  });
}
