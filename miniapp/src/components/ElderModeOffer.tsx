import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { MeView } from '@honglin/shared';
import { elderOfferKey, elderOfferReason } from '../theme/elder-offer';
import type { WechatFontInfo } from '../theme/scale';
import { BigButton } from './BigButton';
import { useElderModeToggle } from './ElderModeSwitch';

const WHY = {
  age: '字太小看不清？可以打开长辈模式。',
  font: '您在微信里用了大字体，这里也可以打开长辈模式。',
} as const;

/**
 * Asked once per resident on this phone, in the page rather than in a pop-up: residents of 60+ (by
 * birth year) and anyone whose WeChat uses large fonts or 关怀模式. Either answer closes it for good.
 */
export function ElderModeOffer({ me }: { me: MeView }) {
  const { toggle } = useElderModeToggle();
  const key = elderOfferKey(me.id);
  const [answered, setAnswered] = useState(() => Taro.getStorageSync(key) === true);
  const reason = elderOfferReason({ elderMode: me.elderMode, birthYear: me.birthYear, fontInfo: readWechatFontInfo(), answered, now: new Date() });
  if (!reason) return null;
  const answer = (turnOn: boolean) => {
    Taro.setStorageSync(key, true);
    setAnswered(true);
    if (turnOn) void toggle(true);
  };
  return (
    <View className="notice-panel" data-testid="elder-offer">
      <Text className="elder-offer__title">{WHY[reason]}</Text>
      <Text className="elder-offer__text">开启后字更大、按钮更大、颜色更清楚，随时可以在“我的”里关掉。</Text>
      <BigButton onClick={() => answer(true)} testId="elder-offer-accept">打开长辈模式</BigButton>
      <BigButton variant="secondary" onClick={() => answer(false)} testId="elder-offer-decline">暂不需要</BigButton>
    </View>
  );
}

/** WeChat's own font setting; only the weapp client can report it. */
export function readWechatFontInfo(): WechatFontInfo | null {
  if (process.env.TARO_ENV !== 'weapp') return null;
  try {
    return Taro.getAppBaseInfo() as WechatFontInfo;
  } catch {
    return null; // older base library: no hint, the switch is still there
  }
}
