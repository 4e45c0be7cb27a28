import { describe, expect, it } from 'vitest';

/**
 * The explorer's URL state (src/explore/public/state.js: a plain ES module the page loads as it
 * is, so it has no TypeScript declarations; imported by URL and typed here). The export writers
 * it uses are src/export's (test/unit/export-formats.test.ts).
 */

interface StateModule {
  emptyState(): Record<string, unknown>;
  decodeState(search: string): Record<string, unknown>;
  encodeState(state: Record<string, unknown>): string;
}

const stateOf = async (): Promise<StateModule> => (await import(new URL('../../src/explore/public/state.js', import.meta.url).href)) as StateModule;

describe('URL state', () => {
  it('round-trips every field, and leaves defaults out of the link', async () => {
    const { emptyState, decodeState, encodeState } = await stateOf();
    expect(encodeState(emptyState())).toBe('');
    const s = {
      ...emptyState(),
      focus: 'person:kim-jong-un',
      expanded: ['summit:2019-04-25-vladivostok', 'country:PRK'],
      opened: ['country:USA|BASED_IN|ORGANIZATION'],
      selected: 'country:PRK',
      hideKinds: ['PLACE'],
      hideTypes: ['ATTENDED', 'LEADS'],
      hub: 12,
      showHubs: true,
      from: 'person:kim-jong-un',
      to: 'org:hudson-institute',
      hops: 5,
      path: 2,
      avoid: ['country:USA', 'country:CHN'],
    };
    const query = encodeState(s);
    expect(decodeState(query)).toEqual(s);
  });

  it('falls back to defaults for malformed numbers', async () => {
    const { emptyState, decodeState } = await stateOf();
    const d = decodeState('?e=country:USA&hub=-3&hops=99');
    expect(d).toEqual({ ...emptyState(), focus: 'country:USA' });
  });
});
