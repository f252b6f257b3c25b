import { useEffect, useState } from 'react';
import { useDidHide } from '@tarojs/taro';
import { BigButton } from './BigButton';
import { browserSpeech, wechatSpeech, type SpeechEngine } from './speech';

function pickEngine(): SpeechEngine | null {
  return process.env.TARO_ENV === 'weapp' ? wechatSpeech() : browserSpeech();
}

/** 朗读: reads a detail page aloud. Hidden, never dead, where the phone cannot speak Chinese. */
export function ReadAloud({ text, testId = 'read-aloud' }: { text: string; testId?: string }) {
  const [engine, setEngine] = useState<SpeechEngine | null>(pickEngine);
  const [speaking, setSpeaking] = useState(false);

  useEffect(() => {
    // Browsers load their voices after the page: look again when they arrive.
    const synth = typeof window === 'undefined' ? undefined : window.speechSynthesis;
    if (process.env.TARO_ENV !== 'h5' || engine || !synth?.addEventListener) return undefined;
    const retry = () => setEngine(pickEngine());
    synth.addEventListener('voiceschanged', retry);
    return () => synth.removeEventListener('voiceschanged', retry);
  }, [engine]);
  useEffect(() => () => engine?.stop(), [engine]);
  useDidHide(() => {
    engine?.stop();
    setSpeaking(false);
  });

  if (!engine) return null;
  const toggle = () => {
    if (speaking) {
      engine.stop();
      setSpeaking(false);
      return;
    }
    setSpeaking(true);
    engine.speak(text, () => setSpeaking(false));
  };
  return (
    <BigButton variant="secondary" onClick={toggle} testId={testId}>
      {speaking ? '停止朗读' : '朗读给我听'}
    </BigButton>
  );
}
