import Taro from '@tarojs/taro';
import { Image, Text, View } from '@tarojs/components';
import { useSession } from '../stores/session';
import { useTabBar } from '../stores/tab-bar';
import homeIcon from '../assets/tab/home.png';
import homeOn from '../assets/tab/home-active.png';
import studyIcon from '../assets/tab/study.png';
import studyOn from '../assets/tab/study-active.png';
import activitiesIcon from '../assets/tab/activities.png';
import activitiesOn from '../assets/tab/activities-active.png';
import meIcon from '../assets/tab/me.png';
import meOn from '../assets/tab/me-active.png';
import './TabBar.scss';

/** The tabBar list of app.config.ts (which the build reads on its own; keep the two in step). */
export const TABS = [
  { path: 'pages/home/index', text: '首页', icon: homeIcon, iconOn: homeOn },
  { path: 'pages/study/index', text: '学习', icon: studyIcon, iconOn: studyOn },
  { path: 'pages/activities/index', text: '活动', icon: activitiesIcon, iconOn: activitiesOn },
  { path: 'pages/me/index', text: '我的', icon: meIcon, iconOn: meOn },
] as const;
export type TabPath = (typeof TABS)[number]['path'];

const isH5 = process.env.TARO_ENV === 'h5';

/**
 * The app's own tab bar (issue #22 item 13): WeChat's native bar ignores elder mode, so the bar is
 * ours and grows with it (≥ 18 px labels, ≥ 60 px targets). weapp shows it from custom-tab-bar/;
 * h5, where Taro draws no custom bar, from each tab page (<PageTabBar>).
 */
export function TabBarView({ current }: { current: string }) {
  const { elderMode } = useSession();
  const { unread } = useTabBar();
  return (
    <View className={`app-tab-bar${elderMode ? ' app-tab-bar--elder' : ''}`} role="tablist" data-testid="app-tab-bar">
      {TABS.map((tab) => {
        const on = tab.path === current;
        const badge = tab.path === 'pages/activities/index' && unread > 0 ? (unread > 99 ? '99+' : String(unread)) : '';
        return (
          <View
            key={tab.path}
            className={`app-tab-bar__item${on ? ' app-tab-bar__item--on' : ''}`}
            role="tab"
            aria-selected={on}
            aria-label={badge ? `${tab.text}，${badge}条未读消息` : tab.text}
            data-testid={`tab-${tab.text}`}
            onClick={() => {
              if (!on) void Taro.switchTab({ url: `/${tab.path}` });
            }}
          >
            {/* Decorative: the label beside it names the tab. */}
            <Image className="app-tab-bar__icon" src={on ? tab.iconOn : tab.icon} mode="aspectFit" nativeProps={{ alt: '', 'aria-hidden': 'true' }} />
            <Text className="app-tab-bar__label">{tab.text}</Text>
            {badge ? <Text className="app-tab-bar__badge">{badge}</Text> : null}
          </View>
        );
      })}
    </View>
  );
}

/** Placed in each tab page: on h5 draws the bar with this page's tab on (weapp draws custom-tab-bar/). */
export function PageTabBar({ path }: { path: TabPath }) {
  const { elderMode } = useSession();
  if (!isH5) return null;
  return (
    <View>
      {/* Room for the fixed bar, so the page's last lines are not hidden under it. */}
      <View className={`app-tab-bar__space${elderMode ? ' app-tab-bar__space--elder' : ''}`} />
      <TabBarView current={path} />
    </View>
  );
}
