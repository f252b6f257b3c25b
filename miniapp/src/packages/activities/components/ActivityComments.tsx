import { Card } from '../../../components/Card';
import { useRemote } from '../../../hooks/useRemote';
import { listComments } from '../../../services/activities';
import { CommentList } from './CommentList';

/** What neighbours said after taking part (only comments that passed the content check). */
export function ActivityComments({ id }: { id: string }) {
  const comments = useRemote(() => listComments(id));
  if (!comments.data?.length) return null;
  return (
    <Card title="居民评价" testId="activity-comments">
      <CommentList items={comments.data} />
    </Card>
  );
}
