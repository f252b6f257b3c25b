import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import type { FamilyLinksView } from '@honglin/shared';
import { EmptyState } from '../../../../components/EmptyState';
import { PageShell } from '../../../../components/PageShell';
import { listLinks } from '../../../../services/family';
import { ElderSide } from '../../lib/ElderSide';
import { FamilySide } from '../../lib/FamilySide';
import { ProxyHistory } from '../../lib/ProxyHistory';
import '../../family.scss';
import { usePageShow } from '../../../../hooks/usePageShow';

export default function FamilyPage() {
  return <PageShell>{() => <Family />}</PageShell>;
}

/**
 * 亲情账号, both sides on one page: the older resident lets family help (code, 同意, 解除) and sees
 * every action taken for them; the family member links with the code and helps.
 */
function Family() {
  const [links, setLinks] = useState<FamilyLinksView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const load = () =>
    listLinks().then(
      (l) => {
        setLinks(l);
        setVersion((v) => v + 1);
      },
      (e: Error) => setError(e.message),
    );
  usePageShow(() => void load());
  if (error) return <EmptyState title="加载失败" description={error} action={{ text: '重试', onTap: () => void load() }} />;
  if (!links) return <Text>正在加载…</Text>;
  return (
    <View>
      <ElderSide links={links.helpers} reload={load} />
      <FamilySide links={links.elders} reload={load} />
      <ProxyHistory key={version} />
    </View>
  );
}
