import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import type { MeView } from '@honglin/shared';
import { Card } from '../../components/Card';
import { EmptyState } from '../../components/EmptyState';
import { InfoRow } from '../../components/InfoRow';
import { PageShell } from '../../components/PageShell';
import { ROUTES } from '../../routes';

export default function StudyPage() {
  return <PageShell>{(me) => <Study me={me} />}</PageShell>;
}

/** Study tasks are published per Party branch; until the study module ships, none exist. */
function Study({ me }: { me: MeView }) {
  if (!me.branch) {
    return (
      <EmptyState
        title="您还没有关联党支部"
        description="学习任务由党支部发布。如果您是党员，可以在“我的”里申请认证党员身份。"
        action={{ text: '去“我的”', onTap: () => void Taro.switchTab({ url: ROUTES.me }), testId: 'study-go-me' }}
        testId="study-no-branch"
      />
    );
  }
  return (
    <View>
      <Card title="所在党组织">
        <InfoRow label="党支部" value={me.branch.name} testId="study-branch" />
        <InfoRow label="党小组" value={me.partyGroup?.name} placeholder="未分组" />
      </Card>
      <EmptyState
        title="本支部暂无学习任务"
        description={`${me.branch.name}发布学习任务后，会在这里通知您。`}
        testId="study-empty"
      />
    </View>
  );
}
