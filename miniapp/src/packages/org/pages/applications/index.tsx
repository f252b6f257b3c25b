import { View } from '@tarojs/components';
import { EmptyState } from '../../../../components/EmptyState';
import { Loadable } from '../../../../components/Loadable';
import { PageShell } from '../../../../components/PageShell';
import { useRemote } from '../../../../hooks/useRemote';
import { listPendingApplications } from '../../../../services/org';
import { ApplicationCard } from './ApplicationCard';
import './index.scss';

export default function ApplicationsPage() {
  return <PageShell>{() => <Applications />}</PageShell>;
}

function Applications() {
  const pending = useRemote(listPendingApplications);
  const remove = (id: string) => pending.setData((pending.data ?? []).filter((a) => a.id !== id));
  return (
    <Loadable remote={pending}>
      {(list) =>
        list.length === 0 ? (
          <EmptyState title="没有待审核的申请" description="有居民申请认证党员身份时，会显示在这里。" testId="applications-empty" />
        ) : (
          <View>
            {list.map((application) => (
              <ApplicationCard key={application.id} application={application} onDecided={() => remove(application.id)} />
            ))}
          </View>
        )
      }
    </Loadable>
  );
}
