/** What we collect and why, in plain words. Changing this text means bumping PRIVACY_POLICY_VERSION. */
export const PRIVACY_SECTIONS: ReadonlyArray<{ title: string; body: string }> = [
  {
    title: '手机号',
    body: '用于社区和党支部工作人员在活动、志愿服务和紧急情况下联系您。只有您点击“绑定微信手机号”并在微信中确认后才会获取。',
  },
  {
    title: '住址：社区、网格、楼栋',
    body: '用于把您归入所在网格，让您看到本社区的活动和通知，并让网格员知道该联系谁。',
  },
  {
    title: '党组织关系：党支部、党小组',
    body: '用于党员学习、组织生活和党员身份审核。非党员不需要填写。',
  },
  {
    title: '签到位置',
    body: '只在您参加活动或会议、主动签到时获取一次，用来确认您在现场；不会持续定位，也不会保存行动轨迹。',
  },
  {
    title: '我们如何保护这些信息',
    body: '手机号等敏感信息加密保存。其他人看到您的手机号时只显示部分号码（如 138****1234）。只有您所在组织的工作人员能看到您的信息，不会提供给与社区服务无关的任何人。',
  },
];
