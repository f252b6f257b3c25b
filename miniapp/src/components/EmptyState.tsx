import { Text, View } from '@tarojs/components';
import { BigButton } from './BigButton';

export interface EmptyStateProps {
  title: string;
  description?: string;
  action?: { text: string; onTap: () => void; testId?: string };
  testId?: string;
}

/** Says plainly what is (not) there and, when something can be done, offers exactly that. */
export function EmptyState({ title, description, action, testId }: EmptyStateProps) {
  return (
    <View className="empty-state" data-testid={testId}>
      <Text className="empty-state__title">{title}</Text>
      {description ? <Text className="empty-state__description">{description}</Text> : null}
      {action ? (
        <BigButton className="empty-state__action" testId={action.testId} onClick={action.onTap}>
          {action.text}
        </BigButton>
      ) : null}
    </View>
  );
}
