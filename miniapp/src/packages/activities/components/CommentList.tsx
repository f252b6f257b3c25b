import { Text, View } from '@tarojs/components';
import { formatChinaDate, type RatingView } from '@honglin/shared';
import { BigButton } from '../../../components/BigButton';
import './comments.scss';

const stars = (n: number) => '★'.repeat(n) + '☆'.repeat(5 - n);

/**
 * Comments after an activity. With `onDecide` (the organiser's roster), held comments come with
 * 通过 / 不通过; everyone else only ever receives comments that passed.
 */
export function CommentList({ items, onDecide }: { items: RatingView[]; onDecide?: (id: string, decision: 'publish' | 'reject') => void }) {
  return (
    <View>
      {items.map((c) => (
        <View key={c.id} className="comment-row" data-testid={c.commentStatus === 'held' ? 'comment-held' : 'comment'}>
          <Text className="comment-row__head">{`${stars(c.stars)}  ${c.raterMasked} · ${formatChinaDate(c.createdAt)}${c.commentStatus === 'held' ? ' · 待审核' : ''}`}</Text>
          <Text className="comment-row__text">{c.comment}</Text>
          {onDecide && c.commentStatus === 'held' ? (
            <View className="row-actions">
              <BigButton variant="secondary" onClick={() => onDecide(c.id, 'publish')} testId="comment-publish">通过</BigButton>
              <BigButton variant="danger" onClick={() => onDecide(c.id, 'reject')} testId="comment-reject">不通过</BigButton>
            </View>
          ) : null}
        </View>
      ))}
    </View>
  );
}
