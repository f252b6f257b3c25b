import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { formatChinaDate, type VerificationView } from '@honglin/shared';
import { BigButton } from '../../../components/BigButton';
import { Card } from '../../../components/Card';
import { usePageShow } from '../../../hooks/usePageShow';
import { formErrorText } from '../../../services/request';
import { listVerifications, personSources, resolveVerification } from '../../../services/roster';

/**
 * 核验: where two lists disagree about someone in this household. Each value shows its source; the
 * grid worker taps the one that is right (asked at the door), and it is kept as 网格员核实 with today's date.
 */
export function Verifications({ householdId }: { householdId: string }) {
  const [items, setItems] = useState<VerificationView[]>([]);
  const load = () => listVerifications({ householdId }).then(setItems, () => setItems([]));
  usePageShow(() => void load());
  if (!items.length) return null;
  return (
    <Card title="待核验（名单信息不一致）" testId="verifications">
      {items.map((v) => <Verification key={v.id} v={v} onDone={load} />)}
    </Card>
  );
}

function Verification({ v, onDone }: { v: VerificationView; onDone: () => void }) {
  const [error, setError] = useState<string | null>(null);
  const choose = (value: string) => resolveVerification(v.id, value).then(onDone, (e) => setError(formErrorText(e)));
  return (
    <View data-testid="verification">
      <Text className="grid-line" data-testid="verification-prompt">{v.person.name} · {v.prompt}</Text>
      <View className="grid-choice">
        {v.values.map((x) => (
          <BigButton key={`${x.source}${x.value}`} variant="secondary" onClick={() => void choose(x.value)} testId="verification-choose">
            以{x.source}为准：{x.value}
          </BigButton>
        ))}
      </View>
      {error ? <Text className="grid-line grid-overdue">{error}</Text> : null}
    </View>
  );
}

/** Which named lists include this person (民政低保名单, 老龄办高龄名单 …). */
export function ListedIn({ userId }: { userId: string }) {
  const [names, setNames] = useState<{ name: string; importedAt: string }[]>([]);
  usePageShow(() => void personSources(userId).then(setNames, () => setNames([])));
  if (!names.length) return null;
  return <Text className="grid-line" data-testid="member-sources">所在名单：{names.map((n) => `${n.name}（${formatChinaDate(n.importedAt)}导入）`).join('、')}</Text>;
}
