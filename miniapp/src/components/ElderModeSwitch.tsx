import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { setElderMode } from '../services/me';
import { session, useSession } from '../stores/session';
import { tapRole } from './a11y';

/** Turns elder mode on or off: the page redraws at once, then the account keeps it for other phones. */
export function useElderModeToggle() {
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
  return { elderMode, saving, toggle };
}

/** 长辈模式: bigger type, bigger targets, stronger contrast. Saved to the account so it follows the user. */
export function ElderModeSwitch({ prominent = false }: { prominent?: boolean }) {
  const { elderMode, toggle } = useElderModeToggle();
  return (
    // The whole row is one tap target; the mark only shows the state, in words as well as position.
    <View
      className={`elder-switch${prominent ? ' elder-switch--prominent' : ''}`}
      onClick={() => void toggle(!elderMode)}
      data-testid="elder-switch"
      {...tapRole('switch', { checked: elderMode, label: '长辈模式' })}
    >
      <View className="elder-switch__text">
        <Text className="elder-switch__label">长辈模式（大字）</Text>
        <Text className="elder-switch__hint">{elderMode ? '已开启：字更大，按钮更大' : '开启后字更大、按钮更大、颜色更清楚'}</Text>
      </View>
      <View className={`switch-mark${elderMode ? ' switch-mark--on' : ''}`} aria-hidden="true">
        <Text className="switch-mark__text">{elderMode ? '开' : '关'}</Text>
        <View className="switch-mark__knob" />
      </View>
    </View>
  );
}
