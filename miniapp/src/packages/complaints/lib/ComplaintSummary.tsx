import { Text, View } from '@tarojs/components';
import { COMPLAINT_CATEGORY_LABELS, COMPLAINT_STATUS_LABELS, formatChinaDate, formatChinaDateTime, type ComplaintView } from '@honglin/shared';
import { InfoRow } from '../../../components/InfoRow';

const TAG: Record<ComplaintView['status'], string> = { submitted: 'pending', answered: 'approved', closed: 'approved', withdrawn: '' };

/** Status, overdue/near-deadline flags, as tags the eye finds first. */
export function ComplaintTags({ c, dueSoon }: { c: ComplaintView; dueSoon?: boolean }) {
  return (
    <View className="complaint-tags">
      <Text className={`status-tag${TAG[c.status] ? ` status-tag--${TAG[c.status]}` : ''}`} data-testid="complaint-status">
        {COMPLAINT_STATUS_LABELS[c.status]}
      </Text>
      {c.overdue ? <Text className="status-tag status-tag--rejected" data-testid="complaint-overdue">已逾期</Text> : null}
      {dueSoon ? <Text className="status-tag status-tag--rejected" data-testid="complaint-due-soon">48小时内到期</Text> : null}
    </View>
  );
}

/** The facts of a complaint both sides see: what, about whom, when, by when, and the answer. */
export function ComplaintFacts({ c, full = true }: { c: ComplaintView; full?: boolean }) {
  return (
    <View>
      <InfoRow label="类别" value={COMPLAINT_CATEGORY_LABELS[c.category]} />
      {c.subject || c.accused ? <InfoRow label="被投诉对象" value={[c.accused?.name, c.subject].filter(Boolean).join(' · ')} /> : null}
      <InfoRow label="提交时间" value={formatChinaDateTime(c.createdAt)} />
      {c.status === 'submitted' ? <InfoRow label="答复期限" value={`${formatChinaDate(c.dueAt)} 前`} testId="complaint-due" /> : null}
      {c.anonymous ? <InfoRow label="匿名" value="不向被投诉人透露投诉人身份" /> : null}
      {full ? <Text className="complaint-text">{c.text}</Text> : null}
      {c.answer ? (
        <View className="complaint-answer" data-testid="complaint-answer">
          <Text className="muted">{`${c.answeredBy?.name ?? '管理员'} 于 ${formatChinaDateTime(c.answeredAt ?? c.createdAt)} 答复：`}</Text>
          <Text className="complaint-text">{c.answer}</Text>
        </View>
      ) : null}
    </View>
  );
}
