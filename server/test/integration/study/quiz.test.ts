import { StudyClock } from '../../../src/study/study-settings.js';
import { databases, startTestApp, type TestApp } from '../../support/test-app.js';

describe.each(databases())('quizzes on %s', (db) => {
  let t: TestApp;
  let clock: StudyClock;
  let member: { token: string; userId: string };
  const answerOf = async (questionId: string): Promise<string[]> => {
    const [row] = await t.dataSource.query('SELECT answer FROM quiz_questions WHERE id = ?', [questionId]);
    return JSON.parse(row.answer);
  };
  const post = (path: string, body: object = {}, token = member.token) => t.http.post(path).set('Authorization', token).send(body);

  beforeAll(async () => {
    t = await startTestApp(db);
    clock = t.app.get(StudyClock);
    member = await t.login('party_member');
  });
  afterAll(() => t.close());

  it('serves five daily questions without answers, explains each answer and credits the points once a day', async () => {
    const attempt = (await post('/api/quizzes/daily/attempts')).body;
    expect(attempt.questions).toHaveLength(5);
    expect(JSON.stringify(attempt)).not.toMatch(/"answer"|explanation/);
    let last;
    for (const [i, q] of attempt.questions.entries()) {
      const right = await answerOf(q.id);
      // A wrong answer for the first: an option outside the answer, or — when every option is right ("三会一课") — only part of it.
      const outside = q.options.map((o: { key: string }) => o.key).find((k: string) => !right.includes(k));
      const choice = i === 0 ? (outside ? [outside] : right.slice(0, 1)) : right;
      last = (await post(`/api/quiz-attempts/${attempt.id}/answers`, { questionId: q.id, choice })).body;
      expect(last.correct).toBe(i !== 0);
      expect(last.answer).toEqual(right);
      expect(last.explanation.length).toBeGreaterThan(5);
    }
    expect(last.finished).toBe(true);
    expect(last.result).toEqual({ correct: 4, total: 5, points: 4, capped: false });
    const again = await post('/api/quizzes/daily/attempts');
    expect([again.status, again.body.code]).toEqual([409, 'QUIZ_ALREADY_TAKEN']);
    expect((await post(`/api/quiz-attempts/${attempt.id}/finish`)).body).toEqual(last.result);
    const history = (await t.http.get('/api/points/history').set('Authorization', member.token)).body.items;
    expect(history.filter((e: { action: string }) => e.action === 'daily_quiz')[0]).toMatchObject({ amount: 4, label: '每日答题' });
  });

  it('refuses answers to questions not in the attempt, twice-answered ones, bad options and other people’s attempts', async () => {
    const admin = await t.login('admin');
    const a = (await post('/api/quizzes/daily/attempts', {}, admin.token)).body;
    const q = a.questions[0];
    const [outside] = await t.dataSource.query(`SELECT id FROM quiz_questions WHERE id NOT IN (${a.questions.map(() => '?').join(',')}) LIMIT 1`, a.questions.map((x: { id: string }) => x.id));
    const notIn = await post(`/api/quiz-attempts/${a.id}/answers`, { questionId: outside.id, choice: ['A'] }, admin.token);
    expect([notIn.status, notIn.body.code]).toEqual([400, 'QUIZ_QUESTION_NOT_IN_ATTEMPT']);
    const badOption = await post(`/api/quiz-attempts/${a.id}/answers`, { questionId: q.id, choice: ['F'] }, admin.token);
    expect([badOption.status, badOption.body.code]).toEqual([400, 'QUIZ_OPTION_INVALID']);
    expect((await post(`/api/quiz-attempts/${a.id}/answers`, { questionId: q.id, choice: ['A'] })).status).toBe(404);
    expect((await post(`/api/quiz-attempts/${a.id}/answers`, { questionId: q.id, choice: await answerOf(q.id) }, admin.token)).status).toBe(200);
    const twice = await post(`/api/quiz-attempts/${a.id}/answers`, { questionId: q.id, choice: await answerOf(q.id) }, admin.token);
    expect([twice.status, twice.body.code]).toEqual([409, 'QUIZ_ALREADY_ANSWERED']);
    const resumed = (await post('/api/quizzes/daily/attempts', {}, admin.token)).body;
    expect([resumed.id, resumed.answered, resumed.questions.length]).toEqual([a.id, 1, 4]);
  });

  it('enforces the challenge time limit per question on the server', async () => {
    const a = (await post('/api/quizzes/challenge/attempts')).body;
    expect(a.questions).toHaveLength(1);
    expect(a.answerBy).toBeTruthy();
    const first = a.questions[0];
    clock.advance(30);
    expect((await post(`/api/quiz-attempts/${a.id}/answers`, { questionId: first.id, choice: await answerOf(first.id) })).body.correct).toBe(true);
    const next = (await t.http.get(`/api/quiz-attempts/${a.id}`).set('Authorization', member.token)).body;
    expect(next.questions[0].id).not.toBe(first.id);
    clock.advance(46);
    const late = await post(`/api/quiz-attempts/${a.id}/answers`, { questionId: next.questions[0].id, choice: await answerOf(next.questions[0].id) });
    expect([late.status, late.body.code]).toEqual([409, 'QUIZ_ANSWER_LATE']);
    expect((await post(`/api/quiz-attempts/${a.id}/finish`)).body).toMatchObject({ correct: 1, points: 0 });
    const after = await post(`/api/quiz-attempts/${a.id}/answers`, { questionId: next.questions[0].id, choice: ['A'] });
    expect(after.body.code).toBe('QUIZ_ATTEMPT_FINISHED');
  });

  it("opens a branch's special quiz to its members only and refuses it after the deadline", async () => {
    const quizzes = (await t.http.get('/api/quizzes').set('Authorization', member.token)).body;
    const special = quizzes.find((q: { kind: string }) => q.kind === 'special');
    expect(special.title).toBe('支部工作条例专项答题');
    const outsider = await t.login('organiser_b');
    expect((await post(`/api/quizzes/${special.id}/attempts`, {}, outsider.token)).status).toBe(404);
    const a = (await post(`/api/quizzes/${special.id}/attempts`)).body;
    expect(a.questions).toHaveLength(5);
    clock.advance(15 * 86_400);
    const late = await post(`/api/quiz-attempts/${a.id}/answers`, { questionId: a.questions[0].id, choice: ['A'] });
    expect([late.status, late.body.code]).toEqual([409, 'QUIZ_ANSWER_LATE']);
    const grid = await t.login('admin');
    expect((await post(`/api/quizzes/${special.id}/attempts`, {}, grid.token)).body.code).toBe('QUIZ_NOT_OPEN');
    clock.advance(-15 * 86_400);
  });
});
