import { useEffect, useRef, useState } from 'react';
import { useDidHide, useDidShow } from '@tarojs/taro';
import type { HeartbeatResult, PointsAction } from '@honglin/shared';
import { ApiError } from '../../services/request';
import { closeStudySession, sendHeartbeat, startStudySession } from '../../services/study';

export interface StudyTimer {
  /** The server opened the session: it is timing from now on. */
  started: boolean;
  seconds: number;
  minSeconds: number;
  completed: boolean;
  earned: { action: PointsAction; awarded: number; capped: boolean }[];
  problem: string | null;
}

/**
 * Runs a server-side study session while the page is visible: a heartbeat every interval the server
 * asks for. The server decides what counts; the timer shows only what it credited. `position` is read
 * at each beat (video/audio), so a paused or skipped video earns nothing.
 */
export function useStudySession(contentId: string | undefined, position?: () => number | undefined): StudyTimer {
  const [state, setState] = useState<StudyTimer>({ started: false, seconds: 0, minSeconds: 0, completed: false, earned: [], problem: null });
  const positionRef = useRef(position);
  positionRef.current = position;
  const run = useRef<{ stop: () => void } | null>(null);

  const begin = () => {
    if (!contentId || run.current) return;
    let stopped = false;
    let timer: ReturnType<typeof setInterval> | undefined;
    let sessionId: string | null = null;
    let seq = 0;
    run.current = {
      stop: () => {
        stopped = true;
        if (timer) clearInterval(timer);
        if (sessionId) void closeStudySession(sessionId).catch(() => undefined);
      },
    };
    startStudySession(contentId).then(
      (s) => {
        if (stopped) return void closeStudySession(s.sessionId).catch(() => undefined);
        sessionId = s.sessionId;
        setState((prev) => ({ ...prev, started: true, seconds: s.contentSeconds, minSeconds: s.minSeconds, completed: s.completed, problem: null }));
        timer = setInterval(() => {
          seq += 1;
          sendHeartbeat(s.sessionId, seq, positionRef.current?.()).then(
            (r: HeartbeatResult) =>
              setState((prev) => ({ ...prev, seconds: r.contentSeconds, completed: r.completed, earned: prev.earned.concat(r.points.filter((p) => p.awarded > 0)) })),
            (e: unknown) => {
              // Another device or page took over: stop counting and say so.
              if (e instanceof ApiError && e.code === 'STUDY_SESSION_CLOSED') {
                if (timer) clearInterval(timer);
                setState((prev) => ({ ...prev, problem: e.message }));
              }
            },
          );
        }, s.heartbeatSeconds * 1000);
      },
      (e: Error) => setState((prev) => ({ ...prev, problem: e.message })),
    );
  };
  const end = () => {
    run.current?.stop();
    run.current = null;
  };

  useEffect(() => {
    begin();
    return end;
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [contentId]);
  useDidShow(begin);
  useDidHide(end);
  return state;
}

export function formatSeconds(s: number): string {
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** "1 分钟", "1 分 30 秒", "45 秒": a length said in words, for the calm elder-mode bar. */
export function durationInWords(s: number): string {
  const minutes = Math.floor(s / 60);
  const rest = s % 60;
  if (!minutes) return `${rest} 秒`;
  return rest ? `${minutes} 分 ${rest} 秒` : `${minutes} 分钟`;
}
