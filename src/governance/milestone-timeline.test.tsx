import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { describeTimeline, markKindOf, milestoneTimelineSvg, timelineMonths, type TimelineMilestone } from './milestone-timeline.js';

const TODAY = '2026-02-10';
const m = (title: string, dueDate: string, status: TimelineMilestone['status'] = 'i gang', flag: TimelineMilestone['flag'] = null): TimelineMilestone => ({ title, dueDate, status, flag });
const svg = (milestones: TimelineMilestone[]) => milestoneTimelineSvg({ id: 'tl', title: 'Milepælsplan for Beskæftigelse', today: TODAY, milestones });

/** Each milestone's row: its mark kind and its markup. */
const rows = (markup: string) => [...markup.matchAll(/<g class="helhed-timeline-row" data-kind="([^"]+)">(.*?)<\/g>/g)].map((r) => ({ kind: r[1], body: r[2] as string }));

describe('the milestone timeline', () => {
  it('spans whole months from the earliest date to the month after the latest, today included', () => {
    assert.deepEqual(timelineMonths(['2026-03-15', '2026-01-31', TODAY]), ['2026-01-01', '2026-02-01', '2026-03-01', '2026-04-01']);
  });

  it('is a standalone SVG image named by its title and described in Danish words', () => {
    const markup = svg([m('Aftale', '2026-01-05', 'færdig'), m('Rekruttering', '2026-01-20', 'i gang', 'forsinket')]);
    assert.match(markup, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    assert.match(markup, /role="img"/);
    assert.match(markup, /aria-labelledby="tl-title tl-desc"/);
    assert.match(markup, /<title id="tl-title">Milepælsplan for Beskæftigelse<\/title>/);
    assert.match(markup, /<desc id="tl-desc">2 milepæle med frister fra 5\. januar 2026 til 20\. januar 2026: 1 forsinket, 1 færdig\. I dag er 10\. februar 2026\.<\/desc>/);
  });

  it('tells an overdue, an at-risk and a done milestone apart by shape and word, not by colour alone', () => {
    const markup = svg([m('Sen', '2026-01-20', 'i gang', 'forsinket'), m('Truet', '2026-02-15', 'ikke startet', 'i risiko'), m('Klar', '2026-01-05', 'færdig')]);
    const byKind = Object.fromEntries(rows(markup).map((r) => [r.kind, r.body]));
    assert.match(byKind.forsinket!, /helhed-timeline-square/);
    assert.match(byKind.forsinket!, />forsinket<\/text>/);
    assert.match(byKind['i risiko']!, /helhed-timeline-triangle/);
    assert.match(byKind['i risiko']!, />i risiko<\/text>/);
    assert.match(byKind.færdig!, /helhed-timeline-circle/);
  });

  it('puts a later due date further right', () => {
    const [early, late] = rows(svg([m('Først', '2026-03-01'), m('Senere', '2026-06-01')]));
    const x = (body: string) => Number(body.match(/<path d="M([\d.]+) /)?.[1]);
    assert.ok(x(late!.body) > x(early!.body), `${x(early!.body)} then ${x(late!.body)}`);
  });

  it('draws today as a dashed line labelled «I dag»', () => {
    assert.match(svg([m('Aftale', '2026-05-01')]), /class="helhed-timeline-today"><line[^>]*stroke-dasharray="4 3"[^>]*><\/line><text[^>]*>I dag<\/text>/);
  });

  it('shortens a long title with «…» and keeps it whole in the row\u2019s tooltip', () => {
    const title = 'Fremmøde i skolen: fraværsteams etableret på alle skoler i alle syv boligområder nord for fjorden';
    const markup = svg([m(title, '2026-05-01')]);
    assert.match(markup, new RegExp(`<title>${title}: frist 1\\. maj 2026, i gang</title>`));
    assert.match(markup, /class="helhed-timeline-label"[^>]*>[^<]*…<\/text>/);
  });

  it('escapes a title, so a milestone cannot inject markup into a report', () => {
    assert.doesNotMatch(svg([m('<script>alert(1)</script>', '2026-05-01')]), /<script>/);
  });

  it('says so when the plan has no milestones yet', () => {
    assert.match(svg([]), /Ingen milepæle endnu/);
    assert.equal(describeTimeline({ milestones: [], today: TODAY }), 'Planen har ingen milepæle endnu.');
  });

  it('marks a milestone by its flag when it has one, else by its status', () => {
    assert.equal(markKindOf({ status: 'færdig', flag: 'færdig for sent' }), 'færdig for sent');
    assert.equal(markKindOf({ status: 'udgået', flag: null }), 'udgået');
  });
});
