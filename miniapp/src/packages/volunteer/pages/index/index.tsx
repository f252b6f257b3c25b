import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { formatChinaDateTime, type MeView } from '@honglin/shared';
import { BigButton } from '../../../../components/BigButton';
import { Card } from '../../../../components/Card';
import { EmptyState } from '../../../../components/EmptyState';
import { Loadable } from '../../../../components/Loadable';
import { PageShell } from '../../../../components/PageShell';
import { tapRole } from '../../../../components/a11y';
import { useRemote } from '../../../../hooks/useRemote';
import { ROUTES } from '../../../../routes';
import { myCalls, openShifts } from '../../../../services/volunteer';
import { isManager } from '../../../../stores/session';
import { ShiftCard } from '../../components/ShiftCard';
import '../../volunteer.scss';

export default function VolunteerHome() {
  return <PageShell title="志愿服务" subtitle="就近参加，服务邻里">{(me) => <Home me={me} />}</PageShell>;
}

function Home({ me }: { me: MeView }) {
  const [matching, setMatching] = useState(true);
  const calls = useRemote(myCalls, { everyShow: true });
  const shifts = useRemote(() => openShifts(matching), { everyShow: true });
  const go = (url: string) => () => void Taro.navigateTo({ url });
  const open = (calls.data ?? []).filter((c) => c.status === 'open' && c.myAnswer === 'none');
  return (
    <View>
      {open.length ? (
        <Card title="紧急召集" testId="open-calls">
          {open.map((c) => (
            <View key={c.id} className="vol-tappable" data-testid={`call-${c.title}`} onClick={go(`${ROUTES.volunteerCall}?id=${c.id}`)} {...tapRole()}>
              <Text className="vol-title">{c.title}</Text>
              <Text className="vol-meta">需要{c.needed}人，已有{c.accepted}人 · {formatChinaDateTime(c.startsAt)} · {c.place}</Text>
            </View>
          ))}
        </Card>
      ) : null}
      <Card title="我的志愿">
        <View className="row-actions">
          <BigButton variant="secondary" onClick={go(ROUTES.volunteerMine)} testId="entry-my-shifts">我的岗位</BigButton>
          <BigButton variant="secondary" onClick={go(ROUTES.volunteerHours)} testId="entry-my-hours">时长与星级</BigButton>
        </View>
        <BigButton variant="secondary" onClick={go(ROUTES.volunteerProfile)} testId="entry-profile">我的技能与服务网格</BigButton>
      </Card>
      {isManager(me) ? (
        <Card title="组织者">
          <BigButton onClick={go(ROUTES.volunteerLaunch)} testId="entry-launch">一键动员</BigButton>
          <View className="row-actions">
            <BigButton variant="secondary" onClick={go(ROUTES.volunteerManage)} testId="entry-manage">项目与岗位</BigButton>
            <BigButton variant="secondary" onClick={go(ROUTES.volunteerApprove)} testId="entry-approve">审核时长</BigButton>
          </View>
        </Card>
      ) : null}
      <Card title="可报名的岗位">
        <View className="chips">
          <Text className={`chip${matching ? ' chip--on' : ''}`} onClick={() => { setMatching(true); setTimeout(shifts.reload); }} {...tapRole('switch', { checked: matching })}>符合我的技能</Text>
          <Text className={`chip${matching ? '' : ' chip--on'}`} onClick={() => { setMatching(false); setTimeout(shifts.reload); }} {...tapRole('switch', { checked: !matching })}>全部岗位</Text>
        </View>
        <Loadable remote={shifts}>
          {(list) => (list.length ? list.map((s) => <ShiftCard key={s.id} s={s} />) : <EmptyState title="暂时没有可报名的岗位" description="可以先在“我的技能”里登记特长，有合适岗位时更容易被找到。" />)}
        </Loadable>
      </Card>
    </View>
  );
}
