import { COMPLAINT_ANSWER_DAYS } from '@honglin/shared';
import { newId } from '../../../src/common/ids.js';
import { CaseClock } from '../../../src/cases/case-clock.js';
import { Case } from '../../../src/cases/case.entity.js';
import { RoleAssignment } from '../../../src/members/role-assignment.entity.js';
import { OutboxWorker } from '../../../src/notifications/outbox-worker.js';
import { OrgNode } from '../../../src/organizations/org-node.entity.js';
import { databases, startTestApp, type TestApp } from '../../support/test-app.js';

type Auth = { token: string; userId: string };
const DAY = 86_400_000;
const HOUR = 3_600_000;
const valid = { category: 'data_leak', text: '网格员把我的手机号发到了楼栋群里，很多陌生人加我微信。' };

describe.each(databases())('complaint channel 举报投诉 on %s', (db) => {
  let t: TestApp;
  let resident: Auth; // 王丽, 幸福社区
  let neighbour: Auth; // 李建国, 幸福社区
  let elder: Auth; // 张秀英, 幸福社区
  let admin: Auth; // 赵强, admin of the street (and the Party committee)
  let branchOrganiser: Auth; // 刘洋, organiser of 和平社区党支部
  let gridWorker: Auth; // 周敏, organiser of 幸福社区

  const as = (a: Auth) => ({
    get: (url: string) => t.http.get(url).set('Authorization', a.token),
    post: (url: string, body: object = {}) => t.http.post(url).set('Authorization', a.token).send(body),
  });
  const file = async (who: Auth, body: object = valid) => {
    const res = await as(who).post('/api/complaints', body);
    if (res.status !== 201) throw new Error(`file: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as { id: string; dueAt: string; createdAt: string };
  };
  const inbox = async (who: Auth) => (await as(who).get('/api/notifications/inbox')).body.items.map((i: { title: string }) => i.title) as string[];
  const outbox = async (where: string) => Number((await t.dataSource.query(`SELECT COUNT(*) AS n FROM outbox_messages WHERE ${where}`))[0].n);

  beforeAll(async () => {
    t = await startTestApp(db, { OUTBOX_WORKER: 'false' });
    [resident, neighbour, elder, admin, branchOrganiser, gridWorker] = await Promise.all(
      ['resident', 'party_member', 'elder', 'admin', 'organiser_b', 'grid_worker'].map((p) => t.login(p)),
    );
    // They opened the app lately, so WeChat judges their text.
    for (const who of [resident, neighbour]) t.wechat.registerOpenid((await t.dataSource.query('SELECT openid FROM users WHERE id = ?', [who.userId]))[0].openid);
  });
  afterAll(() => t.close());

  it('files a complaint as submitted with an answer deadline 15 days later, seen only by the complainant', async () => {
    const res = await as(resident).post('/api/complaints', { ...valid, subject: '幸福一网格网格员', anonymous: true });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'submitted', category: 'data_leak', anonymous: true, subject: '幸福一网格网格员', overdue: false, answer: null });
    expect(new Date(res.body.dueAt).getTime() - new Date(res.body.createdAt).getTime()).toBe(COMPLAINT_ANSWER_DAYS * DAY);

    expect((await as(resident).get(`/api/complaints/${res.body.id}`)).body).toMatchObject({ id: res.body.id, status: 'submitted' });
    expect((await as(resident).get('/api/complaints/mine')).body.items.map((c: { id: string }) => c.id)).toContain(res.body.id);
    for (const url of [`/api/complaints/${res.body.id}`]) expect((await as(neighbour).get(url)).status).toBe(404);
    for (const action of ['withdraw', 'close']) expect((await as(neighbour).post(`/api/complaints/${res.body.id}/${action}`)).status).toBe(404);
    expect((await as(neighbour).get('/api/complaints/mine')).body.items).toEqual([]);
  });

  it('tells the admin above the community, who answers; the complainant is notified, reads the answer and closes it', async () => {
    const c = await file(neighbour, { category: 'no_consent', text: '有人未经我同意，把我的党员信息拍照发到了其他群里。' });
    await t.app.get(OutboxWorker).drain();
    expect(await inbox(admin)).toContain('收到新的个人信息投诉');

    const list = await as(admin).get('/api/complaints/manage');
    expect(list.status).toBe(200);
    const mine = list.body.items.find((i: { id: string }) => i.id === c.id);
    expect(mine).toMatchObject({ status: 'submitted', complainant: { name: '李建国', phoneMasked: '138****0002' }, community: { name: '幸福社区' }, overdue: false, dueSoon: false });

    const answered = await as(admin).post(`/api/complaints/${c.id}/answer`, { answer: '已核实并删除群内照片，已提醒相关人员不得再转发，感谢您的监督。' });
    expect(answered.status).toBe(200);
    expect(answered.body).toMatchObject({ status: 'answered', answeredBy: { name: '赵强' } });
    expect((await as(admin).post(`/api/complaints/${c.id}/answer`, { answer: '第二次答复的内容，应当被拒绝。' })).body.code).toBe('COMPLAINT_NOT_PENDING');

    await t.app.get(OutboxWorker).drain();
    expect(await inbox(neighbour)).toContain('您的投诉已答复');
    const seen = (await as(neighbour).get(`/api/complaints/${c.id}`)).body;
    expect(seen).toMatchObject({ status: 'answered', answer: expect.stringContaining('已核实'), answeredBy: { name: '赵强' }, answeredAt: expect.any(String) });
    expect((await as(neighbour).post(`/api/complaints/${c.id}/withdraw`)).body.code).toBe('COMPLAINT_NOT_WITHDRAWABLE');
    const closed = await as(neighbour).post(`/api/complaints/${c.id}/close`);
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({ status: 'closed', closedAt: expect.any(String) });
    expect((await as(admin).get('/api/complaints/manage').query({ status: 'closed' })).body.items.map((i: { id: string }) => i.id)).toContain(c.id);
  });

  it('refuses complaint handling to organisers (403) and to an admin of another community (404)', async () => {
    const c = await file(resident, { category: 'harassment', text: '有人拿着社区登记的信息反复上门推销保健品。' });
    for (const who of [branchOrganiser, gridWorker, neighbour]) {
      expect((await as(who).get('/api/complaints/manage')).status).toBe(403);
      expect((await as(who).post(`/api/complaints/${c.id}/answer`, { answer: '这是越权的答复，应当被拒绝。' })).status).toBe(403);
    }
    const heping = (await t.dataSource.manager.findOne(OrgNode, { where: { name: '和平社区' } }))!;
    await t.dataSource.manager.insert(RoleAssignment, { id: newId(), userId: branchOrganiser.userId, role: 'admin', nodeId: heping.id, grantedBy: null });
    const list = await as(branchOrganiser).get('/api/complaints/manage');
    expect(list.status).toBe(200);
    expect(list.body.items.map((i: { id: string }) => i.id)).not.toContain(c.id);
    const answer = await as(branchOrganiser).post(`/api/complaints/${c.id}/answer`, { answer: '另一个社区的管理员不能答复。' });
    expect(answer.status).toBe(404);
  });

  it('keeps a complaint away from the admin it names, who is neither told nor able to answer it', async () => {
    await t.app.get(OutboxWorker).drain();
    const before = await outbox(`userId = '${admin.userId}' AND kind = 'complaint_filed'`);
    const c = await file(elder, { category: 'proxy_overreach', text: '管理员没有经过我同意就替我报名了活动。', accusedUserId: admin.userId, anonymous: true });
    expect(await outbox(`userId = '${admin.userId}' AND kind = 'complaint_filed'`)).toBe(before);
    expect((await as(elder).get(`/api/complaints/${c.id}`)).body).toMatchObject({ accused: { id: admin.userId, name: '赵强' }, anonymous: true });
    expect((await as(admin).get('/api/complaints/manage')).body.items.map((i: { id: string }) => i.id)).not.toContain(c.id);
    expect((await as(admin).post(`/api/complaints/${c.id}/answer`, { answer: '被投诉人不能自己答复。' })).status).toBe(404);
    await as(elder).post(`/api/complaints/${c.id}/withdraw`);
  });

  it('refuses invalid input with a code and the field to fix', async () => {
    const cases: [object, string][] = [
      [{ ...valid, text: '太短了' }, 'text'],
      [{ ...valid, category: 'spam' }, 'category'],
      [{ ...valid, extra: 1 }, 'extra'],
      [{ ...valid, text: '长'.repeat(1001) }, 'text'],
      [{ ...valid, accusedUserId: 'x' }, 'accusedUserId'],
      [{ ...valid, accusedUserId: resident.userId }, 'accusedUserId'],
      [{ ...valid, accusedUserId: newId() }, 'accusedUserId'],
    ];
    for (const [body, field] of cases) {
      const res = await as(resident).post('/api/complaints', body);
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(res.body.fields.map((f: { field: string }) => f.field)).toContain(field);
    }
    expect((await as(resident).get('/api/complaints/not-an-id')).status).toBe(404);
    expect((await as(admin).post(`/api/complaints/${newId()}/answer`, { answer: '短' })).status).toBe(400);
  });

  it('refuses a text WeChat finds risky, saying why, and stores nothing', async () => {
    const before = (await as(neighbour).get('/api/complaints/mine')).body.items.length;
    const res = await as(neighbour).post('/api/complaints', { category: 'other', text: '有人用我的名字在网上开赌博账户，请尽快查一查。' });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ code: 'COMPLAINT_REJECTED', message: expect.stringContaining('违法犯罪'), fields: [{ field: 'text' }] });
    expect((await as(neighbour).get('/api/complaints/mine')).body.items).toHaveLength(before);
  });

  it('allows at most 5 open complaints per person, and a new one once one is withdrawn', async () => {
    const open = (await as(neighbour).get('/api/complaints/mine')).body.items.filter((c: { status: string }) => ['submitted', 'answered'].includes(c.status)).length;
    const ids: string[] = [];
    for (let i = open; i < 5; i++) ids.push((await file(neighbour, { category: 'other', text: `第${i + 1}件投诉：有人打电话骚扰我，说出了我的住址。` })).id);
    const sixth = await as(neighbour).post('/api/complaints', valid);
    expect(sixth.status).toBe(409);
    expect(sixth.body.code).toBe('COMPLAINT_TOO_MANY_OPEN');
    const withdrawn = await as(neighbour).post(`/api/complaints/${ids[0]}/withdraw`);
    expect(withdrawn.body).toMatchObject({ status: 'withdrawn', withdrawnAt: expect.any(String) });
    // The admin who was told of it hears it is withdrawn, once.
    expect(await outbox(`userId = '${admin.userId}' AND kind = 'complaint_withdrawn' AND dedupeKey LIKE 'complaint:${ids[0]}:%'`)).toBe(1);
    expect((await as(neighbour).post(`/api/complaints/${ids[0]}/withdraw`)).body.status).toBe('withdrawn');
    expect(await outbox(`kind = 'complaint_withdrawn' AND dedupeKey LIKE 'complaint:${ids[0]}:%'`)).toBe(1);
    expect((await as(neighbour).post(`/api/complaints/${ids[0]}/close`)).status).toBe(409);
    expect((await as(neighbour).post('/api/complaints', valid)).status).toBe(201);
  });

  it('holds the cap of 5 open complaints when one person files many at once', async () => {
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) => as(elder).post('/api/complaints', { category: 'other', text: `同时提交的第${i + 1}件投诉，用来检验上限。` })),
    );
    expect(results.filter((r) => r.status === 201)).toHaveLength(5);
    expect(results.filter((r) => r.status === 409).every((r) => r.body.code === 'COMPLAINT_TOO_MANY_OPEN')).toBe(true);
    expect((await as(elder).get('/api/complaints/mine')).body.items.filter((c: { status: string }) => c.status === 'submitted')).toHaveLength(5);
  });

  it('reminds the admins urgently once when the deadline is 48 hours away and once when it has passed', async () => {
    // The one case clock (ADR 0017) runs complaints' reminders: due soon, then overdue (its one escalation step).
    const caseClock = t.app.get(CaseClock);
    // Counted in complaint reminders written: the clock also runs the demo's report cases.
    const reminders = () => outbox(`dedupeKey LIKE 'complaint:%:due_soon:%' OR dedupeKey LIKE 'complaint:%:overdue:%'`);
    const jobs = {
      run: async (at: Date) => {
        const before = await reminders();
        await caseClock.run(at);
        return (await reminders()) - before;
      },
    };
    const c = await file(resident, { category: 'data_leak', text: '我的身份证号码被贴在了公告栏上，至今没有撤下。' });
    const due = new Date(c.dueAt).getTime();
    const rows = (kind: string) => outbox(`dedupeKey LIKE 'complaint:${c.id}:${kind}:%'`);

    expect(await jobs.run(new Date(due - 3 * DAY))).toBe(0);
    expect(await jobs.run(new Date(due - 24 * HOUR))).toBeGreaterThanOrEqual(1);
    expect(await rows('due_soon')).toBe(1);
    expect(await outbox(`dedupeKey = 'complaint:${c.id}:due_soon:${admin.userId}' AND urgent = 1`)).toBe(1);
    expect(await jobs.run(new Date(due - 23 * HOUR))).toBe(0);

    await Promise.all([jobs.run(new Date(due + HOUR)), jobs.run(new Date(due + HOUR))]); // two instances at once
    expect(await rows('overdue')).toBe(1);
    expect(await jobs.run(new Date(due + 2 * DAY))).toBe(0);
    expect(await rows('due_soon')).toBe(1);

    await t.app.get(OutboxWorker).drain();
    expect(await inbox(admin)).toEqual(expect.arrayContaining(['投诉即将到期', '投诉已逾期未答复']));

    // Once its deadline has really passed, it heads the admin's list, flagged.
    await t.dataSource.manager.update(Case, { id: c.id }, { acceptDueAt: new Date(Date.now() - HOUR) });
    const [first] = (await as(admin).get('/api/complaints/manage')).body.items;
    expect(first).toMatchObject({ id: c.id, overdue: true, dueSoon: false });
  });
});
