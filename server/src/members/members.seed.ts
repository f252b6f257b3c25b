import type { EntityManager } from 'typeorm';
import type { SeedContext, SeedPart } from '../common/domain.js';
import { newId } from '../common/ids.js';
import { buildingName, COMMITTEE, COMMUNITIES, demoName, NAMED_PEOPLE, seededRandom, STREET, type DemoPersonSpec } from '../database/seed/demo-data.js';
import { OrgNode } from '../organizations/org-node.entity.js';
import { RoleAssignment } from './role-assignment.entity.js';
import { User } from './user.entity.js';

/** Residents beyond the named people: 53 more makes 60 (20 Party members, 15 aged 60+, 5 of them without a phone). */
const EXTRA_RESIDENTS = 53;

/** The organisations part's nodes, found again by their fixed names. */
async function demoPlaces(em: EntityManager) {
  const nodes = await em.find(OrgNode);
  const find = (kind: OrgNode['kind'], name: string, parent?: OrgNode) =>
    nodes.find((n) => n.kind === kind && n.name === name && (!parent || n.parentId === parent.id))!;
  const street = find('street', STREET);
  const committee = find('committee', COMMITTEE);
  const communities = COMMUNITIES.map((c) => {
    const community = find('community', c.name, street);
    const grids = c.grids.map((g) => find('grid', g, community));
    const buildings = grids.map((grid, gi) => [find('building', buildingName(gi, 0), grid), find('building', buildingName(gi, 1), grid)]);
    const branch = find('branch', c.branch, committee);
    const groups = [find('group', c.groups[0], branch), find('group', c.groups[1], branch)];
    return { community, grids, buildings, branch, groups };
  });
  return { street, committee, communities };
}

/** The demo's people: the named personas and 53 generated residents, with their roles; the grid worker is the grids' contact. */
async function seedMembers({ em, crypto }: SeedContext): Promise<void> {
  const { street, committee, communities } = await demoPlaces(em);
  const rand = seededRandom(20261129);
  const people: DemoPersonSpec[] = [...NAMED_PEOPLE];
  for (let i = 0; i < EXTRA_RESIDENTS; i++) {
    const elder = i < 14; // with the named elder: 15 aged 60+
    const noPhone = i < 5;
    const partyMember = i >= 10 && i < 26; // 16 more Party members: 20 with the four named ones
    people.push({
      name: demoName(rand),
      birthYear: elder ? 1940 + Math.floor(rand() * 24) : 1970 + Math.floor(rand() * 35),
      phone: noPhone ? null : `139${String(10000000 + Math.floor(rand() * 89999999)).slice(0, 8)}`,
      community: (i % 2) as 0 | 1,
      grid: (i % 3) as 0 | 1 | 2,
      partyGroup: partyMember ? ((i % 4 < 2 ? 0 : 1) as 0 | 1) : undefined,
      roles: [],
    });
  }

  for (const p of people) {
    const home = communities[p.community];
    const building = home.buildings[p.grid][p.name.length % 2];
    const id = newId();
    const partyNode = p.partyGroup !== undefined ? home.groups[p.partyGroup] : null;
    await em.insert(
      User,
      em.create(User, {
        id,
        openid: p.phone ? `demo-openid-${p.persona ?? id}` : null,
        unionid: null,
        name: p.name,
        phoneCipher: p.phone ? crypto.encrypt(p.phone) : null,
        phoneHash: p.phone ? crypto.hash(p.phone) : null,
        birthYear: p.birthYear,
        residenceNodeId: building.id,
        branchNodeId: partyNode?.id ?? null,
        elderMode: false,
        privacyVersion: null,
        privacyAcceptedAt: null,
        disabled: false,
        demoPersona: p.persona ?? null,
      }),
    );
    const grant = (role: RoleAssignment['role'], nodeId: string) =>
      em.insert(RoleAssignment, em.create(RoleAssignment, { id: newId(), userId: id, role, nodeId, grantedBy: null }));
    await grant('resident', building.id);
    if (partyNode) await grant('party_member', home.branch.id);
    for (const r of p.roles) {
      const at = { branch: home.branch, community: home.community, street, committee }[r.at];
      await grant(r.role, at.id);
    }
    if (p.persona === 'grid_worker') {
      for (const grid of home.grids) await em.update(OrgNode, { id: grid.id }, { contactUserId: id });
    }
  }
}

export const MEMBERS_SEED: SeedPart = { name: 'members', after: ['organizations'], run: seedMembers };
