import { describe, expect, it } from '@jest/globals';
import type { OrgNodeView } from '@honglin/shared';
import { flattenTree } from './flatten-tree';

const node = (id: string, parentId: string | null, kind: OrgNodeView['kind'] = 'grid'): OrgNodeView => ({
  id,
  name: id,
  kind,
  parentId,
  memberCount: 0,
});

describe('flattenTree', () => {
  it('orders nodes depth-first with their depth, keeping sibling order', () => {
    const rows = flattenTree([node('c', null, 'community'), node('g1', 'c'), node('b1', 'g1', 'building'), node('g2', 'c')]);
    expect(rows.map((r) => [r.node.id, r.depth])).toEqual([
      ['c', 0],
      ['g1', 1],
      ['b1', 2],
      ['g2', 1],
    ]);
  });

  it("treats nodes whose parent is outside the caller's scope as roots", () => {
    const rows = flattenTree([node('branch', 'committee-not-visible', 'branch'), node('group', 'branch', 'group'), node('grid', 'community-not-visible')]);
    expect(rows.map((r) => [r.node.id, r.depth])).toEqual([
      ['branch', 0],
      ['group', 1],
      ['grid', 0],
    ]);
  });
});
