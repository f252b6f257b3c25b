import { useEffect } from 'react';
import { useReachBottom } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { DataAccessView } from '@honglin/shared';
import { BigButton } from '../../../../components/BigButton';
import { Card } from '../../../../components/Card';
import { EmptyState } from '../../../../components/EmptyState';
import { PageShell } from '../../../../components/PageShell';
import { getDataAccess } from '../../../../services/audit';
import { usePaged } from '../../lib/usePaged';
import '../../lib/audit.scss';

export default function DataAccessPage() {
  return (
    <PageShell title="谁查看了我的数据" subtitle="组织者、党费管理员或家人查看、导出或修改您的个人信息时，都会记在这里">
      {() => <DataAccess />}
    </PageShell>
  );
}

export function DataAccess() {
  const list = usePaged<DataAccessView>(getDataAccess);
  useEffect(() => {
    void list.restart();
  }, []);
  useReachBottom(() => {
    if (!list.error) void list.more();
  });

  if (list.done && list.items.length === 0) {
    return <EmptyState title="还没有其他人查看过您的数据" description="有人查看您的完整手机号、党费基数等信息时，会在这里显示。" testId="data-access-empty" />;
  }
  return (
    <View>
      {list.items.map((e) => (
        <Card key={e.seq} testId="data-access-item">
          <Text className="audit-entry__what">{e.description}</Text>
          <Text className="audit-entry__line">{`${e.actorName}${e.roleText ? `（${e.roleText}）` : ''}`}</Text>
          <Text className="audit-entry__line muted">{`北京时间 ${e.atText}`}</Text>
        </Card>
      ))}
      {list.error ? (
        <EmptyState title="加载失败" description={list.error} action={{ text: '重试', onTap: () => void list.more(), testId: 'reload' }} testId="load-error" />
      ) : list.done ? (
        <Text className="muted audit-end">已全部显示</Text>
      ) : (
        <BigButton variant="secondary" onClick={() => void list.more()} loading={list.loading} testId="load-more">
          {list.loading ? '正在加载…' : '加载更多'}
        </BigButton>
      )}
    </View>
  );
}
