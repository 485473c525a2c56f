import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { deadlineState, isTaskStatus, ownMemberIds, planFromTemplate, sortTasks, sourceDescription, splitMine, sourceText, TASK_STATUS_NAMES, type GroupMember } from './actions.js';
import { GENERAL_TASKS, templateFor } from './content/action-templates.js';

const members: GroupMember[] = [
  { id: 'ssp', role: 'SSP-konsulent', organisation: 'Randers Ungdomsskole', name: 'Claus Hansen', substituteFor: null },
  { id: 'pol', role: 'Politikommissær', organisation: 'Østjyllands Politi', name: 'Lasse Bonde', substituteFor: null },
  { id: 'pol-s', role: 'Politikommissær', organisation: 'Østjyllands Politi', name: 'Allan Aarslev', substituteFor: 'pol' },
  { id: 'chef', role: 'Chef for bystrategisk udvikling', organisation: 'Bysekretariatet', name: 'Louise Hou Kragh', substituteFor: null },
  { id: 'rb', role: 'Inspektør', organisation: 'RandersBolig/driften', name: null, substituteFor: null },
];
const SET_AT = '2026-03-28T19:30:00.000Z';

describe('an action plan from a template', () => {
  it('gives each task to the principal member who holds its role, due the level\u2019s hours after the level was set', () => {
    const planned = planFromTemplate({ situationType: 'ildspaasaettelse', level: 'roed', levelSetAt: SET_AT, members, existingKeys: new Set() });
    const invite = planned.find((t) => t.templateKey === 'invitere')!;
    assert.equal(invite.ownerMemberId, 'chef');
    assert.equal(invite.ownerLabel, 'Louise Hou Kragh (Chef for bystrategisk udvikling)');
    assert.equal(invite.organisation, 'Bysekretariatet');
    assert.equal(invite.deadlineAt, '2026-03-28T20:30:00.000Z');
    const police = planned.find((t) => t.templateKey === 'politiets-vurdering')!;
    assert.equal(police.ownerMemberId, 'pol', 'the principal, not the substitute');
    assert.equal(planned.find((t) => t.templateKey === 'medarbejdersikkerhed-randersbolig')!.ownerLabel, 'Inspektør');
  });

  it('uses the yellow hours at yellow', () => {
    const planned = planFromTemplate({ situationType: 'gruppekonflikt', level: 'gul', levelSetAt: SET_AT, members, existingKeys: new Set() });
    assert.equal(planned.find((t) => t.templateKey === 'invitere')!.deadlineAt, '2026-03-29T03:30:00.000Z');
  });

  it('makes a task for «alle» once for each principal member, and leaves a role no one holds without an owner', () => {
    const planned = planFromTemplate({ situationType: 'andet', level: 'roed', levelSetAt: SET_AT, members, existingKeys: new Set() });
    const orient = planned.filter((t) => t.templateKey?.startsWith('orientere-organisation@'));
    assert.deepEqual(orient.map((t) => t.ownerMemberId).sort(), ['chef', 'pol', 'rb', 'ssp']);
    const lejerbo = planned.find((t) => t.templateKey === 'medarbejdersikkerhed-lejerbo')!;
    assert.equal(lejerbo.ownerMemberId, null);
    assert.equal(lejerbo.ownerLabel, 'Lokalinspektør (ingen i gruppen har rollen nu)');
  });

  it('leaves out the tasks the incident already has, so making it twice adds nothing', () => {
    const first = planFromTemplate({ situationType: 'skyderi', level: 'roed', levelSetAt: SET_AT, members, existingKeys: new Set() });
    const again = planFromTemplate({ situationType: 'skyderi', level: 'roed', levelSetAt: SET_AT, members, existingKeys: new Set(first.map((t) => t.templateKey)) });
    assert.equal(again.length, 0);
    // Another situation type's template adds only its own tasks, not the general ones again.
    const other = planFromTemplate({ situationType: 'gruppekonflikt', level: 'roed', levelSetAt: SET_AT, members, existingKeys: new Set(first.map((t) => t.templateKey)) });
    assert.deepEqual(other.map((t) => t.templateKey), ['grupper-kortlaegning']);
  });

  it('says where a task comes from: the plan\u2019s lines, or Helhed\u2019s suggestion', () => {
    assert.equal(sourceText(templateFor('skyderi').tasks.find((t) => t.key === 'ssp-netvaerk')!), 'Beredskabsplanens pligt (linje 3484-3485)');
    assert.equal(sourceText(templateFor('chikane').tasks.find((t) => t.key === 'beskrivelser')!), 'Helheds forslag (ikke en pligt i beredskabsplanen)');
    assert.ok(GENERAL_TASKS.every((t) => t.source !== 'helhed'));
  });

  it('keeps with each task the duties it carries out in the plan\u2019s words, or that it is Helhed\u2019s suggestion', () => {
    const planned = planFromTemplate({ situationType: 'chikane', level: 'roed', levelSetAt: SET_AT, members, existingKeys: new Set() });
    assert.equal(
      planned.find((t) => t.templateKey === 'politiets-vurdering')!.description,
      'Beredskabsplanens pligt: «Politiet viderebringer relevante informationer inden for retsplejelovens rammer» (linje 3482); ' +
        '«Politi og kommune kan dele informationer inden for retsplejelovens § 115. De inddrager og koordinerer med boligorganisationernes repræsentanter, hvor det er foreneligt med tavshedspligten; koordineringen sker i beredskabsgruppen, hvor boligorganisationerne er repræsenteret af Bysekretariatets chef for bystrategisk udvikling» (linje 3474-3477).',
    );
    assert.equal(planned.find((t) => t.templateKey === 'beskrivelser')!.description, sourceDescription({ source: 'helhed' }));
    assert.equal(sourceDescription({ source: 'helhed' }), 'Helheds forslag – ikke en pligt i beredskabsplanen.');
  });

  it('counts a substitute\u2019s principal\u2019s tasks as the substitute\u2019s own', () => {
    assert.deepEqual(ownMemberIds(['pol-s'], members).sort(), ['pol', 'pol-s']);
    assert.deepEqual(ownMemberIds(['chef'], members), ['chef']);
    assert.deepEqual(ownMemberIds([], members), []);
  });
});

describe('task deadlines and order', () => {
  const now = new Date('2026-03-29T01:30:00Z');

  it('flags an open task past its deadline in words, and says nothing of a done one', () => {
    assert.deepEqual(deadlineState({ deadlineAt: '2026-03-28T23:30:00Z', status: 'i_gang' }, now), { overdue: true, text: 'Fristen er overskredet for 2 timer siden' });
    assert.deepEqual(deadlineState({ deadlineAt: '2026-03-29T02:00:00Z', status: 'aaben' }, now), { overdue: false, text: '30 minutter tilbage' });
    assert.equal(deadlineState({ deadlineAt: '2026-03-28T23:30:00Z', status: 'udfoert' }, now), null);
    assert.equal(deadlineState({ deadlineAt: null, status: 'aaben' }, now), null);
  });

  it('puts the reader\u2019s own tasks first, each list open before done and by deadline', () => {
    const t = (id: string, owner: string | null, status: string, deadlineAt: string | null, sortOrder: number) => ({ id, ownerMemberId: owner, status, deadlineAt, sortOrder });
    const tasks = [t('a', 'chef', 'udfoert', '2026-03-28T20:00:00Z', 1), t('b', 'pol', 'aaben', '2026-03-29T00:00:00Z', 2), t('c', 'chef', 'aaben', null, 3), t('d', 'chef', 'aaben', '2026-03-28T21:00:00Z', 4), t('e', null, 'aaben', '2026-03-28T20:00:00Z', 5)];
    const { mine, others } = splitMine(tasks, ['chef']);
    assert.deepEqual(mine.map((x) => x.id), ['d', 'c', 'a']);
    assert.deepEqual(others.map((x) => x.id), ['e', 'b']);
    assert.deepEqual(sortTasks(tasks).map((x) => x.id), ['e', 'd', 'b', 'c', 'a']);
  });

  it('knows the four statuses by their Danish names', () => {
    assert.deepEqual(Object.values(TASK_STATUS_NAMES), ['Åben', 'I gang', 'Udført', 'Annulleret']);
    assert.ok(isTaskStatus('udfoert') && !isTaskStatus('færdig'));
  });
});
