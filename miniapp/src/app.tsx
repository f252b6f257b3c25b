import { useEffect, type PropsWithChildren } from 'react';
import Taro from '@tarojs/taro';
import { ROUTES } from './routes';
import { session } from './stores/session';
import { rememberPrivacyResolver } from './stores/privacy-request';
import './app.scss';

function App({ children }: PropsWithChildren) {
  useEffect(() => {
    void session.bootstrap();
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
