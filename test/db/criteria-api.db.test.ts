import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { testEngines } from '../support/databases.js';
import { startTestApp, type Session, type TestApp } from '../support/test-app.js';

const hermann = { residents: 977, nonWesternShare: 0.35, employmentShare: 0.5, convictionRatio: 3.5, basicEducationShare: 0.62, incomeRatio: 0.6 };

for (const engine of testEngines()) {
  describe(`POST /api/v1/criteria/evaluate on ${engine}`, () => {
    let app: TestApp;
    let board: Session;
    before(async () => {
      app = await startTestApp(engine, { withPlanContent: false });
      board = await app.sessionFor('bestyrelse');
    });
    after(() => app.close());

    const evaluate = (payload: unknown) => app.request({ method: 'POST', url: '/api/v1/criteria/evaluate', payload: payload as object, cookies: { helhed_session: board.cookie } });

    it('answers which criteria are met, the classification and the distance to 1,000 residents', async () => {
      const response = await evaluate(hermann);
      assert.equal(response.statusCode, 200, response.body);
      const body = response.json();
      assert.deepEqual(body.criteriaMet, { employment: true, crime: true, education: true, income: false });
      assert.equal(body.count, 3);
      assert.equal(body.udsat, false);
      assert.equal(body.classification, 'ingen', 'under 1,000 residents no classification applies');
      assert.equal(body.residentsShort, 23);
      assert.equal(body.distances.residents.text, '23 beboere fra 1.000');
    });

    it('refuses negative shares, shares over 1, missing fields and strings with 400 naming the field', async () => {
      const cases: [object, string][] = [
        [{ ...hermann, employmentShare: -0.1 }, 'employmentShare'],
        [{ ...hermann, nonWesternShare: 1.2 }, 'nonWesternShare'],
        [{ ...hermann, incomeRatio: undefined }, 'incomeRatio'],
        [{ ...hermann, residents: '977' }, 'residents'],
        [{ ...hermann, residents: 977.5 }, 'residents'],
        [{ ...hermann, extra: 1 }, 'extra'],
      ];
      for (const [payload, field] of cases) {
        const response = await evaluate(JSON.parse(JSON.stringify(payload)));
        assert.equal(response.statusCode, 400, field);
        assert.ok(response.json().error.fields.some((f: { field: string }) => f.field === field), `${field}: ${response.body}`);
      }
    });

    it('is for users with dashboard access', async () => {
      const crisis = await app.sessionFor('beredskab');
      const response = await app.request({ method: 'POST', url: '/api/v1/criteria/evaluate', payload: hermann, cookies: { helhed_session: crisis.cookie } });
      assert.equal(response.statusCode, 403);
    });
  });
}
