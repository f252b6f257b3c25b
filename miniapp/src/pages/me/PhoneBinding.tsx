import { useState } from 'react';
import Taro from '@tarojs/taro';
import type { BaseEventOrig, ButtonProps } from '@tarojs/components';
import { BigButton } from '../../components/BigButton';
import { bindPhone } from '../../services/me';
import { session } from '../../stores/session';

/**
 * weapp only. WeChat shows its own phone-number sheet and gives us a one-time code; the server
 * trades it for the number. Rendered only behind the privacy gate, as WeChat requires.
 */
export function PhoneBinding({ hasPhone }: { hasPhone: boolean }) {
  const [saving, setSaving] = useState(false);
  const onGetPhoneNumber = async (event: BaseEventOrig<ButtonProps.onGetPhoneNumberEventDetail>) => {
    const code = event.detail.code;
    if (!code) {
      void Taro.showToast({ title: '您没有授权手机号，可以稍后再绑定', icon: 'none' });
      return;
    }
    setSaving(true);
    try {
      session.setMe(await bindPhone(code));
      void Taro.showToast({ title: '手机号已绑定', icon: 'success' });
    } catch {
      // request() already showed the Chinese message
    } finally {
      setSaving(false);
    }
  };
  return (
    <BigButton variant="secondary" openType="getPhoneNumber" onGetPhoneNumber={onGetPhoneNumber} loading={saving} testId="bind-phone">
      {hasPhone ? '更换为微信绑定的手机号' : '绑定微信手机号'}
    </BigButton>
  );
}
