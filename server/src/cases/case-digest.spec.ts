import { digestText } from './case-digest.js';

describe('weekly 热点 digest', () => {
  it('names the top categories and grids against last week, the overdue count and the most 不满意', () => {
    const text = digestText({
      thisWeek: [
        { category: 'noise', gridName: '幸福一网格' },
        { category: 'noise', gridName: '幸福一网格' },
        { category: 'noise', gridName: '幸福二网格' },
        { category: 'parking', gridName: '幸福二网格' },
      ],
      lastWeek: [{ category: 'noise', gridName: '幸福一网格' }, { category: 'parking', gridName: '幸福二网格' }, { category: 'parking', gridName: '幸福二网格' }],
      overdue: 2,
      unsatisfied: new Map([['周敏', 1], ['孙磊', 3]]),
    });
    expect(text).toBe(
      '本周共收到居民反映 4 件（上周 3 件）。热点类别：噪音扰民 3 件（+2），停车 1 件（-1）。反映最多的网格：幸福一网格 2 件（+1），幸福二网格 2 件（持平）。目前有 2 件工单已超期未办结，请督办。本周“不满意”评价较多的负责人：孙磊 3 次，周敏 1 次。',
    );
  });

  it('says a quiet week is quiet', () => {
    expect(digestText({ thisWeek: [], lastWeek: [], overdue: 0, unsatisfied: new Map() })).toBe('本周共收到居民反映 0 件（上周 0 件）。目前没有超期工单。');
  });
});
