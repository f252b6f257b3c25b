import { useRef, useState } from 'react';
import Taro from '@tarojs/taro';
import { Input, Text, View } from '@tarojs/components';
import { CHECKIN_METHOD_LABELS, formatChinaDateTime, type CheckInResult, type FamilyPerson } from '@honglin/shared';
import { BigButton } from '../../../components/BigButton';
import { newNonce } from '../../../services/checkin';
import { checkInForElder } from '../../../services/family';
import type { ApiError } from '../../../services/request';

const isH5 = process.env.TARO_ENV === 'h5';

type Outcome = { ok: true; result: CheckInResult } | { ok: false; code: string; message: string };

/**
 * 帮TA签到: at the venue with the older resident, the family member scans the code on the organiser's
 * screen (camera only, so a forwarded picture cannot be used); h5 has no scanner, so the code is typed.
 */
export function ElderCheckIn({ elder }: { elder: FamilyPerson }) {
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [busy, setBusy] = useState(false);
  const [code, setCode] = useState('');
  // One nonce per code: a network retry of the same code gets the first answer back.
  const pending = useRef<{ token: string; nonce: string } | null>(null);

  const submit = async (raw: string) => {
    const token = raw.trim();
    if (pending.current?.token !== token) pending.current = { token, nonce: newNonce() };
    setBusy(true);
    try {
      setOutcome({ ok: true, result: await checkInForElder(elder.id, token, pending.current.nonce) });
      pending.current = null;
    } catch (e) {
      const err = e as ApiError;
      setOutcome({ ok: false, code: err.code, message: err.message });
      if (err.status > 0) pending.current = null; // the server answered: another try is a new scan
    } finally {
      setBusy(false);
    }
  };

  const scan = async () => {
    try {
      const res = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] });
      await submit(res.result);
    } catch {
      /* cancelled by the user */
    }
  };

  return (
    <View data-testid="elder-checkin">
      {outcome?.ok ? (
        <View className="family-person" data-testid="elder-checkin-success">
          <Text className="family-line">{`已为 ${elder.name} 签到：${outcome.result.targetTitle}${outcome.result.checkIn.status === 'late' ? '（迟到）' : ''}`}</Text>
          <Text className="family-line muted">{`${CHECKIN_METHOD_LABELS[outcome.result.checkIn.method]} · ${formatChinaDateTime(outcome.result.checkIn.checkedInAt)}`}</Text>
        </View>
      ) : null}
      {outcome && !outcome.ok ? (
        <Text className="form-error" data-testid="elder-checkin-error" data-code={outcome.code}>{`没能替 ${elder.name} 签到：${outcome.message}`}</Text>
      ) : null}
      {isH5 ? (
        <View>
          <Text className="form-row__label">输入组织者屏幕上的签到码，为 {elder.name} 签到</Text>
          <Input className="form-input" value={code} placeholder="签到码" onInput={(e) => setCode(e.detail.value)} aria-label={`为${elder.name}输入签到码`} data-testid="elder-checkin-code" />
          <BigButton loading={busy} disabled={!code.trim()} testId="elder-checkin-submit" onClick={() => void submit(code)}>
            替TA签到
          </BigButton>
        </View>
      ) : (
        <BigButton loading={busy} testId="elder-checkin-scan" onClick={() => void scan()}>
          {`扫码为 ${elder.name} 签到`}
        </BigButton>
      )}
    </View>
  );
}
