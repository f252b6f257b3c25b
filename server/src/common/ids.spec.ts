import { newId } from './ids.js';
import { Id } from '@honglin/shared';

describe('newId', () => {
  it('produces 26-character ids that pass the shared id schema', () => {
    const id = newId();
    expect(id).toHaveLength(26);
    expect(Id.safeParse(id).success).toBe(true);
  });

  it('orders by creation time and differs in the random part', () => {
    const a = newId(1_000_000);
    const b = newId(2_000_000);
    expect(a < b).toBe(true);
    const same = new Set(Array.from({ length: 1000 }, () => newId(5)));
    expect(same.size).toBe(1000);
  });
});
