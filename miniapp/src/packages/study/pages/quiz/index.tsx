import { useEffect, useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { formatChinaTime, type AnswerResult, type AttemptView, type QuestionView, type QuizResult } from '@honglin/shared';
import { tapRole } from '../../../../components/a11y';
import { BigButton } from '../../../../components/BigButton';
import { Card } from '../../../../components/Card';
import { EmptyState } from '../../../../components/EmptyState';
import { PageShell } from '../../../../components/PageShell';
import { leavePage } from '../../../../routes';
import { ApiError } from '../../../../services/request';
import { answerQuestion, finishAttempt, getAttempt, startQuiz } from '../../../../services/study';
import { useSession } from '../../../../stores/session';
import '../../study.scss';

const KIND_LABELS = { single: '单选题', multiple: '多选题', judge: '判断题' } as const;

export default function QuizPage() {
  return <PageShell>{() => <Quiz />}</PageShell>;
}

/** One question at a time; after each answer the right answer and its explanation, then the next. */
function Quiz() {
  const which = useRouter().params.which ?? 'daily';
  const [attempt, setAttempt] = useState<AttemptView | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [question, setQuestion] = useState<QuestionView | null>(null);
  const [chosen, setChosen] = useState<string[]>([]);
  const [answer, setAnswer] = useState<AnswerResult | null>(null);
  const [result, setResult] = useState<QuizResult | null>(null);
  const [busy, setBusy] = useState(false);
  const [left, setLeft] = useState<number | null>(null);
  const { elderMode } = useSession();

  useEffect(() => {
    startQuiz(which).then(
      (a) => {
        setAttempt(a);
        setQuestion(a.questions[0] ?? null);
        if (a.result) setResult(a.result);
      },
      (e: Error) => setProblem(e.message),
    );
  }, [which]);

  // Challenge: show the seconds the server allows for this question. Elder mode gets no ticking
  // counter (a screen that changes by itself), only the time to answer by.
  useEffect(() => {
    if (!attempt?.answerBy || answer || elderMode) return setLeft(null);
    const by = new Date(attempt.answerBy).getTime();
    const tick = () => setLeft(Math.max(0, Math.ceil((by - Date.now()) / 1000)));
    tick();
    const timer = setInterval(tick, 500);
    return () => clearInterval(timer);
  }, [attempt?.answerBy, answer, elderMode]);

  if (problem) return <EmptyState title={problem} action={{ text: '返回', onTap: leavePage }} testId="quiz-problem" />;
  if (!attempt) return <EmptyState title="正在出题…" />;
  if (result) {
    return (
      <Card title={`${attempt.title}完成`} testId="quiz-result">
        <Text className="quiz__verdict" data-testid="quiz-result-score">{`答对 ${result.correct} / ${result.total} 题`}</Text>
        <Text className="quiz__explanation" data-testid="quiz-result-points">{result.capped ? `获得 ${result.points} 分（已达上限）` : `获得 ${result.points} 分`}</Text>
        <BigButton testId="quiz-done" onClick={leavePage}>完成</BigButton>
      </Card>
    );
  }
  if (!question) return <EmptyState title="没有可以作答的题目" action={{ text: '返回', onTap: leavePage }} />;

  const toggle = (key: string) => {
    if (answer) return;
    if (question.kind === 'multiple') setChosen(chosen.includes(key) ? chosen.filter((k) => k !== key) : [...chosen, key]);
    else setChosen([key]);
  };
  const submit = async () => {
    setBusy(true);
    try {
      const r = await answerQuestion(attempt.id, question.id, chosen);
      setAnswer(r);
      setAttempt({ ...attempt, answered: attempt.answered + 1, correct: attempt.correct + (r.correct ? 1 : 0) });
    } catch (e) {
      // Too late for this challenge question: the attempt ends with what was answered in time.
      if (e instanceof ApiError && e.code === 'QUIZ_ANSWER_LATE') setResult(await finishAttempt(attempt.id));
    } finally {
      setBusy(false);
    }
  };
  const next = async () => {
    if (answer?.finished && answer.result) return setResult(answer.result);
    const fresh = attempt.kind === 'challenge' ? await getAttempt(attempt.id) : null;
    const remaining = fresh ? fresh.questions : attempt.questions.slice(attempt.questions.indexOf(question) + 1);
    if (fresh) setAttempt({ ...fresh, questions: fresh.questions });
    setQuestion(remaining[0] ?? null);
    setChosen([]);
    setAnswer(null);
    if (!remaining[0]) setResult(await finishAttempt(attempt.id));
  };

  const optionClass = (key: string) => {
    if (!answer) return chosen.includes(key) ? ' quiz__option--chosen' : '';
    if (answer.answer.includes(key)) return ' quiz__option--right';
    return chosen.includes(key) ? ' quiz__option--wrong' : '';
  };
  return (
    <View>
      <View className="quiz__progress">
        <Text>{`${attempt.title} · 第 ${attempt.answered + (answer ? 0 : 1)} / ${attempt.total} 题 · ${KIND_LABELS[question.kind]}`}</Text>
        {left !== null ? <Text data-testid="quiz-countdown">{`剩余 ${left} 秒`}</Text> : null}
        {elderMode && attempt.answerBy && !answer ? <Text data-testid="quiz-deadline">{`本题限时，请在 ${formatChinaTime(attempt.answerBy, true)} 前提交`}</Text> : null}
      </View>
      <Text className="quiz__stem" data-testid="quiz-stem">{question.stem}</Text>
      {question.options.map((o) => (
        <View key={o.key} className={`quiz__option${optionClass(o.key)}`} onClick={() => toggle(o.key)} data-testid={`quiz-option-${o.key}`} {...tapRole(question.kind === 'multiple' ? 'checkbox' : 'radio', { checked: chosen.includes(o.key) })}>
          <Text>{`${o.key}. ${o.text}`}</Text>
        </View>
      ))}
      {answer ? (
        <View data-testid="quiz-feedback">
          <Text className="quiz__verdict" style={{ color: answer.correct ? 'var(--color-success)' : 'var(--color-danger)' }}>
            {answer.correct ? '回答正确' : `回答错误，正确答案：${answer.answer.join('')}`}
          </Text>
          <Text className="quiz__explanation" data-testid="quiz-explanation">{`解析：${answer.explanation}`}</Text>
          <BigButton testId="quiz-next" onClick={() => void next()}>{answer.finished ? '查看结果' : '下一题'}</BigButton>
        </View>
      ) : (
        <BigButton testId="quiz-submit" disabled={chosen.length === 0} loading={busy} onClick={() => void submit()}>提交答案</BigButton>
      )}
    </View>
  );
}
