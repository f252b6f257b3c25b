import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { formatChinaDate, type ContentSummary, type MeView, type StudyToday } from '@honglin/shared';
import { BigButton } from '../../components/BigButton';
import { Card } from '../../components/Card';
import { tapRole } from '../../components/a11y';
import { EmptyState } from '../../components/EmptyState';
import { PageShell } from '../../components/PageShell';
import { PageTabBar } from '../../components/TabBar';
import { usePageShow } from '../../hooks/usePageShow';
import { ROUTES } from '../../routes';
import { getStudyToday } from '../../services/study';
import { isManager } from '../../stores/session';
import './index.scss';

export default function StudyPage() {
  return (
    <>
      <PageShell>{(me) => <Study me={me} />}</PageShell>
      <PageTabBar path="pages/study/index" />
    </>
  );
}

export function openContent(c: Pick<ContentSummary, 'id' | 'kind'>) {
  void Taro.navigateTo({ url: `${c.kind === 'article' ? ROUTES.studyArticle : ROUTES.studyVideo}?id=${c.id}` });
}

function Study({ me }: { me: MeView }) {
  const [today, setToday] = useState<StudyToday | null>(null);
  const [error, setError] = useState<string | null>(null);
  // Points change while the member reads or answers in a subpackage page: reload on every visit.
  usePageShow(() => {
    getStudyToday().then(
      (t) => {
        setToday(t);
        setError(null);
      },
      (e: Error) => setError(e.message),
    );
  });
  if (error) return <EmptyState title="加载失败" description={error} testId="study-error" />;
  if (!today) return <EmptyState title="正在加载…" testId="study-loading" />;
  const go = (url: string) => () => void Taro.navigateTo({ url });
  return (
    <View>
      <View className="study-score" data-testid="study-score">
        <View className="study-score__item">
          <Text className="study-score__value" data-testid="study-points-today">{today.pointsToday}</Text>
          <Text className="study-score__label">今日积分</Text>
        </View>
        <View className="study-score__item" onClick={go(ROUTES.pointsHistory)} {...tapRole('link')}>
          <Text className="study-score__value" data-testid="study-balance">{today.balance}</Text>
          <Text className="study-score__label">积分余额</Text>
        </View>
      </View>

      <View className="study-entries">
        <Text className="study-entry" onClick={go(ROUTES.pointsRankings)} data-testid="go-rankings" {...tapRole('link')}>排行榜</Text>
        <Text className="study-entry" onClick={go(ROUTES.pointsHistory)} data-testid="go-points-history" {...tapRole('link')}>积分明细</Text>
        <Text className="study-entry" onClick={go(ROUTES.pointsMall)} data-testid="go-mall" {...tapRole('link')}>积分超市</Text>
        <Text className="study-entry" onClick={go(ROUTES.studyLibrary)} data-testid="go-library" {...tapRole('link')}>学习资料</Text>
      </View>

      <Card title="每日答题">
        <Text className="muted">每天5道题，答对1题得1分，答完可看到每题解析。</Text>
        {today.dailyQuizTaken ? (
          <Text className="study-done" data-testid="daily-quiz-done">今日已完成 ✓</Text>
        ) : (
          <BigButton testId="start-daily-quiz" onClick={go(`${ROUTES.studyQuiz}?which=daily`)}>开始每日答题</BigButton>
        )}
        <BigButton variant="secondary" testId="start-challenge" onClick={go(`${ROUTES.studyQuiz}?which=challenge`)}>挑战答题（每题45秒）</BigButton>
      </Card>

      {today.topics.map((t) => (
        <Card key={t.id} title={`专题：${t.title}`} testId="study-topic">
          <Text className="muted">{`${t.branch.name} · 截止 ${formatChinaDate(t.deadline)}${t.completed ? ' · 已完成' : ''}`}</Text>
          {t.contents.map((c) => <ContentRow key={c.id} c={c} />)}
          {t.quiz ? (
            <View className="content-row" onClick={t.quiz.taken ? undefined : go(`${ROUTES.studyQuiz}?which=${t.quiz.id}`)}>
              <Text className="content-row__title">{`答题：${t.quiz.title}`}</Text>
              <Text className="content-row__meta">{t.quiz.taken ? '已完成' : '去答题'}</Text>
            </View>
          ) : null}
        </Card>
      ))}

      <Card title="今日积分任务">
        {today.tasks.map((task) => (
          <View key={task.action} className="task-row" data-testid={`task-${task.action}`}>
            <Text className="task-row__label">{task.label}</Text>
            <Text className="task-row__value">{task.dailyCap === null ? `${task.awarded}分` : `${task.awarded}/${task.dailyCap}分`}</Text>
          </View>
        ))}
      </Card>

      <Card title="推荐学习">
        {today.recommended.map((c) => <ContentRow key={c.id} c={c} />)}
      </Card>
      {isManager(me) ? (
        <BigButton variant="secondary" testId="go-topic-report" onClick={go(ROUTES.studyTopicReport)}>专题学习完成情况（组织者）</BigButton>
      ) : null}
      {!me.branch ? <Text className="muted">您还没有关联党支部：党支部布置的专题学习会在认证党员身份后显示。</Text> : null}
    </View>
  );
}

function ContentRow({ c }: { c: ContentSummary }) {
  const kind = c.kind === 'article' ? '文章' : c.kind === 'video' ? '视频' : '音频';
  return (
    <View className="content-row" onClick={() => openContent(c)} data-testid="content-item" {...tapRole('link')}>
      <Text className="content-row__title">{c.title}</Text>
      <Text className="content-row__meta">{`${kind} · ${c.category}${c.completed ? ' · 已学 ✓' : ''}`}</Text>
    </View>
  );
}
