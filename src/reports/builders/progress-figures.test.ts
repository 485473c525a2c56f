import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { aDeliveredItem, aMilestoneLine, anHoursLine, anOutputLine, someFigures } from '../../../test/fixtures/reports/delivery-figures.js';
import type { ReportBlock } from '../report-document.js';
import { activityProgress, attentionBlocks } from './progress-figures.js';

const tables = (blocks: readonly ReportBlock[]) => blocks.flatMap((b) => (b.kind === 'table' ? [b] : []));
const hoursTable = (blocks: readonly ReportBlock[]) => tables(blocks).find((t) => /medarbejdertimer/.test(t.caption))!;

describe('an activity in the progress report', () => {
  it('shows the figures a partner delivered rather than the live ones, and says whose they are', () => {
    const live = someFigures({ outputs: [anOutputLine({ delivered: '11', text: '11 af mindst 12: på vej' })] });
    const { blocks } = activityProgress('Brandkadet', [aDeliveredItem()], live, '2026-03-10');
    const outputs = tables(blocks).find((t) => /output/.test(t.caption))!;
    assert.equal(outputs.rows[0]![2], '8');
    assert.match(outputs.note ?? '', /tal leveret af Randers Ungdomsskole 2\. marts 2026/);
  });

  it('falls back to live figures where no partner delivered, marked as such', () => {
    const { blocks } = activityProgress('Brandkadet', [], someFigures(), '2026-03-10');
    assert.match(tables(blocks)[0]!.note ?? '', /aktuelle tal pr\. 10\. marts 2026 \(ingen partner har leveret dem\)/);
    assert.deepEqual(blocks[0], { kind: 'paragraph', text: 'Brandkadet: ingen partner har leveret en fortælling.' });
  });

  it('lists each partner\u2019s narrative with the organisation and when it was delivered', () => {
    const { blocks } = activityProgress('Brandkadet', [aDeliveredItem(), aDeliveredItem({ organisation: 'Falck', narrative: 'Vi stiller instruktører.', figures: null })], someFigures(), '2026-03-10');
    assert.deepEqual(blocks[0], {
      kind: 'list',
      items: ['Randers Ungdomsskole (leveret 2. marts 2026): Holdet er startet, og fremmødet er godt.', 'Falck (leveret 2. marts 2026): Vi stiller instruktører.'],
    });
  });

  it('takes each organisation\u2019s hours from its own delivery and the others\u2019 live', () => {
    const live = someFigures({ hours: [anHoursLine({ delivered: 150 }), anHoursLine({ organisation: 'Falck', printed: 'Årligt 100 timer', agreedPerYear: 100, expectedByNow: 58.3, delivered: 10, status: 'bagud' })] });
    const { blocks, attention } = activityProgress('Brandkadet', [aDeliveredItem()], live, '2026-03-10');
    const rows = hoursTable(blocks).rows;
    assert.deepEqual(rows[0]!.slice(4), [150, 'på vej', 'leveret 2. marts 2026']);
    assert.deepEqual(rows[1]!.slice(4), [10, 'bagud', 'aktuelt tal']);
    assert.deepEqual(attention, [{ kind: 'hours', text: 'Brandkadet: Falck har leveret 10 af 58,3 forventede timer.' }]);
  });

  it('keeps the delivered hours but flags a correction made after the delivery', () => {
    const live = someFigures({ hours: [anHoursLine({ delivered: 175 })] });
    const { blocks, attention } = activityProgress('Brandkadet', [aDeliveredItem()], live, '2026-03-10');
    assert.equal(hoursTable(blocks).rows[0]![4], 150);
    assert.deepEqual(attention, [{ kind: 'correction', text: 'Brandkadet: Randers Ungdomsskole har rettet sine timer efter leveringen: 175 timer pr. 10. marts 2026 mod 150 leveret.' }]);
  });

  it('asks for attention to outputs behind and milestones late or at risk, not to those on track', () => {
    const figures = someFigures({
      outputs: [anOutputLine({ status: 'bagud', text: '2 af mindst 12: bagud' }), anOutputLine({ code: 'x', measure: 'forløb' })],
      milestones: [aMilestoneLine({ flag: 'forsinket', reason: 'Fristen var 1. februar 2026.' }), aMilestoneLine({ title: 'OK', flag: 'færdig for sent' })],
    });
    const { attention } = activityProgress('Brandkadet', [aDeliveredItem({ figures })], figures, '2026-03-10');
    assert.deepEqual(attention, [
      { kind: 'output', text: 'Brandkadet: «unge i Brandkadet» er bagud (2 af mindst 12: bagud).' },
      { kind: 'milestone', text: 'Brandkadet: «Brandkadet: andet hold startet» er forsinket. Fristen var 1. februar 2026.' },
    ]);
  });
});

describe('the progress report\u2019s summary of what needs attention', () => {
  it('lists like with like, missing deliveries first, with how many of each', () => {
    const blocks = attentionBlocks([
      { kind: 'hours', text: 'timer' },
      { kind: 'missing', text: 'Falck har ikke leveret' },
      { kind: 'hours', text: 'flere timer' },
    ]);
    assert.deepEqual(blocks, [
      { kind: 'paragraph', text: 'Leverancer, der mangler (1):' },
      { kind: 'list', items: ['Falck har ikke leveret'] },
      { kind: 'paragraph', text: 'Medarbejdertimer, der er bagud (2):' },
      { kind: 'list', items: ['timer', 'flere timer'] },
    ]);
  });

  it('says so when nothing needs attention', () => {
    assert.deepEqual(attentionBlocks([]), [{ kind: 'paragraph', text: 'Alle har leveret, og intet er bagud eller forsinket.' }]);
  });
});
