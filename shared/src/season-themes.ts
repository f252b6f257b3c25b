import { toChinaParts } from './time.js';

/**
 * Themes that fit the time of year, for demo data generated relative to today: a newcomer who starts
 * the demo in December must not see a 重阳节 (October) party next week (issue #22 item 14). Months are
 * Beijing months of the date the thing happens.
 */
export type Season = 'spring' | 'summer' | 'autumn' | 'winter';

export interface SeasonThemes {
  season: Season;
  /** A neighbourhood festival activity of that month. */
  festival: { title: string; description: string };
  /** A community outing of that season. */
  trip: { title: string; place: string; description: string };
  /** A volunteer drive for older residents in that season. */
  campaign: { title: string; description: string };
}

export function seasonOfMonth(month: number): Season {
  if (month >= 3 && month <= 5) return 'spring';
  if (month >= 6 && month <= 8) return 'summer';
  if (month >= 9 && month <= 11) return 'autumn';
  return 'winter';
}

const FESTIVALS: Record<number, { title: string; description: string }> = {
  1: { title: '迎新春写春联', description: '书法志愿者现场写春联、送福字，欢迎带孩子来体验。' },
  2: { title: '元宵节猜灯谜', description: '猜灯谜、煮元宵，猜中有小礼品。欢迎全家参加。' },
  3: { title: '学雷锋便民服务日', description: '理发、磨刀、修家电、测血压，志愿者在广场为居民服务。' },
  4: { title: '植树护绿亲子活动', description: '在社区绿地补种树苗、挂认养牌，儿童须家长陪同。' },
  5: { title: '母亲节亲子手工', description: '和孩子一起做康乃馨贺卡，材料由社区提供。' },
  6: { title: '端午节包粽子', description: '老邻居教包粽子，包好的粽子送给独居老人。欢迎子女陪同。' },
  7: { title: '消夏纳凉晚会', description: '露天文艺表演和电影放映，请自带小板凳。' },
  8: { title: '七夕传统手工体验', description: '剪纸、编中国结，老师现场教学，材料免费。' },
  9: { title: '中秋邻里联欢会', description: '做月饼、赏月、文艺表演，为独居老人送上月饼。欢迎子女陪同。' },
  10: { title: '重阳节敬老活动', description: '包饺子、文艺表演、为80岁以上老人送上长寿面。欢迎子女陪同。' },
  11: { title: '立冬包饺子', description: '邻里一起包饺子，包好的饺子送给高龄和独居老人。欢迎子女陪同。' },
  12: { title: '迎新年邻里联欢会', description: '文艺表演、写福字、包饺子，为80岁以上老人送上新年礼包。欢迎子女陪同。' },
};

const TRIPS: Record<Season, SeasonThemes['trip']> = {
  spring: { title: '社区春游', place: '植物园（社区门口集合乘车）', description: '社区包车前往植物园赏花，午餐自理。儿童须家长陪同。' },
  summer: { title: '亲子科技馆一日游', place: '科技馆（社区门口集合乘车）', description: '社区包车前往科技馆，馆内有空调，午餐自理。儿童须家长陪同。' },
  autumn: { title: '秋季登高踏青', place: '郊野公园（社区门口集合乘车）', description: '社区包车前往郊野公园登高赏秋，午餐自理。儿童须家长陪同。' },
  winter: { title: '冬日博物馆参观', place: '市博物馆（社区门口集合乘车）', description: '社区包车前往市博物馆，讲解员全程讲解，午餐自理。儿童须家长陪同。' },
};

const CAMPAIGN_NAMES: Record<Season, string> = { spring: '春季', summer: '夏季', autumn: '秋季', winter: '冬季' };
const CAMPAIGN_CARE: Record<Season, string> = {
  spring: '春季换季',
  summer: '高温天',
  autumn: '秋冬换季',
  winter: '冬季',
};

/** The themes for the Beijing month of `at`. */
export function seasonThemes(at: Date): SeasonThemes {
  const { month } = toChinaParts(at);
  const season = seasonOfMonth(month);
  return {
    season,
    festival: FESTIVALS[month],
    trip: TRIPS[season],
    campaign: {
      title: `${CAMPAIGN_NAMES[season]}助老服务月`,
      description: `${CAMPAIGN_CARE[season]}为辖区独居、高龄老人提供上门测血压、陪聊、接送就医和家中小修小补。`,
    },
  };
}
