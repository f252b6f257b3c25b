import type { ContentKind } from '@honglin/shared';

/** How far a video may run ahead of the wall clock between beats before it counts as a jump (buffering, rounding). */
const POSITION_SLACK_SECONDS = 2;

export type BeatVerdict = { ok: true; credited: number } | { ok: false; reason: 'too_fast' };

/**
 * Seconds of study one heartbeat earns. Only the wall-clock gap since the previous beat can be
 * earned (so never more than wall time), nothing for a gap longer than the allowed interval (the
 * member was away or the app was in the background), and for audio/video only what the playback
 * position really advanced: a pause earns nothing and a jump ahead earns nothing.
 */
export function creditBeat(input: {
  kind: ContentKind;
  gapMs: number;
  minGapMs: number;
  maxGapMs: number;
  lastPosition: number | null;
  position: number | undefined;
}): BeatVerdict {
  if (input.gapMs < input.minGapMs) return { ok: false, reason: 'too_fast' };
  if (input.gapMs > input.maxGapMs) return { ok: true, credited: 0 };
  const wall = Math.floor(input.gapMs / 1000);
  if (input.kind === 'article') return { ok: true, credited: wall };
  if (input.position === undefined) return { ok: true, credited: 0 };
  const advanced = input.position - (input.lastPosition ?? 0);
  if (advanced <= 0 || advanced > input.gapMs / 1000 + POSITION_SLACK_SECONDS) return { ok: true, credited: 0 };
  return { ok: true, credited: Math.min(wall, Math.floor(advanced)) };
}
