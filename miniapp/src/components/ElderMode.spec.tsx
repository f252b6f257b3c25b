import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it, jest } from '@jest/globals';
import { aMe } from '../../test/fixtures';
import { answerRequests, recorded, resetTaro } from '../../test/taro';
import { session } from '../stores/session';
import { ConfirmButton } from './ConfirmButton';
import { ElderModeOffer } from './ElderModeOffer';
import { ElderModeSwitch } from './ElderModeSwitch';
import { ReadAloud } from './ReadAloud';

beforeEach(() => {
  resetTaro();
  act(() => session.clear());
  // The server echoes the saved preference, as PATCH /api/me/preferences does.
  answerRequests((o) => Promise.resolve({ statusCode: 200, data: aMe({ elderMode: (o.data as { elderMode: boolean }).elderMode }) }));
});

describe('ElderModeSwitch', () => {
  it('is one switch the whole row wide, states its state in words, and saves it to the account', async () => {
    act(() => session.setMe(aMe()));
    render(<ElderModeSwitch />);
    const row = screen.getByRole('switch');
    expect(row.getAttribute('aria-checked')).toBe('false');
    expect(screen.getByText('关')).toBeTruthy();
    fireEvent.click(row);
    await waitFor(() => expect(screen.getByRole('switch').getAttribute('aria-checked')).toBe('true'));
    expect(screen.getByText('开')).toBeTruthy();
    expect(recorded.requests[0]).toMatchObject({ method: 'PATCH', data: { elderMode: true } });
    expect(session.get().elderMode).toBe(true);
  });
});

describe('ElderModeOffer', () => {
  it('offers elder mode to a resident of 70 in the page, and turns it on when accepted', async () => {
    const me = aMe({ birthYear: 1956 });
    act(() => session.setMe(me));
    const { unmount } = render(<ElderModeOffer me={me} />);
    fireEvent.click(screen.getByTestId('elder-offer-accept'));
    await waitFor(() => expect(session.get().elderMode).toBe(true));
    unmount();
    render(<ElderModeOffer me={{ ...me, elderMode: false }} />);
    expect(screen.queryByTestId('elder-offer')).toBeNull(); // answered once: not asked again
  });

  it('asks nobody under 60 with normal fonts, and goes away for good on 暂不需要', () => {
    const { unmount } = render(<ElderModeOffer me={aMe({ birthYear: 1990 })} />);
    expect(screen.queryByTestId('elder-offer')).toBeNull();
    unmount();
    const elder = aMe({ birthYear: 1950 });
    render(<ElderModeOffer me={elder} />);
    fireEvent.click(screen.getByTestId('elder-offer-decline'));
    expect(screen.queryByTestId('elder-offer')).toBeNull();
    expect(recorded.requests).toHaveLength(0);
  });
});

describe('ConfirmButton', () => {
  it('asks in the page in elder mode, never in a pop-up, and acts only on yes', () => {
    act(() => session.setMe(aMe({ elderMode: true })));
    const onConfirm = jest.fn();
    render(<ConfirmButton testId="cancel" question="确定取消吗？" yes="确定取消" no="不取消" onConfirm={onConfirm}>取消报名</ConfirmButton>);
    fireEvent.click(screen.getByTestId('cancel'));
    expect(screen.getByText('确定取消吗？')).toBeTruthy();
    fireEvent.click(screen.getByTestId('cancel-no'));
    expect(onConfirm).not.toHaveBeenCalled();
    fireEvent.click(screen.getByTestId('cancel'));
    fireEvent.click(screen.getByTestId('cancel-yes'));
    expect(onConfirm).toHaveBeenCalledTimes(1);
  });
});

describe('ConfirmButton, more', () => {
  it('keeps one question open at a time in elder mode: asking a second closes the first', () => {
    act(() => session.setMe(aMe({ elderMode: true })));
    render(
      <>
        <ConfirmButton testId="a" question="兑换购物袋吗？" yes="确定兑换" onConfirm={jest.fn()}>兑换</ConfirmButton>
        <ConfirmButton testId="b" question="兑换洗衣液吗？" yes="确定兑换" onConfirm={jest.fn()}>兑换</ConfirmButton>
      </>,
    );
    fireEvent.click(screen.getByTestId('a'));
    expect(screen.getByTestId('a-question')).toBeTruthy();
    fireEvent.click(screen.getByTestId('b'));
    expect(screen.queryByTestId('a-question')).toBeNull();
    expect(screen.getByTestId('a')).toBeTruthy();
    expect(screen.getByText('兑换洗衣液吗？')).toBeTruthy();
  });

  it('asks in a dialog in normal mode, and stays a plain button while disabled', async () => {
    act(() => session.setMe(aMe()));
    const onConfirm = jest.fn();
    const { rerender } = render(<ConfirmButton testId="c" title="确认兑换" question="兑换吗？" yes="确定兑换" disabled onConfirm={onConfirm}>积分不足</ConfirmButton>);
    expect((screen.getByTestId('c') as HTMLButtonElement).disabled).toBe(true);
    rerender(<ConfirmButton testId="c" title="确认兑换" question="兑换吗？" yes="确定兑换" onConfirm={onConfirm}>兑换</ConfirmButton>);
    fireEvent.click(screen.getByTestId('c'));
    await waitFor(() => expect(onConfirm).toHaveBeenCalledTimes(1)); // the stand-in dialog answers yes
    expect(screen.queryByTestId('c-question')).toBeNull();
  });
});

describe('ReadAloud', () => {
  it('is hidden, not dead, where nothing can speak Chinese', () => {
    render(<ReadAloud text="活动在周三下午。" />);
    expect(screen.queryByTestId('read-aloud')).toBeNull();
  });
});
