import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { pdfPages } from '../../test/support/pdf-text.js';
import { crisisCardPdf } from './crisis-card.js';
import type { CrisisCardData, CrisisMember } from './crisis-group.service.js';

function aMember(overrides: Partial<CrisisMember> & Pick<CrisisMember, 'id' | 'name' | 'role' | 'organisation'>): CrisisMember {
  return {
    position: null,
    phone: '1234 5678',
    email: null,
    substituteFor: null,
    isAuthority: false,
    isRequiredContact: false,
    user: null,
    confirmedAt: null,
    confirmedBy: null,
    contact: { state: 'aldrig', staleFrom: null },
    ...overrides,
  };
}

function aCard(roles: number): CrisisCardData {
  const police = aMember({ id: 'p', name: 'Lasse Bonde', role: 'Politikommissær', organisation: 'Østjyllands Politi', phone: '25583249', isAuthority: true });
  return {
    planName: 'Den boligsociale Helhedsplan Randers 2025-29',
    printedAt: new Date('2026-03-02T09:00:00Z'),
    roles: [
      { principal: police, substitutes: [aMember({ id: 's', name: 'Allan Aarslev', role: 'Politikommissær', organisation: 'Østjyllands Politi', phone: '22701226', substituteFor: 'p' })] },
      { principal: aMember({ id: 'l', name: 'Louise Hou Kragh', role: 'Chef for bystrategisk udvikling', organisation: 'Bysekretariatet', phone: '4214 8600', isRequiredContact: true }), substitutes: [] },
      ...Array.from({ length: roles }, (_, i) => ({
        principal: aMember({ id: `r${i}`, name: `Medlem nummer ${i + 1}`, role: `Rolle med et ret langt navn ${i + 1}`, organisation: `Organisation ${i + 1}` }),
        substitutes: [aMember({ id: `s${i}`, name: `Suppleant nummer ${i + 1}`, role: `Rolle ${i + 1}`, organisation: `Organisation ${i + 1}`, substituteFor: `r${i}` })],
      })),
    ],
    press: [{ id: 'x', organisation: 'Randers Kommune', position: 'Direktør for Udvikling, Miljø og Teknik', name: 'Jens Heslop', phone: '29 13 69 59', email: null, sortOrder: 1, createdAt: '', updatedAt: '' }],
  };
}

describe('the crisis card', () => {
  it('names the deadlines, the required contact, the police fallback by name and 114, the press contacts and when it was printed', async () => {
    const [page, ...more] = pdfPages(await crisisCardPdf(aCard(0)));
    assert.equal(more.length, 0);
    assert.match(page!, /Rødt niveau: inden for 24 timer/);
    assert.match(page!, /Gult niveau: inden for 3 arbejdsdage/);
    assert.match(page!, /Påkrævet kontakt, inviterer alle: Louise Hou Kragh, Chef for bystrategisk udvikling, Bysekretariatet, tlf\. 4214 8600/);
    assert.match(page!, /Kan Lasse Bonde eller Allan Aarslev ikke nås: Østjyllands Politis vagtchef, tlf\. 114/);
    assert.match(page!, /Lasse Bonde 25583249 Allan Aarslev 22701226/);
    assert.match(page!, /Randers Kommune: Direktør for Udvikling, Miljø og Teknik, Jens Heslop, tlf\. 29 13 69 59/);
    assert.match(page!, /Udskrevet mandag den 2\. marts 2026 kl\. 10\.00/);
  });

  it('is tagged for screen readers, in Danish: headings, paragraphs and the table with column and row headers', async () => {
    const pdf = (await crisisCardPdf(aCard(0), { compress: false })).toString('latin1');
    assert.match(pdf, /\/Lang \(da\)/);
    assert.match(pdf, /\/Marked true/);
    const tags = new Set([...pdf.matchAll(/\/S \/(\w+)/g)].map((m) => m[1]));
    for (const t of ['Document', 'H1', 'H2', 'P', 'Table', 'TR', 'TH', 'TD']) assert.ok(tags.has(t), `${t} in ${[...tags].join(', ')}`);
  });

  it('stays on one A4 page when the group is three times the plan\u2019s, setting the text smaller', async () => {
    const pdf = await crisisCardPdf(aCard(20), { compress: false });
    const pages = pdfPages(pdf);
    assert.equal(pages.length, 1);
    assert.match(pages[0]!, /Medlem nummer 20/);
    const sizes = new Set([...pdf.toString('latin1').matchAll(/\/F\d+ ([\d.]+) Tf/g)].map((m) => Number(m[1])));
    assert.ok(!sizes.has(11) && Math.min(...sizes) < 9, `font sizes ${[...sizes].join(', ')}`);
    assert.match(pages[0]!, /Jens Heslop/);
    assert.match(pdf.toString('latin1'), /\/MediaBox \[0 0 595\.28 841\.89\]/);
  });
});
