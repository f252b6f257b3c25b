import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { MeView } from '@honglin/shared';
import { BigButton } from '../../components/BigButton';
import { Card } from '../../components/Card';
import { ElderModeOffer } from '../../components/ElderModeOffer';
import { ElderModeSwitch } from '../../components/ElderModeSwitch';
import { InfoRow } from '../../components/InfoRow';
import { PageShell } from '../../components/PageShell';
import { PageTabBar } from '../../components/TabBar';
import { ROUTES } from '../../routes';
import { MEETING_PAGES } from '../../services/meetings';
import { isManager } from '../../stores/session';
import { ElderHome } from './ElderHome';
import './index.scss';

export default function HomePage() {
  return (
    <>
      <PageShell title="红邻" subtitle="党建引领 · 邻里守望">{(me) => <Home me={me} />}</PageShell>
      <PageTabBar path="pages/home/index" />
    </>
  );
}

function Home({ me }: { me: MeView }) {
  const switchTab = (url: string) => () => void Taro.switchTab({ url });
  return (
    <View>
      <View className="home-greeting">
        <Text className="home-greeting__hello" data-testid="home-greeting">{`您好，${me.name}`}</Text>
        {me.community ? <Text className="muted">{`欢迎回到${me.community.name}`}</Text> : null}
      </View>
      {me.elderMode ? (
        <ElderHome me={me} />
      ) : (
        <View>
          <ElderModeOffer me={me} />
          <ElderModeSwitch prominent />
          <Card title="我的社区">
            <InfoRow label="社区" value={me.community?.name} testId="home-community" />
            <InfoRow label="网格" value={me.grid?.name} testId="home-grid" />
            <InfoRow label="党支部" value={me.branch?.name} placeholder="未加入" testId="home-branch" />
          </Card>
          <Card title="常用">
            <View className="home-entries">
              <BigButton variant="secondary" onClick={switchTab(ROUTES.study)} testId="entry-study">学习</BigButton>
              <BigButton variant="secondary" onClick={switchTab(ROUTES.activities)} testId="entry-activities">活动</BigButton>
              <BigButton variant="secondary" onClick={switchTab(ROUTES.me)} testId="entry-me">我的资料</BigButton>
              <BigButton variant="secondary" onClick={() => void Taro.navigateTo({ url: MEETING_PAGES.scan })} testId="entry-checkin">我要签到</BigButton>
              <BigButton variant="secondary" onClick={() => void Taro.navigateTo({ url: MEETING_PAGES.list })} testId="entry-meetings">我的会议</BigButton>
              {isManager(me) ? (
                <BigButton variant="secondary" onClick={() => void Taro.navigateTo({ url: ROUTES.orgTree })} testId="entry-org">
                  组织架构
                </BigButton>
              ) : null}
            </View>
          </Card>
        </View>
      )}
    </View>
  );
}
