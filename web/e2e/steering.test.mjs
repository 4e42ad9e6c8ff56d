// Browser tests of the steering dashboard against a real `lotse serve --demo`:
// the demo's planted tensions are visible, every download parses, axe finds
// no serious or critical violation, and PARTNER and anonymous readers get
// neither the page nor the files.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { axe, newPage, screenshot, signIn, startBrowser, startServer } from './harness.mjs';

let server;
let browser;
before(async () => {
  server = await startServer();
  browser = await startBrowser();
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

// What the API says, for the test to compare the page with.
async function gql(token, query, variables = {}) {
  const res = await fetch(server.url + '/graphql', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = await res.json();
  assert.equal(body.errors, undefined, JSON.stringify(body.errors));
  return body.data;
}

async function session(fn) {
  const s = await newPage(browser, server.url);
  try {
    await fn(s);
  } finally {
    await s.context.close();
  }
  assert.deepEqual(s.foreign, [], 'requests to another host');
  assert.deepEqual(s.errors, [], 'console errors');
}

function readCSV(path) {
  const text = readFileSync(path, 'utf8');
  assert.ok(text.startsWith('\ufeff'), 'CSV starts with the UTF-8 byte-order mark');
  return parse(text.slice(1), { delimiter: ';', columns: true, relax_quotes: false });
}

describe('steering dashboard', () => {
  it('shows the planted tensions to STEERING and downloads every file', async () => {
    const truth = await gql(
      server.tokens.STEERING,
      `{ networkReport(municipality: "Solingen") { isolated { name } brokers { organisation { name } } referralFlows { cooperation } }
         gapReport(municipality: "Solingen") { structuralGaps { kind offer { id title } } } }`,
    );
    const isolated = truth.networkReport.isolated.map((o) => o.name);
    const courses = truth.gapReport.structuralGaps.filter((g) => g.kind === 'COURSE_WITHOUT_CHILDCARE');
    assert.ok(isolated.length > 0 && courses.length > 0, 'the demo plants isolated actors and courses without childcare');

    await session(async ({ page }) => {
      await signIn(page, server.url, server.tokens.STEERING);
      await page.getByRole('link', { name: 'Steuerung' }).click();
      await page.waitForURL(/\/steering/);
      await page.getByRole('heading', { level: 1, name: /Steuerung/ }).waitFor();
      await page.getByLabel('Kommune').selectOption('Wuppertal');
      await page.waitForURL(/stadt=Wuppertal/);
      await page.getByLabel('Kommune').selectOption('Solingen');
      await page.waitForURL(/stadt=Solingen/);
      const summary = page.getByTestId('summary');
      await summary.getByRole('heading', { name: /Solingen/ }).waitFor();

      // The gap matrix: a heat map and its table, with "< 5" never as a number for steering's exact counts.
      await page.getByTestId('matrix-chart').locator('svg').waitFor();
      const matrix = page.getByTestId('matrix-table');
      await matrix.locator('summary').click();
      const wald = matrix.getByRole('row', { name: /^Wald/ });
      assert.equal(await wald.locator('td').count(), 10, 'ten need areas per district');

      // The choropleth for Familie und Kinderbetreuung: Wald's outline, and
      // the Wald integration course without childcare on it.
      await page.getByTestId('map-need').selectOption('FAMILY_CHILDCARE');
      const map = page.getByTestId('choropleth');
      await map.locator('path[data-district="Wald"]').waitFor();
      assert.equal(await map.locator('path[data-district]').count(), 5, 'five district outlines');
      const marker = map.locator('.gap-marker[title*="Vormittagskurs Wald"]');
      assert.equal(await marker.count(), 1, 'the Wald course without childcare is on the map');
      await page.locator('#karte').scrollIntoViewIfNeeded();
      await page.locator('#karte').screenshot({ path: new URL('../../docs/screenshots/steuerung-karte.png', import.meta.url).pathname });

      // Axe over the whole dashboard, then the screenshot for the README.
      await page.getByTestId('network-facts').waitFor();
      await page.getByTestId('network-chart').locator('svg').waitFor();
      const v = await axe(page);
      assert.deepEqual(v, [], `axe on the dashboard: ${JSON.stringify(v, null, 1)}`);
      await page.evaluate(() => window.scrollTo(0, 0));
      await screenshot(page, 'steuerung');

      // The network: the isolated actors are named and marked in the table.
      const facts = await page.getByTestId('network-facts').textContent();
      assert.match(facts, new RegExp(`${isolated.length} ohne Kooperation`));
      const table = page.getByTestId('network-table');
      await table.locator('summary').click();
      for (const name of isolated) {
        const row = table.getByRole('row', { name: new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) }).first();
        assert.match(await row.textContent(), /ohne Kooperation/, `${name} is marked isolated`);
      }
      // Referral flows beside the declared cooperations: drawn on demand, listed in a table.
      const flows = truth.networkReport.referralFlows;
      assert.ok(flows.length > 0, 'the demo has referral flows');
      const before = await page.getByTestId('network-chart').locator('path').count();
      await page.getByTestId('show-flows').check();
      await page.waitForFunction((n) => document.querySelectorAll('[data-testid="network-chart"] path').length > n, before);
      const flowTable = page.getByTestId('flow-table');
      await flowTable.locator('summary').click();
      assert.equal(await flowTable.locator('tbody tr').count(), flows.length);
      assert.equal(await flowTable.locator('tbody tr[data-cooperation="false"]').count(), flows.filter((f) => !f.cooperation).length);
      await page.getByTestId('network-chart').scrollIntoViewIfNeeded();
      await screenshot(page, 'steuerung-netzwerk');

      // The ego network of the first broker, two steps deep.
      await page.getByTestId('ego-org').selectOption({ label: truth.networkReport.brokers[0].organisation.name });
      await page.getByTestId('ego-depth').selectOption('2');
      await page.getByTestId('ego-count').waitFor();
      assert.match(await page.getByTestId('ego-count').textContent(), /bis 2 Schritte: \d+ Organisation/);

      // Every download, saved by the browser and parsed.
      const buttons = page.locator('.downloads button');
      assert.equal(await buttons.count(), 5);
      for (let i = 0; i < 5; i++) {
        const b = buttons.nth(i);
        const path = await b.getAttribute('data-path');
        assert.ok(!/token|lotse_/.test(path), 'no token in the URL');
        const [dl] = await Promise.all([page.waitForEvent('download'), b.click()]);
        const file = await dl.path();
        const name = dl.suggestedFilename();
        if (name.endsWith('.csv')) {
          const rows = readCSV(file);
          assert.ok(rows.length > 10, `${name}: ${rows.length} rows`);
          if (name.startsWith('luecken')) {
            assert.ok(rows.some((r) => r['Lücke (Code)'] === 'COURSE_WITHOUT_CHILDCARE' && r['Stadtbezirk'] === 'Wald'), `${name} lists the Wald course`);
            assert.ok(rows.every((r) => r['Datensatz'] !== 'Stadtbezirk × Handlungsfeld' || /^\d+(,\d)?$/.test(r['Angebote je 10.000 Einwohner'])), 'decimal commas');
          } else {
            assert.equal(rows.filter((r) => r['Abschnitt (Code)'] === 'isolated').length, isolated.length, `${name} lists the isolated`);
          }
        } else {
          const doc = JSON.parse(readFileSync(file, 'utf8'));
          if (name.endsWith('.geojson')) {
            assert.equal(doc.type, 'FeatureCollection');
            const polygons = doc.features.filter((f) => f.geometry?.type === 'Polygon');
            assert.equal(polygons.length, 5 * 10, 'every cell of the five districts is a polygon');
            assert.ok(polygons.every((f) => ['NONE', 'LOW', 'OK'].includes(f.properties.level)));
          } else if (name.startsWith('luecken')) {
            assert.equal(doc.cells.length, 50);
          } else {
            assert.equal(doc.isolated.length, isolated.length);
          }
        }
      }

      // Structural gaps: always-full offers in the list, each linking to its offer.
      await page.getByLabel('Art der Lücke').selectOption('ALWAYS_FULL');
      const items = page.getByTestId('gap-list').locator('li');
      await items.first().waitFor();
      const n = await items.count();
      assert.ok(n > 0, 'always-full offers are listed');
      assert.equal(await page.getByTestId('gap-list').locator('li:not([data-kind="ALWAYS_FULL"])').count(), 0);
      const link = items.first().getByRole('link', { name: /^Angebot:/ });
      const title = (await link.textContent()).replace(/^Angebot: /, '');
      await link.click();
      await page.waitForURL(/\/angebote\//);
      await page.getByRole('heading', { level: 1, name: title }).waitFor();
    });
  });

  it('draws a chart whose data changed while it was hidden once it is shown', async () => {
    // The chart defers a layout until its element has a size; the deferred
    // data must not be lost.
    await session(async ({ page }) => {
      await signIn(page, server.url, server.tokens.STEERING);
      await page.goto(server.url + '/steering?stadt=Solingen');
      const chart = page.getByTestId('network-chart');
      await chart.locator('svg').waitFor();
      const before = await chart.locator('path').count();
      await chart.evaluate((el) => (el.style.display = 'none'));
      await page.getByTestId('show-flows').check();
      await page.waitForTimeout(100);
      await chart.evaluate((el) => (el.style.display = ''));
      await page.waitForFunction((n) => document.querySelectorAll('[data-testid="network-chart"] path').length > n, before);
    });
  });

  it('prints a one-page summary', async () => {
    await session(async ({ page }) => {
      await signIn(page, server.url, server.tokens.ADMIN);
      await page.goto(server.url + '/steering?stadt=Wuppertal');
      await page.getByTestId('summary').getByRole('heading', { name: /Wuppertal/ }).waitFor();
      await page.emulateMedia({ media: 'print' });
      assert.ok(await page.getByTestId('summary').isVisible(), 'the summary prints');
      for (const id of ['matrix', 'karte', 'luecken', 'netzwerk', 'dateien']) {
        assert.equal(await page.locator(`#${id}`).isVisible(), false, `#${id} is not printed`);
      }
      const pdf = await page.pdf({ format: 'A4' });
      const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
      assert.equal(pages, 1, `the summary is one A4 page, not ${pages}`);
    });
  });

  it('gives PARTNER and anonymous readers neither page nor files', async () => {
    for (const role of ['PARTNER', null]) {
      await session(async ({ page }) => {
        if (role) await signIn(page, server.url, server.tokens[role]);
        await page.goto(server.url + '/steering?stadt=Solingen');
        await page.getByRole('heading', { level: 1, name: role ? 'Diese Seite ist für Ihre Rolle nicht freigegeben.' : 'Anmelden' }).waitFor();
        assert.equal(await page.getByTestId('summary').count(), 0);
        assert.equal(await page.getByRole('link', { name: 'Steuerung' }).count(), 0, 'no navigation entry');
      });
      for (const f of ['gaps.csv', 'gaps.json', 'gaps.geojson', 'network.csv', 'network.json']) {
        const headers = role ? { Authorization: `Bearer ${server.tokens[role]}` } : {};
        const res = await fetch(`${server.url}/reports/${f}?municipality=Solingen`, { headers });
        assert.equal(res.status, role ? 403 : 401, `${role ?? 'anonymous'} ${f}`);
        const body = await res.text();
        assert.ok(!body.includes('Solingen;') && !body.includes('Feature'), `${role ?? 'anonymous'} got no report content`);
      }
    }
  });
});
