import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { ENROLLMENT_STATUS_LABELS, formatChinaDateTime, type ShiftView } from '@honglin/shared';
import { tapRole } from '../../../components/a11y';
import { ROUTES } from '../../../routes';

/** One shift in a list: what, where, when, places, skills, and my status; tap for details. */
export function ShiftCard({ s, extra }: { s: ShiftView; extra?: string }) {
  return (
    <View className="vol-tappable" data-testid={`shift-${s.title}`} onClick={() => void Taro.navigateTo({ url: `${ROUTES.volunteerShift}?id=${s.id}` })} {...tapRole()}>
      <Text className="vol-title">{s.title}</Text>
      <Text className="vol-meta">{s.campaignTitle} · {s.place}</Text>
      <Text className="vol-meta">{formatChinaDateTime(s.startsAt)} — {formatChinaDateTime(s.endsAt).slice(11)}</Text>
      <Text className="vol-meta">
        {s.placesLeft > 0 ? `剩余${s.placesLeft}/${s.capacity}个名额` : `已满${s.waitlisted ? `，${s.waitlisted}人候补` : ''}`}
        {s.skills.length ? ` · 需要：${s.skills.join('、')}` : ''}
      </Text>
      {s.mine ? <Text className="status-tag">{ENROLLMENT_STATUS_LABELS[s.mine.status]}</Text> : null}
      {extra ? <Text className="vol-meta">{extra}</Text> : null}
    </View>
  );
}

export function stars(n: number): string {
  return n > 0 ? '★'.repeat(n) + '☆'.repeat(5 - n) : '☆☆☆☆☆';
}
