import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { MeView } from '@honglin/shared';
import { BigButton } from '../../../../components/BigButton';
import { EmptyState } from '../../../../components/EmptyState';
import { Loadable } from '../../../../components/Loadable';
import { PageShell } from '../../../../components/PageShell';
import { useRemote } from '../../../../hooks/useRemote';
import { listMeetings, MEETING_PAGES } from '../../../../services/meetings';
import { askForSubscriptions } from '../../../../services/notifications';
import { isManager } from '../../../../stores/session';
import { MeetingCard } from '../../lib/MeetingCard';
import '../../lib/meetings.scss';

type Tab = 'upcoming' | 'past' | 'managed';

export default function MeetingListPage() {
  return <PageShell title="三会一课" subtitle="会议通知、请假与签到">{(me) => <MeetingList me={me} />}</PageShell>;
}

function MeetingList({ me }: { me: MeView }) {
  const manager = isManager(me);
  const [tab, setTab] = useState<Tab>('upcoming');
  const remote = useRemote(() => (tab === 'managed' ? listMeetings('managed', 'all') : listMeetings('mine', tab)), { everyShow: true });
  const choose = (next: Tab) => () => {
    setTab(next);
    setTimeout(remote.reload, 0);
  };
  const go = (url: string) => () => void Taro.navigateTo({ url });
  const tabs: [Tab, string][] = [['upcoming', '待参加'], ['past', '已结束'], ...(manager ? ([['managed', '我组织的']] as [Tab, string][]) : [])];
  return (
    <View>
      <BigButton onClick={go(MEETING_PAGES.scan)} testId="go-scan">扫码签到</BigButton>
      <View className="meeting-tabs">
        {tabs.map(([key, label]) => (
          <Text key={key} className={`meeting-tab${tab === key ? ' meeting-tab--active' : ''}`} onClick={choose(key)} data-testid={`meeting-tab-${key}`}>
            {label}
          </Text>
        ))}
      </View>
      <Loadable remote={remote}>
        {(list) => (list.length === 0 ? <EmptyState title="暂无会议" testId="meetings-empty" /> : <View>{list.map((m) => <MeetingCard key={m.id} meeting={m} />)}</View>)}
      </Loadable>
      <BigButton variant="secondary" onClick={go(MEETING_PAGES.myAttendance)} testId="go-my-attendance">我的考勤记录</BigButton>
      {process.env.TARO_ENV === 'weapp' ? (
        // WeChat only lets a tap ask; each acceptance allows one meeting notice by WeChat message.
        <BigButton variant="secondary" onClick={() => void askForSubscriptions(['meeting_notice'])} testId="subscribe-meetings">接收会议微信通知</BigButton>
      ) : null}
      {manager ? (
        <View>
          <BigButton variant="secondary" onClick={go(MEETING_PAGES.edit)} testId="meeting-create">安排会议</BigButton>
          <BigButton variant="secondary" onClick={go(MEETING_PAGES.compliance)} testId="go-compliance">支部会议落实情况</BigButton>
        </View>
      ) : null}
    </View>
  );
}
