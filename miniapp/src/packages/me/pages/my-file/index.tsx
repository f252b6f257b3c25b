import { useState } from 'react';
import { usePageShow } from '../../../../hooks/usePageShow';
import { Text, View } from '@tarojs/components';
import { type CorrectionView, FIELD_SOURCE_LABELS, HOUSEHOLD_RELATION_LABELS, RESIDENCE_TYPE_LABELS, VISIT_METHOD_LABELS, VISIT_SITUATION_LABELS, formatChinaDate, formatChinaDateTime, type MyFileView } from '@honglin/shared';
import { Card } from '../../../../components/Card';
import { EmptyState } from '../../../../components/EmptyState';
import { InfoRow } from '../../../../components/InfoRow';
import { PageShell } from '../../../../components/PageShell';
import { myCorrections, myFile } from '../../../../services/grid';
import { LocationConsent } from './LocationConsent';
import { CorrectionForm } from './CorrectionForm';
// The grid package's form styles (elder-size text areas); styles are compiled in, not shared at run time.
import '../../../grid/grid.scss';

export default function MyFilePage() {
  return <PageShell title="我的档案" subtitle="网格员为您登记的信息；谁查看过，在“谁查看了我的数据”里都能看到">{() => <MyFile />}</PageShell>;
}

/** 我的档案: the resident's own record (sensitive numbers masked), tags with their source, and the visits. */
function MyFile() {
  const [file, setFile] = useState<MyFileView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [corrections, setCorrections] = useState<CorrectionView[]>([]);
  const loadCorrections = () => void myCorrections().then(setCorrections, () => undefined);
  usePageShow(() => {
    void myFile().then(setFile, (e: Error) => setError(e.message));
    loadCorrections();
  });
  if (error) return <EmptyState title="无法打开我的档案" description={error} />;
  if (!file) return <EmptyState title="正在加载…" />;
  if (!file.person) return <EmptyState title="还没有建档" description="网格员上门登记后，这里会显示您的档案" testId="my-file-empty" />;
  const p = file.person;
  return (
    <View>
      <Card title={file.household?.label ?? '我的住户'} testId="my-file">
        <InfoRow label="姓名" value={p.name} testId="my-file-name" />
        <InfoRow label="与户主关系" value={HOUSEHOLD_RELATION_LABELS[p.relation]} />
        <InfoRow label="居住类型" value={RESIDENCE_TYPE_LABELS[p.residenceType]} />
        <InfoRow label="身份证号" value={p.idNumberMasked} />
        <InfoRow label="出生日期" value={p.birthDate} />
        <InfoRow label="电话" value={p.phones.join('、')} />
        <InfoRow label="紧急联系人" value={p.emergencyContact ? `${p.emergencyContact.name}` : null} />
        {p.tags.map((t) => (
          <Text key={t.tag} className="info-row__value">
            {t.label}（{t.derived ? '按年龄或党组织关系自动得出' : `${FIELD_SOURCE_LABELS[t.provenance!.source]}，${formatChinaDate(t.provenance!.verifiedAt)}核实`}）
          </Text>
        ))}
      </Card>
      <Card title="走访记录" testId="my-file-visits">
        {file.visits.length === 0 ? <Text className="info-row__value">还没有走访记录</Text> : null}
        {file.visits.map((v) => (
          <InfoRow key={v.id} label={formatChinaDateTime(v.visitedAt)} value={`${v.visitor.name} ${VISIT_METHOD_LABELS[v.method]} · ${VISIT_SITUATION_LABELS[v.situation]}`} testId="my-file-visit" />
        ))}
      </Card>
      <LocationConsent allowed={file.visitLocationConsent} />
      <CorrectionForm mine={corrections} onFiled={loadCorrections} />
    </View>
  );
}
