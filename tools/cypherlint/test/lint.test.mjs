// Self-test: node --test tools/cypherlint/test/   (node >= 20)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSchema, lintText } from '../lint.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const LINT = path.join(HERE, '..', 'lint.mjs');
const schema = buildSchema();
const fixtures = (dir) =>
  readdirSync(path.join(HERE, dir))
    .filter((f) => f.endsWith('.cypher'))
    .map((f) => [f, readFileSync(path.join(HERE, dir, f), 'utf8')]);
const run = (...args) => spawnSync(process.execPath, [LINT, ...args], { encoding: 'utf8' });

for (const [name, text] of fixtures('good')) {
  test(`good/${name} has no failing diagnostics`, () => {
    assert.deepEqual(lintText(text, schema).filter((p) => p.fails), []);
  });
}

for (const [name, text] of fixtures('bad')) {
  test(`bad/${name} fails`, () => {
    assert.ok(lintText(text, schema).some((p) => p.fails), `${name} passed lint`);
  });
}

test('CLI: good fixtures exit 0', () => {
  const r = run(path.join(HERE, 'good'));
  assert.equal(r.status, 0, r.stdout + r.stderr);
  assert.match(r.stdout, /cypherlint: \d+ files, 0 problems/);
});

test('CLI: bad fixtures exit 1 and report file:line:col', () => {
  const r = run(path.join(HERE, 'bad'));
  assert.equal(r.status, 1, r.stdout + r.stderr);
  assert.match(r.stdout, /syntax_error\.cypher:2:\d+: error: /);
  assert.match(r.stdout, /deprecated_id\.cypher:2:18: warning: .*deprecated/);
  for (const [name] of fixtures('bad')) assert.ok(r.stdout.includes(name), `${name} not reported`);
});

test('CLI: default scan skips the test fixtures', () => {
  const r = run(path.join(HERE, '..'));
  assert.equal(r.status, 0, r.stdout + r.stderr);
  assert.equal(r.stdout.trim(), 'cypherlint: no .cypher files');
});

test('CLI: testdata/bad is skipped in a scan', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'cypherlint-'));
  mkdirSync(path.join(dir, 'testdata', 'bad'), { recursive: true });
  writeFileSync(path.join(dir, 'testdata', 'bad', 'x.cypher'), 'MATCH (n RETURN n\n');
  writeFileSync(path.join(dir, 'ok.cypher'), 'MATCH (n) RETURN n\n');
  try {
    const r = run(dir);
    assert.equal(r.status, 0, r.stdout + r.stderr);
    assert.match(r.stdout, /cypherlint: 1 files, 0 problems/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
