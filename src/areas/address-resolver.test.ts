import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { areas } from '../plan/content/areas.js';
import { AddressInputError, AddressResolver, parseAddress } from './address-resolver.js';
import { AddressRuleError, parseNumberRules, ruleHolds } from './address-rules.js';
import { streetKey } from './street-names.js';

const resolver = new AddressResolver(
  areas.flatMap((a) => a.addresses.map((l) => ({ areaSlug: a.slug, areaName: a.name, street: l.street, numbers: l.numbers }))),
);

const G = 'gl-jennumparken';
const H = 'hermann-stillings-vej-omraadet';
const C = 'centrale-randers';
const E = 'energivej-omraadet';
const GL = 'glarbjergvej-omraadet';
const S = 'sjaellandsgade-kvarteret';
const V = 'vangdalen';

/**
 * Every listing of the plan's address lists (OCR lines 96-193), at its edges: the first and last number, the wrong
 * parity, the number just outside. Written by hand from the plan, not derived from the parser.
 */
const EDGES: Record<string, [string, string | null][]> = {
  'Flyvervej (lige numre 2-26 + 5)': [['Flyvervej 2', G], ['Flyvervej 26', G], ['Flyvervej 28', null], ['Flyvervej 3', null], ['Flyvervej 5', G], ['Flyvervej 7', null]],
  'Husarvej (ulige numre 1-29, ulige numre 41-45, lige numre 2-40)': [
    ['Husarvej 1', G], ['Husarvej 29', G], ['Husarvej 31', null], ['Husarvej 39', null], ['Husarvej 41', G], ['Husarvej 45', G], ['Husarvej 47', null],
    ['Husarvej 2', G], ['Husarvej 40', G], ['Husarvej 42', null],
  ],
  'Gl. Jennumvej (lige numre 6-14)': [['Gl. Jennumvej 6', G], ['Gl. Jennumvej 14', G], ['Gl. Jennumvej 4', null], ['Gl. Jennumvej 16', null], ['Gl. Jennumvej 7', null]],
  'Kompagnivej (lige numre 2-18)': [['Kompagnivej 2', G], ['Kompagnivej 18', G], ['Kompagnivej 20', null], ['Kompagnivej 1', null], ['Kompagnivej 3', null]],
  'Garnisonsvej 1-3 (ulige numre), 7-19, 31-35 (ulige numre) og 30-40 (lige numre)': [
    ['Garnisonsvej 1', G], ['Garnisonsvej 3', G], ['Garnisonsvej 2', null], ['Garnisonsvej 5', null],
    ['Garnisonsvej 7', G], ['Garnisonsvej 8', G], ['Garnisonsvej 19', G], ['Garnisonsvej 6', null], ['Garnisonsvej 20', null],
    ['Garnisonsvej 31', G], ['Garnisonsvej 35', G], ['Garnisonsvej 29', null], ['Garnisonsvej 37', null],
    ['Garnisonsvej 30', G], ['Garnisonsvej 40', G], ['Garnisonsvej 42', null], ['Garnisonsvej 39', null],
  ],
  'Hermann Stillings Vej 7-11, 13-27 (ulige), 28-30, 31-37 (ulige), 38-44, 46-72 (lige) og 12-22 (lige, Centrale Randers)': [
    ['Hermann Stillings Vej 6', null], ['Hermann Stillings Vej 7', H], ['Hermann Stillings Vej 8', H], ['Hermann Stillings Vej 11', H],
    ['Hermann Stillings Vej 13', H], ['Hermann Stillings Vej 27', H], ['Hermann Stillings Vej 24', null], ['Hermann Stillings Vej 26', null],
    ['Hermann Stillings Vej 28', H], ['Hermann Stillings Vej 29', H], ['Hermann Stillings Vej 30', H], ['Hermann Stillings Vej 31', H],
    ['Hermann Stillings Vej 37', H], ['Hermann Stillings Vej 32', null], ['Hermann Stillings Vej 38', H], ['Hermann Stillings Vej 39', H],
    ['Hermann Stillings Vej 44', H], ['Hermann Stillings Vej 45', null], ['Hermann Stillings Vej 46', H], ['Hermann Stillings Vej 72', H],
    ['Hermann Stillings Vej 47', null], ['Hermann Stillings Vej 74', null],
    ['Hermann Stillings Vej 12', C], ['Hermann Stillings Vej 14', C], ['Hermann Stillings Vej 22', C], ['Hermann Stillings Vej 15', H],
  ],
  'Mærsk Andersens Vej 2-34 (lige numre)': [['Mærsk Andersens Vej 2', H], ['Mærsk Andersens Vej 34', H], ['Mærsk Andersens Vej 36', null], ['Mærsk Andersens Vej 3', null]],
  'P. Knudsens Vej 8-36 (lige numre)': [['P. Knudsens Vej 8', H], ['P. Knudsens Vej 36', H], ['P. Knudsens Vej 6', null], ['P. Knudsens Vej 38', null], ['P. Knudsens Vej 9', null]],
  'Stadfeldtsvej 1-19, 21, 23, 25-37, 39-45 (ulige numre)': [
    ['Stadfeldtsvej 1', H], ['Stadfeldtsvej 2', H], ['Stadfeldtsvej 19', H], ['Stadfeldtsvej 20', null], ['Stadfeldtsvej 21', H], ['Stadfeldtsvej 22', null],
    ['Stadfeldtsvej 23', H], ['Stadfeldtsvej 24', null], ['Stadfeldtsvej 25', H], ['Stadfeldtsvej 37', H], ['Stadfeldtsvej 38', null],
    ['Stadfeldtsvej 39', H], ['Stadfeldtsvej 45', H], ['Stadfeldtsvej 40', null], ['Stadfeldtsvej 47', null],
  ],
  'Anemonevej 16-42 (lige numre)': [['Anemonevej 16', C], ['Anemonevej 42', C], ['Anemonevej 14', null], ['Anemonevej 44', null], ['Anemonevej 17', null]],
  'Fabersvej 40 + 44': [['Fabersvej 40', C], ['Fabersvej 44', C], ['Fabersvej 42', null], ['Fabersvej 41', null], ['Fabersvej 46', null]],
  'Flintebjerg Allé 11 + 13, 40-52 (lige numre)': [
    ['Flintebjerg Allé 11', C], ['Flintebjerg Allé 13', C], ['Flintebjerg Allé 12', null], ['Flintebjerg Allé 15', null],
    ['Flintebjerg Allé 40', C], ['Flintebjerg Allé 52', C], ['Flintebjerg Allé 54', null], ['Flintebjerg Allé 41', null],
  ],
  'Gl. Hadsundvej 5A, 5B & 5C': [['Gl. Hadsundvej 5A', C], ['Gl. Hadsundvej 5B', C], ['Gl. Hadsundvej 5C', C], ['Gl. Hadsundvej 5', null], ['Gl. Hadsundvej 5D', null], ['Gl. Hadsundvej 85', null]],
  'Gl. Lervang 21-31 (ulige numre)': [['Gl. Lervang 21', C], ['Gl. Lervang 31', C], ['Gl. Lervang 19', null], ['Gl. Lervang 33', null], ['Gl. Lervang 22', null]],
  'Lodsejervej 9-21 (ulige numre)': [['Lodsejervej 9', C], ['Lodsejervej 21', C], ['Lodsejervej 7', null], ['Lodsejervej 23', null], ['Lodsejervej 10', null]],
  'Mariagervej 1A, 1B, 1C & 3; 28-36 (a&b, lige numre); 89-101 (ulige numre, Energivej-området)': [
    ['Mariagervej 1A', C], ['Mariagervej 1C', C], ['Mariagervej 1', null], ['Mariagervej 1D', null], ['Mariagervej 3', C], ['Mariagervej 2', null], ['Mariagervej 5', null],
    ['Mariagervej 28A', C], ['Mariagervej 28B', C], ['Mariagervej 36B', C], ['Mariagervej 28', null], ['Mariagervej 28C', null], ['Mariagervej 29A', null],
    ['Mariagervej 26A', null], ['Mariagervej 38A', null],
    ['Mariagervej 89', E], ['Mariagervej 101', E], ['Mariagervej 87', null], ['Mariagervej 103', null], ['Mariagervej 90', null],
  ],
  'Nattergalvej 4-22 (lige numre)': [['Nattergalvej 4', C], ['Nattergalvej 22', C], ['Nattergalvej 2', null], ['Nattergalvej 24', null], ['Nattergalvej 5', null]],
  'Scandiagade 2-8 (lige numre)': [['Scandiagade 2', C], ['Scandiagade 8', C], ['Scandiagade 10', null], ['Scandiagade 3', null]],
  'Schaldemosevej 8-27': [['Schaldemosevej 8', C], ['Schaldemosevej 9', C], ['Schaldemosevej 27', C], ['Schaldemosevej 7', null], ['Schaldemosevej 28', null]],
  'Sct. Peders Gade 1-5 (ulige numre)': [['Sct. Peders Gade 1', C], ['Sct. Peders Gade 5', C], ['Sct. Peders Gade 7', null], ['Sct. Peders Gade 2', null]],
  'Solsortvej 17-27 (ulige numre)': [['Solsortvej 17', C], ['Solsortvej 27', C], ['Solsortvej 15', null], ['Solsortvej 29', null], ['Solsortvej 18', null]],
  'Asavænget (21,22)': [['Asavænget 21', E], ['Asavænget 22', E], ['Asavænget 20', null], ['Asavænget 23', null]],
  'Energivej (4-18 (lige numre), 22, 38-72)': [
    ['Energivej 4', E], ['Energivej 18', E], ['Energivej 2', null], ['Energivej 20', null], ['Energivej 5', null],
    ['Energivej 22', E], ['Energivej 21', null], ['Energivej 23', null], ['Energivej 38', E], ['Energivej 39', E], ['Energivej 72', E], ['Energivej 37', null], ['Energivej 73', null],
  ],
  'Fenrisvej 1-12, 14, 16': [['Fenrisvej 1', E], ['Fenrisvej 12', E], ['Fenrisvej 13', null], ['Fenrisvej 14', E], ['Fenrisvej 15', null], ['Fenrisvej 16', E], ['Fenrisvej 17', null]],
  'Frejasvej 1-11 (ulige numre)': [['Frejasvej 1', E], ['Frejasvej 11', E], ['Frejasvej 13', null], ['Frejasvej 2', null]],
  'Friggsvej 2-6 (lige numre)': [['Friggsvej 2', E], ['Friggsvej 6', E], ['Friggsvej 8', null], ['Friggsvej 3', null]],
  'Ullersvej 2-6 (lige numre)': [['Ullersvej 2', E], ['Ullersvej 6', E], ['Ullersvej 8', null], ['Ullersvej 5', null]],
  'Vidarsvej 1-16 + 18-30 (lige numre)': [['Vidarsvej 1', E], ['Vidarsvej 15', E], ['Vidarsvej 16', E], ['Vidarsvej 17', null], ['Vidarsvej 18', E], ['Vidarsvej 30', E], ['Vidarsvej 19', null], ['Vidarsvej 32', null]],
  'Vølundsvej 1-9 + 11-15 (ulige numre)': [['Vølundsvej 1', E], ['Vølundsvej 2', E], ['Vølundsvej 9', E], ['Vølundsvej 10', null], ['Vølundsvej 11', E], ['Vølundsvej 15', E], ['Vølundsvej 12', null], ['Vølundsvej 17', null]],
  'Ymersvej 21-34 + 36-46 (lige numre)': [['Ymersvej 21', E], ['Ymersvej 34', E], ['Ymersvej 20', null], ['Ymersvej 35', null], ['Ymersvej 36', E], ['Ymersvej 46', E], ['Ymersvej 37', null], ['Ymersvej 48', null]],
  'Falkevej 1-41 (ulige numre)': [['Falkevej 1', GL], ['Falkevej 41', GL], ['Falkevej 43', null], ['Falkevej 2', null]],
  'Glarbjergvej 88-100 (lige numre), 109-111, 112-156 (lige numre)': [
    ['Glarbjergvej 88', GL], ['Glarbjergvej 100', GL], ['Glarbjergvej 86', null], ['Glarbjergvej 102', null], ['Glarbjergvej 89', null],
    ['Glarbjergvej 109', GL], ['Glarbjergvej 110', GL], ['Glarbjergvej 111', GL], ['Glarbjergvej 108', null], ['Glarbjergvej 113', null],
    ['Glarbjergvej 112', GL], ['Glarbjergvej 156', GL], ['Glarbjergvej 158', null], ['Glarbjergvej 155', null],
  ],
  'Nørrebrogade 96-148 (lige numre)': [['Nørrebrogade 96', GL], ['Nørrebrogade 148', GL], ['Nørrebrogade 94', null], ['Nørrebrogade 150', null], ['Nørrebrogade 97', null]],
  'Hadsundvej 85-93 (ulige numre)': [['Hadsundvej 85', GL], ['Hadsundvej 93', GL], ['Hadsundvej 83', null], ['Hadsundvej 95', null], ['Hadsundvej 86', null], ['Hadsundvej 5A', null]],
  'Infanterivej 1-19 (ulige numre)': [['Infanterivej 1', GL], ['Infanterivej 19', GL], ['Infanterivej 21', null], ['Infanterivej 2', null]],
  'Glentevej 3-9 (ulige numre)': [['Glentevej 3', GL], ['Glentevej 9', GL], ['Glentevej 1', null], ['Glentevej 11', null], ['Glentevej 4', null]],
  'Brigadevej 1-21 (ulige numre)': [['Brigadevej 1', GL], ['Brigadevej 21', GL], ['Brigadevej 23', null], ['Brigadevej 2', null]],
  'Jyllandsgade 1-6; 8-14 (lige numre)': [['Jyllandsgade 1', S], ['Jyllandsgade 6', S], ['Jyllandsgade 7', null], ['Jyllandsgade 8', S], ['Jyllandsgade 14', S], ['Jyllandsgade 9', null], ['Jyllandsgade 16', null]],
  'Sennelsgade 19-23 (ulige numre)': [['Sennelsgade 19', S], ['Sennelsgade 23', S], ['Sennelsgade 17', null], ['Sennelsgade 25', null], ['Sennelsgade 20', null]],
  'Sjællandsgade 14-20 (lige), 21-24, 26-50 (lige), 51-54, 56-58 (lige)': [
    ['Sjællandsgade 12', null], ['Sjællandsgade 13', null], ['Sjællandsgade 14', S], ['Sjællandsgade 20', S], ['Sjællandsgade 15', null],
    ['Sjællandsgade 21', S], ['Sjællandsgade 22', S], ['Sjællandsgade 23', S], ['Sjællandsgade 24', S], ['Sjællandsgade 25', null],
    ['Sjællandsgade 26', S], ['Sjællandsgade 50', S], ['Sjællandsgade 27', null], ['Sjællandsgade 49', null],
    ['Sjællandsgade 51', S], ['Sjællandsgade 53', S], ['Sjællandsgade 54', S], ['Sjællandsgade 55', null],
    ['Sjællandsgade 56', S], ['Sjællandsgade 58', S], ['Sjællandsgade 57', null], ['Sjællandsgade 60', null],
  ],
  'Viborgvej 14-26 (lige numre)': [['Viborgvej 14', S], ['Viborgvej 26', S], ['Viborgvej 12', null], ['Viborgvej 28', null], ['Viborgvej 15', null]],
  'Rørhaven 2-12 (lige numre)': [['Rørhaven 2', V], ['Rørhaven 12', V], ['Rørhaven 14', null], ['Rørhaven 3', null]],
  'Sivhaven 1-7 (ulige numre)': [['Sivhaven 1', V], ['Sivhaven 7', V], ['Sivhaven 9', null], ['Sivhaven 2', null]],
  'Basthaven 1-7 (ulige numre)': [['Basthaven 1', V], ['Basthaven 7', V], ['Basthaven 9', null], ['Basthaven 4', null]],
  'Bambushaven 1-7 (ulige numre)': [['Bambushaven 1', V], ['Bambushaven 7', V], ['Bambushaven 9', null], ['Bambushaven 6', null]],
  'Græshaven 2-14 (lige numre)': [['Græshaven 2', V], ['Græshaven 14', V], ['Græshaven 16', null], ['Græshaven 3', null]],
  'Ved Byskellet 1-29 (ulige numre)': [['Ved Byskellet 1', V], ['Ved Byskellet 29', V], ['Ved Byskellet 31', null], ['Ved Byskellet 2', null]],
};

describe('the address resolver on the plan’s address lists', () => {
  for (const [listing, cases] of Object.entries(EDGES)) {
    it(`places ${listing} right at its edges`, () => {
      for (const [address, expected] of cases) {
        const result = resolver.resolve(address);
        assert.equal(result.area?.slug ?? null, expected, `${address} → ${result.area?.slug ?? `null (${(result as { reason: string }).reason})`}`);
      }
    });
  }

  it('covers every listing of the plan in the edge table', () => {
    const streetsInTable = new Set(Object.keys(EDGES).map((k) => streetKey(k.replace(/\s*\(.*$|\s+\d.*$/, ''))));
    for (const area of areas) for (const l of area.addresses) assert.ok(streetsInTable.has(streetKey(l.street)), `${l.street} has no edge tests`);
  });

  it('says which of the plan’s rules matched', () => {
    assert.deepEqual(resolver.resolve('Husarvej 41'), {
      area: { slug: G, name: 'Gl. Jennumparken' },
      matched: 'Husarvej ulige numre 41-45',
      address: { street: 'Husarvej', number: 41, letter: '' },
    });
    assert.equal(resolver.resolve('Garnisonsvej 33').matched, 'Garnisonsvej 31-35 (ulige numre)');
    assert.equal(resolver.resolve('Mariagervej 30B').matched, 'Mariagervej 28-36 (a&b, lige numre)');
  });

  it('gives a reason for an out-of-range number and for an unknown street', () => {
    const outside = resolver.resolve('Husarvej 31');
    assert.equal(outside.area, null);
    assert.match((outside as { reason: string }).reason, /Husarvej 31 ligger uden for planens numre/);
    const unknown = resolver.resolve('Tøjhushaven 4');
    assert.match((unknown as { reason: string }).reason, /Gaden «Tøjhushaven» findes ikke i planens adresselister/);
  });

  it('tolerates case, spacing, punctuation, spelling variants, postcode and town', () => {
    const cases: [string, string][] = [
      ['Herman Stillingsvej 14', C],
      ['HERMANN STILLINGSVEJ 29', H],
      ['hermann stillings vej 46', H],
      ['Flintebjerg Alle 11', C],
      ['Husarvej 12, 8930 Randers NØ', G],
      ['Husarvej 12, 1. th., 8930 Randers NØ', G],
      ['Husarvej 12 st. tv', G],
      ['  husarvej   5A ', G],
      ['Husarvej 5 a', G],
      ['Maersk Andersens Vej 2', H],
      ['Mærsk Andersensvej 2', H],
      ['P Knudsensvej 8', H],
      ['Sankt Peders Gade 3', C],
      ['Skt. Pedersgade 3', C],
      ['Norrebrogade 96', GL],
      ['Noerrebrogade 96', GL],
      ['Rorhaven 2', V],
      ['Sjaellandsgade 21', S],
      ['Asavaenget 22', E],
      ['Gammel Jennumvej 6', G],
      ['Gl.Jennumvej 6', G],
      ['mariagervej 28 a', C],
    ];
    for (const [address, expected] of cases) assert.equal(resolver.resolve(address).area?.slug, expected, address);
  });

  it('keeps Hadsundvej and Gl. Hadsundvej apart', () => {
    assert.equal(resolver.resolve('Hadsundvej 85').area?.slug, GL);
    assert.equal(resolver.resolve('Gl. Hadsundvej 85').area, null);
  });

  it('places no address in two areas', () => {
    const byStreet = new Map<string, typeof listings>();
    const listings = resolver.listings();
    for (const l of listings) byStreet.set(streetKey(l.street), [...(byStreet.get(streetKey(l.street)) ?? []), l]);
    for (const [street, shared] of byStreet) {
      if (new Set(shared.map((l) => l.areaSlug)).size < 2) continue;
      for (let n = 1; n <= 300; n++) {
        for (const letter of ['', 'A', 'B', 'C']) {
          const owners = new Set(shared.filter((l) => l.rules.some((r) => ruleHolds(r, n, letter))).map((l) => l.areaSlug));
          assert.ok(owners.size <= 1, `${street} ${n}${letter} is in ${[...owners].join(' and ')}`);
        }
      }
    }
  });

  it('keeps the street keys of different streets apart', () => {
    const byKey = new Map<string, string>();
    for (const area of areas) {
      for (const l of area.addresses) {
        const key = streetKey(l.street);
        const seen = byKey.get(key);
        assert.ok(seen === undefined || seen === l.street, `${l.street} and ${seen} share the key ${key}`);
        byKey.set(key, l.street);
      }
    }
  });

  it('refuses garbage with a Danish reason instead of guessing', () => {
    for (const bad of ['', '   ', '12', 'Husarvej', '<script>alert(1)</script> 4', 'x'.repeat(250), '12 34', '\u0000Husarvej 4']) {
      assert.throws(() => resolver.resolve(bad), AddressInputError, JSON.stringify(bad));
    }
    assert.throws(() => parseAddress('Husarvej'), /mangler et husnummer/);
  });
});

describe('the plan’s number notation', () => {
  it('reads a parity mark before a range and after it', () => {
    assert.deepEqual(parseNumberRules('(ulige numre 1-29, lige numre 2-40)').map((r) => [r.from, r.to, r.parity]), [[1, 29, 'odd'], [2, 40, 'even']]);
    assert.deepEqual(parseNumberRules('1-3 (ulige numre), 7-19').map((r) => [r.from, r.to, r.parity]), [[1, 3, 'odd'], [7, 19, 'all']]);
  });

  it('gives a prefixed mark only to the range it precedes, not to a number added with +', () => {
    assert.deepEqual(parseNumberRules('(lige numre 2-26 + 5)').map((r) => [r.from, r.to, r.parity]), [[2, 26, 'even'], [5, 5, 'all']]);
  });

  it('reads letters as part of a number and as a list of entrances', () => {
    assert.deepEqual(parseNumberRules('5A, 5b & 5C').map((r) => r.letters), [['A'], ['B'], ['C']]);
    const [rule] = parseNumberRules('28-36 (a&b, lige numre)');
    assert.deepEqual([rule!.from, rule!.to, rule!.parity, rule!.letters], [28, 36, 'even', ['A', 'B']]);
  });

  it('refuses notation it cannot read rather than guessing', () => {
    for (const bad of ['', 'mange numre', '5-', '9-3', '(lige numre 3-9)', '1-5 (hver anden)']) {
      assert.throws(() => parseNumberRules(bad), AddressRuleError, bad);
    }
  });
});
