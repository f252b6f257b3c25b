import { describe, expect, it } from '@jest/globals';
import { spokenMeeting } from './spoken';

describe('spokenMeeting', () => {
  it('says what, when, where and who in plain words, then the agenda', () => {
    const text = spokenMeeting({
      title: '十二月主题党日',
      typeLabel: '主题党日',
      status: 'scheduled',
      startsAt: '2026-12-02T06:30:00Z', // 14:30 in Beijing
      endsAt: '2026-12-02T08:00:00Z',
      address: '幸福社区党群服务中心',
      node: { id: 'n1', name: '幸福社区第一党支部', kind: 'branch' },
      host: { id: 'u1', name: '陈红' },
      agenda: '学习党章',
      minutes: '',
      resolutions: '',
    });
    expect(text).toBe(
      '十二月主题党日，主题党日。\n时间是12月2日 星期三 下午2:30到4:00。\n地点在幸福社区党群服务中心。\n由幸福社区第一党支部召开，主持人陈红。\n议程：学习党章',
    );
  });
});
