import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it } from '@jest/globals';
import { aMe } from '../../../test/fixtures';
import { answerRequests, recorded, resetTaro } from '../../../test/taro';
import { ROUTES } from '../../routes';
import { ElderHome } from './ElderHome';

beforeEach(() => resetTaro());

describe('elder home', () => {
  it('has the four big tiles, each one tap to its job', () => {
    render(<ElderHome me={aMe({ elderMode: true })} />);
    expect(screen.getAllByRole('button').map((b) => b.textContent)).toEqual([
      '活动报名看看最近的活动',
      '我要签到到了现场点这里',
      '我的活动报了哪些活动',
      '联系网格员一点就打电话',
    ]);
    fireEvent.click(screen.getByTestId('tile-activities'));
    fireEvent.click(screen.getByTestId('tile-my-activities'));
    expect(recorded.navigations).toEqual([
      { kind: 'switchTab', url: ROUTES.activities },
      { kind: 'navigateTo', url: ROUTES.myActivities },
    ]);
  });

  it("shows the grid worker's name and phone, with a call button, on one tap", async () => {
    answerRequests(() => Promise.resolve({ statusCode: 200, data: { grid: { id: 'g1', name: '第一网格', kind: 'grid' }, name: '周敏', phone: '13800000007' } }));
    render(<ElderHome me={aMe({ elderMode: true })} />);
    fireEvent.click(screen.getByTestId('tile-grid-worker'));
    await waitFor(() => expect(screen.getByTestId('grid-contact-phone').textContent).toBe('13800000007'));
    expect(screen.getByText('第一网格 网格员：周敏')).toBeTruthy();
    expect(screen.getByTestId('grid-contact-call')).toBeTruthy();
  });

  it('says plainly where to ask when no grid worker phone is on record', async () => {
    answerRequests(() => Promise.resolve({ statusCode: 404, data: { code: 'NOT_FOUND', message: '未找到', requestId: 'r' } }));
    render(<ElderHome me={aMe({ elderMode: true })} />);
    fireEvent.click(screen.getByTestId('tile-grid-worker'));
    await waitFor(() => expect(screen.getByTestId('grid-contact-missing').textContent).toContain('请到红星社区居委会'));
  });
});
