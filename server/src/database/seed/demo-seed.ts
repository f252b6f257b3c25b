import type { DataSource, EntityManager } from 'typeorm';
import type { FieldCrypto } from '../../common/field-crypto.js';
import { newId } from '../../common/ids.js';
import { RoleAssignment } from '../../members/role-assignment.entity.js';
import { User } from '../../members/user.entity.js';
import { OrgNode } from '../../organizations/org-node.entity.js';
import { seedStudy } from './study-seed.js';
import { seedDues } from './dues-seed.js';
import { seedActivities } from './activities-seed.js';
import { seedMeetings } from './meetings-seed.js';
import { seedVolunteering } from './volunteering-seed.js';
import { seedHouseholds } from '../../households/households.seed.js';
import { COMMITTEE, COMMUNITIES, demoName, NAMED_PEOPLE, seededRandom, STREET, type DemoPersonSpec } from './demo-data.js';

/** Residents beyond the named people: 53 more makes 60 (20 Party members, 15 aged 60+, 5 of them without a phone). */
const EXTRA_RESIDENTS = 53;

/**
 * Seeds the demo neighbourhood once. Re-running is harmless: an existing street means the demo is
 * already there. Demo logins work only for users with `demoPersona` set.
 */
export async function seedDemoIfEmpty(ds: DataSource, crypto: FieldCrypto): Promise<boolean> {
  const existing = await ds.manager.count(OrgNode, { where: { kind: 'street' } });
  if (existing > 0) return false;
  await ds.transaction((em) => seed(em, crypto));
  return true;
}

async function seed(em: EntityManager, crypto: FieldCrypto) {
  const node = async (kind: OrgNode['kind'], name: string, parent: OrgNode | null): Promise<OrgNode> => {
    const id = newId();
    const n = em.create(OrgNode, { id, kind, name, parentId: parent?.id ?? null, path: `${parent?.path ?? '/'}${id}/`, depth: (parent?.depth ?? -1) + 1, contactUserId: null });
    await em.insert(OrgNode, n);
    return n;
  };
  const street = await node('street', STREET, null);
  const committee = await node('committee', COMMITTEE, null);
  const communities: { community: OrgNode; grids: OrgNode[]; buildings: OrgNode[][]; branch: OrgNode; groups: OrgNode[] }[] = [];
  for (const c of COMMUNITIES) {
    const community = await node('community', c.name, street);
    const grids: OrgNode[] = [];
    const buildings: OrgNode[][] = [];
    for (const [gi, g] of c.grids.entries()) {
      const grid = await node('grid', g, community);
      grids.push(grid);
      buildings.push([await node('building', `${gi * 2 + 1}号楼`, grid), await node('building', `${gi * 2 + 2}号楼`, grid)]);
    }
    const branch = await node('branch', c.branch, committee);
    const groups = [await node('group', c.groups[0], branch), await node('group', c.groups[1], branch)];
    communities.push({ community, grids, buildings, branch, groups });
  }

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
  await seedStudy(em);
  await seedDues(em, crypto);
  await seedActivities(em);
  await seedMeetings(em);
  await seedVolunteering(em);
  await seedHouseholds(em, crypto);
}
