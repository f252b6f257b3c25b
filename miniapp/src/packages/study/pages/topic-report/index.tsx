import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { formatChinaDate, type TopicReport } from '@honglin/shared';
import { BigButton } from '../../../../components/BigButton';
import { Card } from '../../../../components/Card';
import { EmptyState } from '../../../../components/EmptyState';
import { Loadable } from '../../../../components/Loadable';
import { PageShell } from '../../../../components/PageShell';
import { useRemote } from '../../../../hooks/useRemote';
import { downloadXlsx } from '../../../../services/download';
import { request } from '../../../../services/request';
import type { TopicView } from '@honglin/shared';
import '../../study.scss';
import '../../../../pages/study/index.scss';

export default function TopicReportPage() {
  return <PageShell>{() => <Reports />}</PageShell>;
}

/** Organisers: each assigned topic's completion by member, who is missing, the average quiz score. */
function Reports() {
  const topics = useRemote(() => request<TopicView[]>('/api/org/study/topics'));
  const [report, setReport] = useState<TopicReport | null>(null);
  return (
    <Loadable remote={topics}>
      {(list) =>
        list.length === 0 ? (
          <EmptyState title="还没有布置专题学习" />
        ) : (
          <View>
            {list.map((t) => (
              <View key={t.id} className="content-row" onClick={() => void request<TopicReport>(`/api/org/study/topics/${t.id}/report`).then(setReport)}>
                <Text className="content-row__title">{t.title}</Text>
                <Text className="content-row__meta">{`${t.branch.name} · 截止 ${formatChinaDate(t.deadline)}`}</Text>
              </View>
            ))}
            {report ? (
              <Card title={`${report.topic.title}：完成 ${report.finishedCount} / ${report.members.length} 人`} testId="topic-report">
                <Text className="muted">{`平均答题正确率：${report.averageQuizScore === null ? '暂无' : `${report.averageQuizScore}%`}`}</Text>
                <BigButton variant="secondary" testId="topic-report-export" onClick={() => void downloadXlsx(`/api/org/study/topics/${report.topic.id}/report.xlsx`, `${report.topic.title}-完成情况.xlsx`)}>
                  导出Excel
                </BigButton>
                {report.members.map((m) => (
                  <View key={m.userId} className="task-row">
                    <Text className="task-row__label">{`${m.name}${m.group ? `（${m.group}）` : ''}`}</Text>
                    <Text className="task-row__value">{`${m.completedContents}/${m.totalContents} · ${m.quizTotal ? `${m.quizCorrect}/${m.quizTotal}题` : '未答题'} · ${m.finished ? '已完成' : '未完成'}`}</Text>
                  </View>
                ))}
              </Card>
            ) : null}
          </View>
        )
      }
    </Loadable>
  );
}
