import { useCallback, useEffect, useRef, useState } from 'react';
import Taro, { useReachBottom, useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { ROLE_LABELS, type MemberSummary } from '@honglin/shared';
import { BigButton } from '../../../../components/BigButton';
import { Card } from '../../../../components/Card';
import { EmptyState } from '../../../../components/EmptyState';
import { PageShell } from '../../../../components/PageShell';
import { listNodeMembers } from '../../../../services/org';
import { RevealPhone } from './RevealPhone';
import './index.scss';

export default function MembersPage() {
  const { params } = useRouter();
  const nodeId = params.id ?? '';
  const name = safeDecode(params.name ?? '');
  // A node's name is long (幸福社区第一党支部): it heads the page; the bar keeps a short title that fits.
  useEffect(() => void Taro.setNavigationBarTitle({ title: '成员名单' }), []);
  return <PageShell title={name || undefined}>{() => <Members nodeId={nodeId} />}</PageShell>;
}

interface ListState {
  items: MemberSummary[];
  cursor: string | null;
  done: boolean;
}

function Members({ nodeId }: { nodeId: string }) {
  const [list, setList] = useState<ListState>({ items: [], cursor: null, done: false });
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const busy = useRef(false);

  const loadMore = useCallback(async () => {
    if (busy.current || list.done) return;
    busy.current = true;
    setLoading(true);
    setError(null);
    try {
      const page = await listNodeMembers(nodeId, list.cursor);
      setList({ items: [...list.items, ...page.items], cursor: page.nextCursor, done: page.nextCursor === null });
    } catch (failure) {
      setError((failure as Error).message);
    } finally {
      busy.current = false;
      setLoading(false);
    }
  }, [nodeId, list]);

  useEffect(() => {
    void loadMore();
    // First page only; later pages come from the button or scrolling to the bottom.
  }, [nodeId]);
  useReachBottom(() => {
    if (!error) void loadMore();
  });

  if (list.done && list.items.length === 0) return <EmptyState title="这里还没有成员" testId="members-empty" />;
  return (
    <View>
      {list.items.map((member) => (
        <Card key={member.id} testId={`member-${member.id}`}>
          <View className="member-row">
            <Text className="member-row__name">{member.name}</Text>
            <Text className="muted">{member.phoneMasked ?? '未绑定手机号'}</Text>
          </View>
          <Text className="muted member-row__meta">
            {[member.roles.map((role) => ROLE_LABELS[role]).join('、'), member.grid?.name, member.branch?.name].filter(Boolean).join(' · ')}
          </Text>
          {member.phoneMasked ? <RevealPhone userId={member.id} name={member.name} /> : null}
        </Card>
      ))}
      {error ? (
        <EmptyState title="加载失败" description={error} action={{ text: '重试', onTap: () => void loadMore(), testId: 'reload' }} testId="load-error" />
      ) : list.done ? (
        <Text className="muted members-end">{`共 ${list.items.length} 人，已全部显示`}</Text>
      ) : (
        <BigButton variant="secondary" onClick={() => void loadMore()} loading={loading} testId="load-more">
          {loading ? '正在加载…' : '加载更多'}
        </BigButton>
      )}
    </View>
  );
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
