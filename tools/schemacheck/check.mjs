#!/usr/bin/env node
// Schema-change check: compares the last release's schema (the baseline)
// with the current one, both as single SDL files, and lists each change as
// breaking, dangerous or safe (GraphQL Inspector's criticality). Exits 1 on
// any breaking change.
//
//   node tools/schemacheck/check.mjs [baseline.graphql] [current.graphql]
//
// Defaults: docs/schema-baseline.graphql and docs/schema.graphql.
import { readFileSync } from 'node:fs';
import { buildSchema } from 'graphql';
import { diff, CriticalityLevel } from '@graphql-inspector/core';

const [basePath = 'docs/schema-baseline.graphql', headPath = 'docs/schema.graphql'] = process.argv.slice(2);
const load = (p) => buildSchema(readFileSync(p, 'utf8'), { assumeValidSDL: false });

const changes = await diff(load(basePath), load(headPath));
const groups = [
  [CriticalityLevel.Breaking, 'breaking', 'existing clients may fail'],
  [CriticalityLevel.Dangerous, 'dangerous', 'existing clients may behave differently'],
  [CriticalityLevel.NonBreaking, 'safe', 'additions and descriptions'],
];
console.log(`schema changes from ${basePath} to ${headPath}: ${changes.length}`);
let breaking = 0;
for (const [level, name, what] of groups) {
  const list = changes.filter((c) => c.criticality.level === level);
  if (level === CriticalityLevel.Breaking) breaking = list.length;
  console.log(`\n${name} (${list.length}) — ${what}`);
  // Description edits are many and harmless: count them, list the rest.
  const described = list.filter((c) => level === CriticalityLevel.NonBreaking && /DESCRIPTION/.test(c.type));
  if (described.length) console.log(`  (${described.length} description changes)`);
  for (const c of list.filter((x) => !described.includes(x))) {
    const why = c.criticality.reason ? ` — ${c.criticality.reason}` : '';
    console.log(`  ${c.path ?? ''}: ${c.message}${level === CriticalityLevel.NonBreaking ? '' : why}`);
  }
}
if (breaking > 0) {
  console.log(`\n${breaking} breaking change(s). Keep the old element for one release (mark it @deprecated(reason: "…")),`);
  console.log(`or, when the break is deliberate, copy ${headPath} over ${basePath} in the same commit and say so in the README's changelog.`);
  process.exit(1);
}
