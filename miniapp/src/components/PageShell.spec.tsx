import { act, fireEvent, render, screen } from '@testing-library/react';
import { beforeEach, describe, expect, it, jest } from '@jest/globals';
import { aMe } from '../../test/fixtures';
import { recorded, resetTaro, showPage } from '../../test/taro';
import { ROUTES } from '../routes';
import { showError } from '../services/request';
import { session } from '../stores/session';
import { usePageShow } from '../hooks/usePageShow';
import { PageShell } from './PageShell';

const content = (me: { name: string }) => <span data-testid="content">{`内容：${me.name}`}</span>;

beforeEach(() => {
  resetTaro();
  act(() => session.clear());
});

describe('PageShell', () => {
  it('asks an anonymous visitor to log in instead of showing the page, and the button opens login', () => {
    render(<PageShell title="我的">{content}</PageShell>);
    expect(screen.queryByTestId('content')).toBeNull();
    expect(screen.getByText('请先登录')).toBeTruthy();
    fireEvent.click(screen.getByTestId('go-login'));
    expect(recorded.navigations).toEqual([{ kind: 'navigateTo', url: ROUTES.login }]);
  });

  it('holds a signed-in user at the privacy prompt until the current policy is accepted', () => {
    act(() => session.setMe(aMe({ privacyAcceptedVersion: '2020-01-01' })));
    render(<PageShell>{content}</PageShell>);
    expect(screen.queryByTestId('content')).toBeNull();
    fireEvent.click(screen.getByTestId('go-privacy'));
    expect(recorded.navigations).toEqual([{ kind: 'navigateTo', url: ROUTES.privacy }]);
  });

  it('lets the privacy page itself through before consent', () => {
    act(() => session.setMe(aMe({ privacyAcceptedVersion: null })));
    render(<PageShell access="signedIn">{content}</PageShell>);
    expect(screen.getByTestId('content').textContent).toBe('内容：李建国');
  });

  it('renders the page for a consented user, with title and subtitle', () => {
    act(() => session.setMe(aMe()));
    const { container } = render(<PageShell title="学习" subtitle="支部学习任务">{content}</PageShell>);
    expect(screen.getByText('学习')).toBeTruthy();
    expect(screen.getByText('支部学习任务')).toBeTruthy();
    expect(screen.getByTestId('content').textContent).toBe('内容：李建国');
    expect(container.firstElementChild?.className).toBe('theme-root page-shell');
  });

  it("switches the page root to the elder scale with the user's preference, live", () => {
    act(() => session.setMe(aMe()));
    const { container } = render(<PageShell>{content}</PageShell>);
    act(() => session.setElderModeLocally(true));
    expect(container.firstElementChild?.className).toBe('theme-root theme-elder page-shell');
  });

  it('shows a failed request in the page in elder mode, not in a toast, until 知道了 is tapped', () => {
    act(() => session.setMe(aMe({ elderMode: true })));
    render(<PageShell>{content}</PageShell>);
    expect(screen.queryByTestId('page-error')).toBeNull();
    act(() => showError({ message: '网络连接失败，请检查网络后重试' }));
    expect(screen.getByTestId('page-error-text').textContent).toBe('网络连接失败，请检查网络后重试');
    expect(screen.getByRole('alert')).toBeTruthy();
    expect(recorded.toasts).toEqual([]);
    fireEvent.click(screen.getByTestId('page-error-close'));
    expect(screen.queryByTestId('page-error')).toBeNull();
    expect(screen.getByTestId('content')).toBeTruthy(); // the page itself stayed as it was
  });

  it('keeps the toast in normal mode', () => {
    act(() => session.setMe(aMe()));
    render(<PageShell>{content}</PageShell>);
    act(() => showError({ message: '请求超时，请稍后重试' }));
    expect(screen.queryByTestId('page-error')).toBeNull();
    expect(recorded.toasts).toEqual([expect.objectContaining({ title: '请求超时，请稍后重试' })]);
  });

  describe('page shows for the content (usePageShow)', () => {
    function Loader({ onShow }: { onShow: () => void }) {
      usePageShow(onShow);
      return <span data-testid="content">内容</span>;
    }

    it('loads content that mounts after the page was shown: a reload, with /api/me still on its way', () => {
      const load = jest.fn();
      render(<PageShell>{() => <Loader onShow={load} />}</PageShell>);
      act(() => showPage()); // the page's one show comes while the session is not known yet
      expect(load).not.toHaveBeenCalled();
      act(() => session.setMe(aMe())); // /api/me answers: the content mounts now
      expect(load).toHaveBeenCalledTimes(1);
      act(() => showPage()); // back from another page
      expect(load).toHaveBeenCalledTimes(2);
    });

    it('loads content mounted with the page once, at its first show', () => {
      const load = jest.fn();
      act(() => session.setMe(aMe()));
      render(<PageShell>{() => <Loader onShow={load} />}</PageShell>);
      expect(load).not.toHaveBeenCalled();
      act(() => showPage());
      expect(load).toHaveBeenCalledTimes(1);
    });
  });
});
