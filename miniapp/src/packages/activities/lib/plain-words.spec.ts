import { describe, expect, it } from '@jest/globals';
import { plainTime, signUpOutcome, spokenActivity, whenAndWhere } from './plain-words';

// 2026-12-02 is a Wednesday; 06:00Z is 14:00 in Beijing.
const talk = {
  title: '重阳节健康讲座',
  startsAt: '2026-12-02T06:00:00Z',
  endsAt: '2026-12-02T08:00:00Z',
  place: '幸福社区活动室',
  placesLeft: 3,
  description: '医生讲解防跌倒。',
};

describe('plain words for elder sign-up', () => {
  it('says times the way people say them, in Beijing time', () => {
    expect(plainTime('2026-12-02T06:00:00Z')).toBe('12月2日 星期三 下午2:00');
    expect(plainTime('2026-12-01T16:30:00Z')).toBe('12月2日 星期三 凌晨0:30');
    expect(plainTime('2026-12-02T04:05:00Z')).toBe('12月2日 星期三 中午12:05');
  });

  it('names the end day only when the activity runs past midnight', () => {
    expect(whenAndWhere(talk)).toBe('12月2日 星期三 下午2:00到4:00，在幸福社区活动室');
    expect(whenAndWhere({ ...talk, endsAt: '2026-12-02T11:00:00Z' })).toBe('12月2日 星期三 下午2:00到晚上7:00，在幸福社区活动室');
    expect(whenAndWhere({ ...talk, endsAt: '2026-12-03T02:00:00Z' })).toBe('12月2日 星期三 下午2:00到12月3日 星期四 上午10:00，在幸福社区活动室');
  });

  it('reads the whole activity aloud: title, time, place, places and description', () => {
    expect(spokenActivity(talk)).toBe('重阳节健康讲座。时间是12月2日 星期三 下午2:00到4:00。地点在幸福社区活动室。还有3个名额。医生讲解防跌倒。');
    expect(spokenActivity({ ...talk, placesLeft: 0 })).toContain('名额已满，可以排队候补。');
  });

  it('tells what happened and what to do next for each outcome', () => {
    expect(signUpOutcome({ status: 'confirmed', waitlistPosition: null }).title).toBe('报名成功');
    expect(signUpOutcome({ status: 'registered', waitlistPosition: null }).next).toContain('审核');
    expect(signUpOutcome({ status: 'waitlisted', waitlistPosition: 2 }).title).toBe('已排上候补，第2位');
  });
});
