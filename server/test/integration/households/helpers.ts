import { idCheckChar } from '@honglin/shared';
import { newId } from '../../../src/common/ids.js';
import { User } from '../../../src/members/user.entity.js';
import type { Actor } from '../../../src/common/actor.js';
import { UserRepository } from '../../../src/members/user.repository.js';
import type { TestApp } from '../../support/test-app.js';

export type Auth = { token: string; userId: string };

/** HTTP as one signed-in persona. */
export function as(t: TestApp, a: Auth) {
  return {
    get: (url: string) => t.http.get(url).set('Authorization', a.token),
    post: (url: string, body: object = {}) => t.http.post(url).set('Authorization', a.token).send(body),
    patch: (url: string, body: object = {}) => t.http.patch(url).set('Authorization', a.token).send(body),
    put: (url: string, body: object = {}) => t.http.put(url).set('Authorization', a.token).send(body),
  };
}

let seq = 500;
/** A valid, unique ID number born on `birth` ('YYYY-MM-DD'). */
export function idNumberFor(birth: string, male = true): string {
  seq += 2;
  const body = `310104${birth.replace(/-/g, '')}${String(seq + (male ? 1 : 0)).padStart(3, '0')}`;
  return body + idCheckChar(body);
}

/** A node id by name. */
export async function nodeId(t: TestApp, name: string): Promise<string> {
  return (await t.dataSource.query('SELECT id FROM org_nodes WHERE name = ?', [name]))[0].id;
}

/** A building of a grid (by the grid's name). */
export async function buildingOf(t: TestApp, grid: string): Promise<string> {
  return (await t.dataSource.query('SELECT b.id FROM org_nodes b INNER JOIN org_nodes g ON g.id = b.parentId WHERE g.name = ? ORDER BY b.name', [grid]))[0].id;
}

/** A resident without an account (as an organiser registers them), living in `buildingId`. */
export async function newPerson(t: TestApp, name: string, birthYear: number, buildingId: string): Promise<string> {
  const id = newId();
  await t.dataSource.manager.insert(User, { id, name, birthYear, residenceNodeId: buildingId, openid: null, unionid: null, phoneCipher: null, phoneHash: null, branchNodeId: null, elderMode: false, privacyVersion: null, privacyAcceptedAt: null, disabled: false, deletedAt: null, demoPersona: null });
  return id;
}

/** Creates a household with the given people (user ids) and returns its id. */
export async function household(t: TestApp, who: Auth, buildingId: string, room: string, people: { userId: string; relation?: string; residenceType?: string }[]): Promise<string> {
  const res = await as(t, who).post('/api/org/grid/households', { buildingId, room, source: 'grid_verified' });
  if (res.status !== 201) throw new Error(`household: ${res.status} ${JSON.stringify(res.body)}`);
  for (const p of people) {
    const m = await as(t, who).post(`/api/org/grid/households/${res.body.id}/members`, { userId: p.userId, relation: p.relation ?? 'head', residenceType: p.residenceType ?? 'registered' });
    if (m.status !== 201) throw new Error(`member: ${m.status} ${JSON.stringify(m.body)}`);
  }
  return res.body.id;
}

/** The actor the auth guard would build for a user (for calling services with a fixed clock). */
export async function actorOf(t: TestApp, userId: string): Promise<Actor> {
  const state = await t.app.get(UserRepository).authState(userId);
  return { userId, grants: state!.grants };
}
