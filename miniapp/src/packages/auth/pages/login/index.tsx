import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { LoginResponse } from '@honglin/shared';
import { BigButton } from '../../../../components/BigButton';
import { Card } from '../../../../components/Card';
import { Loadable } from '../../../../components/Loadable';
import { PageShell } from '../../../../components/PageShell';
import { useRemote } from '../../../../hooks/useRemote';
import { ROUTES, leavePage } from '../../../../routes';
import { demoLogin, listDemoPersonas, wechatLogin } from '../../../../services/auth';
import { needsPrivacyConsent, session } from '../../../../stores/session';
import './index.scss';

export default function LoginPage() {
  return (
    <PageShell title="登录红邻" subtitle="党建引领 · 邻里守望" access="public">
      {process.env.TARO_ENV === 'h5' ? <DemoLogin /> : <WechatLogin />}
    </PageShell>
  );
}

/** Consent comes before anything else: a new user goes to the privacy page, not back to a tab. */
function finishLogin(response: LoginResponse): void {
  session.signIn(response);
  if (needsPrivacyConsent(response.user)) void Taro.redirectTo({ url: ROUTES.privacy });
  else leavePage();
}

function WechatLogin() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const login = async () => {
    setBusy(true);
    setError(null);
    try {
      const { code } = await Taro.login();
      finishLogin(await wechatLogin(code));
    } catch (failure) {
      setError(failure instanceof Error && failure.message ? failure.message : '微信登录失败，请稍后再试');
    } finally {
      setBusy(false);
    }
  };
  return (
    <View>
      <Text className="login-intro">使用微信账号登录。登录后，需要您同意隐私保护指引，我们才会使用手机号、住址等个人信息。</Text>
      {error ? <Text className="form-error" data-testid="login-error">{error}</Text> : null}
      <BigButton onClick={() => void login()} loading={busy} testId="wechat-login">微信一键登录</BigButton>
    </View>
  );
}

/** The h5 demo has no WeChat: pick one of the seeded residents instead. */
function DemoLogin() {
  const personas = useRemote(listDemoPersonas);
  const [busyKey, setBusyKey] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const login = async (key: string) => {
    setBusyKey(key);
    setError(null);
    try {
      finishLogin(await demoLogin(key));
    } catch (failure) {
      setError((failure as Error).message);
    } finally {
      setBusyKey(null);
    }
  };
  return (
    <View>
      <Text className="login-intro">这是演示版，请选择一位演示用户登录（数据为虚构）。</Text>
      {error ? <Text className="form-error" data-testid="login-error">{error}</Text> : null}
      <Loadable remote={personas}>
        {(list) => (
          <View>
            {list.map((persona) => (
              <Card key={persona.key}>
                <BigButton
                  variant="secondary"
                  onClick={() => void login(persona.key)}
                  loading={busyKey === persona.key}
                  disabled={busyKey !== null}
                  testId={`persona-${persona.key}`}
                >
                  {persona.name}
                </BigButton>
                <Text className="muted login-persona__description">{persona.description}</Text>
              </Card>
            ))}
          </View>
        )}
      </Loadable>
    </View>
  );
}
