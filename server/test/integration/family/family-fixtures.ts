import { OrgNode } from '../../../src/organizations/org-node.entity.js';
import { OutboxWorker } from '../../../src/notifications/outbox-worker.js';
import type { TestApp } from '../../support/test-app.js';

const HOUR = 3_600_000;
export type Auth = { token: string; userId: string };

/** HTTP as one person. */
export const as = (t: TestApp, a: Auth) => ({
  get: (url: string) => t.http.get(url).set('Authorization', a.token),
  post: (url: string, body: object = {}) => t.http.post(url).set('Authorization', a.token).send(body),
});

export async function xingfu(t: TestApp): Promise<{ community: OrgNode; grid: OrgNode }> {
  const community = (await t.dataSource.manager.findOne(OrgNode, { where: { name: '幸福社区' } }))!;
  const grid = (await t.dataSource.manager.createQueryBuilder(OrgNode, 'n').where('n.kind = :k AND n.path LIKE :p', { k: 'grid', p: `${community.path}%` }).orderBy('n.name').getOne())!;
  return { community, grid };
}

/** An activity of 幸福社区 published by 周敏 (grid worker, organiser of the community). */
export async function publish(t: TestApp, organiser: Auth, over: Record<string, unknown> = {}): Promise<{ id: string; title: string }> {
  const { community } = await xingfu(t);
  const res = await as(t, organiser).post('/api/activities', {
    communityId: community.id,
    title: '重阳登高',
    category: 'festival',
    place: '党群服务中心',
    startsAt: new Date(Date.now() + 48 * HOUR).toISOString(),
    endsAt: new Date(Date.now() + 50 * HOUR).toISOString(),
    capacity: 10,
    ...over,
  });
  if (res.status !== 201) throw new Error(`publish: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** Elder shows a code, family types it, elder confirms: an active link. */
export async function link(t: TestApp, elder: Auth, family: Auth): Promise<string> {
  const code = (await as(t, elder).post('/api/family/invites')).body.code as string;
  const requested = await as(t, family).post('/api/family/links', { code });
  if (requested.status !== 201) throw new Error(`link: ${requested.status} ${JSON.stringify(requested.body)}`);
  const confirmed = await as(t, elder).post(`/api/family/links/${requested.body.id}/confirm`);
  if (confirmed.status !== 200) throw new Error(`confirm: ${confirmed.status} ${JSON.stringify(confirmed.body)}`);
  return requested.body.id as string;
}

export async function count(t: TestApp, table: string, where: string): Promise<number> {
  const rows = await t.dataSource.query(`SELECT COUNT(*) AS n FROM ${table} WHERE ${where}`);
  return Number(rows[0].n);
}

export const drain = (t: TestApp) => t.app.get(OutboxWorker).drain();
export const nonce = () => `n${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}`;
