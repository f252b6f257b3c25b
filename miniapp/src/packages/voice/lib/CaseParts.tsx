import { useEffect, useState } from 'react';
import { Image, Text, View } from '@tarojs/components';
import { CASE_EVENT_LABELS, CASE_RATING_LABELS, CASE_STATUS_LABELS, formatChinaDateTime, type CaseCategory, type CaseView } from '@honglin/shared';
import { casePhotoDataUrl } from '../../../services/voice';

/** Big pictures for the elder's first step: one look tells the category. */
export const CATEGORY_ICONS: Record<CaseCategory, string> = {
  sanitation: '🗑️',
  facilities: '💡',
  safety: '⚠️',
  noise: '🔊',
  neighbour: '🤝',
  property: '🏢',
  parking: '🚗',
  policy: '📄',
  suggestion: '💬',
  other: '❓',
};

export function CaseTags({ c }: { c: CaseView }) {
  return (
    <View className="voice-tags">
      <Text className="voice-tag" data-testid="case-status">{CASE_STATUS_LABELS[c.status]}</Text>
      <Text className="voice-tag">{c.categoryLabel}</Text>
      {c.overdue ? <Text className="voice-tag voice-tag--warn">已超期</Text> : null}
      {c.escalationLevel > 0 ? <Text className="voice-tag voice-tag--warn">{c.escalationLevel > 1 ? '街道督办' : '社区督办'}</Text> : null}
      {c.rating ? <Text className="voice-tag">{CASE_RATING_LABELS[c.rating]}</Text> : null}
      {c.followers > 1 ? <Text className="voice-tag">{`${c.followers} 人关注`}</Text> : null}
    </View>
  );
}

/** Every step, oldest first, as the parties see it. */
export function CaseTimeline({ c }: { c: CaseView }) {
  return (
    <View className="voice-timeline" data-testid="case-timeline">
      {c.timeline.map((e) => (
        <View key={e.id} className="voice-timeline__item" data-testid={`timeline-${e.type}`}>
          <Text className="voice-timeline__when">{formatChinaDateTime(e.at)}</Text>
          <Text className="voice-text">{`${e.actor ? `${e.actor} · ` : ''}${CASE_EVENT_LABELS[e.type]}${e.text ? `：${e.text}` : ''}`}</Text>
        </View>
      ))}
    </View>
  );
}

function CasePhoto({ url }: { url: string }) {
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => void casePhotoDataUrl(url).then(setSrc, () => setSrc(null)), [url]);
  return src ? <Image className="voice-photo" src={src} mode="aspectFill" /> : <View className="voice-photo" />;
}

export function CasePhotos({ c, phase }: { c: CaseView; phase: 'report' | 'after' }) {
  const photos = c.photos.filter((p) => p.phase === phase);
  if (!photos.length) return null;
  return (
    <View className="voice-photos" data-testid={`case-photos-${phase}`}>
      {photos.map((p) => (
        <CasePhoto key={p.id} url={p.url} />
      ))}
    </View>
  );
}
