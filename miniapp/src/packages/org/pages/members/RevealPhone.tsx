import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { BigButton } from '../../../../components/BigButton';
import { ConfirmButton } from '../../../../components/ConfirmButton';
import { revealMemberPhone } from '../../../../services/audit';

/**
 * 查看完整号码, to ring someone (an older resident) the list shows masked. The organiser is told first
 * that the look is recorded and that the person can see it.
 */
export function RevealPhone({ userId, name }: { userId: string; name: string }) {
  const [phone, setPhone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const reveal = async () => {
    setBusy(true);
    try {
      setPhone((await revealMemberPhone(userId)).phone);
    } catch {
      // The request wrapper has already said why.
    } finally {
      setBusy(false);
    }
  };
  if (phone) {
    return (
      <View>
        <Text className="member-row__name" data-testid="member-phone">{phone}</Text>
        <BigButton variant="secondary" onClick={() => void Taro.makePhoneCall({ phoneNumber: phone }).catch(() => undefined)} testId="member-call">
          拨打电话
        </BigButton>
      </View>
    );
  }
  return (
    <ConfirmButton
      variant="secondary"
      question={`查看${name}的完整号码会被记录，${name}可以在“谁查看了我的数据”中看到。确定查看吗？`}
      yes="查看"
      no="不看了"
      loading={busy}
      onConfirm={() => void reveal()}
      testId="member-reveal-phone"
    >
      查看完整号码
    </ConfirmButton>
  );
}
