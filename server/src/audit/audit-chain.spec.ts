import { canonical, entryHash, GENESIS } from './audit-chain.js';
import { commonAncestor } from './audit-trail.service.js';

const entry = {
  id: '01jc0000000000000000000000',
  seq: 1,
  at: new Date('2026-11-29T01:30:00.123Z'),
  actorId: '01jc0000000000000000000001',
  actorRole: 'organiser',
  action: 'POST /api/activities/:id/cancel',
  subjectUserId: null,
  resourceId: '01jc0000000000000000000002',
  orgPath: 'a/b/',
  requestId: 'req-1',
  ip: '127.0.0.1',
};

describe('audit chain hashing', () => {
  it('gives the same bytes whatever order the fields come in and however the time is typed', () => {
    const shuffled = Object.fromEntries(Object.entries(entry).reverse()) as typeof entry;
    expect(canonical(shuffled)).toBe(canonical(entry));
    expect(canonical({ ...entry, at: '2026-11-29T01:30:00.123Z' as unknown as Date })).toBe(canonical(entry));
  });

  it('changes when any field or the previous hash changes', () => {
    const base = entryHash(GENESIS, entry);
    expect(entryHash('f'.repeat(64), entry)).not.toBe(base);
    for (const [k, v] of Object.entries({ seq: 2, actorId: 'x', action: 'y', subjectUserId: 'z', resourceId: null, orgPath: 'a/', requestId: null, ip: null, actorRole: null })) {
      expect(entryHash(GENESIS, { ...entry, [k]: v })).not.toBe(base);
    }
  });
});

describe('commonAncestor', () => {
  it('is the deepest node above every path, or nothing when they share no root', () => {
    expect(commonAncestor(['a/b/c/', 'a/b/d/'])).toBe('a/b/');
    expect(commonAncestor(['a/b/'])).toBe('a/b/');
    expect(commonAncestor(['a/b/', 'x/y/'])).toBeNull();
    expect(commonAncestor([])).toBeNull();
  });
});
