import type { DemoPersona } from '@honglin/shared';

/** The seeded people a visitor can become in the embedded demo (never in production). */
export const DEMO_PERSONAS: DemoPersona[] = [
  { key: 'resident', name: '王丽', description: '居民 · 幸福社区 一网格' },
  { key: 'party_member', name: '李建国', description: '党员 · 幸福社区第一党支部' },
  { key: 'elder', name: '张秀英', description: '老年居民（72岁）· 幸福社区' },
  { key: 'organiser_a', name: '陈红', description: '组织者 · 幸福社区第一党支部书记' },
  { key: 'organiser_b', name: '刘洋', description: '组织者 · 和平社区党支部书记' },
  { key: 'grid_worker', name: '周敏', description: '网格员 · 幸福社区活动组织者' },
  { key: 'admin', name: '赵强', description: '管理员 · 红星街道' },
];
