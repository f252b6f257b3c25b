import { creditBeat } from './study-time.js';

const base = { minGapMs: 7_500, maxGapMs: 30_000, lastPosition: null, position: undefined };

describe('study time of one heartbeat', () => {
  it('credits an article the wall-clock gap since the last beat', () => {
    expect(creditBeat({ ...base, kind: 'article', gapMs: 15_400 })).toEqual({ ok: true, credited: 15 });
  });

  it('refuses beats that come faster than half the interval', () => {
    expect(creditBeat({ ...base, kind: 'article', gapMs: 3_000 })).toEqual({ ok: false, reason: 'too_fast' });
  });

  it('credits nothing for a gap longer than the allowed interval', () => {
    expect(creditBeat({ ...base, kind: 'article', gapMs: 600_000 })).toEqual({ ok: true, credited: 0 });
  });

  it('credits a video only what the position advanced, never more than the wall clock', () => {
    expect(creditBeat({ ...base, kind: 'video', gapMs: 15_000, lastPosition: 30, position: 45 })).toEqual({ ok: true, credited: 15 });
    expect(creditBeat({ ...base, kind: 'video', gapMs: 15_000, lastPosition: 30, position: 40 })).toEqual({ ok: true, credited: 10 });
    expect(creditBeat({ ...base, kind: 'video', gapMs: 15_000, lastPosition: 30, position: 46.5 })).toEqual({ ok: true, credited: 15 });
  });

  it('credits nothing for a video that jumped ahead, paused, rewound or sent no position', () => {
    expect(creditBeat({ ...base, kind: 'video', gapMs: 15_000, lastPosition: 30, position: 300 })).toEqual({ ok: true, credited: 0 });
    expect(creditBeat({ ...base, kind: 'video', gapMs: 15_000, lastPosition: 30, position: 30 })).toEqual({ ok: true, credited: 0 });
    expect(creditBeat({ ...base, kind: 'video', gapMs: 15_000, lastPosition: 30, position: 10 })).toEqual({ ok: true, credited: 0 });
    expect(creditBeat({ ...base, kind: 'video', gapMs: 15_000, lastPosition: 30, position: undefined })).toEqual({ ok: true, credited: 0 });
  });
});
