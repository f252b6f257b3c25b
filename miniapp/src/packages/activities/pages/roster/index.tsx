import { useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { ENROLLMENT_STATUS_LABELS, type RosterEntry } from '@honglin/shared';
import { BigButton } from '../../../../components/BigButton';
import { Card } from '../../../../components/Card';
import { EmptyState } from '../../../../components/EmptyState';
import { PageShell } from '../../../../components/PageShell';
import { useRemote } from '../../../../hooks/useRemote';
import { checkInQr, decide, getRoster, listRatingsForOrganiser, markAttendance, moderateComment, rosterExportPath, type Roster } from '../../../../services/activities';
import { CommentList } from '../../components/CommentList';
import { CancelActivity } from '../../components/CancelActivity';
import { EnrolForResident } from '../../components/EnrolForResident';
import { downloadXlsx } from '../../../../services/download';
import '../../../../pages/activities/index.scss';
import { usePageShow } from '../../../../hooks/usePageShow';

export default function RosterPage() {
  const { params } = useRouter();
  return <PageShell>{() => <RosterView id={params.id ?? ''} />}</PageShell>;
}

/** Organiser: who is coming (with family), approvals, attendance, the check-in code and the Excel export. */
function RosterView({ id }: { id: string }) {
  const [roster, setRoster] = useState<Roster | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [code, setCode] = useState<string | null>(null);
  const load = () => getRoster(id).then(setRoster, (e: Error) => setError(e.message));
  usePageShow(() => void load());
  if (error) return <EmptyState title="无法查看名单" description={error} />;
  if (!roster) return <Text>正在加载…</Text>;
  const act = (p: Promise<unknown>) => void p.then(load, load);
  const c = roster.counters;
  return (
    <View>
      <Card title={roster.title}>
        <Text>已报名 {c.taken + c.reservedTaken}/{c.capacity} 人（预留 {c.reservedTaken}/{c.reserved}），候补 {c.waitlisted} 人</Text>
        <View className="row-actions">
          <BigButton variant="secondary" testId="roster-export" onClick={() => void downloadXlsx(rosterExportPath(id), `${roster.title}-报名名单.xlsx`)}>
            导出Excel
          </BigButton>
          <BigButton variant="secondary" onClick={() => void checkInQr(id).then((q) => setCode(q.token))}>
            显示签到码
          </BigButton>
        </View>
        {code ? <Text className="activity-card__meta" data-testid="checkin-token">签到码：{code}（约20秒更换一次）</Text> : null}
      </Card>
      {roster.entries.length === 0 ? <EmptyState title="还没有人报名" /> : null}
      {roster.entries.map((e) => (
        <Entry key={e.id} e={e} act={act} />
      ))}
      <EnrolForResident activityId={id} onDone={() => void load()} />
      <Ratings id={id} />
      <CancelActivity activityId={id} people={roster.entries.filter((e) => ['registered', 'confirmed', 'waitlisted', 'offered'].includes(e.status)).length} onDone={() => void load()} />
    </View>
  );
}

/** What attendees said afterwards; comments WeChat could not judge wait here for the organiser. */
function Ratings({ id }: { id: string }) {
  const ratings = useRemote(() => listRatingsForOrganiser(id));
  const decide = (ratingId: string, decision: 'publish' | 'reject') => void moderateComment(ratingId, decision).then(ratings.reload, ratings.reload);
  if (!ratings.data?.length) return null;
  const held = ratings.data.filter((r) => r.commentStatus === 'held').length;
  return (
    <Card title={held ? `活动评价（${held} 条待审核）` : '活动评价'} testId="roster-ratings">
      <CommentList items={ratings.data} onDecide={decide} />
    </Card>
  );
}

function Entry({ e, act }: { e: RosterEntry; act: (p: Promise<unknown>) => void }) {
  return (
    <View className="card" data-testid={`roster-${e.user.name}`}>
      <Text className="activity-card__title">{e.user.name}</Text>
      <Text className="status-tag"> {ENROLLMENT_STATUS_LABELS[e.status]}{e.waitlistPosition ? ` 第${e.waitlistPosition}位` : ''}</Text>
      <View>
        <Text className="activity-card__meta">
          {e.user.phoneMasked ?? '无手机'} · {e.seats}人{e.companions.length ? `（${e.companions.map((c) => `${c.name}${c.age}岁`).join('、')}）` : ''}
        </Text>
      </View>
      {e.enteredBy ? <Text className="activity-card__meta">由{e.enteredBy.name}代报名：{e.enteredReason}</Text> : null}
      <View className="row-actions">
        {e.status === 'registered' ? (
          <>
            <BigButton onClick={() => act(decide(e.id, 'approve'))}>通过</BigButton>
            <BigButton variant="danger" onClick={() => act(decide(e.id, 'reject'))}>拒绝</BigButton>
          </>
        ) : null}
        {['registered', 'confirmed', 'attended', 'missed'].includes(e.status) ? (
          <>
            <BigButton variant="secondary" onClick={() => act(markAttendance(e.id, true))}>到场</BigButton>
            <BigButton variant="secondary" onClick={() => act(markAttendance(e.id, false))}>未到</BigButton>
          </>
        ) : null}
      </View>
    </View>
  );
}
