import Taro from '@tarojs/taro';
import { createDuesOrder, createElderDuesOrder } from '../../../services/dues';

/**
 * Pays bills: weapp hands the server's parameters to wx.requestPayment; h5 cannot, so in the demo it
 * opens the fake WeChat Pay's 模拟支付 page, which comes back to the result page when paid. With
 * `elderId` the bills are a linked older member's (代缴): the same flow, paid with the caller's WeChat.
 */
export async function payBills(billIds: string[], extraFen: number, elderId?: string): Promise<void> {
  const order = elderId ? await createElderDuesOrder(elderId, billIds, extraFen) : await createDuesOrder(billIds, extraFen);
  const result = `/packages/dues/pages/result/index?orderId=${order.id}`;
  if (process.env.TARO_ENV === 'weapp') {
    try {
      await Taro.requestPayment({ ...order.payParams, signType: 'RSA' });
    } catch (e) {
      if (String((e as { errMsg?: string }).errMsg ?? '').includes('cancel')) return;
      throw e;
    }
    await Taro.redirectTo({ url: result });
    return;
  }
  if (!order.demoPayUrl) throw new Error('请在微信小程序中完成支付');
  window.location.href = order.demoPayUrl;
}
