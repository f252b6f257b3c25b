import { useRef, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Input, Text, View } from '@tarojs/components';
import { CHECKIN_METHOD_LABELS, formatChinaDateTime, type CheckInResult, type MeetingView } from '@honglin/shared';
import { BigButton } from '../../../../components/BigButton';
import { Card } from '../../../../components/Card';
import { tapRole } from '../../../../components/a11y';
import { PageShell } from '../../../../components/PageShell';
import { useRemote } from '../../../../hooks/useRemote';
import { checkInByLocation, newNonce, redeem, redeemCode } from '../../../../services/checkin';
import { getMeeting, listMeetings } from '../../../../services/meetings';
import { ApiError } from '../../../../services/request';
import { useSession } from '../../../../stores/session';
import './index.scss';

const isH5 = process.env.TARO_ENV === 'h5';

export default function ScanPage() {
  const meetingId = useRouter().params.meetingId ?? '';
  return <PageShell title="签到" subtitle="扫描组织者出示的二维码">{() => <Scan meetingId={meetingId} />}</PageShell>;
}

type Outcome = { ok: true; result: CheckInResult } | { ok: false; code: string; message: string };

function Scan({ meetingId }: { meetingId: string }) {
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [busy, setBusy] = useState(false);
  const [code, setCode] = useState('');
  // One nonce per scanned code: a network retry of the same code reuses it and gets the first answer.
  const pending = useRef<{ key: string; nonce: string } | null>(null);
  const meeting = useRemote(() => (meetingId ? getMeeting(meetingId) : Promise.resolve(null)));
  // Opened from 我要签到 (no meeting named): the six digits name no meeting, so offer the member's
  // meetings whose check-in is open now (from 30 minutes before the start), the only one preselected.
  const open = useRemote(() => (meetingId ? Promise.resolve([]) : listMeetings('mine', 'upcoming').then(checkInOpenNow)));
  const [picked, setPicked] = useState('');
  const openNow = open.data ?? [];
  const target = meetingId || picked || (openNow.length === 1 ? openNow[0].id : '');
  // Elder mode: one big button that opens the scanner, and nothing else to choose between.
  const { elderMode } = useSession();
  const hero = elderMode ? 'big-button--hero' : undefined;

  const attempt = async (key: string, send: (nonce: string) => Promise<CheckInResult>) => {
    if (pending.current?.key !== key) pending.current = { key, nonce: newNonce() };
    setBusy(true);
    try {
      setOutcome({ ok: true, result: await send(pending.current.nonce) });
      pending.current = null;
    } catch (e) {
      const err = e as ApiError;
      setOutcome({ ok: false, code: err.code, message: err.message });
      if (err.status > 0) pending.current = null; // the server answered: a new try is a new scan
    } finally {
      setBusy(false);
    }
  };

  const submitToken = (token: string) => attempt(`qr:${token}`, (nonce) => redeem(token.trim(), nonce));
  // Six digits are the code beside the QR (typed); anything longer is a pasted token (h5 without a camera).
  const submitTyped = (typed: string) => {
    const value = typed.trim();
    if (!/^\d{6}$/.test(value)) return submitToken(value);
    if (!target) {
      const message = openNow.length ? '请先选择要签到的会议' : '现在没有您可以签到的会议，请在会议开始前30分钟内再试';
      return setOutcome({ ok: false, code: 'CHECKIN_NO_TARGET', message });
    }
    return attempt(`code:${target}:${value}`, (nonce) => redeemCode('meeting', target, value, nonce));
  };

  const scan = async () => {
    try {
      // Camera only: a photo from the album (a forwarded screenshot) cannot be picked.
      const res = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] });
      await submitToken(res.result);
    } catch {
      /* cancelled by the user */
    }
  };

  const byLocation = async () => {
    try {
      const fix = await Taro.getLocation({ type: 'gcj02', isHighAccuracy: true, highAccuracyExpireTime: 4000 });
      await attempt(`geo:${Date.now()}`, (nonce) => checkInByLocation('meeting', meetingId, { lat: fix.latitude, lng: fix.longitude, accuracyM: Math.round(fix.accuracy ?? 9999) }, nonce));
    } catch (e) {
      if (e instanceof ApiError) return;
      setOutcome({ ok: false, code: 'LOCATION_DENIED', message: '无法获取位置，请在设置中允许使用位置信息，或改用扫码签到' });
    }
  };

  return (
    <View>
      {outcome ? <OutcomeCard outcome={outcome} /> : null}
      {isH5 ? null : (
        <BigButton className={hero} onClick={() => void scan()} loading={busy} testId="scan-button">扫码签到</BigButton>
      )}
      {/* Everywhere, elder mode too: h5 has no camera, and an elder may not manage to scan. */}
      <Card title="输入签到码">
        <Text className="scan-line muted">输入组织者屏幕上二维码旁的6位数字</Text>
        {openNow.length > 1
          ? openNow.map((m) => (
              <View key={m.id} className={`option-row${target === m.id ? ' option-row--selected' : ''}`} onClick={() => setPicked(m.id)} data-testid={`code-meeting-${m.id}`} {...tapRole('radio', { checked: target === m.id })}>
                <Text>{m.title}</Text>
                <Text className="option-row__mark">{target === m.id ? '已选' : '选择'}</Text>
              </View>
            ))
          : null}
        <Input
          className="scan-input"
          value={code}
          type={isH5 ? 'text' : 'number'}
          placeholder="6位数字"

          onInput={(e) => setCode(e.detail.value)}
          aria-label="输入签到码"
          data-testid="checkin-code-input"
        />
        <BigButton className={isH5 ? hero : undefined} variant={isH5 ? undefined : 'secondary'} onClick={() => void submitTyped(code)} loading={busy} disabled={!code.trim()} testId="checkin-code-submit">提交签到</BigButton>
      </Card>
      {meeting.data?.allowGeofence && !elderMode ? (
        <BigButton variant="secondary" onClick={() => void byLocation()} loading={busy} testId="geofence-button">在会场，用定位签到</BigButton>
      ) : null}
    </View>
  );
}

/** Meetings the member may check in to now (device clock; the server judges the window again). */
function checkInOpenNow(meetings: MeetingView[]): MeetingView[] {
  const now = Date.now();
  return meetings.filter((m) => m.status === 'scheduled' && m.me && !m.me.checkedInAt && new Date(m.startsAt).getTime() - 30 * 60_000 <= now && now < new Date(m.endsAt).getTime());
}

function OutcomeCard({ outcome }: { outcome: Outcome }) {
  if (outcome.ok) {
    const c = outcome.result.checkIn;
    return (
      <Card title={c.status === 'late' ? '签到成功（迟到）' : '签到成功'} testId="checkin-success">
        <Text className="scan-line">{outcome.result.targetTitle}</Text>
        <Text className="scan-line muted">{`${CHECKIN_METHOD_LABELS[c.method]} · ${formatChinaDateTime(c.checkedInAt)}`}</Text>
      </Card>
    );
  }
  return (
    <View className="scan-refused" data-testid="checkin-error" data-code={outcome.code}>
      <Text className="scan-refused__title">签到未成功</Text>
      <Text className="scan-line">{outcome.message}</Text>
    </View>
  );
}
