import { describe, expect, it, jest } from '@jest/globals';
import { browserSpeech, splitForSpeech } from './speech';

describe('splitForSpeech', () => {
  it('keeps whole sentences together up to the limit', () => {
    expect(splitForSpeech('今天下午两点开会。请准时到。带上笔记本！', 12)).toEqual(['今天下午两点开会。', '请准时到。带上笔记本！']);
  });

  it('cuts a sentence longer than the limit, and drops blank text', () => {
    expect(splitForSpeech('一二三四五六七八九十', 4)).toEqual(['一二三四', '五六七八', '九十']);
    expect(splitForSpeech('   ')).toEqual([]);
  });
});

class FakeUtterance {
  voice: unknown = null;
  lang = '';
  rate = 1;
  onend: (() => void) | null = null;
  onerror: (() => void) | null = null;
  constructor(readonly text: string) {}
}

function fakeWindow(voices: Array<{ lang: string }>) {
  const spoken: FakeUtterance[] = [];
  const synth = { getVoices: () => voices, cancel: jest.fn(), speak: (u: FakeUtterance) => void spoken.push(u) };
  return { win: { speechSynthesis: synth, SpeechSynthesisUtterance: FakeUtterance } as unknown as Window & typeof globalThis, spoken, synth };
}

describe('browserSpeech', () => {
  it('is missing (so the button is hidden) without speech synthesis or a Chinese voice', () => {
    expect(browserSpeech(undefined)).toBeNull();
    expect(browserSpeech(fakeWindow([{ lang: 'en-US' }]).win)).toBeNull();
  });

  it('reads in a Chinese voice, slower than default, and says when it is done', () => {
    const { win, spoken } = fakeWindow([{ lang: 'en-US' }, { lang: 'zh_CN' }]);
    const onEnd = jest.fn();
    browserSpeech(win)!.speak('活动在周三下午。地点在活动室。', onEnd);
    expect(spoken.map((u) => u.text)).toEqual(['活动在周三下午。地点在活动室。']);
    expect(spoken[0].rate).toBeLessThan(1);
    spoken[0].onend!();
    expect(onEnd).toHaveBeenCalledTimes(1);
  });
});
