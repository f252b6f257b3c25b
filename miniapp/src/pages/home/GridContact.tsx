import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { GridContactView } from '@honglin/shared';
import { BigButton } from '../../components/BigButton';

export type ContactState = { status: 'idle' } | { status: 'loading' } | { status: 'found'; contact: GridContactView } | { status: 'missing'; message: string };

export function callPhone(phone: string): void {
  void Taro.makePhoneCall({ phoneNumber: phone }).catch(() => undefined); // the resident cancelled
}

/** What the 联系网格员 tile found: the name and number in large type, and a button that calls it. */
export function GridContactPanel({ state, communityName }: { state: ContactState; communityName: string | null }) {
  if (state.status === 'idle') return null;
  if (state.status === 'loading') return <Text className="contact-panel__line">正在查找网格员电话…</Text>;
  if (state.status === 'missing' || !state.contact.phone) {
    return (
      <View className="notice-panel" data-testid="grid-contact-missing" role="status">
        <Text className="contact-panel__line">暂时查不到您的网格员电话。</Text>
        <Text className="contact-panel__line">{`请到${communityName ?? '社区'}居委会，或请家人帮您联系。`}</Text>
      </View>
    );
  }
  const { contact } = state;
  return (
    <View className="notice-panel" data-testid="grid-contact" role="status">
      <Text className="contact-panel__line">{`${contact.grid.name} 网格员：${contact.name}`}</Text>
      <Text className="contact-panel__phone" data-testid="grid-contact-phone">{contact.phone}</Text>
      <BigButton onClick={() => callPhone(contact.phone!)} testId="grid-contact-call">拨打电话</BigButton>
    </View>
  );
}
