import { useEffect, type PropsWithChildren } from 'react';
import Taro from '@tarojs/taro';
import { ROUTES } from './routes';
import { session } from './stores/session';
import { rememberPrivacyResolver } from './stores/privacy-request';
import './app.scss';

// Who is signed in is asked as soon as the app's code runs, not once the first page has rendered: on h5
// the request then overlaps the download of the first page's chunk instead of waiting for it (about a
// quarter of the first screen's time on a slow phone, bench first-screen).
void session.bootstrap();

function App({ children }: PropsWithChildren) {
  useEffect(() => {
    if (process.env.TARO_ENV === 'weapp' && Taro.onNeedPrivacyAuthorization) {
      // WeChat pauses a privacy API until we answer; our privacy page shows the agreement and answers.
      Taro.onNeedPrivacyAuthorization((resolve) => {
        rememberPrivacyResolver(resolve);
        void Taro.navigateTo({ url: ROUTES.privacy });
      });
    }
  }, []);
  return children;
}

export default App;
