import { describe, expect, it } from 'vitest';
import { typeNameOfId } from '../../src/data/records.js';

// What the look-ahead answers is tested through the API (test/integration/api.lookahead.test.ts).
describe('look-ahead', () => {
  it('names the type of an id by its prefix', () => {
    expect(typeNameOfId('person:kim-jong-un')).toBe('Person');
    expect(typeNameOfId('org:hudson-institute')).toBe('Organization');
    expect(typeNameOfId('article:15fc837faf60e174')).toBe('Article');
    expect(typeNameOfId('quote:x')).toBe('Quote');
    expect(typeNameOfId('nothing:x')).toBeUndefined();
  });
});
