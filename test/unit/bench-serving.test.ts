import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runHttp } from '../../bench/serving.js';

/**
 * The bench's HTTP driver on a loopback server that answers every request at once and records, per
 * connection, the order of the operations it received.
 */
const seen = new Map<string, string[]>();
const server = createServer((req: IncomingMessage, res) => {
  let body = '';
  req.on('data', (chunk) => (body += String(chunk)));
  req.on('end', () => {
    const key = `${req.socket.remotePort}`;
    const list = seen.get(key) ?? [];
    list.push((JSON.parse(body) as { query: string }).query);
    seen.set(key, list);
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"data":{}}');
  });
});
let url = '';

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('runHttp', () => {
  it('starts each connection of a mix at a different operation, then cycles in order', async () => {
    const ops = ['a', 'b', 'c'].map((query) => ({ query, variables: {} }));
    const result = await runHttp('ours', 'mix', url, ops, 3, 1);
    expect(result.errors).toBe(0);
    expect(result.requests).toBeGreaterThan(30);
    const sequences = [...seen.values()];
    expect(sequences).toHaveLength(3);
    // Each connection sends the mix in its order (a, b, c, a, ...), from its own starting point.
    expect(sequences.map((s) => s[0]).sort()).toEqual(['a', 'b', 'c']);
    for (const s of sequences) {
      const start = ['a', 'b', 'c'].indexOf(s[0]!);
      s.forEach((q, i) => expect(q).toBe(['a', 'b', 'c'][(start + i) % 3]));
    }
  });
});
