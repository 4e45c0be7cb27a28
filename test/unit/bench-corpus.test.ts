import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateCorpus, PATH_HOPS, pathEnd } from '../../bench/corpus.js';

describe('pathEnd (the path operation\'s far end)', () => {
  // a - b - c - d - e, and a - x - e: e is two hops from a, not four.
  const chain: [string, string][] = [['a', 'b'], ['b', 'c'], ['c', 'd'], ['d', 'e']];

  it('takes the first candidate exactly `hops` away, relationships taken either way', () => {
    expect(pathEnd(chain, 'a', ['b', 'e', 'd'], 4)).toBe('e');
    expect(pathEnd(chain, 'e', ['c', 'a'], 4)).toBe('a');
  });

  it('measures the shortest distance, not any walk', () => {
    expect(pathEnd([...chain, ['a', 'x'], ['x', 'e']], 'a', ['e', 'd'], 4)).toBe('d');
  });

  it('falls back to the farthest candidate within `hops`, first on ties', () => {
    expect(pathEnd(chain, 'a', ['b', 'c', 'x'], 4)).toBe('c');
    expect(pathEnd(chain, 'a', ['e', 'd'], 3)).toBe('d');
    expect(pathEnd([['a', 'b'], ['a', 'c']], 'a', ['b', 'c'], 4)).toBe('b');
  });

  it('is undefined when no candidate is reachable within `hops`, or only the start is', () => {
    expect(pathEnd(chain, 'a', ['e'], 3)).toBeUndefined();
    expect(pathEnd(chain, 'a', ['a', 'z'], 4)).toBeUndefined();
  });
});

describe('generated corpus facts', () => {
  it('joins the path operation\'s ends within PATH_HOPS in the graph its seed files describe, as far apart as any leader', () => {
    const out = mkdtempSync(join(tmpdir(), 'corpus-facts-'));
    try {
      const { facts } = generateCorpus({ articles: 200, seed: 1, outDir: out });
      expect(JSON.parse(readFileSync(join(out, 'facts.json'), 'utf8'))).toEqual(facts);
      expect(facts.pathFrom).toMatch(/^person:/);
      expect(facts.pathTo).toMatch(/^person:/);
      // Every relationship the seed files state (all of them entity to entity), either way.
      const seed = join(out, 'seed');
      const files = [join(seed, 'reference.json'), ...readdirSync(join(seed, 'articles'), { recursive: true, encoding: 'utf8' })
        .filter((f) => f.endsWith('.json')).map((f) => join(seed, 'articles', f))];
      const relations = files.flatMap((f) => (JSON.parse(readFileSync(f, 'utf8')) as { relations: { type: string; from: string; to: string }[] }).relations);
      const next = new Map<string, Set<string>>();
      for (const r of relations) {
        for (const [a, b] of [[r.from, r.to], [r.to, r.from]] as const) next.set(a, (next.get(a) ?? new Set()).add(b));
      }
      const distance = new Map([[facts.pathFrom, 0]]);
      for (let frontier = [facts.pathFrom], h = 1; frontier.length > 0; h++) {
        frontier = frontier.flatMap((id) => [...(next.get(id) ?? [])].filter((n) => !distance.has(n) && distance.set(n, h)));
      }
      const d = distance.get(facts.pathTo);
      expect(d).toBeGreaterThanOrEqual(2);
      expect(d).toBeLessThanOrEqual(PATH_HOPS);
      // No leader is farther within the bound (leaders are Person ids that LEAD something).
      const leaders = new Set(relations.filter((r) => r.type === 'LEADS').map((r) => r.from));
      expect(leaders.has(facts.pathTo)).toBe(true);
      for (const l of leaders) if ((distance.get(l) ?? Infinity) <= PATH_HOPS) expect(distance.get(l)).toBeLessThanOrEqual(d as number);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
