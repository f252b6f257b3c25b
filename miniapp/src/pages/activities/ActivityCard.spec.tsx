import { render, screen } from '@testing-library/react';
import { describe, expect, it } from '@jest/globals';
import type { ActivitySummary } from '@honglin/shared';
import { ActivityCard, placesText } from './ActivityCard';

const base: ActivitySummary = {
  hostKind: 'community',
  id: 'a'.repeat(26),
  title: '健康义诊',
  category: 'health',
  coverImage: null,
  place: '卫生服务站',
  startsAt: '2026-12-03T01:00:00.000Z',
  endsAt: '2026-12-03T03:00:00.000Z',
  community: { id: 'c'.repeat(26), name: '幸福社区' },
  capacity: 40,
  placesLeft: 3,
  waitlisted: 0,
  status: 'published',
};

describe('activity card', () => {
  it('says how many places are left, or that the waitlist is open', () => {
    expect(placesText(base)).toBe('剩余3个名额');
    expect(placesText({ placesLeft: 0, waitlisted: 0 })).toBe('已满 · 可报名候补');
    expect(placesText({ placesLeft: 0, waitlisted: 4 })).toBe('已满 · 4人候补中');
  });

  it('shows Beijing time and a category placeholder when there is no cover image', () => {
    render(<ActivityCard a={base} />);
    expect(screen.getByText(/2026-12-03 09:00/)).toBeTruthy();
    expect(screen.getByText('健康')).toBeTruthy();
  });
});
