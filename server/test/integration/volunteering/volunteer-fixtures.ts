import { User } from '../../../src/members/user.entity.js';
import { OrgNode } from '../../../src/organizations/org-node.entity.js';
import type { Actor } from '../../../src/common/actor.js';
import type { TestApp } from '../../support/test-app.js';

export const HOUR = 3_600_000;
export const MINUTE = 60_000;
export type Auth = { token: string; userId: string };

/** HTTP helpers bound to one logged-in person. */
export function client(t: TestApp) {
  return (a: Auth) => ({
    get: (url: string) => t.http.get(url).set('Authorization', a.token),
    post: (url: string, body: object = {}) => t.http.post(url).set('Authorization', a.token).send(body),
    put: (url: string, body: object = {}) => t.http.put(url).set('Authorization', a.token).send(body),
  });
}

export async function xingfu(t: TestApp): Promise<OrgNode> {
  return (await t.dataSource.manager.findOne(OrgNode, { where: { name: '幸福社区', kind: 'community' } }))!;
}

/** 周敏 as the services see her: organiser of 幸福社区. */
export async function gridWorkerActor(t: TestApp, userId: string): Promise<Actor> {
  const c = await xingfu(t);
  return { userId, grants: [{ role: 'organiser', nodeId: c.id, path: c.path }] };
}

/**
 * Logs in `n` more residents of 幸福社区 (seeded people without a persona get a test persona so the
 * demo login works for them). Skips the given user ids.
 */
export async function residents(t: TestApp, n: number, tag: string): Promise<Auth[]> {
  const c = await xingfu(t);
  const rows: { id: string }[] = await t.dataSource
    .createQueryBuilder(User, 'u')
    .select('u.id', 'id')
    .innerJoin(OrgNode, 'r', 'r.id = u.residenceNodeId')
    .where('u.demoPersona IS NULL AND u.disabled = 0 AND r.path LIKE :p', { p: `${c.path}%` })
    .orderBy('u.id', 'ASC')
    .limit(n)
    .getRawMany();
  if (rows.length < n) throw new Error(`only ${rows.length} residents left`);
  const out: Auth[] = [];
  for (const [i, r] of rows.entries()) {
    const persona = `${tag}${i}`;
    await t.dataSource.createQueryBuilder().update(User).set({ demoPersona: persona }).where('id = :id', { id: r.id }).execute();
    const a = await t.login(persona);
    out.push({ token: a.token, userId: a.userId });
  }
  return out;
}

export async function newCampaign(t: TestApp, organiser: Auth, over: Record<string, unknown> = {}): Promise<{ id: string }> {
  const c = await xingfu(t);
  const res = await client(t)(organiser).post('/api/volunteering/campaigns', {
    nodeId: c.id,
    title: '防汛值守',
    category: 'flood',
    goal: '汛期每日有人值守',
    startsAt: new Date(Date.now() - HOUR).toISOString(),
    endsAt: new Date(Date.now() + 30 * 24 * HOUR).toISOString(),
    ...over,
  });
  if (res.status !== 201) throw new Error(`campaign: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** A shift `inHours` from now, lasting `hours`. */
export async function newShift(t: TestApp, organiser: Auth, campaignId: string, inHours: number, hours: number, over: Record<string, unknown> = {}) {
  const at = Date.now() + inHours * HOUR;
  const res = await client(t)(organiser).post(`/api/volunteering/campaigns/${campaignId}/shifts`, {
    title: '河堤巡查',
    place: '幸福桥',
    startsAt: new Date(at).toISOString(),
    endsAt: new Date(at + hours * HOUR).toISOString(),
    capacity: 5,
    ...over,
  });
  if (res.status !== 201) throw new Error(`shift: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { id: string; startsAt: string; endsAt: string; placesLeft: number };
}
