import { Text, View } from '@tarojs/components';
import { tapRole } from './a11y';

export interface InfoRowProps {
  label: string;
  value: string | null | undefined;
  /** Put on the value, so tests read exactly what the resident reads. */
  testId?: string;
  /** Shown when the value is missing, instead of an empty gap. */
  placeholder?: string;
  onTap?: () => void;
  actionText?: string;
}

export function InfoRow({ label, value, testId, placeholder = '未登记', onTap, actionText }: InfoRowProps) {
  const missing = value === null || value === undefined || value === '';
  return (
    <View className={`info-row${onTap ? ' info-row--tappable' : ''}`} onClick={onTap} {...(onTap ? tapRole() : {})}>
      <Text className="info-row__label">{label}</Text>
      <Text className={`info-row__value${missing ? ' info-row__value--missing' : ''}`} data-testid={testId}>
        {missing ? placeholder : value}
      </Text>
      {onTap && actionText ? <Text className="info-row__action">{actionText}</Text> : null}
    </View>
  );
}
