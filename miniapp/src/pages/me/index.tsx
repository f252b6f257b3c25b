import { useState } from 'react';
import Taro, { useDidShow } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { ROLE_LABELS, maskPhone, type MeView } from '@honglin/shared';
import { BigButton } from '../../components/BigButton';
import { ConfirmButton } from '../../components/ConfirmButton';
import { Card } from '../../components/Card';
import { ElderModeSwitch } from '../../components/ElderModeSwitch';
import { InfoRow } from '../../components/InfoRow';
import { PageShell } from '../../components/PageShell';
import { PageTabBar } from '../../components/TabBar';
import { ROUTES } from '../../routes';
import { getMe } from '../../services/me';
import { isManager, isPartyMember, session } from '../../stores/session';
import { PartyStatus } from './PartyStatus';
import { PhoneBinding } from './PhoneBinding';
import { logoutEverywhere } from './logout';

export default function MePage() {
  useDidShow(() => {
    // Roles and application status change on the server (an organiser approves): refresh on each visit.
    if (session.get().status === 'signedIn') getMe().then(session.setMe, () => undefined);
  });
  return (
    <>
      <PageShell>{(me) => <Me me={me} />}</PageShell>
      <PageTabBar path="pages/me/index" />
    </>
  );
}

function Me({ me }: { me: MeView }) {
  const [showPhone, setShowPhone] = useState(false);
  const go = (url: string) => () => void Taro.navigateTo({ url });
  return (
    <View>
      {/* First on the page, so a resident who needs bigger type does not have to scroll to find it. */}
      <ElderModeSwitch prominent />
      <Card title="基本信息">
        <InfoRow label="姓名" value={me.name} testId="me-name" />
        <InfoRow
          label="手机号"
          value={showPhone ? me.phone : maskPhone(me.phone)}
          placeholder="未绑定"
          testId="me-phone"
          onTap={me.phone ? () => setShowPhone(!showPhone) : undefined}
          actionText={showPhone ? '隐藏' : '显示'}
        />
        {process.env.TARO_ENV === 'weapp' ? <PhoneBinding hasPhone={Boolean(me.phone)} /> : null}
      </Card>
      <Card title="我的报名">
        <BigButton variant="secondary" onClick={go(ROUTES.myActivities)} testId="entry-my-activities">我的活动</BigButton>
        <BigButton variant="secondary" onClick={go(ROUTES.volunteerMine)} testId="entry-my-volunteering">我的志愿</BigButton>
      </Card>
      <Card title="住址与组织">
        <InfoRow label="社区" value={me.community?.name} testId="me-community" />
        <InfoRow label="网格" value={me.grid?.name} testId="me-grid" />
        <InfoRow label="楼栋" value={me.building?.name} testId="me-building" />
        <InfoRow label="党支部" value={me.branch?.name} placeholder="未加入" testId="me-branch" />
        <InfoRow label="党小组" value={me.partyGroup?.name} placeholder="未分组" testId="me-group" />
        <BigButton variant="secondary" onClick={go(ROUTES.residence)} testId="entry-residence">
          {me.community ? '修改居住地' : '选择居住地'}
        </BigButton>
      </Card>
      <Card title="我的身份" testId="me-roles">
        {me.gridsServed.length ? <InfoRow label="网格员" value={me.gridsServed.map((g) => g.name).join('、')} testId="me-grids-served" /> : null}
        {me.roles.length === 0 && !me.gridsServed.length ? <InfoRow label="身份" value={ROLE_LABELS.resident} /> : null}
        {me.roles.map((grant) => (
          <InfoRow key={`${grant.role}-${grant.node.id}`} label={ROLE_LABELS[grant.role]} value={grant.node.name} />
        ))}
      </Card>
      <PartyStatus me={me} />
      {me.roles.some((g) => g.role === 'grid_worker' || (g.role === 'organiser' && g.node.kind === 'community')) ? (
        <Card title="网格工作">
          <BigButton onClick={go(ROUTES.gridToday)} testId="entry-grid-today">今日走访</BigButton>
          <BigButton variant="secondary" onClick={go(ROUTES.gridHouseholds)} testId="entry-grid-households">户档案</BigButton>
          <BigButton variant="secondary" onClick={go(ROUTES.gridWarnings)} testId="entry-grid-warnings">风险预警</BigButton>
          <BigButton variant="secondary" onClick={go(ROUTES.voiceQueue)} testId="entry-voice-queue">工单处理（居民反映）</BigButton>
          {me.roles.some((g) => g.role === 'organiser' && g.node.kind === 'community') ? (
            <BigButton variant="secondary" onClick={go(ROUTES.gridSettings)} testId="entry-grid-settings">走访与预警设置</BigButton>
          ) : null}
          <BigButton variant="secondary" onClick={go(ROUTES.rosterSources)} testId="entry-roster">名单导入</BigButton>
        </Card>
      ) : null}
      {me.roles.some((g) => g.role === 'grid_worker' || g.role === 'organiser' || g.role === 'admin') ? (
        <Card title="数据看板">
          <BigButton variant="secondary" onClick={go(ROUTES.analyticsDashboard)} testId="entry-analytics">数据看板（走访、党建、志愿统计）</BigButton>
        </Card>
      ) : null}
      {isPartyMember(me) || me.roles.some((g) => g.role === 'treasurer') ? (
        <Card title="党费">
          {isPartyMember(me) ? <BigButton variant="secondary" onClick={go(ROUTES.dues)} testId="entry-dues">党费</BigButton> : null}
          {me.roles.some((g) => g.role === 'treasurer') ? (
            <BigButton variant="secondary" onClick={go(ROUTES.duesBoard)} testId="entry-dues-board">党费管理</BigButton>
          ) : null}
        </Card>
      ) : null}
      {isManager(me) ? (
        <Card title="组织管理">
          <BigButton variant="secondary" onClick={go(ROUTES.orgTree)} testId="entry-org-tree">组织架构</BigButton>
          <BigButton variant="secondary" onClick={go(ROUTES.orgApplications)} testId="entry-org-applications">
            党员身份审核
          </BigButton>
          <BigButton variant="secondary" onClick={go(ROUTES.orgResidents)} testId="entry-org-residents">代办服务（无智能手机居民）</BigButton>
          <BigButton variant="secondary" onClick={go(ROUTES.pointsMallManage)} testId="entry-mall-manage">积分超市管理</BigButton>
          <BigButton variant="secondary" onClick={go(ROUTES.pointsRules)} testId="entry-points-rules">积分规则</BigButton>
          <BigButton variant="secondary" onClick={go(ROUTES.gridAggregates)} testId="entry-grid-aggregates">网格汇总（户数、走访、预警）</BigButton>
          {me.roles.some((g) => g.role === 'admin') ? (
            <BigButton variant="secondary" onClick={go(ROUTES.complaintsManage)} testId="entry-complaints-manage">投诉处理</BigButton>
          ) : null}
          {me.roles.some((g) => g.role === 'admin') ? (
            <BigButton variant="secondary" onClick={go(ROUTES.auditLog)} testId="entry-audit-log">审计日志</BigButton>
          ) : null}
        </Card>
      ) : null}
      <Card title="我要反映">
        <BigButton onClick={go(ROUTES.voiceFile)} testId="entry-voice-file">我要反映（随手拍）</BigButton>
        <BigButton variant="secondary" onClick={go(ROUTES.voiceMine)} testId="entry-voice-mine">我的反映</BigButton>
        <BigButton variant="secondary" onClick={go(ROUTES.voiceBoard)} testId="entry-voice-board">社区公开栏</BigButton>
      </Card>
      <Card title="志愿服务">
        <BigButton variant="secondary" onClick={go(ROUTES.volunteer)} testId="entry-volunteer">志愿服务（岗位、时长、证明）</BigButton>
      </Card>
      <Card title="亲情账号">
        <BigButton variant="secondary" onClick={go(ROUTES.family)} testId="entry-family">亲情账号（家人代办）</BigButton>
      </Card>
      <Card title="隐私与账号">
        <BigButton variant="secondary" onClick={go(ROUTES.privacy)} testId="entry-privacy">隐私保护指引</BigButton>
        <BigButton variant="secondary" onClick={go(ROUTES.complaintFile)} testId="entry-complaints">举报投诉（个人信息被滥用）</BigButton>
        <BigButton variant="secondary" onClick={go(ROUTES.myFile)} testId="entry-my-file">我的档案</BigButton>
        <BigButton variant="secondary" onClick={go(ROUTES.dataAccess)} testId="entry-data-access">谁查看了我的数据</BigButton>
        <BigButton variant="secondary" onClick={go(ROUTES.myData)} testId="entry-my-data">我的数据与隐私（下载、注销）</BigButton>
        <ConfirmButton question="退出后需要重新登录才能使用。确定退出吗？" yes="退出登录" no="不退出" onConfirm={() => void logoutEverywhere()} testId="logout">
          退出登录
        </ConfirmButton>
      </Card>
    </View>
  );
}
