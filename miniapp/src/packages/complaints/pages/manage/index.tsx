import { useState } from 'react';
import { View } from '@tarojs/components';
import { COMPLAINT_STATUS_LABELS, COMPLAINT_STATUSES, type ComplaintStatus, type ManagedComplaintView } from '@honglin/shared';
import { BigButton } from '../../../../components/BigButton';
import { EmptyState } from '../../../../components/EmptyState';
import { useNotice } from '../../../../components/Notice';
import { PageShell } from '../../../../components/PageShell';
import { managedComplaints } from '../../../../services/complaints';
import { ManagedComplaintCard } from '../../lib/ManagedComplaintCard';
import '../../complaints.scss';
import { usePageShow } from '../../../../hooks/usePageShow';

export default function ManageComplaintsPage() {
  return <PageShell>{() => <Manage />}</PageShell>;
}

/** Admin: complaints from the communities they look after; unanswered ones overdue first, flagged. */
function Manage() {
  const [status, setStatus] = useState<ComplaintStatus>('submitted');
  const [items, setItems] = useState<ManagedComplaintView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, say] = useNotice();
  const load = (s: ComplaintStatus = status) => {
    setStatus(s);
    setItems(null);
    setError(null);
    managedComplaints(s).then((p) => setItems(p.items), (e: Error) => setError(e.message));
  };
  usePageShow(() => load());
  const answered = () => {
    say('已答复，投诉人会收到通知');
    load();
  };
  return (
    <View>
      {notice}
      <View className="row-actions">
        {COMPLAINT_STATUSES.map((s) => (
          <BigButton key={s} variant={s === status ? 'primary' : 'secondary'} onClick={() => load(s)} testId={`complaints-filter-${s}`}>
            {COMPLAINT_STATUS_LABELS[s]}
          </BigButton>
        ))}
      </View>
      {error ? <EmptyState title="无法打开投诉处理" description={error} /> : null}
      {!error && !items ? <EmptyState title="正在加载…" /> : null}
      {items?.length === 0 ? <EmptyState title={`没有${COMPLAINT_STATUS_LABELS[status]}的投诉`} testId="complaints-manage-empty" /> : null}
      {items?.map((c) => <ManagedComplaintCard key={c.id} c={c} onAnswered={answered} />)}
    </View>
  );
}
