import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';

export function Card({ title, extra, children, testId }: { title?: string; extra?: ReactNode; children: ReactNode; testId?: string }) {
  return (
    <View className="card" data-testid={testId}>
      {title ? (
        <View className="card__head">
          <Text className="card__title">{title}</Text>
          {extra}
        </View>
      ) : null}
      {children}
    </View>
  );
}
