import { TransactionRunner } from '../../../src/database/transaction-runner.js';
import { LedgerService } from '../../../src/points/ledger.service.js';
import { MallService } from '../../../src/points/mall.service.js';
import { databases, startTestApp, type TestApp } from '../../support/test-app.js';

describe.each(databases())('points mall on %s', (db) => {
  let t: TestApp;
  let orgA: string;
  let orgB: string;
  let member: { token: string; userId: string };
  let branchA: string;
  let n = 0;
  const give = (userId: string, points: number) =>
    t.app.get(TransactionRunner).run((em) => t.app.get(LedgerService).credit(em, { userId, action: 'adjustment', amount: points, source: { type: 'test', id: 'grant' }, idempotencyKey: `grant:${userId}:${n++}`, nodeId: null }));
  const balance = async (token: string) => (await t.http.get('/api/points/me').set('Authorization', token)).body.balance;

  beforeAll(async () => {
    t = await startTestApp(db);
    orgA = (await t.login('organiser_a')).token;
    orgB = (await t.login('organiser_b')).token;
    member = await t.login('party_member');
    const tree = (await t.http.get('/api/org/tree').set('Authorization', orgA)).body;
    branchA = tree.find((x: { kind: string }) => x.kind === 'branch').id;
  });
  afterAll(() => t.close());

  const createItem = async (stock: number, price: number, nodeId = branchA, token = orgA) => {
    const res = await t.http.post('/api/org/mall/items').set('Authorization', token).send({ nodeId, name: '环保购物袋', description: '社区定制', pricePoints: price, stock });
    expect(res.status).toBe(201);
    return res.body.id as string;
  };

  it('debits the price, hands out a pickup code, and refunds by a compensating entry on cancellation', async () => {
    await give(member.userId, 50);
    const start = await balance(member.token);
    const itemId = await createItem(3, 20);
    const r = await t.http.post(`/api/mall/items/${itemId}/redeem`).set('Authorization', member.token).send({ requestKey: 'redeem-0001' });
    expect(r.status).toBe(201);
    expect(r.body.pickupCode).toMatch(/^[0-9A-Z]{8}$/);
    expect(await balance(member.token)).toBe(start - 20);
    const retry = await t.http.post(`/api/mall/items/${itemId}/redeem`).set('Authorization', member.token).send({ requestKey: 'redeem-0001' });
    expect(retry.body.id).toBe(r.body.id);
    expect(await balance(member.token)).toBe(start - 20);

    const cancel = await t.http.post(`/api/mall/redemptions/${r.body.id}/cancel`).set('Authorization', member.token).send({});
    expect(cancel.body.status).toBe('cancelled');
    expect(await balance(member.token)).toBe(start);
    const history = (await t.http.get('/api/points/history').set('Authorization', member.token)).body.items;
    expect(history[0]).toMatchObject({ action: 'mall_refund', amount: 20, note: '取消兑换，积分退还' });
    expect(history[1]).toMatchObject({ action: 'mall_redeem', amount: -20 });
    const again = await t.http.post(`/api/mall/redemptions/${r.body.id}/cancel`).set('Authorization', member.token).send({});
    expect(again.body.code).toBe('REDEMPTION_NOT_PENDING');
    expect(await balance(member.token)).toBe(start);
  });

  it("lets only the item's organiser verify a pickup code, once", async () => {
    const itemId = await createItem(1, 10);
    const r = (await t.http.post(`/api/mall/items/${itemId}/redeem`).set('Authorization', member.token).send({ requestKey: 'redeem-0002' })).body;
    const byB = await t.http.post('/api/org/mall/pickups').set('Authorization', orgB).send({ code: r.pickupCode });
    expect([byB.status, byB.body.code]).toEqual([404, 'PICKUP_CODE_INVALID']);
    const ok = await t.http.post('/api/org/mall/pickups').set('Authorization', orgA).send({ code: r.pickupCode });
    expect(ok.body.status).toBe('picked_up');
    const twice = await t.http.post('/api/org/mall/pickups').set('Authorization', orgA).send({ code: r.pickupCode });
    expect(twice.body.code).toBe('REDEMPTION_NOT_PENDING');
    const cancel = await t.http.post(`/api/mall/redemptions/${r.id}/cancel`).set('Authorization', member.token).send({});
    expect(cancel.body.code).toBe('REDEMPTION_NOT_PENDING');
  });

  it('shows the organiser who redeemed what for a code, in any letter case, before handing it over', async () => {
    const itemId = await createItem(2, 10);
    await give(member.userId, 10);
    const r = (await t.http.post(`/api/mall/items/${itemId}/redeem`).set('Authorization', member.token).send({ requestKey: 'redeem-0010' })).body;
    const look = await t.http.get(`/api/org/mall/pickups?code=${r.pickupCode.toLowerCase()}`).set('Authorization', orgA);
    expect(look.status).toBe(200);
    expect(look.body).toMatchObject({ id: r.id, status: 'pending', memberName: '李建国', item: { id: itemId } });
    const listed = (await t.http.get('/api/org/mall/items').set('Authorization', orgA)).body.find((i: { id: string }) => i.id === itemId);
    expect(listed).toMatchObject({ stock: 1, pendingPickups: 1, pickedUp: 0, node: { id: branchA } });
    expect((await t.http.post('/api/org/mall/pickups').set('Authorization', orgA).send({ code: r.pickupCode })).body.status).toBe('picked_up');
    expect((await t.http.get('/api/org/mall/items').set('Authorization', orgA)).body.find((i: { id: string }) => i.id === itemId)).toMatchObject({ pendingPickups: 0, pickedUp: 1 });
    expect((await t.http.get(`/api/org/mall/pickups?code=${r.pickupCode}`).set('Authorization', orgB)).body.code).toBe('PICKUP_CODE_INVALID');
    expect((await t.http.get('/api/org/mall/pickups?code=12').set('Authorization', orgA)).status).toBe(400);
  });

  it('takes an item off the shelf and reprices it without touching redemptions already made', async () => {
    const itemId = await createItem(5, 10);
    await give(member.userId, 10);
    const before = (await t.http.post(`/api/mall/items/${itemId}/redeem`).set('Authorization', member.token).send({ requestKey: 'redeem-0011' })).body;
    const repriced = await t.http.patch(`/api/org/mall/items/${itemId}`).set('Authorization', orgA).send({ pricePoints: 30, name: '环保购物袋（大）' });
    expect(repriced.body).toMatchObject({ pricePoints: 30, name: '环保购物袋（大）', stock: 4 });
    const mine = (await t.http.get('/api/mall/redemptions').set('Authorization', member.token)).body.find((x: { id: string }) => x.id === before.id);
    expect(mine.pricePoints).toBe(10);
    expect((await t.http.patch(`/api/org/mall/items/${itemId}`).set('Authorization', orgA).send({ active: false })).body.active).toBe(false);
    expect((await t.http.get('/api/mall/items').set('Authorization', member.token)).body.map((i: { id: string }) => i.id)).not.toContain(itemId);
    const refused = await t.http.post(`/api/mall/items/${itemId}/redeem`).set('Authorization', member.token).send({ requestKey: 'redeem-0012' });
    expect([refused.status, refused.body.code]).toEqual([409, 'MALL_ITEM_UNAVAILABLE']);
    expect((await t.http.patch(`/api/org/mall/items/${itemId}`).set('Authorization', orgA).send({})).status).toBe(400);
    expect((await t.http.patch(`/api/org/mall/items/${itemId}`).set('Authorization', orgA).send({ stock: 99 })).status).toBe(400);
    expect((await t.http.patch(`/api/org/mall/items/${itemId}`).set('Authorization', orgB).send({ active: true })).status).toBe(404);
  });

  it('refuses too few points and an empty shelf with clear codes and changes nothing', async () => {
    const before = await balance(member.token);
    const dear = await createItem(5, 100_000);
    const poor = await t.http.post(`/api/mall/items/${dear}/redeem`).set('Authorization', member.token).send({ requestKey: 'redeem-0003' });
    expect([poor.status, poor.body.code]).toEqual([409, 'POINTS_INSUFFICIENT']);
    expect((await t.http.get('/api/org/mall/items').set('Authorization', orgA)).body.find((i: { id: string }) => i.id === dear).stock).toBe(5);
    const empty = await createItem(0, 1);
    const none = await t.http.post(`/api/mall/items/${empty}/redeem`).set('Authorization', member.token).send({ requestKey: 'redeem-0004' });
    expect([none.status, none.body.code]).toEqual([409, 'MALL_OUT_OF_STOCK']);
    expect(await balance(member.token)).toBe(before);
    const bad = await t.http.post(`/api/mall/items/${empty}/redeem`).set('Authorization', member.token).send({ requestKey: 'x' });
    expect(bad.status).toBe(400);
  });

  it("hides another organisation's items and keeps residents out of the organiser side", async () => {
    const otherItem = await createItem(5, 1, (await t.http.get('/api/org/tree').set('Authorization', orgB)).body.find((x: { kind: string }) => x.kind === 'branch').id, orgB);
    expect((await t.http.get('/api/mall/items').set('Authorization', member.token)).body.map((i: { id: string }) => i.id)).not.toContain(otherItem);
    expect((await t.http.post(`/api/mall/items/${otherItem}/redeem`).set('Authorization', member.token).send({ requestKey: 'redeem-0005' })).status).toBe(404);
    expect((await t.http.post(`/api/org/mall/items/${otherItem}/restock`).set('Authorization', orgA).send({ add: 5 })).status).toBe(404);
    const resident = await t.login('resident');
    expect((await t.http.get('/api/org/mall/items').set('Authorization', resident.token)).status).toBe(403);
  });

  it('lets exactly 10 of 100 concurrent redemptions of a 10-item stock succeed', async () => {
    const admin = await t.login('admin');
    const tree = (await t.http.get('/api/org/tree').set('Authorization', admin.token)).body;
    const street = tree.find((x: { kind: string }) => x.kind === 'street').id;
    const itemId = await createItem(10, 5, street, admin.token);
    const users: { id: string }[] = await t.dataSource.query('SELECT id FROM users WHERE residenceNodeId IS NOT NULL ORDER BY id LIMIT 50');
    for (const u of users) await give(u.id, 20);
    const mall = t.app.get(MallService);
    const attempts = Array.from({ length: 100 }, (_, i) => mall.redeem({ userId: users[i % users.length].id, grants: [] }, itemId, `race-${i}-abcdef`).then(() => 'ok', (e) => e.code));
    const results = await Promise.all(attempts);
    expect(results.filter((r) => r === 'ok')).toHaveLength(10);
    expect(results.filter((r) => r !== 'ok').every((r) => r === 'MALL_OUT_OF_STOCK')).toBe(true);
    const [item] = await t.dataSource.query('SELECT stock FROM mall_items WHERE id = ?', [itemId]);
    expect(Number(item.stock)).toBe(0);
    const debits = await t.dataSource.query("SELECT COUNT(*) AS c FROM points_entries e JOIN mall_redemptions r ON r.debitEntryId = e.id WHERE r.itemId = ?", [itemId]);
    expect(Number(debits[0].c)).toBe(10);
  });
});
