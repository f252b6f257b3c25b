import type { NodeRef, OrgKind } from '@honglin/shared';
import type { OrgNode } from './org-node.entity.js';

/** Ids along a node's path, root first. */
export function pathIds(path: string): string[] {
  return path.split('/').filter(Boolean);
}

export function nodeRef(node: OrgNode | null | undefined): NodeRef | null {
  return node ? { id: node.id, name: node.name, kind: node.kind } : null;
}

/** Picks the node of each kind from a chain of ancestors (for "my community / grid / branch"). */
export function byKind(chain: OrgNode[]): Partial<Record<OrgKind, OrgNode>> {
  const out: Partial<Record<OrgKind, OrgNode>> = {};
  for (const node of chain) out[node.kind] = node;
  return out;
}
