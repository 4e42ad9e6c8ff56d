import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { NoDeprecatedCustomRule, buildSchema, parse, specifiedRules, validate } from 'graphql';
import { examples } from './examples';

// Every ready tab is a valid operation of the current schema and uses no
// deprecated field, argument or enum value (they go in the next release).
const root = new URL('../../../', import.meta.url).pathname;
const sdl = [readFileSync(root + 'schema.graphqls', 'utf8'), ...readdirSync(root + 'schema').filter((f) => f.endsWith('.graphqls')).map((f) => readFileSync(root + 'schema/' + f, 'utf8'))].join('\n');
const schema = buildSchema(sdl);

describe('GraphiQL examples', () => {
  it.each(examples.map((e) => [e.title, e]))('%s is valid against the schema', (_t, e) => {
    const errs = validate(schema, parse(e.query), [...specifiedRules, NoDeprecatedCustomRule]);
    expect(errs.map((x) => x.message)).toEqual([]);
    if (e.variables) expect(() => JSON.parse(e.variables!)).not.toThrow();
  });
});
