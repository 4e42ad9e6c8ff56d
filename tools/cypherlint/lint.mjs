#!/usr/bin/env node
// cypherlint — lint every *.cypher file with Neo4j's own Cypher front end
// (@neo4j-cypher/language-support, pinned in package.json).
//
// Usage: node tools/cypherlint/lint.mjs [options] [root|file ...]
//   root defaults to the repository root (two levels above this file).
//   --cypher 5|25       default Cypher version (default 5; a file may still
//                       start with `CYPHER 25`)
//   --vocab FILE.json   declare the graph vocabulary
//                       {"labels":[], "relationshipTypes":[], "propertyKeys":[]}
//                       which turns on unknown-label/-type/-property warnings
//   --allow-plugins     accept APOC (apoc.*) and GDS (gds.*) functions/procedures
//
// API used: lintCypherQuery(query, dbSchema, {consoleCommandsEnabled:false})
// which runs the ANTLR parser plus Neo4j's semantic analysis (compiled from the
// Java front end) and schema checks. The DbSchema gets:
//   - functions/procedures: the Neo4j 5/25 catalogue the package ships as
//     testData.mockSchema (a dump of a real server incl. deprecation flags),
//     minus apoc.*/gds.* plugins unless --allow-plugins;
//   - parameters: every $param the package's own parser finds in the file
//     (parseParameters), so "Parameter $x is not defined" never fires;
//   - labels/relationshipTypes/propertyKeys only when --vocab is given.
//
// Failure policy (exit 1):
//   - every Error (syntax, semantic, unknown function/procedure, ...);
//   - every Warning: deprecations, performance notifications such as
//     cartesian products (split into separate MATCH clauses to fix), etc.
//   - EXCEPT the "<label|property> is not present in the database" warnings
//     for labels/relationship types/property keys: without --vocab the schema
//     is empty and those would be pure noise, so they are not checked (and
//     are dropped if they appear). With --vocab they count as problems.
//   - a file that does not contain exactly one statement (project convention:
//     one statement per file; leading `//` comments are fine).
// Information/Hint diagnostics are printed but do not fail the run.
// No .cypher files found: prints "cypherlint: no .cypher files", exit 0.

import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  lintCypherQuery,
  parseParameters,
  parseStatementsStrs,
  testData,
} from '@neo4j-cypher/language-support';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO_ROOT = path.resolve(HERE, '..', '..');
const SELF_TEST_DIR = path.join(HERE, 'test');

const SEVERITY = { 1: 'error', 2: 'warning', 3: 'info', 4: 'hint' };
const PLUGIN_PREFIXES = ['apoc.', 'gds.'];
const SKIP_DIR_NAMES = new Set(['node_modules', '.git']);

function filterRegistry(scoped, allowPlugins) {
  const out = {};
  for (const [version, registry] of Object.entries(scoped ?? {})) {
    out[version] = Object.fromEntries(
      Object.entries(registry).filter(
        ([name]) =>
          allowPlugins || !PLUGIN_PREFIXES.some((p) => name.startsWith(p)),
      ),
    );
  }
  return out;
}

/** Build the base DbSchema (everything except per-file parameters). */
export function buildSchema({ cypher = '5', vocab, allowPlugins = false } = {}) {
  const mock = testData.mockSchema;
  const schema = {
    functions: filterRegistry(mock.functions, allowPlugins),
    procedures: filterRegistry(mock.procedures, allowPlugins),
    defaultLanguage: `CYPHER ${cypher}`,
  };
  if (vocab) {
    // The label check only runs when both lists are present.
    schema.labels = vocab.labels ?? [];
    schema.relationshipTypes = vocab.relationshipTypes ?? [];
    if (vocab.propertyKeys) schema.propertyKeys = vocab.propertyKeys;
    if (vocab.graphSchema) schema.graphSchema = vocab.graphSchema;
  }
  return schema;
}

const NOT_IN_DB = /is not present in the database/;

/**
 * Lint one file's text. Returns [{line, col, severity, message, fails}],
 * line/col 1-based.
 */
export function lintText(text, baseSchema, { vocab = false } = {}) {
  const problems = [];
  const statements = parseStatementsStrs(text);
  if (statements.length > 1) {
    problems.push({
      line: 1,
      col: 1,
      severity: 'error',
      message: `expected exactly one statement per file, found ${statements.length}`,
      fails: true,
    });
  }
  const parameters = Object.fromEntries(
    parseParameters(text, false).map((p) => [p, null]),
  );
  const schema = { ...baseSchema, parameters };
  const { diagnostics } = lintCypherQuery(text, schema, {
    consoleCommandsEnabled: false,
  });
  for (const d of diagnostics) {
    const severity = SEVERITY[d.severity] ?? 'error';
    // Unknown label/reltype/property warnings: only meaningful with --vocab.
    // (Unknown *functions/procedures* use the same wording but are Errors.)
    if (severity === 'warning' && NOT_IN_DB.test(d.message) && !vocab) continue;
    problems.push({
      line: d.range.start.line + 1,
      col: d.range.start.character + 1,
      severity,
      message: d.message,
      fails: severity === 'error' || severity === 'warning',
    });
  }
  return problems;
}

/** Recursively collect *.cypher files, skipping node_modules, .git and fixtures. */
export function findCypherFiles(root) {
  const files = [];
  const st = statSync(root);
  if (st.isFile()) return root.endsWith('.cypher') ? [root] : [];
  const walk = (dir) => {
    for (const ent of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, ent.name);
      if (ent.isDirectory()) {
        if (SKIP_DIR_NAMES.has(ent.name)) continue;
        // Deliberately broken fixtures must not be hit by a normal scan
        // (they are still linted when passed explicitly as the root).
        if (full === SELF_TEST_DIR) continue;
        if (ent.name === 'bad' && path.basename(dir) === 'testdata') continue;
        walk(full);
      } else if (ent.isFile() && ent.name.endsWith('.cypher')) {
        files.push(full);
      }
    }
  };
  walk(root);
  return files.sort();
}

function parseArgs(argv) {
  const opts = { roots: [], cypher: '5', vocabFile: null, allowPlugins: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--cypher') opts.cypher = argv[++i];
    else if (a === '--vocab') opts.vocabFile = argv[++i];
    else if (a === '--allow-plugins') opts.allowPlugins = true;
    else if (a === '-h' || a === '--help') opts.help = true;
    else if (a.startsWith('-')) throw new Error(`unknown option ${a}`);
    else opts.roots.push(a);
  }
  if (!['5', '25'].includes(opts.cypher)) {
    throw new Error(`--cypher must be 5 or 25, got ${opts.cypher}`);
  }
  return opts;
}

export function main(argv = process.argv.slice(2), out = console) {
  let opts;
  try {
    opts = parseArgs(argv);
  } catch (e) {
    out.error(`cypherlint: ${e.message}`);
    return 2;
  }
  if (opts.help) {
    out.log(
      'usage: node tools/cypherlint/lint.mjs [--cypher 5|25] [--vocab vocab.json] [--allow-plugins] [root|file ...]',
    );
    return 0;
  }
  const vocab = opts.vocabFile
    ? JSON.parse(readFileSync(opts.vocabFile, 'utf8'))
    : undefined;
  const roots = opts.roots.length ? opts.roots.map((r) => path.resolve(r)) : [REPO_ROOT];
  const files = [...new Set(roots.flatMap(findCypherFiles))];
  if (files.length === 0) {
    out.log('cypherlint: no .cypher files');
    return 0;
  }
  const schema = buildSchema({
    cypher: opts.cypher,
    vocab,
    allowPlugins: opts.allowPlugins,
  });
  let failing = 0;
  let badFiles = 0;
  for (const file of files) {
    const problems = lintText(readFileSync(file, 'utf8'), schema, {
      vocab: Boolean(vocab),
    });
    const rel = path.relative(process.cwd(), file);
    const shown = rel && !rel.startsWith('..') ? rel : file;
    let fileFails = false;
    for (const p of problems) {
      out.log(`${shown}:${p.line}:${p.col}: ${p.severity}: ${p.message}`);
      if (p.fails) {
        failing++;
        fileFails = true;
      }
    }
    if (fileFails) badFiles++;
  }
  if (failing === 0) {
    out.log(`cypherlint: ${files.length} files, 0 problems`);
    return 0;
  }
  out.log(
    `cypherlint: ${files.length} files, ${failing} problems in ${badFiles} files`,
  );
  return 1;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = main();
}
