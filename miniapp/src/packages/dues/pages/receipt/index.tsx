import { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { formatChinaDateTime, formatYuan, type ReceiptView } from '@honglin/shared';
import { Card } from '../../../../components/Card';
import { InfoRow } from '../../../../components/InfoRow';
import { Loadable } from '../../../../components/Loadable';
import { PageShell } from '../../../../components/PageShell';
import { useRemote } from '../../../../hooks/useRemote';
import { getOrderReceipt, getReceipt } from '../../../../services/dues';
import '../../dues.scss';

export default function ReceiptPage() {
  return <PageShell>{() => <Receipt />}</PageShell>;
}

function Receipt() {
  const { orderId, receiptId } = useRouter().params;
  const receipt = useRemote(() => (receiptId ? getReceipt(receiptId) : getOrderReceipt(orderId ?? '')));
  return <Loadable remote={receipt}>{(r) => <ReceiptBody r={r} />}</Loadable>;
}

function ReceiptBody({ r }: { r: ReceiptView }) {
  return (
    <View data-testid="dues-receipt">
      <Card title={r.onBehalf ? '党费电子收据（代缴）' : '党费电子收据'}>
        <InfoRow label="党员" value={r.memberName} testId="receipt-member" />
        <InfoRow label="党支部" value={r.branchName} />
        <InfoRow label="所属月份" value={r.months.join('、')} testId="receipt-months" />
        <InfoRow label="金额" value={`${formatYuan(r.totalFen)} 元`} testId="receipt-total" />
        {r.extraFen ? <InfoRow label="其中自愿多交" value={`${formatYuan(r.extraFen)} 元`} /> : null}
        {r.refundedFen ? <InfoRow label="已退款" value={`${formatYuan(r.refundedFen)} 元`} /> : null}
        {r.onBehalf ? <InfoRow label="代缴人" value={`${r.payerName}（代缴）`} testId="receipt-payer" /> : null}
        <InfoRow label="缴纳时间" value={formatChinaDateTime(r.paidAt)} />
        <InfoRow label="微信支付单号" value={r.transactionId} />
        <Text className="dues-receipt-code" data-testid="receipt-code">{`校验码 ${r.code}`}</Text>
        <Text className="muted">任何人可凭校验码核验本收据真伪。</Text>
      </Card>
    </View>
  );
}
