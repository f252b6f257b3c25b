import Taro from '@tarojs/taro';

/** Reads text aloud; `speak` calls onEnd when it finishes or fails, `stop` ends it early. */
export interface SpeechEngine {
  speak(text: string, onEnd: () => void): void;
  stop(): void;
}

/**
 * Pieces short enough for one utterance (WeChat's 同声传译 takes about 1000 bytes a call, and long
 * browser utterances stall on some phones), cut after a sentence where there is one.
 */
export function splitForSpeech(text: string, max = 200): string[] {
  const sentences = text.replace(/\s+/g, ' ').trim().match(/[^。！？；!?;\n]+[。！？；!?;\n]?/g) ?? [];
  const pieces: string[] = [];
  let current = '';
  for (const sentence of sentences.flatMap((s) => (s.length > max ? s.match(new RegExp(`.{1,${max}}`, 'g'))! : [s]))) {
    if (current && current.length + sentence.length > max) {
      pieces.push(current.trim());
      current = '';
    }
    current += sentence;
  }
  if (current.trim()) pieces.push(current.trim());
  return pieces;
}

/** The browser's speech synthesis, when it has a Chinese voice; without one the button would be dead. */
export function browserSpeech(win: (Window & typeof globalThis) | undefined = typeof window === 'undefined' ? undefined : window): SpeechEngine | null {
  const synth = win?.speechSynthesis;
  if (!synth || typeof win.SpeechSynthesisUtterance !== 'function') return null;
  const voice = synth.getVoices().find((v) => v.lang.replace('_', '-').toLowerCase().startsWith('zh'));
  if (!voice) return null;
  return {
    speak(text, onEnd) {
      synth.cancel();
      const pieces = splitForSpeech(text);
      pieces.forEach((piece, i) => {
        const utterance = new win.SpeechSynthesisUtterance(piece);
        utterance.voice = voice;
        utterance.lang = voice.lang;
        utterance.rate = 0.9; // a little slower than default, for older listeners
        if (i === pieces.length - 1) utterance.onend = onEnd;
        utterance.onerror = onEnd;
        synth.speak(utterance);
      });
    },
    stop: () => synth.cancel(),
  };
}

interface WechatSiPlugin {
  textToSpeech(options: { lang: string; tts: boolean; content: string; success: (r: { filename: string }) => void; fail: () => void }): void;
}
declare const requirePlugin: ((name: string) => unknown) | undefined;

/** WeChat's 同声传译 plugin, only when the build declares it (HONGLIN_WECHAT_SI_VERSION, see config). */
export function wechatSpeech(): SpeechEngine | null {
  if (!WECHAT_SI || typeof requirePlugin !== 'function') return null;
  let plugin: WechatSiPlugin;
  try {
    plugin = requirePlugin('WechatSI') as WechatSiPlugin;
  } catch {
    return null;
  }
  let audio: Taro.InnerAudioContext | null = null;
  let queue: string[] = [];
  let finish: () => void = () => undefined;
  const end = () => {
    queue = [];
    audio?.destroy();
    audio = null;
    finish();
  };
  const next = () => {
    const piece = queue.shift();
    if (!piece) return end();
    plugin.textToSpeech({
      lang: 'zh_CN',
      tts: true,
      content: piece,
      success: ({ filename }) => {
        if (!audio) return;
        audio.src = filename;
        audio.play();
      },
      fail: end,
    });
  };
  return {
    speak(text, onEnd) {
      end();
      finish = onEnd;
      queue = splitForSpeech(text);
      audio = Taro.createInnerAudioContext();
      audio.onEnded(next);
      audio.onError(end);
      next();
    },
    stop: end,
  };
}
