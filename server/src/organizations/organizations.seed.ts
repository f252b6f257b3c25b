import type { EntityManager } from 'typeorm';
import type { SeedPart } from '../common/domain.js';
import { newId } from '../common/ids.js';
import { buildingName, COMMITTEE, COMMUNITIES, STREET } from '../database/seed/demo-data.js';
import { OrgNode } from './org-node.entity.js';

/** The demo's places: the street with its communities, grids and buildings; the Party committee with its branches and groups. */
async function seedOrganizations(em: EntityManager): Promise<void> {
  const node = async (kind: OrgNode['kind'], name: string, parent: OrgNode | null): Promise<OrgNode> => {
    const id = newId();
    const n = em.create(OrgNode, { id, kind, name, parentId: parent?.id ?? null, path: `${parent?.path ?? '/'}${id}/`, depth: (parent?.depth ?? -1) + 1, contactUserId: null });
    await em.insert(OrgNode, n);
    return n;
  };
  const street = await node('street', STREET, null);
  const committee = await node('committee', COMMITTEE, null);
  for (const c of COMMUNITIES) {
    const community = await node('community', c.name, street);
    for (const [gi, g] of c.grids.entries()) {
      const grid = await node('grid', g, community);
      await node('building', buildingName(gi, 0), grid);
      await node('building', buildingName(gi, 1), grid);
    }
    const branch = await node('branch', c.branch, committee);
    await node('group', c.groups[0], branch);
    await node('group', c.groups[1], branch);
  }
}

export const ORGANIZATIONS_SEED: SeedPart = {
  name: 'organizations',
  after: [],
  run: ({ em }) => seedOrganizations(em),
  // An existing street means the demo is already there.
  present: async (em) => (await em.count(OrgNode, { where: { kind: 'street' } })) > 0,
};
