import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { ENROLLMENT_STATUS_LABELS, formatChinaDateTime } from '@honglin/shared';
import { BigButton } from '../../../../components/BigButton';
import { Card } from '../../../../components/Card';
import { InfoRow } from '../../../../components/InfoRow';
import { Loadable } from '../../../../components/Loadable';
import { PageShell } from '../../../../components/PageShell';
import { useRemote } from '../../../../hooks/useRemote';
import { ROUTES } from '../../../../routes';
import { getQr } from '../../../../services/checkin';
import { getShift, shiftRoster, signUpShift } from '../../../../services/volunteer';
import { cancelEnrollment } from '../../../../services/activities';
import '../../volunteer.scss';

export default function ShiftPage() {
  const id = useRouter().params.id ?? '';
  return <PageShell>{() => <Shift id={id} />}</PageShell>;
}

function Shift({ id }: { id: string }) {
  const shift = useRemote(() => getShift(id), { everyShow: true });
  const [message, setMessage] = useState<string | null>(null);
  const act = (p: Promise<unknown>, ok: string) => void p.then(() => (setMessage(ok), shift.reload()), (e: Error) => setMessage(e.message));
  return (
    <Loadable remote={shift}>
      {(s) => (
        <View>
          <Card title={s.title} testId="shift-detail">
            <InfoRow label="项目" value={s.campaignTitle} />
            <InfoRow label="地点" value={s.place} />
            <InfoRow label="时间" value={`${formatChinaDateTime(s.startsAt)} — ${formatChinaDateTime(s.endsAt).slice(11)}`} />
            <InfoRow label="名额" value={s.placesLeft > 0 ? `剩余${s.placesLeft}/${s.capacity}` : `已满（${s.waitlisted}人候补）`} />
            <InfoRow label="技能要求" value={s.skills.join('、')} placeholder="不限" />
            {s.minAge !== null || s.maxAge !== null ? <InfoRow label="年龄" value={`${s.minAge ?? 0}–${s.maxAge ?? '不限'}岁`} /> : null}
            {s.mine ? <InfoRow label="我的状态" value={ENROLLMENT_STATUS_LABELS[s.mine.status]} testId="shift-my-status" /> : null}
            {message ? <Text className="form-error" data-testid="shift-message">{message}</Text> : null}
            {s.status === 'cancelled' ? (
              <Text className="status-tag" data-testid="shift-cancelled">该岗位已取消</Text>
            ) : !s.mine ? (
              <BigButton onClick={() => act(signUpShift(id), '报名成功')} testId="shift-signup">{s.placesLeft > 0 ? '我要报名' : '加入候补'}</BigButton>
            ) : (
              <View className="row-actions">
                <BigButton onClick={() => void Taro.navigateTo({ url: ROUTES.checkInScan })} testId="shift-scan">扫码签到/签退</BigButton>
                <BigButton variant="secondary" onClick={() => act(cancelEnrollment(s.mine!.enrollmentId), '已取消报名')}>取消报名</BigButton>
              </View>
            )}
          </Card>
          {s.canManage && s.status === 'open' ? <Leader id={id} /> : null}
        </View>
      )}
    </Loadable>
  );
}

/** The shift leader's tools: the rotating sign-in and sign-out codes, and who is on the roster. */
function Leader({ id }: { id: string }) {
  const roster = useRemote(() => shiftRoster(id));
  const [code, setCode] = useState<{ kind: string; token: string } | null>(null);
  const show = (type: 'shift' | 'shift_out', kind: string) => void getQr(type, id).then((q) => setCode({ kind, token: q.token }), (e: Error) => setCode({ kind, token: e.message }));
  return (
    <Card title="带队人">
      <View className="row-actions">
        <BigButton variant="secondary" onClick={() => show('shift', '签到码')} testId="show-checkin-code">签到码</BigButton>
        <BigButton variant="secondary" onClick={() => show('shift_out', '签退码')} testId="show-checkout-code">签退码</BigButton>
      </View>
      {code ? <Text className="vol-meta" data-testid="leader-code">{code.kind}：{code.token}（约20秒更换一次，请让志愿者扫码）</Text> : null}
      <Loadable remote={roster}>
        {(r) => (
          <View>
            {r.entries.map((e) => (
              <View key={e.enrollmentId} className="vol-tappable" data-testid={`roster-${e.user.name}`}>
                <Text className="vol-title">{e.user.name}</Text>
                <Text className="vol-meta">
                  {ENROLLMENT_STATUS_LABELS[e.status]} · {e.user.phoneMasked ?? '无手机'}
                  {e.checkedInAt ? ` · 签到 ${formatChinaDateTime(e.checkedInAt).slice(11)}` : ''}
                  {e.checkedOutAt ? ` · 签退 ${formatChinaDateTime(e.checkedOutAt).slice(11)}` : ''}
                </Text>
              </View>
            ))}
          </View>
        )}
      </Loadable>
    </Card>
  );
}
