import type { SeedPart } from '../../common/domain.js';
import { orderSeedParts } from './seed-runner.js';

const part = (name: string, after: string[] = []): SeedPart => ({ name, after, run: async () => {} });
const names = (parts: SeedPart[]) => parts.map((p) => p.name);

describe('orderSeedParts', () => {
  it('puts each part after the parts it names, otherwise keeping registration order', () => {
    const parts = [part('members', ['organizations']), part('organizations'), part('study', ['members']), part('activities', ['members']), part('dues', ['members'])];
    expect(names(orderSeedParts(parts))).toEqual(['organizations', 'members', 'study', 'activities', 'dues']);
  });

  it('refuses an unknown name, a duplicate and a cycle', () => {
    expect(() => orderSeedParts([part('members', ['organisations'])])).toThrow(/unknown part\(s\) 'organisations'/);
    expect(() => orderSeedParts([part('a'), part('a')])).toThrow(/two parts are named 'a'/);
    expect(() => orderSeedParts([part('a', ['c']), part('b', ['a']), part('c', ['b']), part('d')])).toThrow(/a, b, c wait for each other/);
  });
});
