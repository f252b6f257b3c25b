import { Text, View } from '@tarojs/components';
import { formatYuan, RECONCILE_MISMATCH_LABELS, type ReconcileMismatch, type ReconcileRunView } from '@honglin/shared';
import { Card } from '../../../../components/Card';
import { Loadable } from '../../../../components/Loadable';
import { useRemote } from '../../../../hooks/useRemote';
import { getReconciliations } from '../../../../services/dues';

const yuan = (fen: number | null) => (fen === null ? '无' : `${formatYuan(fen)} 元`);

function mismatchText(m: ReconcileMismatch): string {
  return `${RECONCILE_MISMATCH_LABELS[m.kind]} · 订单 ${m.outTradeNo.slice(0, 8)}… · 本系统 ${yuan(m.localFen)} / 微信 ${yuan(m.billFen)}`;
}

/** The last week's daily reconciliations against WeChat Pay's trade bill, with this branch's differences. */
export function Reconciliations({ branchId }: { branchId: string }) {
  const runs = useRemote(() => getReconciliations(branchId));
  return (
    <Card title="微信支付对账（近7天）" testId="board-reconciliations">
      <Loadable remote={runs}>
        {(list) => (list.length ? list.map((r) => <Run key={r.date} run={r} />) : <Text className="muted">暂无对账记录：每天上午10点后自动核对前一天的微信支付账单。</Text>)}
      </Loadable>
    </Card>
  );
}

function Run({ run }: { run: ReconcileRunView }) {
  const n = run.mismatches.length;
  return (
    <View data-testid={`recon-${run.date}`}>
      <View className="option-row">
        <Text>{run.date}</Text>
        <Text>{`微信 ${run.billRows} 笔 · 本系统 ${run.localPaid} 笔 · ${n ? `${n} 处差异` : '本支部无差异'}`}</Text>
      </View>
      {run.mismatches.map((m) => (
        <Text key={`${m.kind}-${m.outTradeNo}`} className="muted dues-label">
          {mismatchText(m)}
        </Text>
      ))}
    </View>
  );
}
