import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { BENCH_QUERIES } from '../../bench/queries.js';
import { CypherRegistry, PRODUCT_QUERIES } from '../../src/db/cypher.js';
import { RELATIONS } from '../../src/seed/model.js';
import { mergeRelationRows, type RelationRow } from '../../src/seed/plan.js';

const row = (over: Partial<RelationRow>): RelationRow => ({
  type: 'ATTENDED', from: 'person:a', to: 'summit:s', key: '', props: {}, sources: [], evidence: [], overwrite: true, ...over,
});

describe('mergeRelationRows', () => {
  it('folds rows for the same relationship: sources and evidence united in order, later fields win', () => {
    const out = mergeRelationRows([
      row({ sources: ['article:1'], evidence: ['e1'], props: { role: 'host' } }),
      row({ to: 'summit:t', sources: ['article:1'], evidence: ['e9'] }),
      row({ sources: ['article:2'], evidence: ['e2', 'e1'], props: { role: 'guest', since: 2019 } }),
      row({ sources: ['article:1'], evidence: ['e1'] }),
    ]);
    expect(out).toHaveLength(2);
    expect(out[0]).toMatchObject({ to: 'summit:s', sources: ['article:1', 'article:2'], evidence: ['e1', 'e2'], props: { role: 'guest', since: 2019 } });
    expect(out[1]).toMatchObject({ to: 'summit:t', sources: ['article:1'], evidence: ['e9'] });
  });

  it('keeps terms (keys) apart, and rows that may overwrite apart from rows that may not', () => {
    const out = mergeRelationRows([
      row({ type: 'LEADS', key: 'President|2000', sources: ['article:1'] }),
      row({ type: 'LEADS', key: 'President|2012', sources: ['article:1'] }),
      row({ type: 'LEADS', key: 'President|2000', sources: ['article:2'], overwrite: false }),
    ]);
    expect(out.map((r) => [r.key, r.overwrite, r.sources])).toEqual([
      ['President|2000', true, ['article:1']],
      ['President|2012', true, ['article:1']],
      ['President|2000', false, ['article:2']],
    ]);
  });

  it('does not change the rows it is given', () => {
    const first = row({ sources: ['article:1'], evidence: ['e1'] });
    mergeRelationRows([first, row({ sources: ['article:2'], evidence: ['e2'] })]);
    expect(first).toMatchObject({ sources: ['article:1'], evidence: ['e1'] });
  });
});

describe('the relationship writers', () => {
  // They MERGE each relationship type in its own branch (a dynamic type is planned badly on an
  // empty graph): a type added to the model without a branch would silently write nothing.
  it.each(['seed.merge-relations'])('%s has one MERGE branch per relationship type of the model', async (name) => {
    const text = await readFile(new URL(`../../cypher/${name}.cypher`, import.meta.url), 'utf8');
    const branches = [...text.matchAll(/row\.type = '(\w+)' MERGE \(a\)-\[r:(\w+) \{key: row\.key\}\]->\(b\)/g)];
    expect(branches.every((m) => m[1] === m[2])).toBe(true);
    expect(branches.map((m) => m[1]).sort()).toEqual(Object.keys(RELATIONS).sort());
  });
});

describe('entity-to-entity traversals', () => {
  // Path and neighborhood queries list the relationship types between entities, so that a busy
  // node's MENTIONS and ABOUT are never read; a type added to the model must be added there too.
  const files = ['graph.neighborhood-1', 'graph.neighborhood-2', 'graph.neighborhood-3', 'graph.path-1', 'graph.path-2', 'graph.path-3', 'graph.path-4', 'graph.path-5', 'graph.path-6', 'bench.path', 'bench.neighborhood'];
  const registry = new CypherRegistry<string>([PRODUCT_QUERIES, BENCH_QUERIES]);
  it.each(files)('%s lists exactly the model relationship types, and has no untyped traversal', (name) => {
    // As sent to Neo4j: the registry fills the list in from the model (CYPHER_CONSTANTS).
    const text = registry.get(name).split('\n').filter((l) => !l.trim().startsWith('//')).join('\n');
    const lists = [...text.matchAll(/\[\w*:((?:\w+\|)+\w+)\]/g)].map((m) => (m[1] as string).split('|').sort());
    expect(lists.length).toBeGreaterThan(0);
    // Links through quotes (paths and neighbourhoods with throughQuotes) follow SAID and ABOUT, alone or
    // beside the model types; every other list is exactly the model types.
    const model = Object.keys(RELATIONS).sort();
    for (const list of lists) {
      const quoteless = list.filter((t) => t !== 'SAID' && t !== 'ABOUT');
      if (quoteless.length === 0) expect(list).toEqual(['ABOUT', 'SAID']);
      else expect(quoteless).toEqual(model);
    }
    expect(text).not.toMatch(/-\[\]-|\)--\(|-\[\w*\]->/);
  });
});
