import { newId } from '../../../src/common/ids.js';
import { RoleAssignment } from '../../../src/members/role-assignment.entity.js';
import { OutboxMessage } from '../../../src/notifications/outbox-message.entity.js';
import type { TestApp } from '../../support/test-app.js';
import { newPerson, nodeId } from '../households/helpers.js';

export { as, nodeId, type Auth } from '../households/helpers.js';

/** A building of the named grid (first by name). */
export async function building(t: TestApp, grid: string, which = 0): Promise<string> {
  return (await t.dataSource.query('SELECT b.id FROM org_nodes b INNER JOIN org_nodes g ON g.id = b.parentId WHERE g.name = ? ORDER BY b.name', [grid]))[which].id;
}

/** A second grid worker (grid_worker role on the grid), as the street would appoint one. */
export async function gridWorker(t: TestApp, grid: string, name: string): Promise<string> {
  const gridId = await nodeId(t, grid);
  const userId = await newPerson(t, name, 1992, gridId);
  await t.dataSource.manager.insert(RoleAssignment, { id: newId(), userId, role: 'grid_worker', nodeId: gridId, grantedBy: null });
  return userId;
}

/** Outbox rows of a kind to a person about anything (case notices carry the case id in their link). */
export function notices(t: TestApp, caseId: string, kind?: string): Promise<OutboxMessage[]> {
  const qb = t.dataSource.manager.createQueryBuilder(OutboxMessage, 'o').where('o.link LIKE :l', { l: `%id=${caseId}` });
  if (kind) qb.andWhere('o.kind = :kind', { kind });
  return qb.getMany();
}

export async function personaId(t: TestApp, persona: string): Promise<string> {
  return (await t.dataSource.query('SELECT id FROM users WHERE demoPersona = ?', [persona]))[0].id;
}
