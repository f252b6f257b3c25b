import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, jest } from '@jest/globals';
import { EmptyState } from './EmptyState';
import { InfoRow } from './InfoRow';

describe('InfoRow', () => {
  it('shows the value under its test id', () => {
    render(<InfoRow label="社区" value="红星社区" testId="me-community" />);
    expect(screen.getByTestId('me-community').textContent).toBe('红星社区');
    expect(screen.getByText('社区')).toBeTruthy();
  });

  it('says 未登记 (or the given placeholder) rather than leaving a blank', () => {
    render(
      <>
        <InfoRow label="网格" value={null} testId="grid" />
        <InfoRow label="党支部" value="" placeholder="未加入" testId="branch" />
      </>,
    );
    expect(screen.getByTestId('grid').textContent).toBe('未登记');
    expect(screen.getByTestId('branch').textContent).toBe('未加入');
  });

  it('offers its action only when tappable', () => {
    const onTap = jest.fn();
    const { rerender } = render(<InfoRow label="手机号" value="138****5678" actionText="显示" />);
    expect(screen.queryByText('显示')).toBeNull();
    rerender(<InfoRow label="手机号" value="138****5678" actionText="显示" onTap={onTap} />);
    fireEvent.click(screen.getByText('显示'));
    expect(onTap).toHaveBeenCalledTimes(1);
  });
});

describe('EmptyState', () => {
  it('says what is missing and runs its one action', () => {
    const onTap = jest.fn();
    render(<EmptyState title="本支部暂无学习任务" description="发布后会通知您" action={{ text: '重试', onTap, testId: 'retry' }} />);
    expect(screen.getByText('本支部暂无学习任务')).toBeTruthy();
    fireEvent.click(screen.getByTestId('retry'));
    expect(onTap).toHaveBeenCalledTimes(1);
  });
});
