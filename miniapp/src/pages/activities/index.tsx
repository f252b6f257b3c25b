import { View } from '@tarojs/components';
import type { MeView } from '@honglin/shared';
import { Card } from '../../components/Card';
import { EmptyState } from '../../components/EmptyState';
import { InfoRow } from '../../components/InfoRow';
import { PageShell } from '../../components/PageShell';

export default function ActivitiesPage() {
  return <PageShell>{(me) => <Activities me={me} />}</PageShell>;
}

/** Activities are published per community; until the activity module ships, none exist. */
function Activities({ me }: { me: MeView }) {
  if (!me.community) {
    return (
      <EmptyState
        title="您还没有登记所在社区"
        description="活动按社区发布。请联系社区工作人员登记您的住址。"
        testId="activities-no-community"
      />
    );
  }
  return (
    <View>
      <Card title="所在社区">
        <InfoRow label="社区" value={me.community.name} testId="activities-community" />
        <InfoRow label="网格" value={me.grid?.name} />
      </Card>
      <EmptyState
        title="本社区暂无可报名的活动"
        description={`${me.community.name}发布活动后，可以在这里报名。`}
        testId="activities-empty"
      />
    </View>
  );
}
