import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Input, Text, View } from '@tarojs/components';
import { DUES_CATEGORY_LABELS, duesRateBp, formatYuan, INCOME_BASED, type BillView, type ElderDuesView, type MyDuesView } from '@honglin/shared';
import { BigButton } from '../../../../components/BigButton';
import { Card } from '../../../../components/Card';
import { EmptyState } from '../../../../components/EmptyState';
import { InfoRow } from '../../../../components/InfoRow';
import { Loadable } from '../../../../components/Loadable';
import { PageShell } from '../../../../components/PageShell';
import { useRemote } from '../../../../hooks/useRemote';
import { getElderDues, getMyDues } from '../../../../services/dues';
import { showError } from '../../../../services/request';
import { payBills } from '../../lib/pay';
import '../../dues.scss';
import { usePageShow } from '../../../../hooks/usePageShow';

export default function DuesPage() {
  return <PageShell>{() => <MyDues />}</PageShell>;
}

/** My own dues; with `elderId`, a linked older Party member's, paid for them (代缴) through the same flow. */
function MyDues() {
  const { elderId } = useRouter().params;
  const dues = useRemote<MyDuesView | ElderDuesView>(() => (elderId ? getElderDues(elderId) : getMyDues()), { everyShow: true });
  usePageShow(() => {
    if (elderId) void Taro.setNavigationBarTitle({ title: '代缴党费' });
  });
  return <Loadable remote={dues}>{(data) => <DuesBody data={data} />}</Loadable>;
}

function DuesBody({ data }: { data: MyDuesView | ElderDuesView }) {
  const elder = 'member' in data ? data.member : null;
  const unpaid = data.bills.filter((b) => b.status === 'unpaid');
  const [chosen, setChosen] = useState<string[]>(unpaid.map((b) => b.id));
  const [extra, setExtra] = useState('');
  const [paying, setPaying] = useState(false);
  const extraFen = Math.round(Number(extra || '0') * 100);
  const extraValid = /^\d{0,6}(\.\d{0,2})?$/.test(extra) && Number.isFinite(extraFen);
  const total = unpaid.filter((b) => chosen.includes(b.id)).reduce((s, b) => s + b.amountFen, 0) + (extraValid ? extraFen : 0);
  const toggle = (id: string) => setChosen(chosen.includes(id) ? chosen.filter((x) => x !== id) : [...chosen, id]);

  const pay = async () => {
    setPaying(true);
    try {
      await payBills(chosen, extraFen, elder?.id);
    } catch (e) {
      showError(e as Error);
    } finally {
      setPaying(false);
    }
  };

  if (!data.profile) return <EmptyState title={elder ? `还没有${elder.name}的党费档案` : '还没有您的党费档案'} description="请联系支部党费管理员登记。" />;
  return (
    <View>
      {elder ? (
        <Card title={`为${elder.name}代缴党费`} testId="dues-for-elder">
          <Text className="muted">用您的微信支付，收据上注明“代缴”和代缴人；按时交纳的积分记给{elder.name}。</Text>
        </Card>
      ) : null}
      <Card title={elder ? `${elder.name}的党费档案` : '我的党费档案'}>
        <InfoRow label="类别" value={DUES_CATEGORY_LABELS[data.profile.category]} />
        {data.profile.baseFen !== null ? <InfoRow label="月收入基数" value={`${formatYuan(data.profile.baseFen)} 元`} /> : null}
        {data.profile.baseFen !== null && INCOME_BASED.includes(data.profile.category) ? (
          // The same shared rate table the server billed with.
          <InfoRow label="交纳比例" value={`${duesRateBp(data.profile.category, data.profile.baseFen) / 100}%`} testId="dues-rate" />
        ) : null}
        <InfoRow label="每月应缴" value={`${formatYuan(data.profile.monthlyFen)} 元`} testId="dues-monthly" />
      </Card>
      <Card title="待缴党费" testId="dues-unpaid">
        {unpaid.length === 0 ? <Text className="muted">{elder ? 'TA的党费已全部缴清。' : '全部已缴清，感谢您按时交纳党费。'}</Text> : null}
        {unpaid.map((b) => (
          <BillRow key={b.id} bill={b} checked={chosen.includes(b.id)} onTap={() => toggle(b.id)} />
        ))}
        {unpaid.length ? (
          <View>
            <Text className="dues-label">自愿多交（元，可不填）</Text>
            <Input className="dues-input" type="digit" value={extra} placeholder="0.00" onInput={(e) => setExtra(e.detail.value)} data-testid="dues-extra" />
            {!extraValid ? <Text className="form-error">请输入正确的金额，最多两位小数</Text> : null}
            <Text className="dues-total" data-testid="dues-total">{`合计 ${formatYuan(total)} 元`}</Text>
            <BigButton onClick={() => void pay()} loading={paying} disabled={!chosen.length || !extraValid} testId="dues-pay">
              {elder ? '微信支付（代缴）' : '微信支付'}
            </BigButton>
          </View>
        ) : null}
      </Card>
      <Card title={elder ? '我为TA代缴的记录' : '缴费记录'}>
        {data.receipts.length === 0 ? <Text className="muted">暂无缴费记录</Text> : null}
        {data.receipts.map((r) => (
          <InfoRow
            key={r.id}
            label={r.months.join('、')}
            value={`${formatYuan(r.totalFen)} 元`}
            onTap={() => void Taro.navigateTo({ url: `/packages/dues/pages/receipt/index?receiptId=${r.id}` })}
            actionText="收据"
          />
        ))}
      </Card>
    </View>
  );
}

function BillRow({ bill, checked, onTap }: { bill: BillView; checked: boolean; onTap: () => void }) {
  return (
    <View className={`option-row${checked ? ' option-row--selected' : ''}`} onClick={onTap} data-testid={`bill-${bill.month}`}>
      <Text>{`${checked ? '☑' : '☐'} ${bill.month}`}</Text>
      <Text>{`${formatYuan(bill.amountFen)} 元${bill.overdue ? '（已逾期）' : ''}`}</Text>
    </View>
  );
}
