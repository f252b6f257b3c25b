import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it } from '@jest/globals';
import { answerRequests, recorded, resetTaro } from '../../../../../test/taro';
import { DataAccess } from './index';

beforeEach(() => resetTaro());

const entry = (seq: number) => ({ seq, at: '2026-11-29T01:30:00.000Z', atText: '2026-11-29 09:30', actorName: '周*', roleText: '组织者', description: '查看完整手机号' });

describe('谁查看了我的数据', () => {
  it('lists who looked, in what role, at what and when, and pages on', async () => {
    answerRequests((o) =>
      Promise.resolve({ statusCode: 200, data: o.url.includes('cursor=') ? { items: [entry(1)], nextCursor: null } : { items: [entry(3)], nextCursor: '3' } }),
    );
    render(<DataAccess />);
    await waitFor(() => expect(screen.getAllByTestId('data-access-item')).toHaveLength(1));
    expect(screen.getByTestId('data-access-item').textContent).toBe('查看完整手机号周*（组织者）北京时间 2026-11-29 09:30');
    fireEvent.click(screen.getByTestId('load-more'));
    await waitFor(() => expect(screen.getAllByTestId('data-access-item')).toHaveLength(2));
    expect(recorded.requests[1].url).toContain('cursor=3');
    expect(screen.getByText('已全部显示')).toBeTruthy();
  });

  it('says plainly when nobody has looked', async () => {
    answerRequests(() => Promise.resolve({ statusCode: 200, data: { items: [], nextCursor: null } }));
    render(<DataAccess />);
    await waitFor(() => expect(screen.getByTestId('data-access-empty').textContent).toContain('还没有其他人查看过您的数据'));
  });
});
