import type { EntityManager } from 'typeorm';
import type { PointsAction } from '@honglin/shared';
import { newId } from '../common/ids.js';
import { User } from '../members/user.entity.js';
import { OrgNode } from '../organizations/org-node.entity.js';
import { LedgerRepository } from '../points/ledger.repository.js';
import { LedgerService } from '../points/ledger.service.js';
import { MallItem } from '../points/mall.entity.js';
import { Quiz, QuizQuestion } from './quiz.entity.js';
import { StudyContent, StudyCourse, StudyTopic } from './study-content.entity.js';
import { ARTICLES, COURSE, MEDIA, QUESTIONS } from './study-demo-content.js';
import { seededRandom } from '../database/seed/demo-data.js';
import type { SeedPart } from '../common/domain.js';
import { clock } from '../common/clock.js';

const DAY = 86_400_000;

/**
 * Study content, a course, a 专题 for 幸福社区第一党支部 with a quiz, a question bank, mall items, and
 * a few days of earlier points so the rankings are not empty. Runs inside the demo seed's transaction.
 */
export async function seedStudy(em: EntityManager, now = clock.now()): Promise<void> {
  const contentId = new Map<string, string>();
  const addContent = async (c: Omit<StudyContent, 'id' | 'createdAt'>, key: string) => {
    const id = newId();
    contentId.set(key, id);
    await em.insert(StudyContent, { ...c, id });
  };
  for (const [i, a] of ARTICLES.entries()) {
    await addContent({ kind: 'article', title: a.title, summary: a.summary, category: a.category, body: a.body, mediaUrl: null, coverUrl: null, durationSeconds: null, courseId: null, lessonOrder: null, publishedAt: new Date(now.getTime() - (i + 1) * DAY) }, a.key);
  }
  for (const [i, m] of MEDIA.entries()) {
    await addContent({ kind: m.kind, title: m.title, summary: m.summary, category: m.category, body: [], mediaUrl: m.mediaUrl, coverUrl: null, durationSeconds: m.durationSeconds, courseId: null, lessonOrder: null, publishedAt: new Date(now.getTime() - (i + 2) * DAY - 3600_000) }, m.key);
  }
  const courseId = newId();
  await em.insert(StudyCourse, { id: courseId, title: COURSE.title, summary: COURSE.summary });
  for (const [i, l] of COURSE.lessons.entries()) {
    await addContent({ kind: 'article', title: l.title, summary: l.summary, category: l.category, body: l.body, mediaUrl: null, coverUrl: null, durationSeconds: null, courseId, lessonOrder: i + 1, publishedAt: new Date(now.getTime() - 7 * DAY) }, l.key);
  }

  const questionIds: { id: string; category: string }[] = [];
  for (const q of QUESTIONS) {
    const id = newId();
    questionIds.push({ id, category: q.category });
    await em.insert(QuizQuestion, { id, kind: q.kind, category: q.category, stem: q.stem, options: q.options.map((text, i) => ({ key: 'ABCDEF'[i], text })), answer: q.answer, explanation: q.explanation });
  }

  const branchA = await em.findOneByOrFail(OrgNode, { kind: 'branch', name: '幸福社区第一党支部' });
  const organiser = await em.findOneByOrFail(User, { demoPersona: 'organiser_a' });
  const deadline = new Date(now.getTime() + 14 * DAY);
  const quizId = newId();
  await em.insert(Quiz, { id: quizId, kind: 'special', title: '支部工作条例专项答题', branchId: branchA.id, questionIds: questionIds.filter((q) => q.category === '党章党规').slice(0, 5).map((q) => q.id), opensAt: new Date(now.getTime() - DAY), deadline });
  await em.insert(StudyTopic, {
    id: newId(),
    title: '学习《中国共产党支部工作条例》专题',
    description: '请支部全体党员在截止日期前学完以下内容并完成专项答题。',
    branchId: branchA.id,
    deadline,
    contentIds: [contentId.get('rules')!, contentId.get('meetings')!, contentId.get('nanhu')!],
    quizId,
    createdBy: organiser.id,
  });

  for (const community of await em.findBy(OrgNode, { kind: 'community' })) {
    const items = [
      { name: '环保购物袋', description: '社区定制帆布袋，买菜购物更环保', pricePoints: 20, stock: 30 },
      { name: '洗衣液（2kg）', description: '家庭装洗衣液一瓶', pricePoints: 50, stock: 10 },
      { name: '《中国共产党简史》', description: '党史学习读本，可在社区党群服务中心领取', pricePoints: 30, stock: 15 },
    ];
    for (const i of items) await em.insert(MallItem, { id: newId(), nodeId: community.id, imageUrl: null, active: true, createdBy: organiser.id, ...i });
  }

  // Earlier study by the Party members (two to six days ago), through the real ledger, so balances,
  // caps and rankings agree with the entries from the start.
  const ledger = new LedgerService(new LedgerRepository());
  const rand = seededRandom(3);
  const members = await em.query('SELECT id, demoPersona FROM users WHERE branchNodeId IS NOT NULL ORDER BY id');
  const actions: PointsAction[] = ['login', 'article_read', 'daily_quiz'];
  for (const m of members as { id: string; demoPersona: string | null }[]) {
    // 李建国 (the persona the demo follows) last studied over a week ago, so this week's ranking
    // visibly picks him up once he reads something.
    const persona = m.demoPersona === 'party_member';
    const days = persona ? 1 : 1 + Math.floor(rand() * 2);
    for (let d = 0; d < days; d++) {
      const at = new Date(now.getTime() - (persona ? 9 : 2 + d) * DAY);
      for (const [i, action] of actions.entries()) {
        if (!persona && rand() < 0.3) continue;
        await ledger.credit(em, { userId: m.id, action, amount: action === 'daily_quiz' ? 1 + Math.floor(rand() * 4) : undefined, source: { type: 'demo_seed', id: 'seed' }, idempotencyKey: `seed:${m.id}:${d}:${i}`, nodeId: null, at });
      }
    }
  }
}

export const STUDY_SEED: SeedPart = { name: 'study', after: ['members'], run: ({ em }) => seedStudy(em) };
