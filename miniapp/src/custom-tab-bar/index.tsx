import { TabBarView } from '../components/TabBar';

/** weapp's custom tab bar (app.config tabBar.custom): the same bar h5 draws in each tab page. */
export default function CustomTabBar() {
  return <TabBarView />;
}
