// Starts a real `lotse serve --demo` (built from this worktree, on a temp
// data directory and a free port) and Debian's chromium through
// playwright-core. No browser download, no mock server.
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';

const repo = resolve(new URL('../..', import.meta.url).pathname);
export const screenshotDir = join(repo, 'docs', 'screenshots');
const axeSource = readFileSync(join(repo, 'web', 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

export function chromiumPath() {
  for (const p of [process.env.LOTSE_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser']) {
    if (p && existsSync(p)) return p;
  }
  throw new Error('no chromium: apt-get install -y chromium (or set LOTSE_CHROMIUM)');
}

// The server: binary built once, stderr read for the address and the tokens.
export async function startServer() {
  const dir = mkdtempSync(join(tmpdir(), 'lotse-web-e2e-'));
  const bin = join(dir, 'lotse');
  execFileSync('go', ['build', '-o', bin, './cmd/lotse'], { cwd: repo, stdio: 'inherit' });
  const proc = spawn(bin, ['serve', '--demo', '--data', join(dir, 'lotse.db'), '--addr', '127.0.0.1:0'], {
    cwd: dir,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let err = '';
  const tokens = {};
  const orgs = {};
  const url = await new Promise((ok, fail) => {
    const timer = setTimeout(() => fail(new Error('lotse serve did not start:\n' + err)), 60000);
    const onData = (b) => {
      err += b.toString();
      for (const m of err.matchAll(/^\s+(ADMIN|STEERING|CASE_MANAGER|PARTNER)\s+(lotse_\S+)(?: \(organisation (\S+)\))?/gm)) {
        tokens[m[1]] = m[2];
        if (m[3]) orgs[m[1]] = m[3];
      }
      const a = err.match(/addr=(127\.0\.0\.1:\d+)/);
      if (a && Object.keys(tokens).length === 4) {
        clearTimeout(timer);
        ok(`http://${a[1]}`);
      }
    };
    proc.stderr.on('data', onData);
    proc.stdout.on('data', onData);
    proc.on('exit', (c) => fail(new Error(`lotse serve exited with ${c}:\n${err}`)));
  });
  // Demo tokens of case management belong to no organisation; sending
  // referrals needs one, so issue a counsellor token of an integration centre.
  try {
    if (!orgs.CASE_MANAGER) {
      const r = await fetch(url + '/graphql', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ query: '{ organisations(filter: {kinds: [INTEGRATION_CENTRE], municipality: "Solingen"}, first: 1) { edges { node { localId } } } }' }),
      });
      const org = (await r.json()).data.organisations.edges[0].node.localId;
      const out = execFileSync(bin, ['token', 'create', '--data', join(dir, 'lotse.db'), '--role', 'CASE_MANAGER', '--organisation', org, '--name', 'e2e-counsellor'], { encoding: 'utf8' });
      tokens.CASE_MANAGER = out.match(/lotse_\S+/)[0];
      orgs.CASE_MANAGER = org;
    }
  } catch (e) {
    proc.kill('SIGTERM');
    throw e;
  }
  return {
    url,
    tokens,
    orgs,
    // Runs a lotse CLI command against the server's store (token create/revoke …).
    cli(...args) {
      return execFileSync(bin, [...args, '--data', join(dir, 'lotse.db')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    },
    // One GraphQL request, for test setup that is not the subject of a test.
    async gql(token, query, variables = {}) {
      const res = await fetch(url + '/graphql', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      const body = await res.json();
      if (body.errors) throw new Error(JSON.stringify(body.errors));
      return body.data;
    },
    async stop() {
      proc.kill('SIGTERM');
      await new Promise((r) => (proc.exitCode !== null ? r() : proc.on('exit', r)));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function startBrowser() {
  return chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    // Small and quiet on a shared machine.
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-extensions', '--renderer-process-limit=2'],
  });
}

// A page that records every request to another host (and blocks it) and
// every console error, for the test to assert on.
export async function newPage(browser, base) {
  // bypassCSP lets the test inject axe-core; the app's own policy is checked by the Go tests.
  const context = await browser.newContext({ locale: 'de-DE', timezoneId: 'Europe/Berlin', viewport: { width: 1280, height: 900 }, bypassCSP: true });
  const host = new URL(base).host;
  const foreign = [];
  const errors = [];
  await context.route('**/*', (route) => {
    const u = new URL(route.request().url());
    if (u.protocol === 'data:' || u.protocol === 'blob:' || u.host === host) return route.continue();
    foreign.push(route.request().url());
    return route.abort();
  });
  const page = await context.newPage();
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  // The stack names the bundle chunk, so a failure seen only in CI can be traced.
  page.on('pageerror', (e) => errors.push(e.stack || String(e)));
  return { context, page, foreign, errors };
}

// axe-core on the current page: serious and critical violations only.
// `skip` turns rules off for one page (GraphiQL's own widget; see the README).
export async function axe(page, skip = []) {
  await page.evaluate(axeSource);
  const res = await page.evaluate(async (skip) => {
    const rules = Object.fromEntries(skip.map((r) => [r, { enabled: false }]));
    // eslint-disable-next-line no-undef
    const r = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, rules });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
  }, skip);
  return res.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

export async function screenshot(page, name) {
  mkdirSync(screenshotDir, { recursive: true });
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: join(screenshotDir, `${name}.png`), fullPage: false });
}

// Signs in through the page itself, as a user would.
export async function signIn(page, base, token) {
  await page.goto(base + '/anmelden');
  await page.getByLabel('Token').fill(token);
  await page.getByRole('button', { name: 'Anmelden' }).click();
  await page.getByTestId('who').getByRole('button', { name: 'Abmelden' }).waitFor();
}
