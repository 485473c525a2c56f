import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { aMilestone } from '../../test/fixtures/governance/milestones.js';
import { parseMilestoneDate, readMilestonePlan, type MilestoneImportContext } from './milestones.import.js';

const HEADER = ['Milepæl', 'Aktivitet', 'Frist', 'Ansvarlig', 'Status', 'Færdig', 'Afhænger af', 'Bemærkning'];
const sheet = (...rows: string[][]) => [HEADER, ...rows].map((cells, i) => ({ row: i + 1, cells }));
const context = (overrides: Partial<MilestoneImportContext> = {}): MilestoneImportContext => ({
  interventionArea: 'beskaeftigelse',
  activities: [{ slug: 'job-til-mor', name: 'Job til mor (social effektinvestering)' }],
  existing: [],
  today: '2026-02-10',
  ...overrides,
});

describe('reading a milestone plan from a spreadsheet', () => {
  it('reads titles, activities by name (without a bracketed remark), Danish dates and dependencies by title', () => {
    const { milestones, problems } = readMilestonePlan(
      sheet(
        ['Aftale', '', '05-01-2026', 'Jobcenter Randers', 'færdig', '4.1.2026', '', ''],
        ['Mødre rekrutteret', 'Job til mor', '2026-03-01', 'Jobcenter Randers', 'I gang', '', 'Aftale', 'Første hold'],
      ),
      context(),
    );
    assert.deepEqual(problems, []);
    const [a, b] = milestones;
    assert.equal(a?.milestone.dueDate, '2026-01-05');
    assert.equal(a?.milestone.completedOn, '2026-01-04');
    assert.equal(b?.milestone.activity, 'job-til-mor');
    assert.equal(b?.milestone.status, 'i gang');
    assert.deepEqual(b?.milestone.dependsOn, [a?.milestone.id]);
  });

  it('names every problem of the file by row and column at once, and reads nothing from it', () => {
    const { milestones, problems } = readMilestonePlan(
      sheet(['', 'Brandkadet', '2026-13-01', 'UUR', 'halvfærdig', '', 'Findes ikke', ''], ['B', '', '2026-03-01', '', '', '', '', '']),
      context(),
    );
    assert.deepEqual(milestones, []);
    assert.deepEqual(problems.map((p) => `${p.row}:${p.column}`), ['2:milepæl', '2:aktivitet', '2:frist', '2:status', '2:afhænger af', '3:ansvarlig']);
  });

  it('names a cycle between rows with the titles, on the dependency column', () => {
    const { problems } = readMilestonePlan(
      sheet(['A', '', '2026-03-01', 'X', '', '', 'B', ''], ['B', '', '2026-03-01', 'X', '', '', 'A', '']),
      context(),
    );
    assert.equal(problems.length, 1);
    assert.equal(problems[0]?.column, 'afhænger af');
    assert.match(problems[0]!.message, /kreds af afhængigheder: «A» → «B» → «A»/);
  });

  it('lets a row depend on a milestone the plan already has, and refuses a title it already has', () => {
    const stored = aMilestone({ id: 'gammel', title: 'Lokaler klar', interventionArea: 'beskaeftigelse', dueDate: '2026-02-01' });
    const ok = readMilestonePlan(sheet(['Åbent hus', '', '2026-03-01', 'X', '', '', 'lokaler klar', '']), context({ existing: [stored] }));
    assert.deepEqual(ok.milestones[0]?.milestone.dependsOn, ['gammel']);
    const dup = readMilestonePlan(sheet(['Lokaler klar', '', '2026-03-01', 'X', '', '', '', '']), context({ existing: [stored] }));
    assert.match(dup.problems[0]!.message, /Planen har allerede milepælen «Lokaler klar»/);
  });

  it('asks for the template\u2019s header when a required column is missing', () => {
    const { problems } = readMilestonePlan([{ row: 1, cells: ['Titel', 'Dato'] }], context());
    assert.match(problems[0]!.message, /Overskriften mangler «frist», «ansvarlig»/);
  });

  it('reads dates as ÅÅÅÅ-MM-DD or as Danes write them, and nothing that is no date', () => {
    assert.equal(parseMilestoneDate('2026-03-01'), '2026-03-01');
    assert.equal(parseMilestoneDate('1/3/2026'), '2026-03-01');
    assert.equal(parseMilestoneDate('30.02.2026'), null);
    assert.equal(parseMilestoneDate('marts'), null);
  });
});
