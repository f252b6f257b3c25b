/**
 * The demo neighbourhood: one street, two communities with three grids each, one Party committee
 * with a branch per community. Content is fixed so every run of the demo looks the same.
 */
export const STREET = '红星街道';
export const COMMITTEE = '红星街道党工委';

export const COMMUNITIES = [
  { name: '幸福社区', grids: ['幸福一网格', '幸福二网格', '幸福三网格'], branch: '幸福社区第一党支部', groups: ['第一党小组', '第二党小组'] },
  { name: '和平社区', grids: ['和平一网格', '和平二网格', '和平三网格'], branch: '和平社区党支部', groups: ['第一党小组', '第二党小组'] },
] as const;

/** Each grid has two buildings: grid gi (0-based) holds buildings 2·gi+1 and 2·gi+2. */
export function buildingName(gridIndex: number, which: 0 | 1): string {
  return `${gridIndex * 2 + which + 1}号楼`;
}

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN = ['伟', '芳', '娜', '敏', '静', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀兰', '霞', '平', '刚', '桂英', '建华', '玉兰', '志强', '淑珍', '海燕', '德明', '秀珍', '文博', '子涵', '梓萱'];

/** A tiny deterministic generator so the demo is identical on every machine. */
export function seededRandom(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function demoName(rand: () => number): string {
  return SURNAMES[Math.floor(rand() * SURNAMES.length)] + GIVEN[Math.floor(rand() * GIVEN.length)];
}

export interface DemoPersonSpec {
  persona?: string;
  name: string;
  birthYear: number;
  phone: string | null;
  community: 0 | 1;
  grid: 0 | 1 | 2;
  partyGroup?: 0 | 1;
  roles: { role: 'organiser' | 'treasurer' | 'admin'; at: 'branch' | 'community' | 'street' | 'committee' }[];
}

/** The six people a visitor can log in as, plus one community worker. */
export const NAMED_PEOPLE: DemoPersonSpec[] = [
  { persona: 'resident', name: '王丽', birthYear: 1988, phone: '13800000001', community: 0, grid: 0, roles: [] },
  { persona: 'party_member', name: '李建国', birthYear: 1975, phone: '13800000002', community: 0, grid: 1, partyGroup: 0, roles: [] },
  { persona: 'elder', name: '张秀英', birthYear: 1954, phone: '13800000003', community: 0, grid: 0, roles: [] },
  { persona: 'organiser_a', name: '陈红', birthYear: 1980, phone: '13800000004', community: 0, grid: 2, partyGroup: 0, roles: [{ role: 'organiser', at: 'branch' }, { role: 'treasurer', at: 'branch' }] },
  { persona: 'organiser_b', name: '刘洋', birthYear: 1983, phone: '13800000005', community: 1, grid: 0, partyGroup: 0, roles: [{ role: 'organiser', at: 'branch' }, { role: 'treasurer', at: 'branch' }] },
  { persona: 'admin', name: '赵强', birthYear: 1978, phone: '13800000006', community: 0, grid: 0, partyGroup: 1, roles: [{ role: 'admin', at: 'street' }, { role: 'admin', at: 'committee' }] },
  { persona: 'grid_worker', name: '周敏', birthYear: 1990, phone: '13800000007', community: 0, grid: 0, roles: [{ role: 'organiser', at: 'community' }] },
];
