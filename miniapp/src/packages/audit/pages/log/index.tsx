import { useEffect, useState } from 'react';
import { useReachBottom } from '@tarojs/taro';
import { Picker, Text, View } from '@tarojs/components';
import { AUDIT_READS, AUDITED_WRITES, formatChinaDateTime, type AuditEntryView, type MeView } from '@honglin/shared';
import { BigButton } from '../../../../components/BigButton';
import { Card } from '../../../../components/Card';
import { EmptyState } from '../../../../components/EmptyState';
import { PageShell } from '../../../../components/PageShell';
import { PersonPicker } from '../../../../components/PersonPicker';
import { searchAudit, type AuditSearch } from '../../../../services/audit';
import { usePaged } from '../../lib/usePaged';
import '../../lib/audit.scss';

/** 全部, then the reads of personal data, then the organisers' writes: an exact action is also a prefix. */
const ACTIONS: { label: string; action?: string }[] = [
  { label: '全部操作' },
  ...Object.entries(AUDIT_READS).map(([action, label]) => ({ label, action })),
  ...Object.entries(AUDITED_WRITES).map(([action, label]) => ({ label, action })),
];

type Person = { id: string; name: string };

export default function AuditLogPage() {
  return <PageShell title="审计日志" subtitle="组织者的操作和对他人个人信息的查看，按时间倒序">{(me) => <AuditLog me={me} />}</PageShell>;
}

function AuditLog({ me }: { me: MeView }) {
  const adminNode = me.roles.find((g) => g.role === 'admin')?.node;
  const [actionIndex, setActionIndex] = useState(0);
  const [fromDate, setFromDate] = useState('');
  const [toDate, setToDate] = useState('');
  const [actor, setActor] = useState<Person | null>(null);
  const [subject, setSubject] = useState<Person | null>(null);
  const [choosing, setChoosing] = useState(false);
  const search: AuditSearch = { action: ACTIONS[actionIndex].action, fromDate, toDate, actorId: actor?.id, subjectUserId: subject?.id };
  const list = usePaged<AuditEntryView>((cursor) => searchAudit(search, cursor));
  const key = JSON.stringify(search);
  useEffect(() => {
    if (adminNode) void list.restart();
  }, [key]);
  useReachBottom(() => {
    if (!list.error) void list.more();
  });

  if (!adminNode) return <EmptyState title="仅管理员可以查看审计日志" testId="audit-not-admin" />;
  const clear = () => {
    setActionIndex(0);
    setFromDate('');
    setToDate('');
    setActor(null);
    setSubject(null);
  };
  return (
    <View>
      <Card title="查询条件" testId="audit-filters">
        <Picker mode="selector" range={ACTIONS.map((a) => a.label)} value={actionIndex} onChange={(e) => setActionIndex(Number(e.detail.value))}>
          <Text className="audit-filter" data-testid="audit-action">{`操作：${ACTIONS[actionIndex].label}`}</Text>
        </Picker>
        <Picker mode="date" value={fromDate} onChange={(e) => setFromDate(e.detail.value)}>
          <Text className="audit-filter" data-testid="audit-from">{`从：${fromDate || '不限'}`}</Text>
        </Picker>
        <Picker mode="date" value={toDate} onChange={(e) => setToDate(e.detail.value)}>
          <Text className="audit-filter" data-testid="audit-to">{`到：${toDate || '不限'}`}</Text>
        </Picker>
        {actor ? <Chosen label="操作人" person={actor} onClear={() => setActor(null)} /> : null}
        {subject ? <Chosen label="涉及的人" person={subject} onClear={() => setSubject(null)} /> : null}
        {choosing ? (
          <PersonPicker
            nodeId={adminNode.id}
            picked={null}
            onPick={(m) => {
              setSubject({ id: m.id, name: m.name });
              setChoosing(false);
            }}
          />
        ) : (
          <BigButton variant="secondary" onClick={() => setChoosing(true)} testId="audit-pick-subject">
            按姓名查找涉及的人
          </BigButton>
        )}
        <BigButton variant="secondary" onClick={clear} testId="audit-clear">
          清除条件
        </BigButton>
      </Card>
      {list.done && list.items.length === 0 ? <EmptyState title="没有符合条件的记录" testId="audit-empty" /> : null}
      {list.items.map((e) => (
        <Card key={e.seq} testId="audit-item">
          <Text className="audit-entry__what">{e.description}</Text>
          <View className="option-row" onClick={() => setActor(e.actor)}>
            <Text>{`操作人：${e.actor.name}${e.roleText ? `（${e.roleText}）` : ''}`}</Text>
            <Text className="option-row__mark">只看此人</Text>
          </View>
          {e.subject ? (
            <View className="option-row" onClick={() => setSubject(e.subject)}>
              <Text>{`涉及：${e.subject.name}`}</Text>
              <Text className="option-row__mark">只看此人</Text>
            </View>
          ) : null}
          <Text className="audit-entry__line muted">{`北京时间 ${formatChinaDateTime(e.at)} · 第${e.seq}条`}</Text>
          {e.requestId ? <Text className="audit-entry__line muted">{`请求编号 ${e.requestId}${e.ip ? ` · ${e.ip}` : ''}`}</Text> : null}
        </Card>
      ))}
      {list.error ? (
        <EmptyState title="加载失败" description={list.error} action={{ text: '重试', onTap: () => void list.more(), testId: 'reload' }} testId="load-error" />
      ) : list.done ? (
        list.items.length ? <Text className="muted audit-end">已全部显示</Text> : null
      ) : (
        <BigButton variant="secondary" onClick={() => void list.more()} loading={list.loading} testId="load-more">
          {list.loading ? '正在加载…' : '加载更多'}
        </BigButton>
      )}
    </View>
  );
}

function Chosen({ label, person, onClear }: { label: string; person: Person; onClear: () => void }) {
  return (
    <View className="option-row option-row--selected" onClick={onClear}>
      <Text>{`${label}：${person.name}`}</Text>
      <Text className="option-row__mark">清除</Text>
    </View>
  );
}
