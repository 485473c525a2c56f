import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { LightMyRequestResponse } from 'fastify';
import type { Activity } from '../../src/plan/content/types.js';
import { testEngines } from '../support/databases.js';
import { startTestApp, type Session, type TestApp } from '../support/test-app.js';

function decode(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
}

/**
 * The fields a browser would send for the first form on a page whose action is `action`: inputs, text areas (without
 * the newline that follows the opening tag), the selected option of each select, and checked boxes only.
 */
function formFields(html: string, action: string): [string, string][] {
  const start = html.indexOf(`action="${action}"`);
  assert.ok(start >= 0, `no form posting to ${action}`);
  const form = html.slice(start, html.indexOf('</form>', start));
  const fields: [string, string][] = [];
  for (const m of form.matchAll(/<(input|textarea|select)\b([^>]*)>/g)) {
    const [tag, attrs] = [m[1]!, m[2]!];
    const name = /\bname="([^"]*)"/.exec(attrs)?.[1];
    if (!name) continue;
    const rest = form.slice(m.index! + m[0].length);
    if (tag === 'input') {
      const type = /\btype="([^"]*)"/.exec(attrs)?.[1] ?? 'text';
      if ((type === 'checkbox' || type === 'radio') && !/\bchecked\b/.test(attrs)) continue;
      fields.push([decode(name), decode(/\bvalue="([^"]*)"/.exec(attrs)?.[1] ?? '')]);
    } else if (tag === 'textarea') {
      fields.push([decode(name), decode(rest.slice(0, rest.indexOf('</textarea>')).replace(/^\n/, ''))]);
    } else {
      const options = rest.slice(0, rest.indexOf('</select>'));
      const selected = /<option value="([^"]*)" selected>/.exec(options) ?? /<option value="([^"]*)"/.exec(options);
      fields.push([decode(name), decode(selected?.[1] ?? '')]);
    }
  }
  return fields;
}

function withField(fields: [string, string][], name: string, value: string): [string, string][] {
  const found = fields.some(([n]) => n === name);
  return found ? fields.map(([n, v]) => [n, n === name ? value : v]) : [...fields, [name, value]];
}

for (const engine of testEngines()) {
  describe(`the plan's pages on ${engine}`, () => {
    let app: TestApp;
    let secretariat: Session;
    let partner: Session;
    let board: Session;
    let crisis: Session;
    before(async () => {
      app = await startTestApp(engine);
      secretariat = await app.sessionFor('sekretariat');
      partner = await app.sessionFor('partner');
      board = await app.sessionFor('bestyrelse');
      crisis = await app.sessionFor('beredskab');
    });
    after(() => app.close());

    const get = (url: string, session: Session = partner, cookies: Record<string, string> = {}) =>
      app.request({ method: 'GET', url, cookies: { helhed_session: session.cookie, ...cookies } });
    const post = (url: string, session: Session, fields: [string, string][]) => {
      const body = new URLSearchParams([...fields.filter(([n]) => n !== '_csrf'), ['_csrf', session.csrf]]);
      return app.request({ method: 'POST', url, cookies: { helhed_session: session.cookie }, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: body.toString() });
    };
    /** Follows a 303 as a browser does, carrying the one-time message. */
    const follow = (response: LightMyRequestResponse, session: Session) => {
      assert.equal(response.statusCode, 303, response.body.slice(0, 500));
      const flash = response.cookies.find((c) => c.name === 'helhed_flash');
      return get(String(response.headers.location), session, flash ? { helhed_flash: flash.value } : {});
    };
    const elementId = async (kind: 'activity' | 'intervention-area' | 'crisis-role', key: string) => (await app.services.plan.snapshot(app.planId)).find(kind, key)!.id;

    it('shows the plan as a tree from the strategic agreement through goals and intervention areas to the activities', async () => {
      const page = await get('/planen');
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /<form method="get" action="\/planen\/soeg" role="search"/);
      assert.match(page.body, /id="strategisk-aftale"[\s\S]*Lejerbo[\s\S]*1\. august 2025/);
      assert.match(page.body, /id="maal-lbf-1"[\s\S]*href="\/indikatorer\/lbf-1a"/);
      assert.match(page.body, /href="\/indsatsomraader\/kriminalitetsforebyggelse"[\s\S]*href="\/indikatorer\/krim-1"[\s\S]*href="\/aktiviteter\/brandkadet"/);
      assert.equal((page.body.match(/href="\/aktiviteter\//g) ?? []).length, 16);
    });

    it('finds streets and activities by words and labels each result with its kind', async () => {
      const street = await get('/planen/soeg?q=husarvej');
      assert.equal(street.statusCode, 200);
      assert.match(street.body, /<h2 class="h3">Gader \(1\)<\/h2>[\s\S]*href="\/omraader\/gl-jennumparken#adresser">Husarvej/);
      const activity = await get('/planen/soeg?q=Brandkadet');
      assert.match(activity.body, /Aktiviteter \(\d+\)[\s\S]*href="\/aktiviteter\/brandkadet"/);
      const empty = await get('/planen/soeg?q=');
      assert.equal(empty.statusCode, 200);
      // Only the page's own content: the main menu has a «Resultater» entry.
      assert.doesNotMatch(empty.body.slice(empty.body.indexOf('<main')), /resultat/);
      const none = await get('/planen/soeg?q=xyzzy');
      assert.match(none.body, /Ingen resultater for «xyzzy»/);
    });

    it('refuses a search longer than 200 characters with a Danish error summary', async () => {
      const page = await get(`/planen/soeg?q=${'a'.repeat(201)}`);
      assert.equal(page.statusCode, 400);
      assert.match(page.body, /<title>Fejl: /);
      assert.match(page.body, /href="#felt-q"[^>]*>Søgningen må højst være 200 tegn/);
    });

    it('adds the seven areas up to 4.161 lejemål and 6.815 residents beside the plan’s own ca. 4.100 and ca. 6.600, and says they differ', async () => {
      const page = await get('/omraader');
      assert.equal(page.statusCode, 200);
      const footer = page.body.slice(page.body.indexOf('<tfoot>'), page.body.indexOf('</tfoot>'));
      assert.match(footer, /I alt, lagt sammen[\s\S]*6\.815[\s\S]*4\.161/);
      assert.match(footer, /Planens egne tal[\s\S]*ca\. 6\.600[\s\S]*ca\. 4\.100/);
      assert.match(page.body, /class="alert alert-warning"[\s\S]*beboertal summerer til 6\.815, mens planen skriver ca\. 6\.600/);
      assert.equal((page.body.match(/href="\/omraader\/[a-z-]+"/g) ?? []).length, 7);
    });

    it('shows an area’s figures, afdelinger, schools, the address list as the plan writes it, and the activities for it', async () => {
      const page = await get('/omraader/gl-jennumparken');
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /<dt>Beboere<\/dt><dd>1\.270<\/dd>/);
      assert.match(page.body, /pr\. <time dateTime="2024-01-01">1\. januar 2024<\/time>/i);
      assert.match(page.body, /På statens liste over udsatte boligområder/);
      assert.match(page.body, /Møllevænget &amp; Storgården[\s\S]*afdeling 27[\s\S]*Lejerbo[\s\S]*afdeling 104/);
      assert.match(page.body, /Nørrevangsskolen/);
      assert.match(page.body, /<section id="adresser">[\s\S]*Husarvej<\/th><td>\(ulige numre 1-29, ulige numre 41-45, lige numre 2-40\)<\/td>/);
      assert.match(page.body, /href="\/aktiviteter\/brandkadet"/);
    });

    it('answers 404 with a page for an area the plan does not have', async () => {
      const page = await get('/omraader/atlantis');
      assert.equal(page.statusCode, 404);
      assert.match(page.body, /Boligområdet findes ikke i planen/);
    });

    it('finds the area of an address with the rule that matched, explains a miss, and refuses garbage with 400', async () => {
      const hit = await get(`/adresseopslag?adresse=${encodeURIComponent('Husarvej 41, 8930 Randers NØ')}`);
      assert.equal(hit.statusCode, 200);
      assert.match(hit.body, /Adressen hører til Gl\. Jennumparken[\s\S]*Husarvej ulige numre 41-45[\s\S]*href="\/omraader\/gl-jennumparken"/);
      const miss = await get(`/adresseopslag?adresse=${encodeURIComponent('Husarvej 31')}`);
      assert.equal(miss.statusCode, 200);
      assert.match(miss.body, /Ingen af planens områder[\s\S]*uden for planens numre[\s\S]*ulige numre 41-45/);
      const garbage = await get(`/adresseopslag?adresse=${encodeURIComponent('<script>')}`);
      assert.equal(garbage.statusCode, 400);
      assert.match(garbage.body, /<title>Fejl: Find området for en adresse/);
      assert.match(garbage.body, /data-module="error-summary"[\s\S]*href="#felt-adresse"/);
      assert.match(garbage.body, /value="&lt;script>"/);
      assert.equal((await get('/adresseopslag')).statusCode, 200);
    });

    it('shows an intervention area with its sub-agreement, sub-goals, baselines with sources, staff hours and activities', async () => {
      const page = await get('/indsatsomraader/kriminalitetsforebyggelse');
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /id="delaftale"[\s\S]*Leder af Ungdomsskolen/);
      assert.match(page.body, /id="delmaal-krim-delmaal-1"[\s\S]*<th scope="row">Gl. Jennumparken<\/th><td class="align-text-right">24 %[\s\S]*1. september 2024<\/td><td>Randers Kommune/);
      assert.match(page.body, /id="personaletimer"[\s\S]*Randers Ungdomsskole \(i samarbejde med Falck\)[\s\S]*>276</);
      assert.match(page.body, /id="kommunal-sammenhaeng"/);
      assert.doesNotMatch(page.body, /timer\/rediger/, 'a partner gets no edit link');
    });

    it('shows an indicator’s baselines with their sources, and the plan’s contradiction (141 against 164) as a warning', async () => {
      const page = await get('/indikatorer/udd-1a');
      assert.equal(page.statusCode, 200);
      const warning = page.body.slice(page.body.indexOf('alert-warning'), page.body.indexOf('<dl class="helhed-facts">'));
      assert.match(warning, /Planen modsiger sig selv[\s\S]*141 testede børn[\s\S]*164/);
      assert.match(page.body, /<th scope="row">Boligområderne samlet<\/th><td class="align-text-right">48,2%/);
      assert.match(page.body, /<th scope="row">Gl\. Jennumparken<\/th>/);
      assert.match(page.body, /Højere er bedre/);
      assert.match(page.body, /Hele landet[\s\S]*Landsgennemsnit ifølge testprogrammet/);
    });

    it('shows an activity’s targets as the plan states them, its staff hours, version and history link', async () => {
      const page = await get('/aktiviteter/brandkadet');
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /<strong class="helhed-nowrap">mindst 12<\/strong>/);
      assert.match(page.body, /interval<\/td><td><strong class="helhed-nowrap">10-12<\/strong><\/td><td>pr\. forløb/);
      assert.match(page.body, /Minimum 12 unge fra boligområderne deltager årligt i aktiviteten/);
      assert.match(page.body, /13-17 år/);
      assert.match(page.body, /Alle syv boligområder/);
      assert.match(page.body, /Personaletimer til aktiviteten[\s\S]*>276</);
      assert.match(page.body, /Version 1 \(som indlæst fra planens tekst\)/);
      assert.match(page.body, new RegExp(`href="/planen/historik/${await elementId('activity', 'brandkadet')}"`));
    });

    it('shows edit links to the secretariat, hides them from a partner and refuses a partner the edit routes with 403', async () => {
      assert.match((await get('/aktiviteter/brandkadet', secretariat)).body, /href="\/aktiviteter\/brandkadet\/rediger"/);
      assert.match((await get('/indsatsomraader/kriminalitetsforebyggelse', secretariat)).body, /href="\/indsatsomraader\/kriminalitetsforebyggelse\/timer\/rediger"/);
      assert.doesNotMatch((await get('/aktiviteter/brandkadet', partner)).body, /\/rediger/);
      assert.equal((await get('/aktiviteter/brandkadet/rediger', partner)).statusCode, 403);
      assert.equal((await post('/aktiviteter/brandkadet/rediger', partner, [['reason', 'x']])).statusCode, 403);
      assert.equal((await get('/indsatsomraader/kriminalitetsforebyggelse/timer/rediger', partner)).statusCode, 403);
      assert.equal((await post('/indsatsomraader/kriminalitetsforebyggelse/timer/rediger', partner, [])).statusCode, 403);
    });

    it('saves a change of an activity’s resources at once as version 2, and shows both versions side by side', async () => {
      const form = await get('/aktiviteter/lommepengejobs/rediger', secretariat);
      assert.equal(form.statusCode, 200);
      let fields = formFields(form.body, '/aktiviteter/lommepengejobs/rediger');
      fields = withField(fields, 'resources', 'Lønmidler fra Randers Kommune og boligorganisationerne.');
      fields = withField(fields, 'reason', 'Finansieringen er afklaret');
      const saved = await post('/aktiviteter/lommepengejobs/rediger', secretariat, fields);
      const page = await follow(saved, secretariat);
      assert.match(page.body, /Ændringen er gemt som en ny version\./);
      assert.match(page.body, /Version 2, senest ændret/);
      assert.match(page.body, /Lønmidler fra Randers Kommune og boligorganisationerne\./);

      const id = await elementId('activity', 'lommepengejobs');
      const history = await get(`/planen/historik/${id}`);
      assert.equal(history.statusCode, 200);
      assert.match(history.body, /<th scope="col">Version 1<\/th><th scope="col">Version 2<\/th>/);
      assert.match(history.body, /<th scope="row">Begrundelse<\/th><td>Indlæst fra planens tekst<\/td><td>Finansieringen er afklaret<\/td>/);
      assert.match(history.body, /<th scope="row">Ressourcer<\/th>[\s\S]*<span class="sr-only">Ændret: <\/span><mark><span class="helhed-value">Lønmidler fra Randers Kommune/);
      assert.match(history.body, /sekretariat@helhed\.test/);
      const snapshot = await app.services.plan.snapshot(app.planId);
      const before = (await app.services.plan.history(app.planId, id)).versions[0]!.data as Activity;
      assert.deepEqual(snapshot.find<Activity>('activity', 'lommepengejobs')!.data.targets, before.targets, 'the targets were sent unchanged and not counted as a change');
    });

    it('turns a target change into a proposal that leaves the activity unchanged until a board member records consensus', async () => {
      const form = await get('/aktiviteter/brandkadet/rediger', secretariat);
      let fields = formFields(form.body, '/aktiviteter/brandkadet/rediger');
      const row = fields.find(([n, v]) => /^targets\[\d+\]\.code$/.test(n) && v === 'brandkadet-deltagere')![0].replace('.code', '');
      fields = withField(fields, `${row}.min`, '14');
      fields = withField(fields, `${row}.printed`, 'Minimum 14 unge fra boligområderne deltager årligt i aktiviteten.');
      fields = withField(fields, 'reason', 'Ungdomsskolen kan tage flere unge');
      const page = await follow(await post('/aktiviteter/brandkadet/rediger', secretariat, fields), secretariat);
      assert.match(page.body, /Ændringen kræver en beslutning og er gemt som et ændringsforslag\./);
      assert.match(page.body, /<strong class="helhed-nowrap">mindst 12<\/strong>/, 'the activity is unchanged');
      assert.match(page.body, /Et ændringsforslag venter på en beslutning/);

      const list = await get('/planen/forslag', board);
      assert.equal(list.statusCode, 200);
      const id = /href="\/planen\/forslag\/([^"]+)">Ungdomsskolen kan tage flere unge/.exec(list.body)?.[1];
      assert.ok(id, 'the proposal is listed');
      assert.match(list.body, /Afventer bestyrelsens beslutning/);

      const proposal = await get(`/planen/forslag/${id}`, board);
      assert.match(proposal.body, /Mål 2 \(unge fra boligområderne, der deltager i Brandkadet\): mindst<\/th><td><span class="helhed-value">12<\/span><\/td><td><span class="helhed-value">14<\/span>/);
      assert.match(proposal.body, /action="\/planen\/forslag\/[^"]+\/bestyrelse"/);
      assert.doesNotMatch(proposal.body, /\/lbf"/, 'no LBF form for a sub-agreement change');
      assert.doesNotMatch(proposal.body, /traek-tilbage/, 'the board cannot withdraw a proposal');
      assert.doesNotMatch((await get(`/planen/forslag/${id}`, partner)).body, /<form method="post" action="\/planen\/forslag/, 'a partner gets no decision form');

      const decided = await post(`/planen/forslag/${id}/bestyrelse`, board, [['consensus', 'ja'], ['decisionDate', '2026-03-12'], ['note', 'Bestyrelsesmøde 12. marts 2026, punkt 4']]);
      const after = await follow(decided, board);
      assert.match(after.body, /Bestyrelsens beslutning er registreret\./);
      assert.match(after.body, /Vedtaget og gældende/);
      assert.match(after.body, /12\. marts 2026/);
      const activity = await get('/aktiviteter/brandkadet');
      assert.match(activity.body, /<strong class="helhed-nowrap">mindst 14<\/strong>/);
      assert.match(activity.body, /Version 2/);
      const history = await get(`/planen/historik/${await elementId('activity', 'brandkadet')}`);
      assert.match(history.body, new RegExp(`href="/planen/forslag/${id}">Se forslaget`));
    });

    it('lists every problem of an activity form at once, in Danish, and keeps what was typed', async () => {
      const form = await get('/aktiviteter/teenagegrupper/rediger', secretariat);
      let fields = formFields(form.body, '/aktiviteter/teenagegrupper/rediger');
      fields = withField(fields, 'content', '');
      fields = withField(fields, 'targets[0].value', 'tolv');
      const page = await post('/aktiviteter/teenagegrupper/rediger', secretariat, fields);
      assert.equal(page.statusCode, 400);
      assert.match(page.body, /<title>Fejl: Rediger Teenagegrupper/);
      const summary = page.body.slice(page.body.indexOf('data-module="error-summary"'), page.body.indexOf('</ul>', page.body.indexOf('data-module="error-summary"')));
      assert.match(summary, /href="#felt-content"/);
      assert.match(summary, /href="#felt-targets-0--value"[^>]*>Mål 1: «tolv» er ikke et tal/);
      assert.match(summary, /href="#felt-reason"/);
      assert.match(page.body, /id="felt-targets-0--value" name="targets\[0\]\.value" value="tolv"/);
      assert.match((await get('/aktiviteter/teenagegrupper')).body, /Version 1 /, 'nothing was saved');
    });

    it('says so when nothing was changed', async () => {
      const form = await get('/aktiviteter/social-vicevaert/rediger', secretariat);
      const fields = withField(formFields(form.body, '/aktiviteter/social-vicevaert/rediger'), 'reason', 'Ingen grund');
      const page = await post('/aktiviteter/social-vicevaert/rediger', secretariat, fields);
      assert.equal(page.statusCode, 400);
      assert.match(page.body, /href="#felt-content"[^>]*>Der er ingen ændringer at gemme/);
    });

    it('proposes changed staff hours as a change of the sub-agreement', async () => {
      const url = '/indsatsomraader/kriminalitetsforebyggelse/timer/rediger';
      const form = await get(url, secretariat);
      assert.equal(form.statusCode, 200);
      let fields = formFields(form.body, url);
      fields = withField(fields, 'staffHours[0].hoursPerYear', '300');
      fields = withField(fields, 'reason', 'Et ekstra forløb om året');
      const page = await follow(await post(url, secretariat, fields), secretariat);
      assert.match(page.body, /Ændringen kræver en beslutning og er gemt som et ændringsforslag\./);
      assert.match(page.body, /Et ændringsforslag venter på en beslutning/);
      const proposals = await app.services.plan.proposals(app.planId, await elementId('intervention-area', 'kriminalitetsforebyggelse'));
      assert.equal(proposals.length, 1);
      assert.equal(proposals[0]!.subject, 'sub-agreement');
      assert.equal((proposals[0]!.changes.staffHours as { hoursPerYear: number }[])[0]!.hoursPerYear, 300);
    });

    it('refuses a board decision without an answer, listing every missing field', async () => {
      const form = await get('/aktiviteter/familiedage/rediger', secretariat);
      const fields = formFields(form.body, '/aktiviteter/familiedage/rediger');
      const code = fields.find(([n]) => n === 'targets[0].code')![1];
      assert.ok(code);
      await post('/aktiviteter/familiedage/rediger', secretariat, withField(withField(fields, 'targets[0].remove', '1'), 'reason', 'Målet udgår'));
      const [proposal] = await app.services.plan.proposals(app.planId, await elementId('activity', 'familiedage'));
      const page = await post(`/planen/forslag/${proposal!.id}/bestyrelse`, board, []);
      assert.equal(page.statusCode, 400);
      assert.match(page.body, /<title>Fejl: /);
      for (const field of ['consensus', 'decisionDate', 'note']) assert.match(page.body, new RegExp(`data-module="error-summary"[\\s\\S]*href="#felt-${field}"`));
    });

    it('lets the secretariat withdraw a pending proposal, after which no decision can be recorded', async () => {
      const [proposal] = await app.services.plan.proposals(app.planId, await elementId('activity', 'familiedage'));
      const page = await follow(await post(`/planen/forslag/${proposal!.id}/traek-tilbage`, secretariat, []), secretariat);
      assert.match(page.body, /Ændringsforslaget er trukket tilbage\./);
      assert.match(page.body, /Trukket tilbage/);
      assert.doesNotMatch(page.body, /action="[^"]+\/bestyrelse"/);
      const late = await post(`/planen/forslag/${proposal!.id}/bestyrelse`, board, [['consensus', 'ja'], ['decisionDate', '2026-03-12'], ['note', 'For sent']]);
      assert.equal(late.statusCode, 409);
    });

    it('sends a change of LBF’s goals from the board to LBF, whose form only roles that manage governance see', async () => {
      const goal = (await app.services.plan.snapshot(app.planId)).find('goal', 'lbf-2')!;
      const result = await app.services.plan.changeElement(app.planId, { userId: null, label: 'sekretariat@helhed.test', planId: null, ip: null, requestId: null }, goal.id, { text: 'Ny formulering' }, 'LBF har ændret ordlyden');
      assert.ok(result.proposal, 'the change waits as a proposal');
      const id = result.proposal?.id ?? '';
      await follow(await post(`/planen/forslag/${id}/bestyrelse`, board, [['consensus', 'ja'], ['decisionDate', '2026-04-01'], ['note', 'Møde 1. april, punkt 2']]), board);
      const forBoard = await get(`/planen/forslag/${id}`, board);
      assert.match(forBoard.body, /Afventer Landsbyggefondens godkendelse/);
      assert.doesNotMatch(forBoard.body, /action="[^"]+\/lbf"/, 'the board does not record LBF’s decision');
      assert.equal((await post(`/planen/forslag/${id}/lbf`, board, [['approved', 'ja'], ['decisionDate', '2026-05-01'], ['note', 'Brev fra LBF']])).statusCode, 403);
      assert.match((await get(`/planen/forslag/${id}`, secretariat)).body, /action="\/planen\/forslag\/[^"]+\/lbf"/);
      const approved = await follow(await post(`/planen/forslag/${id}/lbf`, secretariat, [['approved', 'ja'], ['decisionDate', '2026-05-01'], ['note', 'Brev fra LBF af 1. maj 2026']]), secretariat);
      assert.match(approved.body, /Landsbyggefondens afgørelse er registreret\./);
      assert.match(approved.body, /Vedtaget og gældende[\s\S]*Brev fra LBF af 1\. maj 2026/);
      assert.match(approved.body, /Sammenlignet med version 1, som forslaget afløste/);
      assert.match((await get('/planen')).body, /id="maal-lbf-2"[\s\S]*?Ny formulering/);
    });

    it('shows the bodies with their chair, and the crisis group’s names and phones to the crisis group but not to the board', async () => {
      const forBoard = await get('/organisation', board);
      assert.equal(forBoard.statusCode, 200);
      assert.match(forBoard.body, /<section id="bestyrelse">[\s\S]*Formand[\s\S]*Direktør, Udvikling, Miljø og Teknik/);
      assert.match(forBoard.body, /id="regler-for-aendringer"[\s\S]*Konsensus i bestyrelsen og Landsbyggefondens godkendelse/);
      assert.match(forBoard.body, /SSP-konsulent/);
      assert.doesNotMatch(forBoard.body, /Claus Hansen|40867408/);
      const forCrisisGroup = await get('/organisation', crisis);
      assert.match(forCrisisGroup.body, /SSP-konsulent[\s\S]*Claus Hansen[\s\S]*40867408/);
    });

    it('answers 404 for the history of a crisis role, whose contacts are personal data', async () => {
      const page = await get(`/planen/historik/${await elementId('crisis-role', 'rolle-1')}`, crisis);
      assert.equal(page.statusCode, 404);
    });

    it('puts Planen, Områder and Organisation in the menu for everyone who may read the plan', async () => {
      const page = await get('/', partner);
      assert.match(page.body, /href="\/planen"[\s\S]*href="\/omraader"[\s\S]*href="\/organisation"/);
    });
  });
}
