import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { billingMonthOf, formatYuan, shiftMonth, type BoardView } from '@honglin/shared';
import { BigButton } from '../../../../components/BigButton';
import { Card } from '../../../../components/Card';
import { InfoRow } from '../../../../components/InfoRow';
import { Loadable } from '../../../../components/Loadable';
import { PageShell } from '../../../../components/PageShell';
import { useRemote } from '../../../../hooks/useRemote';
import { generateBills, getBoard, listDuesBranches, remindUnpaid } from '../../../../services/dues';
import { showError } from '../../../../services/request';
import { payBills } from '../../lib/pay';
import '../../dues.scss';
import { Reconciliations } from './Reconciliations';

/** The treasurer's month: paid / unpaid / overdue with totals; generate bills, remind, pay on behalf (代缴); recent reconciliations. */
export default function BoardPage() {
  return <PageShell>{() => <Branches />}</PageShell>;
}

function Branches() {
  const branches = useRemote(listDuesBranches);
  return <Loadable remote={branches}>{(list) => (list.length ? <Board branchId={list[0].id} /> : <Text className="muted">您不是党费管理员</Text>)}</Loadable>;
}

function Board({ branchId }: { branchId: string }) {
  const [month, setMonth] = useState(billingMonthOf(new Date()));
  const board = useRemote(() => getBoard(branchId, month), { everyShow: true });
  const act = (work: () => Promise<string>) => () =>
    void work().then((title) => {
      void Taro.showToast({ title, icon: 'none' });
      board.reload();
    }, showError);
  const shift = (d: number) => () => {
    setMonth(shiftMonth(month, d));
    setTimeout(board.reload, 0);
  };
  return (
    <View>
      <View className="option-row">
        <Text onClick={shift(-1)}>‹ 上月</Text>
        <Text data-testid="board-month">{month}</Text>
        <Text onClick={shift(1)}>下月 ›</Text>
      </View>
      <Loadable remote={board}>
        {(b) => (
          <BoardBody
            b={b}
            branchId={branchId}
            onGenerate={act(async () => `新生成 ${(await generateBills(branchId, month)).created} 张账单`)}
            onRemind={act(async () => `已提醒 ${(await remindUnpaid(branchId, month)).enqueued} 人`)}
          />
        )}
      </Loadable>
    </View>
  );
}

function BoardBody({ b, branchId, onGenerate, onRemind }: { b: BoardView; branchId: string; onGenerate: () => void; onRemind: () => void }) {
  const t = b.totals;
  return (
    <View>
      <Card title={b.branchName} testId="board-totals">
        <InfoRow label="已缴" value={`${t.paidCount} 人 · ${formatYuan(t.paidFen)} 元`} testId="board-paid" />
        <InfoRow label="未缴" value={`${t.unpaidCount} 人 · ${formatYuan(t.unpaidFen)} 元`} testId="board-unpaid" />
        <InfoRow label="逾期" value={`${t.overdueCount} 人 · ${formatYuan(t.overdueFen)} 元`} />
        <BigButton variant="secondary" onClick={onGenerate} testId="board-generate">生成本月账单</BigButton>
        <BigButton variant="secondary" onClick={onRemind} testId="board-remind">提醒未缴党员</BigButton>
      </Card>
      <Reconciliations branchId={branchId} />
      <Card title="明细">
        {b.bills.map((bill) => (
          <View key={bill.id} className="option-row" data-testid={`board-bill-${bill.memberName}`}>
            <Text>{bill.memberName}</Text>
            <Text>{`${formatYuan(bill.amountFen)} 元 · ${bill.status === 'paid' ? (bill.onBehalf ? '已缴（代缴）' : '已缴') : bill.overdue ? '逾期' : '未缴'}`}</Text>
            {bill.status === 'unpaid' ? (
              <Text className="info-row__action" onClick={() => void payBills([bill.id], 0).catch(showError)}>
                代缴
              </Text>
            ) : null}
          </View>
        ))}
      </Card>
    </View>
  );
}
