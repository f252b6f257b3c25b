import { useState } from 'react';
import Taro from '@tarojs/taro';
import { usePageShow } from '../../../../hooks/usePageShow';
import { Text, View } from '@tarojs/components';
import {
  FIELD_SOURCE_LABELS,
  HOUSEHOLD_RELATION_LABELS,
  MEMBERSHIP_END_LABELS,
  RESIDENCE_TYPE_LABELS,
  VISIT_METHOD_LABELS,
  VISIT_SITUATION_LABELS,
  WARNING_LEVEL_LABELS,
  formatChinaDate,
  formatChinaDateTime,
  type HouseholdFileView,
  type Provenance,
} from '@honglin/shared';
import { BigButton } from '../../../../components/BigButton';
import { Card } from '../../../../components/Card';
import { EmptyState } from '../../../../components/EmptyState';
import { InfoRow } from '../../../../components/InfoRow';
import { PageShell } from '../../../../components/PageShell';
import { ROUTES } from '../../../../routes';
import { completeTask, householdFile } from '../../../../services/grid';
import { rememberFile } from '../../lib/file-cache';
import { VisitPhoto } from '../../lib/VisitPhoto';
import { go } from '../../lib/go';
import { ListedIn, Verifications } from '../../components/Verifications';
import { VisitFollowup } from '../../components/VisitFollowup';
import '../../grid.scss';

/** Where a value came from, on tap: 导入：民政低保名单, 2026-12-01 核实. */
const source = (p: Provenance | undefined) => () =>
  void Taro.showModal({ title: '信息来源', content: p ? `${FIELD_SOURCE_LABELS[p.source]}${p.sourceName ? `：${p.sourceName}` : ''}，${formatChinaDate(p.verifiedAt)}核实` : '没有记录来源', showCancel: false });

export default function HouseholdPage() {
  return <PageShell>{() => <Household id={Taro.getCurrentInstance().router?.params.id ?? ''} />}</PageShell>;
}

/** One household's file: members with tags and where each fact came from, visits, tasks and open warnings. */
function Household({ id }: { id: string }) {
  const [file, setFile] = useState<HouseholdFileView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = () => householdFile(id).then((f) => setFile(rememberFile(f)), (e: Error) => setError(e.message));
  usePageShow(() => void load());
  if (error) return <EmptyState title="无法打开户档案" description={error} />;
  if (!file) return <EmptyState title="正在加载…" />;
  return (
    <View>
      <Card title={`${file.grid.name} ${file.label}`} testId="household-file">
        <InfoRow label="下次走访" value={`${file.nextDueOn}（每${file.cadenceDays}天）`} testId="household-next-due" />
        <InfoRow label="地址" value={file.address} />
        <BigButton onClick={go(`${ROUTES.gridVisit}?id=${file.id}`)} testId="household-record-visit">登记走访</BigButton>
      </Card>
      {file.warnings.filter((w) => w.status !== 'resolved').map((w) => (
        <Card key={w.id} title={`${WARNING_LEVEL_LABELS[w.level]}色预警`} testId="household-warning">
          <Text className="grid-line">{w.sentence}</Text>
        </Card>
      ))}
      <Verifications householdId={file.id} />
      {file.members.map((m) => (
        <Card key={m.userId} title={`${m.name}（${HOUSEHOLD_RELATION_LABELS[m.relation]}）`} testId="household-member">
          <InfoRow label="年龄" value={m.age === null ? null : `${m.age}岁`} />
          <InfoRow label="居住类型" value={`${RESIDENCE_TYPE_LABELS[m.residenceType]}${m.arrivedOn ? `，${m.arrivedOn}来此` : ''}`} />
          {m.endedOn ? <InfoRow label="状态" value={`${m.endedOn} ${m.endReason ? MEMBERSHIP_END_LABELS[m.endReason] : ''}`} /> : null}
          <InfoRow label="身份证号" value={m.idNumber} onTap={source(m.provenance.idNumber)} actionText="来源" />
          <InfoRow label="电话" value={m.phones.join('、')} onTap={source(m.provenance.phones)} actionText="来源" testId="member-phones" />
          <ListedIn userId={m.userId} />
          <InfoRow label="紧急联系人" value={m.emergencyContact ? `${m.emergencyContact.name} ${m.emergencyContact.phone}` : null} />
          <InfoRow label="情况备注" value={m.notes} placeholder="无" />
          {m.tags.map((t) => (
            <Text key={t.tag} className="grid-line">
              标签：{t.label}（{t.derived ? '自动得出' : `${FIELD_SOURCE_LABELS[t.provenance!.source]}${t.provenance!.sourceName ? `：${t.provenance!.sourceName}` : ''}，${formatChinaDate(t.provenance!.verifiedAt)}核实`}）
            </Text>
          ))}
        </Card>
      ))}
      <Card title="待办事项" testId="household-tasks">
        {file.tasks.length === 0 ? <Text className="grid-line">没有待办</Text> : null}
        {file.tasks.map((t) => (
          <View key={t.id}>
            <Text className="grid-line">{t.status === 'done' ? '已办结：' : '待办：'}{t.text}</Text>
            {t.status === 'open' ? <BigButton variant="secondary" onClick={() => completeTask(t.id).then(load)} testId="household-task-done">办结</BigButton> : null}
          </View>
        ))}
      </Card>
      <Card title="走访记录" testId="household-visits">
        {file.visits.length === 0 ? <Text className="grid-line">还没有走访记录</Text> : null}
        {file.visits.map((v) => (
          <View key={v.id}>
            <Text className="grid-line" data-testid="household-visit">
              {formatChinaDateTime(v.visitedAt)} {v.visitor.name} {VISIT_METHOD_LABELS[v.method]} · {VISIT_SITUATION_LABELS[v.situation]}
              {v.notes ? ` · ${v.notes}` : ''}{v.correctedBy ? '（已更正）' : ''}{v.correctsVisitId ? '（更正记录）' : ''}{v.location ? ' · 已记录走访位置' : ''}
            </Text>
            {v.photoUrl ? <VisitPhoto url={v.photoUrl} /> : null}
            {v.correctedBy ? null : <VisitFollowup visitId={v.id} suggestion={v.needs.join('；')} />}
          </View>
        ))}
      </Card>
    </View>
  );
}
