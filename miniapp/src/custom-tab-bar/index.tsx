import { useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import { TabBarView } from '../components/TabBar';

/**
 * weapp's custom tab bar (app.config tabBar.custom): the same bar h5 draws in each tab page. WeChat
 * makes one instance per tab page, created with it, so the page on top at mount is its page.
 */
export default function CustomTabBar() {
  const [current, setCurrent] = useState('pages/home/index');
  useEffect(() => {
    const pages = Taro.getCurrentPages();
    const route = pages[pages.length - 1]?.route;
    if (route) setCurrent(route.replace(/^\//, ''));
  }, []);
  return <TabBarView current={current} />;
}
