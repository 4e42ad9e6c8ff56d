// Browser tests of the front end against a real `lotse serve --demo`.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
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

// Every test: no request to another host, no script error, no serious or
// critical axe violation on any page it visited.
async function session(fn, { expectFailedLoads = false } = {}) {
  const s = await newPage(browser, server.url);
  const pages = [];
  s.check = async (name) => {
    const v = await axe(s.page);
    assert.deepEqual(v, [], `axe on ${name}: ${JSON.stringify(v, null, 1)}`);
    pages.push(name);
    await screenshot(s.page, name);
  };
  try {
    await fn(s);
  } finally {
    await s.context.close();
  }
  assert.deepEqual(s.foreign, [], 'requests to another host');
  assert.deepEqual(s.errors.filter((e) => !(expectFailedLoads && /Failed to load resource/.test(e))), [], 'console errors');
  return pages;
}

describe('directory', () => {
  it('search → map → offer page, filters in the URL', async () => {
    await session(async ({ page, check }) => {
      await page.goto(server.url + '/');
      await page.getByRole('heading', { level: 2, name: /Angebote gefunden|Angebote 1–/ }).waitFor();
      await check('verzeichnis');

      await page.getByLabel('Suchbegriff').fill('mutter cafe');
      await page.getByText('Stadt', { exact: true }).first().waitFor();
      await page.getByRole('button', { name: 'Suchen' }).click();
      await page.waitForURL(/q=mutter\+cafe/);
      const results = page.getByTestId('results');
      await results.locator('li.offer-card').first().waitFor();
      const titles = await results.locator('h3').allTextContents();
      assert.ok(titles.some((x) => /Mütter-Café/.test(x)), `"mutter cafe" finds „Mütter-Café“ (folded): ${titles}`);

      // A render of the answer within 200 ms (measured by the page itself).
      const render = await page.evaluate(() => performance.getEntriesByName('lotse:render').map((e) => e.duration));
      assert.ok(render.length > 0 && Math.max(...render) <= 200, `render after the answer took ${render} ms`);

      // Filters live in the URL: reloading the bookmark gives the same search.
      await page.reload();
      await results.locator('li.offer-card').first().waitFor();
      assert.equal(await page.getByLabel('Suchbegriff').inputValue(), 'mutter cafe');
      assert.deepEqual(await results.locator('h3').allTextContents(), titles);

      await page.getByRole('link', { name: 'Karte' }).click();
      await page.waitForURL(/ansicht=karte/);
      const map = page.getByTestId('map');
      await map.waitFor();
      const markers = map.locator('.offer-marker');
      await markers.first().waitFor();
      assert.ok((await markers.count()) > 0, 'offer markers on the map');
      assert.ok((await map.locator('path.leaflet-interactive').count()) > 0, 'district outlines on the map');
      await check('verzeichnis-karte');

      // Keyboard: a marker is focusable and Enter opens the offer.
      await markers.first().focus();
      const title = await markers.first().getAttribute('title');
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/angebote\//);
      await page.getByRole('heading', { level: 1, name: title }).waitFor();
      await page.getByRole('heading', { name: 'Netzwerk des Trägers' }).waitFor();
      await check('angebot');
    });
  });

  it('every filter reaches the API', async () => {
    await session(async ({ page }) => {
      const q = '?stadt=Solingen&art=INTEGRATION_COURSE&bedarf=LANGUAGE&sprache=ar&zielgruppe=WOMEN&bezirk=sg-ohligs&kinderbetreuung=ja&frei=ja&kosten=FREE&status=ACTIVE&nahe-bezirk=sg-ohligs&umkreis=5&sortierung=distance';
      const sent = page.waitForRequest((r) => r.url().endsWith('/graphql') && /DirectorySearch/.test(r.postData() ?? ''));
      await page.goto(server.url + '/' + q);
      const vars = JSON.parse((await sent).postData()).variables;
      assert.deepEqual(vars.filter, {
        municipality: 'Solingen', categories: ['INTEGRATION_COURSE'], needs: ['LANGUAGE'], languages: ['ar'], targetGroups: ['WOMEN'],
        districtIds: ['sg-ohligs'], cost: ['FREE'], status: ['ACTIVE'], childcare: true, freePlacesOnly: true,
        near: { ...vars.filter.near, radiusKm: 5 },
      });
      assert.equal(typeof vars.filter.near.lat, 'number');
      assert.equal(vars.orderBy, 'DISTANCE');
      await page.getByRole('heading', { level: 2 }).first().waitFor();
      assert.ok(await page.getByRole('checkbox', { name: 'Integrationskurs' }).isChecked());
    });
  });
});

describe('sign-in', () => {
  it('shows role and organisation, keeps the token in sessionStorage only, signs out', async () => {
    await session(async ({ page, check }) => {
      await page.goto(server.url + '/anmelden');
      await check('anmelden');
      await page.getByLabel('Token').fill('lotse_wrong');
      await page.getByRole('button', { name: 'Anmelden' }).click();
      await page.getByText('Dieses Token ist ungültig oder wurde widerrufen.').waitFor();

      await signIn(page, server.url, server.tokens.PARTNER);
      const who = await page.getByTestId('who').textContent();
      assert.match(who, /Träger/);
      const storage = await page.evaluate(() => ({ local: JSON.stringify(localStorage), session: sessionStorage.getItem('lotse.token') }));
      assert.equal(storage.session, server.tokens.PARTNER);
      assert.ok(!storage.local.includes('lotse_'), 'no token in localStorage');
      await page.getByRole('button', { name: 'Abmelden' }).click();
      await page.getByRole('link', { name: 'Anmelden' }).waitFor();
      assert.equal(await page.evaluate(() => sessionStorage.getItem('lotse.token')), null);
    }, { expectFailedLoads: true }); // the wrong token's 401
  });

  it('says in German when the server is unreachable or rate-limits', async () => {
    await session(async ({ page, context }) => {
      await context.route('**/graphql', (r) => r.abort('connectionrefused'));
      await page.goto(server.url + '/');
      await page.getByRole('alert').getByText('Der Lotse-Server ist nicht erreichbar.', { exact: false }).waitFor();
      await context.unroute('**/graphql');
      await context.route('**/graphql', (r) =>
        r.fulfill({ status: 429, headers: { 'Retry-After': '7', 'Content-Type': 'application/json' }, body: JSON.stringify({ errors: [{ message: 'rate limited', extensions: { code: 'RATE_LIMITED' } }] }) }),
      );
      await page.reload();
      await page.getByRole('alert').getByText('Bitte warten Sie 7 Sekunden', { exact: false }).waitFor();
    }, { expectFailedLoads: true });
  });
});

describe('GraphiQL', () => {
  it('is bundled, has the token field and the README examples as tabs', async () => {
    await session(async ({ page, check }) => {
      await page.goto(server.url + '/graphiql');
      await page.getByLabel('Token für den Authorization-Header').waitFor();
      await page.locator('.graphiql-tab').first().waitFor();
      assert.ok((await page.locator('.graphiql-tab').count()) >= 5, 'example tabs');
      await page.getByLabel('Token für den Authorization-Header').fill(server.tokens.STEERING);
      await page.locator('.graphiql-tab').last().click();
      await page.locator('.graphiql-execute-button').click();
      await page.waitForFunction(() => /"role":\s*"STEERING"/.test(document.querySelector('.graphiql-response')?.textContent ?? ''), null, { timeout: 10000 });
      await screenshot(page, 'graphiql');
    });
  });
});
