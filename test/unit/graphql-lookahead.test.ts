import { describe, expect, it } from 'vitest';
import { typeNameOfId } from '../../src/data/records.js';
import { KEYED_BY_ID } from '../../src/graphql/lookahead.js';
import { allResolvers } from '../../src/graphql/resolvers/index.js';

describe('look-ahead', () => {
  it('names the type of an id by its prefix', () => {
    expect(typeNameOfId('person:kim-jong-un')).toBe('Person');
    expect(typeNameOfId('org:hudson-institute')).toBe('Organization');
    expect(typeNameOfId('article:15fc837faf60e174')).toBe('Article');
    expect(typeNameOfId('quote:x')).toBe('Quote');
    expect(typeNameOfId('nothing:x')).toBeUndefined();
  });

  // A resolver called ahead gets a parent holding only `id`; one that read anything else would
  // run a wrong query. Checked on the resolvers' own source: the parent is used only as `parent.id`,
  // or as `parent.preloaded` (fields the occurrence already holds, EntityRecord.preloaded: absent on
  // the `{ id }` a look-ahead passes, so the resolver falls back to its loader).
  const resolvers = allResolvers() as Record<string, Record<string, unknown>>;
  const cases = Object.entries(KEYED_BY_ID).flatMap(([type, fields]) => fields.map((field) => [type, field] as const));
  it.each(cases)('%s.%s reads nothing of its parent but the id', (type, field) => {
    const fn = resolvers[type]?.[field] ?? resolvers.Entity?.[field];
    expect(typeof fn).toBe('function');
    const source = String(fn);
    const parent = /^\s*(?:async\s*)?\(?\s*([A-Za-z_$][\w$]*)/.exec(source)?.[1];
    expect(parent).toBeDefined();
    const body = source.slice(source.indexOf('=>') + 2);
    const uses = [...body.matchAll(new RegExp(`\\b${parent}\\b(\\.\\w+)?`, 'g'))].map((m) => m[1] ?? '');
    expect(uses.length).toBeGreaterThan(0);
    expect(uses.every((u) => u === '.id' || u === '.preloaded')).toBe(true);
    expect(uses).toContain('.id');
  });
});
