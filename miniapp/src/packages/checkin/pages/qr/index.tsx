import { useEffect, useRef, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Image, Text, View } from '@tarojs/components';
import { formatChinaTime, type CheckInQrView, type MeetingAttendanceView } from '@honglin/shared';
import { Card } from '../../../../components/Card';
import { PageShell } from '../../../../components/PageShell';
import { getQr } from '../../../../services/checkin';
import { getAttendance } from '../../../../services/meetings';
import { qrDataUrl } from '../../lib/qr-image';
import './index.scss';

const ATTENDANCE_POLL_MS = 3000;

export default function QrPage() {
  const id = useRouter().params.id ?? '';
  return <PageShell>{() => <QrScreen meetingId={id} />}</PageShell>;
}

/**
 * The organiser's screen: a code that changes every rotation (fetched from the server, which signs
 * it), so a photo of it sent to someone at home stops working within the token lifetime. Below it,
 * who has checked in, refreshed every few seconds.
 */
function QrScreen({ meetingId }: { meetingId: string }) {
  const [qr, setQr] = useState<CheckInQrView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [live, setLive] = useState<MeetingAttendanceView | null>(null);
  const [now, setNow] = useState(Date.now());
  const alive = useRef(true);

  useEffect(() => {
    alive.current = true;
    void Taro.setKeepScreenOn?.({ keepScreenOn: true }).catch(() => undefined);
    let timer: ReturnType<typeof setTimeout>;
    const refresh = async () => {
      try {
        const next = await getQr('meeting', meetingId);
        if (!alive.current) return;
        setQr(next);
        setError(null);
        // Next code at the server's rotation boundary (plus a little), whatever this phone's clock says.
        const wait = new Date(next.refreshAt).getTime() - new Date(next.issuedAt).getTime();
        timer = setTimeout(() => void refresh(), Math.max(1000, Math.min(wait, next.rotateSeconds * 1000)) + 300);
      } catch (e) {
        if (!alive.current) return;
        setError((e as Error).message);
        timer = setTimeout(() => void refresh(), 3000);
      }
    };
    void refresh();
    const poll = setInterval(() => {
      getAttendance(meetingId).then((v) => alive.current && setLive(v), () => undefined);
      setNow(Date.now());
    }, ATTENDANCE_POLL_MS);
    getAttendance(meetingId).then((v) => alive.current && setLive(v), () => undefined);
    return () => {
      alive.current = false;
      clearTimeout(timer);
      clearInterval(poll);
    };
  }, [meetingId]);

  const arrived = live?.rows.filter((r) => r.attendance === 'present' || r.attendance === 'late') ?? [];
  const waiting = live?.rows.filter((r) => r.attendance === 'pending') ?? [];
  return (
    <View>
      <View className="qr-box" data-testid="qr-token" data-token={qr?.token ?? ''} data-issued-at={qr?.issuedAt ?? ''}>
        {qr ? <Image className="qr-image" src={qrDataUrl(qr.token)} mode="aspectFit" /> : <Text>{error ?? '正在生成二维码…'}</Text>}
        {qr ? (
          <View className="qr-code" data-testid="qr-short-code" data-code={qr.code}>
            <Text className="qr-code__label">不能扫码的，请输入签到码</Text>
            <Text className="qr-code__digits">{`${qr.code.slice(0, 3)} ${qr.code.slice(3)}`}</Text>
          </View>
        ) : null}
        {qr ? <Text className="muted qr-hint">{`二维码和签到码每${qr.rotateSeconds}秒自动更换，截图转发无效`}</Text> : null}
        {error && qr ? <Text className="muted">{`网络不稳定：${error}`}</Text> : null}
      </View>
      <Card title={`已签到 ${arrived.length} / ${live?.rows.length ?? 0}`} testId="live-attendance">
        {arrived.map((r) => (
          <View key={r.userId} className="qr-live-row" data-testid={`live-row-${r.userId}`}>
            <Text>{r.name}</Text>
            <Text className="muted">{`${r.attendance === 'late' ? '迟到' : '出席'} ${r.checkedInAt ? formatChinaTime(r.checkedInAt) : ''}`}</Text>
          </View>
        ))}
        {waiting.length ? <Text className="muted qr-waiting">{`未签到：${waiting.map((r) => r.name).join('、')}`}</Text> : null}
        <Text className="muted" data-testid="live-updated">{`更新于 ${formatChinaTime(now, true)}`}</Text>
      </Card>
    </View>
  );
}
