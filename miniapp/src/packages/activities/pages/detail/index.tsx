import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Input, Text, View } from '@tarojs/components';
import { ENROLLMENT_STATUS_LABELS, formatChinaDateTime, type ActivityDetail } from '@honglin/shared';
import { BigButton } from '../../../../components/BigButton';
import { Card } from '../../../../components/Card';
import { ConfirmButton } from '../../../../components/ConfirmButton';
import { EmptyState } from '../../../../components/EmptyState';
import { InfoRow } from '../../../../components/InfoRow';
import { useNotice } from '../../../../components/Notice';
import { PageShell } from '../../../../components/PageShell';
import { ReadAloud } from '../../../../components/ReadAloud';
import { Cover, placesText } from '../../../../pages/activities/ActivityCard';
import { ROUTES } from '../../../../routes';
import { acceptOffer, cancelEnrollment, getActivity, redeemCheckIn } from '../../../../services/activities';
import { useSession } from '../../../../stores/session';
import { spokenActivity } from '../../lib/plain-words';
import { ForFamilySignUp } from './ForFamilySignUp';
import { ActivityComments } from '../../components/ActivityComments';
import { RatingForm } from './Rating';
import { SignUpForm } from './SignUpForm';
import '../../../../pages/activities/index.scss';
import { usePageShow } from '../../../../hooks/usePageShow';

export default function ActivityDetailPage() {
  const { params } = useRouter();
  return <PageShell>{() => <Detail id={params.id ?? ''} />}</PageShell>;
}

function Detail({ id }: { id: string }) {
  const [a, setA] = useState<ActivityDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = () => getActivity(id).then(setA, (e: Error) => setError(e.message));
  usePageShow(() => void load());
  const { elderMode } = useSession();
  if (error) return <EmptyState title="活动加载失败" description={error} action={{ text: '重试', onTap: () => void load() }} />;
  if (!a) return <Text>正在加载…</Text>;
  const mine = a.mine && a.mine.status !== 'cancelled' ? a.mine : null;
  return (
    <View>
      <Cover a={a} big />
      <Card title={a.title} testId="activity-detail">
        <InfoRow label="时间" value={`${formatChinaDateTime(a.startsAt)} 至 ${formatChinaDateTime(a.endsAt).slice(11)}`} />
        <InfoRow label="地点" value={a.place} />
        <InfoRow label={a.hostKind === 'branch' ? '主办' : '社区'} value={a.community.name} />
        <InfoRow label="名额" value={`${placesText(a)}（共${a.capacity}个）`} testId="detail-places" />
        <InfoRow label="报名条件" value={a.eligibilityText} />
        <InfoRow label="报名截止" value={formatChinaDateTime(a.signupClosesAt)} />
        <InfoRow label="取消截止" value={formatChinaDateTime(a.cancelDeadline)} />
        {a.rating.count ? <InfoRow label="评分" value={`${a.rating.average} 分（${a.rating.count}人评价）`} /> : null}
        {a.needsApproval ? <InfoRow label="审核" value="报名后需组织者审核" /> : null}
        <Text className="activity-card__meta">{a.description}</Text>
      </Card>
      <ReadAloud text={spokenActivity(a)} />
      {a.status === 'cancelled' ? (
        <Card title="活动已取消" testId="activity-cancelled">
          <Text className="muted">组织者取消了这个活动，报名已随之取消，通知在“消息”里。</Text>
        </Card>
      ) : mine ? (
        <Mine a={a} reload={load} />
      ) : elderMode ? (
        // Elder mode: picked this one; confirming and the result each get their own screen.
        <BigButton className="big-button--hero" testId="elder-signup-start" onClick={() => void Taro.navigateTo({ url: `${ROUTES.activitySignUp}?id=${a.id}` })}>
          {a.placesLeft > 0 ? '我要报名' : '排队候补'}
        </BigButton>
      ) : <SignUpForm a={a} onDone={() => void Taro.showToast({ title: '已提交', icon: 'none' }).then(load)} />}
      {a.status === 'published' ? <ForFamilySignUp a={a} onDone={() => void load()} /> : null}
      {a.rating.count ? <ActivityComments id={a.id} /> : null}
      {a.canManage ? (
        <View className="row-actions">
          <BigButton variant="secondary" testId="open-roster" onClick={() => void Taro.navigateTo({ url: `${ROUTES.activityRoster}?id=${a.id}` })}>
            报名名单
          </BigButton>
          <BigButton variant="secondary" onClick={() => void Taro.navigateTo({ url: `${ROUTES.editActivity}?id=${a.id}` })}>
            编辑
          </BigButton>
        </View>
      ) : null}
    </View>
  );
}

function Mine({ a, reload }: { a: ActivityDetail; reload: () => Promise<unknown> }) {
  const mine = a.mine!;
  const [code, setCode] = useState('');
  const [notice, say] = useNotice();
  const act = async (fn: () => Promise<unknown>, done: string) => {
    try {
      await fn();
      say(done);
    } finally {
      await reload();
    }
  };
  const scan = async () => {
    const token = process.env.TARO_ENV === 'weapp' ? (await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] })).result : code.trim();
    if (token) await act(() => redeemCheckIn(token), '签到成功');
  };
  const seated = mine.status === 'registered' || mine.status === 'confirmed';
  return (
    <View>
      <Card title="我的报名" testId="my-enrollment">
        {notice}
        <InfoRow label="状态" value={ENROLLMENT_STATUS_LABELS[mine.status]} testId="my-status" />
        <InfoRow label="人数" value={`${mine.seats}人${mine.companions.length ? `（含${mine.companions.map((c) => c.name).join('、')}）` : ''}`} />
        {mine.waitlistPosition ? <InfoRow label="候补位次" value={`第${mine.waitlistPosition}位`} testId="my-position" /> : null}
        {mine.offerExpiresAt ? <InfoRow label="请在此前确认" value={formatChinaDateTime(mine.offerExpiresAt)} /> : null}
        {mine.status === 'offered' ? (
          <BigButton testId="accept-offer" onClick={() => void act(() => acceptOffer(mine.id), '已确认参加')}>
            确认参加
          </BigButton>
        ) : null}
        {seated ? (
          <View>
            {process.env.TARO_ENV === 'weapp' ? null : <Input className="form-input" value={code} placeholder="输入现场签到码" onInput={(e) => setCode(e.detail.value)} data-testid="checkin-code" />}
            <BigButton testId="check-in" onClick={() => void scan()}>
              {process.env.TARO_ENV === 'weapp' ? '扫码签到' : '签到'}
            </BigButton>
          </View>
        ) : null}
        {['registered', 'confirmed', 'waitlisted', 'offered'].includes(mine.status) ? (
          <ConfirmButton
            testId="cancel-enrollment"
            question="取消后名额会让给候补的邻居，确定取消吗？"
            yes="确定取消"
            no="不取消"
            onConfirm={() => void act(() => cancelEnrollment(mine.id), '已取消')}
          >
            {mine.status === 'waitlisted' ? '退出候补' : '取消报名'}
          </ConfirmButton>
        ) : null}
      </Card>
      {mine.status === 'attended' && !mine.rated ? <RatingForm activityId={a.id} onDone={() => void reload()} /> : null}
    </View>
  );
}
