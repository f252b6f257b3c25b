import { FakePayState } from '../fakes/wechat-pay/fake-pay-state.js';
import { parseTradeBill } from './reconciliation.service.js';

describe('trade bill parsing', () => {
  it('reads the SUCCESS rows of WeChat\'s backtick-prefixed CSV and skips the summary', () => {
    const state = new FakePayState('wxapp', '1900000001');
    state.createJsapi({ appid: 'wxapp', mchid: '1900000001', out_trade_no: 'Order000000000001', description: '党费', notify_url: 'https://x/notify', amount: { total: 8100 }, payer: { openid: 'o1' } });
    const paid = state.pay('Order000000000001');
    const date = new Date(Date.parse(paid.successTime!) + 8 * 3_600_000).toISOString().slice(0, 10);
    expect(parseTradeBill(state.tradeBill(date))).toEqual([{ outTradeNo: 'Order000000000001', fen: 8100 }]);
    expect(parseTradeBill(state.tradeBill('2000-01-01'))).toEqual([]);
  });

  it('returns nothing for a file without the expected header', () => {
    expect(parseTradeBill('garbage\n`a,`b')).toEqual([]);
  });
});
