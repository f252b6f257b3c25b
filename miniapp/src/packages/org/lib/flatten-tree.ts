import type { OrgNodeView } from '@honglin/shared';

export interface TreeRow {
  node: OrgNodeView;
  depth: number;
}

/**
 * The API returns the caller's visible nodes as a flat list. Nodes whose parent is outside that
 * list (the top of the caller's scope) become roots; children keep the server's order.
 */
export function flattenTree(nodes: readonly OrgNodeView[]): TreeRow[] {
  const ids = new Set(nodes.map((n) => n.id));
  const children = new Map<string | null, OrgNodeView[]>();
  for (const node of nodes) {
    const parent = node.parentId !== null && ids.has(node.parentId) ? node.parentId : null;
    const list = children.get(parent) ?? [];
    list.push(node);
    children.set(parent, list);
  }
  const rows: TreeRow[] = [];
  const visit = (parent: string | null, depth: number) => {
    for (const node of children.get(parent) ?? []) {
      rows.push({ node, depth });
      visit(node.id, depth + 1);
    }
  };
  visit(null, 0);
  return rows;
}
