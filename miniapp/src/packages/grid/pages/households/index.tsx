import { useState } from 'react';
import { usePageShow } from '../../../../hooks/usePageShow';
import { Text, View } from '@tarojs/components';
import { PERSON_TAG_LABELS, PERSON_TAGS, type HouseholdListItem, type PersonTag } from '@honglin/shared';
import { BigButton } from '../../../../components/BigButton';
import { Card } from '../../../../components/Card';
import { EmptyState } from '../../../../components/EmptyState';
import { Field } from '../../../../components/Field';
import { PageShell } from '../../../../components/PageShell';
import { ROUTES } from '../../../../routes';
import { listHouseholds } from '../../../../services/grid';
import { go } from '../../lib/go';
import '../../grid.scss';

const FILTERS = [
  ['all', '全部'],
  ['overdue', '逾期'],
  ['due', '近期到期'],
  ['warned', '有预警'],
] as const;

export default function HouseholdsPage() {
  return <PageShell title="户档案">{() => <Households />}</PageShell>;
}

/** My grids' households: search by name, building or room, by tag, filter due / overdue / warned. ID numbers and phones come masked. */
function Households() {
  const [q, setQ] = useState('');
  const [filter, setFilter] = useState<string>('all');
  const [tag, setTag] = useState<PersonTag | null>(null);
  const [items, setItems] = useState<HouseholdListItem[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = (f = filter, t = tag) => {
    setFilter(f);
    setTag(t);
    setItems(null);
    setError(null);
    listHouseholds({ q, filter: f, tag: t }).then((p) => setItems(p.items), (e: Error) => setError(e.message));
  };
  usePageShow(() => load());
  return (
    <View>
      <Field label="姓名、楼栋或门牌号" value={q} onInput={setQ} testId="grid-search" />
      <BigButton onClick={() => load()} testId="grid-search-go">搜索</BigButton>
      <View className="grid-choice">
        {FILTERS.map(([key, text]) => (
          <BigButton key={key} variant={key === filter ? 'primary' : 'secondary'} onClick={() => load(key)} testId={`grid-filter-${key}`}>
            {text}
          </BigButton>
        ))}
      </View>
      <View className="chips">
        {PERSON_TAGS.map((t) => (
          <View key={t} className={`chip${t === tag ? ' chip--on' : ''}`} onClick={() => load(filter, t === tag ? null : t)} data-testid={`grid-tag-${t}`}>
            {PERSON_TAG_LABELS[t]}{t === tag ? ' ✓' : ''}
          </View>
        ))}
      </View>
      {error ? <EmptyState title="无法打开户档案" description={error} /> : null}
      {!error && !items ? <EmptyState title="正在加载…" /> : null}
      {items?.length === 0 ? <EmptyState title="没有符合条件的户" testId="grid-households-empty" /> : null}
      {items?.map((h) => (
        <Card key={h.id} title={`${h.grid.name} ${h.label}`} testId="grid-household">
          {h.members.map((m) => (
            <Text key={m.userId} className="grid-line">
              {m.name}（{m.age ?? '?'}岁）{m.tags.map((t) => t.label).join(' ')} {m.phoneMasked ?? ''} {m.idNumberMasked ?? ''}
            </Text>
          ))}
          <Text className={`grid-line${h.due.state === 'overdue' ? ' grid-overdue' : ''}`}>
            {h.due.state === 'overdue' ? `已逾期${h.due.days}天` : `下次走访 ${h.nextDueOn}`}（每{h.cadenceDays}天）{h.openWarnings ? ` · ${h.openWarnings}条预警` : ''}
          </Text>
          <BigButton variant="secondary" onClick={go(`${ROUTES.gridHousehold}?id=${h.id}`)} testId="grid-household-open">查看档案</BigButton>
        </Card>
      ))}
    </View>
  );
}
