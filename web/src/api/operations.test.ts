import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { NoDeprecatedCustomRule, buildSchema, parse, specifiedRules, validate } from 'graphql';

// Every operation the pages send is valid against the current schema and
// uses no deprecated field, argument or enum value: those go in the next
// release, and the pages must keep working after it.
const root = new URL('../../../', import.meta.url).pathname;
const sdl = [readFileSync(root + 'schema.graphqls', 'utf8'), ...readdirSync(root + 'schema').filter((f) => f.endsWith('.graphqls')).map((f) => readFileSync(root + 'schema/' + f, 'utf8'))].join('\n');
const schema = buildSchema(sdl);

const src = new URL('../', import.meta.url).pathname;
const files = (readdirSync(src, { recursive: true }) as string[])
  .filter((f) => /\.tsx?$/.test(f) && !f.startsWith('gql') && !/\.test\.tsx?$/.test(f));
const documents = files.flatMap((f) => [...readFileSync(src + f, 'utf8').matchAll(/graphql\(`([^`]*)`\)/g)].map((m) => [f, m[1]] as [string, string]));
// Fragments are used across operations of a file: validate each file as one document.
const byFile = [...new Set(documents.map(([f]) => f))].map((f) => [f, documents.filter(([g]) => g === f).map(([, d]) => d).join('\n')]);

describe('the pages’ operations', () => {
  it('are found', () => expect(documents.length).toBeGreaterThan(10));
  it.each(byFile)('%s uses no deprecated schema element', (_f, doc) => {
    const errs = validate(schema, parse(doc), [...specifiedRules, NoDeprecatedCustomRule]);
    expect(errs.map((x) => x.message)).toEqual([]);
  });
});
