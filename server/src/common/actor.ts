import type { Role } from '@honglin/shared';

/** A role as the authorisation scope sees it: held on a node, reaching everything under `path`. */
export interface ScopedGrant {
  role: Role;
  nodeId: string;
  path: string;
}

/** The authenticated caller of a request. */
export interface Actor {
  userId: string;
  grants: ScopedGrant[];
}
