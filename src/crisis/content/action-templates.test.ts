import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { organisation } from '../../plan/content/organisation.js';
import { PLAN_TEXT_LINES } from '../../plan/content/plan-text.js';
import { SITUATION_TYPES } from '../levels.js';
import { ACTION_TEMPLATES, GENERAL_TASKS, templateFor } from './action-templates.js';
import { ALL_MEMBERS, CRISIS_ROLES, DUTIES, DUTY_PARTIES, dutyByKey } from './duties.js';

const roster = new Set(organisation.crisisGroup.map((r) => r.role));
const BEREDSKABSPLAN: [number, number] = [3395, 3545];
const linesOf = (ref: { lines: [number, number] }) => PLAN_TEXT_LINES.slice(ref.lines[0] - 1, ref.lines[1]).join(' ');

/** A fragment of each duty as the OCR text has it (without æ, ø and å), which its lines must contain. */
const OCR_FRAGMENTS: Record<string, string> = {
  'ro-og-orden': 'Sikre ro og orden',
  sikkerhed: 'Sikre borgere og medarbejderes',
  'koordinere-myndigheder': 'Koordinere myndighedernes',
  'paragraf-115': 'retsplejelovens § 115',
  'politiets-information': 'politiets rolle at viderebringe relevante informationer',
  'politiets-anvisninger': 'politiets anvisninger',
  'ssp-netvaerk': 'aktivere SSP-netv',
  invitere: 'alle bliver inviteret',
  'boligsociale-medarbejdere': 'informere de boligsociale medarbejdere',
  afdelingsbestyrelser: 'beboerne/afdelingsbestyrelserne',
  driften: 'driftsenheder',
  'informere-beboere': 'informere beboerne og',
  medarbejdersikkerhed: 'Forholdsregler vedr',
  'kommunikation-medarbejdere': 'Kommunikation til medarbejdere',
  'kommunikation-beboere': 'Kommunikation til beboere',
  'orientere-organisation': 'orientering af deres respektive organisation',
  'gennemfoere-handleplan': 'angivet i den konkrete handleplan',
};

describe('the beredskabsplan\u2019s duties', () => {
  it('names only roles of the crisis group\u2019s roster, or every member', () => {
    for (const role of Object.values(CRISIS_ROLES)) assert.ok(roster.has(role), role);
    for (const d of DUTIES) for (const who of d.who) assert.ok(who === ALL_MEMBERS || roster.has(who), `${d.key}: ${who}`);
  });

  it('cites lines of the beredskabsplan that say what the duty says', () => {
    for (const d of DUTIES) {
      assert.ok(d.ref.lines[0] >= BEREDSKABSPLAN[0] && d.ref.lines[1] <= BEREDSKABSPLAN[1] && d.ref.lines[0] <= d.ref.lines[1], `${d.key}: ${d.ref.lines}`);
      const fragment = OCR_FRAGMENTS[d.key];
      assert.ok(fragment, `no OCR fragment for ${d.key}`);
      assert.ok(linesOf(d.ref).toLowerCase().includes(fragment.toLowerCase()), `${d.key}: «${fragment}» not in lines ${d.ref.lines.join('-')}`);
    }
  });

  it('has unique keys, restored Danish letters and a party for every duty', () => {
    assert.equal(new Set(DUTIES.map((d) => d.key)).size, DUTIES.length);
    for (const d of DUTIES) {
      assert.ok(DUTY_PARTIES.some((p) => p.key === d.party), d.key);
      assert.doesNotMatch(d.text, /\bmedarbejdemes|sikkerhedsregler|ae(?=r\b)|\boe\b/, d.key);
    }
    assert.match(dutyByKey('sikkerhed')!.text, /borgeres og medarbejderes sikkerhed/);
    assert.match(dutyByKey('ssp-netvaerk')!.text, /SSP-netværket.*skole, opsøgende medarbejdere og klubmedarbejdere/);
    for (const party of DUTY_PARTIES) assert.ok(DUTIES.some((d) => d.party === party.key), `${party.key} has no duty`);
  });
});

describe('the action-plan templates', () => {
  it('has one template for every situation type, «andet» included, in the order of the situation types', () => {
    assert.deepEqual(
      ACTION_TEMPLATES.map((t) => t.situationType),
      SITUATION_TYPES.map((t) => t.key),
    );
    assert.deepEqual(templateFor('andet').tasks, GENERAL_TASKS);
    assert.equal(templateFor('ukendt-type').situationType, 'andet');
  });

  it('gives every task a role of the roster or «alle», unique keys and a sensible deadline for each level', () => {
    for (const t of ACTION_TEMPLATES) {
      assert.equal(new Set(t.tasks.map((x) => x.key)).size, t.tasks.length, t.situationType);
      for (const task of t.tasks) {
        assert.ok(task.role === ALL_MEMBERS || roster.has(task.role), `${t.situationType}/${task.key}: ${task.role}`);
        // Red: within the 24 hours the group has to meet, and never later than at yellow.
        assert.ok(task.hours.roed >= 0 && task.hours.roed <= 24, `${task.key} roed ${task.hours.roed}`);
        assert.ok(task.hours.gul >= task.hours.roed && task.hours.gul <= 96, `${task.key} gul ${task.hours.gul}`);
      }
    }
  });

  it('cites only duties that exist, and marks everything else as Helhed\u2019s suggestion', () => {
    let fromPlan = 0;
    let suggestions = 0;
    for (const t of ACTION_TEMPLATES) {
      for (const task of t.tasks) {
        if (task.source === 'helhed') suggestions++;
        else {
          fromPlan++;
          assert.ok(task.source.duties.length > 0, task.key);
          for (const key of task.source.duties) assert.ok(dutyByKey(key), `${task.key} cites unknown duty ${key}`);
        }
      }
    }
    assert.ok(fromPlan > 0 && suggestions > 0);
  });

  it('asks the SSP consultant to activate the SSP network when young people are typically involved', () => {
    for (const type of ['gruppekonflikt', 'haervaerk', 'slaaskampe', 'voldsom-uro']) {
      const task = templateFor(type).tasks.find((x) => x.key === 'ssp-netvaerk');
      assert.equal(task?.role, CRISIS_ROLES.ssp, type);
    }
  });
});
