import { Input, Text, View } from '@tarojs/components';

/** A labelled input using the global form classes. */
export function Field({ label, value, onInput, type = 'text', testId }: { label: string; value: string; onInput: (v: string) => void; type?: 'text' | 'number'; testId?: string }) {
  return (
    <View className="form-row">
      <Text className="form-row__label">{label}</Text>
      {/* On h5 the <input> sits inside Taro's <taro-input-core>: nativeProps gives the input itself its name. */}
      <Input className="form-input" type={type} value={value} onInput={(e) => onInput(e.detail.value)} aria-label={label} nativeProps={{ 'aria-label': label }} data-testid={testId} />
    </View>
  );
}
