import { billingMonthOf } from '@honglin/shared';
import { PayGateway } from '../../../src/payments/pay-gateway.js';
import type { TestApp } from '../../support/test-app.js';

/** The fake WeChat Pay the app started in demo mode. */
export function payFake(t: TestApp) {
  const fake = t.app.get(PayGateway).fake;
  if (!fake) throw new Error('no fake WeChat Pay');
  return fake;
}

/** This month's unpaid bill of a persona (seeded). */
export async function currentBill(t: TestApp, token: string): Promise<{ id: string; amountFen: number }> {
  const res = await t.http.get('/api/dues/me').set('Authorization', token);
  const bill = res.body.bills.find((b: { month: string; status: string }) => b.month === billingMonthOf(new Date()) && b.status === 'unpaid');
  if (!bill) throw new Error(`no unpaid bill this month: ${JSON.stringify(res.body).slice(0, 300)}`);
  return bill;
}

export async function createOrder(t: TestApp, token: string, billIds: string[], extraFen = 0) {
  const res = await t.http.post('/api/payments/orders').set('Authorization', token).send({ billIds, extraFen });
  if (res.status !== 201) throw new Error(`create order: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { id: string; totalFen: number; status: string; payParams: Record<string, string>; demoPayUrl: string | null };
}

export async function outTradeNoOf(t: TestApp, orderId: string): Promise<string> {
  const [row] = await t.dataSource.query(`SELECT outTradeNo FROM pay_orders WHERE id = '${orderId}'`);
  return row.outTradeNo;
}

export async function waitFor(check: () => Promise<boolean>, ms = 5000): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('condition not met in time');
}

export async function count(t: TestApp, sql: string): Promise<number> {
  const [row] = await t.dataSource.query(sql);
  return Number(Object.values(row)[0]);
}
