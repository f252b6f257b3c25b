import Taro from '@tarojs/taro';
import { Image, Text, View } from '@tarojs/components';
import { ACTIVITY_CATEGORY_LABELS, formatChinaDateTime, type ActivitySummary } from '@honglin/shared';
import { tapRole } from '../../components/a11y';
import { ROUTES } from '../../routes';
import { imageUrl } from '../../services/images';

/** Places left in words: what a resident needs to decide whether to sign up. */
export function placesText(a: Pick<ActivitySummary, 'placesLeft' | 'waitlisted'>): string {
  if (a.placesLeft > 0) return `剩余${a.placesLeft}个名额`;
  return a.waitlisted > 0 ? `已满 · ${a.waitlisted}人候补中` : '已满 · 可报名候补';
}

/** A cover image when there is one; otherwise a coloured block with the category, so lists never show broken images. */
export function Cover({ a, big }: { a: Pick<ActivitySummary, 'coverImage' | 'category'>; big?: boolean }) {
  const size = big ? ' activity-cover--big' : '';
  if (a.coverImage) return <Image className={`activity-cover${size}`} src={imageUrl(a.coverImage)} mode="aspectFill" />;
  return (
    <View className={`activity-cover activity-cover--${a.category}${size}`}>
      <Text className="activity-cover__label">{ACTIVITY_CATEGORY_LABELS[a.category]}</Text>
    </View>
  );
}

export function ActivityCard({ a }: { a: ActivitySummary }) {
  return (
    <View
      className="activity-card"
      data-testid={`activity-${a.title}`}
      onClick={() => void Taro.navigateTo({ url: `${ROUTES.activityDetail}?id=${a.id}` })}
      {...tapRole('link')}
    >
      <Cover a={a} />
      <View className="activity-card__body">
        <Text className="activity-card__title">{a.title}</Text>
        <Text className="activity-card__meta">{formatChinaDateTime(a.startsAt)} · {a.community.name}</Text>
        <Text className="activity-card__meta">{a.place}</Text>
        <Text className={`activity-card__places${a.placesLeft > 0 ? '' : ' activity-card__places--full'}`} data-testid="activity-places">
          {placesText(a)}
        </Text>
      </View>
    </View>
  );
}
