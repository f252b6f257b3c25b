import { useState } from 'react';
import { usePageShow } from '../../../../hooks/usePageShow';
import { Text, View } from '@tarojs/components';
import { PERSON_TAG_LABELS, type RosterSourceView } from '@honglin/shared';
import { BigButton } from '../../../../components/BigButton';
import { Card } from '../../../../components/Card';
import { EmptyState } from '../../../../components/EmptyState';
import { Field } from '../../../../components/Field';
import { PageShell } from '../../../../components/PageShell';
import { ROUTES } from '../../../../routes';
import { formErrorText } from '../../../../services/request';
import { createSource, exportSource, listSources } from '../../../../services/roster';
import { go } from '../../../grid/lib/go';
import '../../roster.scss';

export default function SourcesPage() {
  return <PageShell title="名单导入" subtitle="民政、老龄办、派出所等名单导入户档案，自动查重">{() => <Sources />}</PageShell>;
}

/** The community's named sources: upload a new file of one, export it back, or open the two review queues. */
function Sources() {
  const [items, setItems] = useState<RosterSourceView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [formError, setFormError] = useState<string | null>(null);
  const load = () => listSources().then(setItems, (e: Error) => setError(e.message));
  usePageShow(() => void load());
  if (error) return <EmptyState title="无法打开名单导入" description={error} />;
  if (!items) return <EmptyState title="正在加载…" />;
  const add = () => createSource(name.trim()).then(() => (setName(''), setFormError(null), load()), (e) => setFormError(formErrorText(e)));
  return (
    <View>
      <Card title="待处理">
        <View className="grid-choice">
          <BigButton variant="secondary" onClick={go(ROUTES.rosterPairs)} testId="roster-open-pairs">可能同一人</BigButton>
        </View>
      </Card>
      {items.map((s) => (
        <Card key={s.id} title={s.name} testId="roster-source">
          <Text className="grid-line">已记住的列：{Object.keys(s.mapping).length ? Object.keys(s.mapping).join('、') : '尚未导入过'}</Text>
          {s.impliedTags.length ? <Text className="grid-line">导入即标记：{s.impliedTags.map((t) => PERSON_TAG_LABELS[t]).join('、')}</Text> : null}
          <View className="grid-choice">
            <BigButton onClick={go(`${ROUTES.rosterImport}?sourceId=${s.id}`)} testId="roster-upload">上传名单</BigButton>
            <BigButton variant="secondary" onClick={() => void exportSource(s)} testId="roster-export">导出</BigButton>
          </View>
        </Card>
      ))}
      <Card title="新建名单来源">
        <Field label="来源名称，如“民政低保名单”" value={name} onInput={setName} testId="roster-source-name" />
        {formError ? <Text className="grid-line grid-overdue">{formError}</Text> : null}
        <BigButton variant="secondary" onClick={add} testId="roster-source-add">新建</BigButton>
      </Card>
    </View>
  );
}
