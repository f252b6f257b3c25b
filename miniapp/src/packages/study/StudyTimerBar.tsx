import { Text, View } from '@tarojs/components';
import { POINTS_ACTION_LABELS } from '@honglin/shared';
import { useSession } from '../../stores/session';
import { durationInWords, formatSeconds, type StudyTimer } from './useStudySession';

/**
 * The visible study timer: effective time the server credited, against the minimum for points.
 * Elder mode shows a calm state instead of a ticking counter (no screen that changes by itself):
 * that timing is on, what earns points, and the credited result when it arrives.
 */
export function StudyTimerBar({ timer }: { timer: StudyTimer }) {
  const { elderMode } = useSession();
  const earned = timer.earned.map((p, i) => (
    <Text key={i} className="study-timer__earned" data-testid="study-points-earned">{`${POINTS_ACTION_LABELS[p.action]} +${p.awarded}分`}</Text>
  ));
  const problem = timer.problem ? <Text className="form-error">{timer.problem}</Text> : null;
  if (elderMode) {
    // Drawn once the server has opened the session, so nothing on it changes until points are credited.
    if (!timer.started && !timer.problem) return null;
    return (
      <View className="study-timer study-timer--calm" data-testid="study-timer">
        {timer.started ? <Text className="study-timer__state" data-testid="study-timer-state">正在计时学习</Text> : null}
        {timer.started ? (
          <Text className="study-timer__goal">{timer.completed ? '这篇已学满时间 ✓' : `学满 ${durationInWords(timer.minSeconds)}，积分自动记上`}</Text>
        ) : null}
        {earned}
        {problem}
      </View>
    );
  }
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
      {earned}
      {problem}
    </View>
  );
}
