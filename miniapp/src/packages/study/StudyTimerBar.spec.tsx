import { act, render, screen } from '@testing-library/react';
import { beforeEach, describe, expect, it } from '@jest/globals';
import { aMe } from '../../../test/fixtures';
import { resetTaro } from '../../../test/taro';
import { session } from '../../stores/session';
import { StudyTimerBar } from './StudyTimerBar';
import { durationInWords, type StudyTimer } from './useStudySession';

const timer = (over: Partial<StudyTimer> = {}): StudyTimer => ({ started: true, seconds: 12, minSeconds: 60, completed: false, earned: [], problem: null, ...over });

beforeEach(() => {
  resetTaro();
  act(() => session.clear());
});

describe('StudyTimerBar', () => {
  it('ticks in normal mode: credited time against the minimum', () => {
    act(() => session.setMe(aMe()));
    render(<StudyTimerBar timer={timer()} />);
    expect(screen.getByTestId('study-timer-seconds').textContent).toBe('有效学习 0:12');
  });

  it('stays calm in elder mode: the same words at 12 s and at 48 s, then the credited result', () => {
    act(() => session.setMe(aMe({ elderMode: true })));
    const { rerender, container } = render(<StudyTimerBar timer={timer()} />);
    const first = container.textContent;
    expect(first).toBe('正在计时学习学满 1 分钟，积分自动记上');
    expect(screen.queryByTestId('study-timer-seconds')).toBeNull();
    rerender(<StudyTimerBar timer={timer({ seconds: 48 })} />);
    expect(container.textContent).toBe(first);
    rerender(<StudyTimerBar timer={timer({ seconds: 60, completed: true, earned: [{ action: 'article_read', awarded: 1, capped: false }] })} />);
    expect(screen.getByTestId('study-points-earned').textContent).toBe('阅读文章 +1分');
    expect(container.textContent).toContain('这篇已学满时间 ✓');
  });

  it('draws nothing in elder mode until the server has opened the session', () => {
    act(() => session.setMe(aMe({ elderMode: true })));
    render(<StudyTimerBar timer={timer({ started: false, seconds: 0, minSeconds: 0 })} />);
    expect(screen.queryByTestId('study-timer')).toBeNull();
  });
});

describe('durationInWords', () => {
  it('says a length the way people say it', () => {
    expect(durationInWords(60)).toBe('1 分钟');
    expect(durationInWords(90)).toBe('1 分 30 秒');
    expect(durationInWords(4)).toBe('4 秒');
  });
});
