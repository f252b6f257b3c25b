import { useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import type { MemberSummary } from '@honglin/shared';
import { listNodeMembers } from '../services/org';
import { BigButton } from './BigButton';

/**
 * An organiser finds someone of an organisation by name (the people they may act for): type part of
 * the name, tap 查找, tap the person. Phones stay masked; birth year tells two 王秀英 apart.
 */
export function PersonPicker({ nodeId, picked, onPick }: { nodeId: string; picked: MemberSummary | null; onPick: (m: MemberSummary) => void }) {
  const [q, setQ] = useState('');
  const [found, setFound] = useState<MemberSummary[] | null>(null);
  const [busy, setBusy] = useState(false);
  const search = async () => {
    setBusy(true);
    try {
      setFound((await listNodeMembers(nodeId, null, q)).items);
    } catch {
      setFound([]);
    } finally {
      setBusy(false);
    }
  };
  return (
    <View>
      <Input className="form-input" value={q} placeholder="输入姓名查找" onInput={(e) => setQ(e.detail.value)} data-testid="person-search" />
      <BigButton variant="secondary" loading={busy} disabled={!q.trim()} onClick={() => void search()} testId="person-search-go">
        查找
      </BigButton>
      {found?.length === 0 ? <Text className="muted">没有找到，请核对姓名；没有智能手机的居民请先登记。</Text> : null}
      {found?.map((m) => (
        <View key={m.id} className={`option-row${picked?.id === m.id ? ' option-row--selected' : ''}`} onClick={() => onPick(m)} data-testid="person-option">
          <Text>{`${m.name}${m.birthYear ? `（${m.birthYear}年生）` : ''}`}</Text>
          <Text className="option-row__mark">{m.grid?.name ?? m.phoneMasked ?? ''}</Text>
        </View>
      ))}
    </View>
  );
}
