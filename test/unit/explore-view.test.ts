import { describe, expect, it } from 'vitest';

/**
 * The explorer's pure browser modules (src/explore/public/*.js: plain ES modules the page loads as
 * they are, so they have no TypeScript declarations): the export writers and the URL state.
 * Imported by URL and typed here; the browser test checks the same writers on a real view.
 */

interface View {
  nodes: { id: string; kind: string; name: string }[];
  edges: { from: string; to: string; type: string }[];
}
interface ExportModule {
  toGraphML(view: View): string;
  toCSV(view: View): { nodes: string; edges: string };
  toJSON(view: View): string;
}
interface StateModule {
  emptyState(): Record<string, unknown>;
  decodeState(search: string): Record<string, unknown>;
  encodeState(state: Record<string, unknown>): string;
}

const exportsOf = async (): Promise<ExportModule> => (await import(new URL('../../src/explore/public/export.js', import.meta.url).href)) as ExportModule;
const stateOf = async (): Promise<StateModule> => (await import(new URL('../../src/explore/public/state.js', import.meta.url).href)) as StateModule;

const tricky: View = {
  nodes: [
    { id: 'org:at-t', kind: 'ORGANIZATION', name: 'AT&T <"Ma Bell">' },
    { id: 'person:o-brien', kind: 'PERSON', name: "O'Brien, Robert \"Bob\"" },
    { id: 'topic:x', kind: 'TOPIC', name: 'line\nbreak' },
  ],
  edges: [{ from: 'person:o-brien', to: 'org:at-t', type: 'AFFILIATED_WITH' }],
};

describe('export writers', () => {
  it('GraphML escapes markup in names and declares its keys', async () => {
    const { toGraphML } = await exportsOf();
    const xml = toGraphML(tricky);
    expect(xml).toContain('<data key="name">AT&amp;T &lt;&quot;Ma Bell&quot;&gt;</data>');
    expect(xml).toContain('<key id="type" for="edge" attr.name="type" attr.type="string"/>');
    expect(xml).toContain('<edge id="e0" source="person:o-brien" target="org:at-t"><data key="type">AFFILIATED_WITH</data></edge>');
    expect(xml).toContain('edgedefault="directed"');
    expect(xml).not.toMatch(/AT&T/);
  });

  it('CSV quotes fields with commas, quotes and line breaks (RFC 4180) under a header row', async () => {
    const { toCSV } = await exportsOf();
    const { nodes, edges } = toCSV(tricky);
    expect(nodes.split('\r\n')[0]).toBe('id,kind,name');
    expect(nodes).toContain('person:o-brien,PERSON,"O\'Brien, Robert ""Bob"""\r\n');
    expect(nodes).toContain('topic:x,TOPIC,"line\nbreak"\r\n');
    expect(nodes).toContain('org:at-t,ORGANIZATION,"AT&T <""Ma Bell"">"\r\n');
    expect(edges).toBe('from,to,type\r\nperson:o-brien,org:at-t,AFFILIATED_WITH\r\n');
  });

  it('JSON keeps only id, kind, name and from, to, type', async () => {
    const { toJSON } = await exportsOf();
    const parsed = JSON.parse(toJSON({ nodes: [{ ...tricky.nodes[0]!, extra: 1 } as never], edges: [] })) as View;
    expect(parsed).toEqual({ nodes: [tricky.nodes[0]], edges: [] });
  });
});

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
