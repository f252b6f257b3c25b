import { Text, View } from '@tarojs/components';
import { POINTS_ACTION_LABELS } from '@honglin/shared';
import { formatSeconds, type StudyTimer } from './useStudySession';

/** The visible study timer: effective time the server credited, against the minimum for points. */
export function StudyTimerBar({ timer }: { timer: StudyTimer }) {
  const pct = timer.minSeconds ? Math.min(100, Math.round((100 * timer.seconds) / timer.minSeconds)) : 0;
  return (
    <View className="study-timer" data-testid="study-timer">
      <View className="study-timer__row">
        <Text className="study-timer__time" data-testid="study-timer-seconds">{`有效学习 ${formatSeconds(timer.seconds)}`}</Text>
        <Text className="study-timer__goal">{timer.completed ? '已达标 ✓' : `满 ${formatSeconds(timer.minSeconds)} 得积分`}</Text>
      </View>
      <View className="study-timer__track">
        <View className="study-timer__fill" style={{ width: `${pct}%` }} />
      </View>
      {timer.earned.map((p, i) => (
        <Text key={i} className="study-timer__earned" data-testid="study-points-earned">{`${POINTS_ACTION_LABELS[p.action]} +${p.awarded}分`}</Text>
      ))}
      {timer.problem ? <Text className="form-error">{timer.problem}</Text> : null}
    </View>
  );
}
