import { useState } from 'react';
import { Text, View } from '@tarojs/components';
// Per-component import: the full NutUI bundle and its 225 KB stylesheet would bloat the main package.
import Switch from '@nutui/nutui-react-taro/dist/es/packages/switch/index.js';
import '@nutui/nutui-react-taro/dist/es/packages/switch/style/css.js';
import { setElderMode } from '../services/me';
import { session, useSession } from '../stores/session';

/** 长辈模式: bigger type, bigger targets, stronger contrast. Saved to the account so it follows the user. */
export function ElderModeSwitch({ prominent = false }: { prominent?: boolean }) {
  const { elderMode } = useSession();
  const [saving, setSaving] = useState(false);

  const toggle = async (next: boolean) => {
    if (saving) return;
    setSaving(true);
    session.setElderModeLocally(next);
    try {
      session.setMe(await setElderMode(next));
    } catch {
      session.setElderModeLocally(!next); // the toast already said why
    } finally {
      setSaving(false);
    }
  };

  return (
    <View className={`elder-switch${prominent ? ' elder-switch--prominent' : ''}`} onClick={() => void toggle(!elderMode)}>
      <View className="elder-switch__text">
        <Text className="elder-switch__label">长辈模式（大字）</Text>
        <Text className="elder-switch__hint">{elderMode ? '已开启：字更大，按钮更大' : '开启后字更大、按钮更大、颜色更清楚'}</Text>
      </View>
      {/* The whole row is the tap target; the switch only shows the state. */}
      <Switch checked={elderMode} disabled={saving} data-testid="elder-switch" />
    </View>
  );
}
