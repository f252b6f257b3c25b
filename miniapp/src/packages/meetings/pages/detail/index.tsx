import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Image, Text, Textarea, View } from '@tarojs/components';
import type { MeetingView } from '@honglin/shared';
import { BigButton } from '../../../../components/BigButton';
import { Card } from '../../../../components/Card';
import { ConfirmButton } from '../../../../components/ConfirmButton';
import { InfoRow } from '../../../../components/InfoRow';
import { Loadable } from '../../../../components/Loadable';
import { PageShell } from '../../../../components/PageShell';
import { ReadAloud } from '../../../../components/ReadAloud';
import { useRemote } from '../../../../hooks/useRemote';
import { askLeave, cancelMeeting, getMeeting, MEETING_PAGES } from '../../../../services/meetings';
import { ApiError } from '../../../../services/request';
import { readTokens } from '../../../../stores/tokens';
import { attendanceText, LEAVE_LABELS, STATUS_LABELS, whenText } from '../../lib/labels';
import { spokenMeeting } from './spoken';
import '../../lib/meetings.scss';

export default function MeetingDetailPage() {
  const id = useRouter().params.id ?? '';
  return <PageShell>{() => <MeetingDetail id={id} />}</PageShell>;
}

function MeetingDetail({ id }: { id: string }) {
  const remote = useRemote(() => getMeeting(id), { everyShow: true });
  return <Loadable remote={remote}>{(m) => <Detail meeting={m} onChange={remote.setData} />}</Loadable>;
}

function Detail({ meeting: m, onChange }: { meeting: MeetingView; onChange: (m: MeetingView) => void }) {
  const go = (page: string) => () => void Taro.navigateTo({ url: `${page}?id=${m.id}` });
  const open = m.status === 'scheduled';
  const cancel = () => cancelMeeting(m.id).then(onChange, () => undefined); // the request wrapper showed why
  return (
    <View>
      <Card title={m.title} extra={<Text className="muted">{STATUS_LABELS[m.status]}</Text>} testId="meeting-detail">
        <InfoRow label="类型" value={m.typeLabel} />
        <InfoRow label="时间" value={whenText(m)} />
        <InfoRow label="地点" value={m.address} />
        <InfoRow label="组织" value={m.node.name} />
        <InfoRow label="主持人" value={m.host?.name} placeholder="未指定" />
        <InfoRow label="记录人" value={m.recorder?.name} placeholder="未指定" />
        {m.agenda ? <Text className="meeting-card__line">{`议程：\n${m.agenda}`}</Text> : null}
      </Card>
      <ReadAloud text={spokenMeeting(m)} />
      {m.me ? <MyPart meeting={m} onChange={onChange} /> : null}
      {m.minutes || m.resolutions || m.photos.length ? (
        <Card title="会议记录">
          {m.minutes ? <Text className="meeting-card__line">{m.minutes}</Text> : null}
          {m.resolutions ? <Text className="meeting-card__line">{`决议：${m.resolutions}`}</Text> : null}
          <View>{m.photos.map((p) => <Photo key={p.id} url={p.url} />)}</View>
        </Card>
      ) : null}
      {m.canManage ? (
        <Card title="组织者">
          <Text className="meeting-card__line muted">{`应到 ${m.counts.invited}，已签到 ${m.counts.present + m.counts.late}，请假 ${m.counts.leave}，待审批请假 ${m.counts.leaveRequested}`}</Text>
          {open ? <BigButton onClick={go(MEETING_PAGES.qr)} testId="open-qr">出示签到二维码</BigButton> : null}
          <BigButton variant="secondary" onClick={go(MEETING_PAGES.attendance)} testId="open-attendance">现场考勤与请假审批</BigButton>
          <BigButton variant="secondary" onClick={go(MEETING_PAGES.minutes)} testId="open-minutes">会议记录与照片</BigButton>
          {open ? <BigButton variant="secondary" onClick={go(MEETING_PAGES.edit)} testId="edit-meeting">修改会议</BigButton> : null}
          {open ? (
            <ConfirmButton question="取消后将通知所有参会人员，确定取消吗？" yes="确定取消" no="不取消" onConfirm={() => void cancel()} testId="cancel-meeting">
              取消会议
            </ConfirmButton>
          ) : null}
        </Card>
      ) : null}
    </View>
  );
}

function MyPart({ meeting: m, onChange }: { meeting: MeetingView; onChange: (m: MeetingView) => void }) {
  const me = m.me!;
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const started = Date.now() >= new Date(m.startsAt).getTime();
  const checkedIn = me.attendance === 'present' || me.attendance === 'late';
  const submit = async () => {
    setError(null);
    try {
      onChange(await askLeave(m.id, reason.trim()));
      setAsking(false);
    } catch (e) {
      setError((e as ApiError).fieldMessage?.('reason') ?? (e as Error).message);
    }
  };
  return (
    <Card title="我的参会" testId="my-part">
      <InfoRow label="考勤" value={attendanceText(me.attendance)} testId="my-attendance" />
      {me.leave !== 'none' ? <InfoRow label="请假" value={`${LEAVE_LABELS[me.leave]}${me.leaveReason ? `（${me.leaveReason}）` : ''}`} /> : null}
      {m.status === 'scheduled' && !checkedIn ? (
        <BigButton onClick={() => void Taro.navigateTo({ url: `${MEETING_PAGES.scan}?meetingId=${m.id}` })} testId="scan-for-meeting">签到</BigButton>
      ) : null}
      {m.status === 'scheduled' && !started && !checkedIn && me.leave !== 'approved' ? (
        asking ? (
          <View>
            <Text className="meeting-label">请假原因</Text>
            <Textarea className="meeting-field" value={reason} maxlength={200} placeholder="如：出差在外地" onInput={(e) => setReason(e.detail.value)} data-testid="leave-reason" />
            {error ? <Text className="meeting-error">{error}</Text> : null}
            <BigButton onClick={() => void submit()} testId="leave-submit">提交请假</BigButton>
          </View>
        ) : (
          <BigButton variant="secondary" onClick={() => setAsking(true)} testId="ask-leave">我要请假</BigButton>
        )
      ) : null}
    </Card>
  );
}

/** Photos need the login header, so they are fetched and shown from a local file (weapp) or blob (h5). */
function Photo({ url }: { url: string }) {
  const remote = useRemote(() => loadPhoto(url));
  return remote.data ? <Image className="meeting-photo" src={remote.data} mode="aspectFill" aria-label="会议照片" /> : null;
}

async function loadPhoto(url: string): Promise<string> {
  const header = { Authorization: `Bearer ${readTokens()?.accessToken ?? ''}` };
  if (process.env.TARO_ENV === 'h5') {
    const res = await fetch(`${API_BASE}${url}`, { headers: header });
    return URL.createObjectURL(await res.blob());
  }
  const res = await Taro.downloadFile({ url: `${API_BASE}${url}`, header });
  return res.tempFilePath;
}
