import { useEffect, useState, type ReactNode } from 'react';
import Taro, { useDidHide, useDidShow } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { MeView } from '@honglin/shared';
import { PageShowContext } from '../hooks/usePageShow';
import { ROUTES } from '../routes';
import { needsPrivacyConsent, session, useSession, type SessionState } from '../stores/session';
import { syncH5Chrome } from '../theme/h5-chrome';
import { themeClassName } from '../theme/scale';
import { EmptyState } from './EmptyState';
import { PageError, pageError } from './PageError';

/**
 * public: anyone; signedIn: any logged-in user (the privacy page itself);
 * consented: logged in and agreed to the current privacy policy, which every data page needs.
 */
export type PageAccess = 'public' | 'signedIn' | 'consented';

interface PageShellProps {
  title?: string;
  subtitle?: string;
  access?: PageAccess;
  children: ReactNode | ((me: MeView) => ReactNode);
}

/**
 * Every page's root: applies the theme scale, a consistent header, the login/privacy gate and, in
 * elder mode, the error line the request wrapper writes to instead of a toast.
 *
 * It also counts the page's shows for usePageShow: the page content below mounts only once the session
 * is known, often after the page's first show, so the content must not listen for shows itself.
 */
export function PageShell({ title, subtitle, access = 'consented', children }: PageShellProps) {
  const state = useSession();
  const [shows, setShows] = useState(0);
  useEffect(() => syncH5Chrome(state.elderMode), [state.elderMode]);
  useDidShow(() => setShows((n) => n + 1));
  // An error belongs to the page it happened on: leaving the page closes it.
  useDidHide(pageError.dismiss);
  return (
    <View className={`${themeClassName(state.elderMode)} page-shell`}>
      {title ? (
        <View className="page-shell__header">
          <Text className="page-shell__title">{title}</Text>
          {subtitle ? <Text className="page-shell__subtitle">{subtitle}</Text> : null}
        </View>
      ) : null}
      <View className="page-shell__body">
        <PageError />
        <PageShowContext.Provider value={shows}>{renderBody(state, access, children)}</PageShowContext.Provider>
      </View>
    </View>
  );
}

function renderBody(state: SessionState, access: PageAccess, children: PageShellProps['children']): ReactNode {
  if (access === 'public') return typeof children === 'function' ? null : children;
  if (state.status === 'booting') return <EmptyState title="正在加载…" testId="session-loading" />;
  if (state.status === 'unreachable') {
    return (
      <EmptyState
        title="暂时连不上服务器"
        description={state.problem ?? undefined}
        action={{ text: '重试', onTap: () => void session.bootstrap(), testId: 'session-retry' }}
      />
    );
  }
  if (state.status === 'anonymous' || !state.me) {
    return (
      <EmptyState
        title="请先登录"
        description="登录后可以查看您所在的社区、网格和党支部，参加学习和活动。"
        action={{ text: '去登录', onTap: () => void Taro.navigateTo({ url: ROUTES.login }), testId: 'go-login' }}
        testId="login-prompt"
      />
    );
  }
  if (access === 'consented' && needsPrivacyConsent(state.me)) {
    return (
      <EmptyState
        title="请先阅读并同意隐私保护指引"
        description="同意后我们才会使用您的手机号、住址和党组织信息。"
        action={{ text: '查看隐私保护指引', onTap: () => void Taro.navigateTo({ url: ROUTES.privacy }), testId: 'go-privacy' }}
        testId="privacy-prompt"
      />
    );
  }
  return typeof children === 'function' ? children(state.me) : children;
}
