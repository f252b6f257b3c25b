import { Text, View } from '@tarojs/components';
import { tapRole } from './a11y';

export interface TileProps {
  label: string;
  /** What happens on tap, in a few plain words. */
  hint: string;
  onTap: () => void;
  testId?: string;
}

/** A big square entry for the elder home: one word-sized job per tile, the whole tile is the target. */
export function Tile({ label, hint, onTap, testId }: TileProps) {
  return (
    <View className="tile" onClick={onTap} data-testid={testId} {...tapRole()}>
      <Text className="tile__label">{label}</Text>
      <Text className="tile__hint">{hint}</Text>
    </View>
  );
}
