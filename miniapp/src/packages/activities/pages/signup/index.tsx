import { useEffect, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { ActivityDetail, EnrollmentView } from '@honglin/shared';
import { BigButton } from '../../../../components/BigButton';
import { Loadable } from '../../../../components/Loadable';
import { PageShell } from '../../../../components/PageShell';
import { useRemote } from '../../../../hooks/useRemote';
import { ROUTES, leavePage } from '../../../../routes';
import { getActivity, signUp } from '../../../../services/activities';
import { askForSubscriptions } from '../../../../services/notifications';
import { signUpOutcome, whenAndWhere } from '../../lib/plain-words';
import './index.scss';

/**
 * Elder sign-up after picking an activity: confirm, then done, one decision per screen and in plain
 * words. Alone: bringing family needs names and ages, which the full form on the detail page asks.
 */
export default function SignUpPage() {
  const id = useRouter().params.id ?? '';
  return <PageShell>{() => <SignUp id={id} />}</PageShell>;
}

function SignUp({ id }: { id: string }) {
  const activity = useRemote(() => getActivity(id));
  const [done, setDone] = useState<EnrollmentView | null>(null);
  return <Loadable remote={activity}>{(a) => (done ? <Done a={a} e={done} /> : <Confirm a={a} onDone={setDone} />)}</Loadable>;
}

function Confirm({ a, onDone }: { a: ActivityDetail; onDone: (e: EnrollmentView) => void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const confirm = async () => {
    setBusy(true);
    setError(null);
    // Inside the tap: WeChat only asks about notices on a user gesture.
    await askForSubscriptions(['activity_signup', 'activity_reminder', 'waitlist_offer']);
    try {
      onDone(await signUp(a.id, []));
    } catch (failure) {
      setError((failure as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <View className="step" data-testid="elder-signup-confirm">
      <Text className="step__title">{a.placesLeft > 0 ? '您要报名这个活动吗？' : '名额满了，要排队候补吗？'}</Text>
      <Text className="step__name">{a.title}</Text>
      <Text className="step__line">{whenAndWhere(a)}</Text>
      {a.needsApproval ? <Text className="step__line">报名后要等组织者审核。</Text> : null}
      {error ? <Text className="form-error" data-testid="signup-error">{error}</Text> : null}
      <BigButton className="big-button--hero" loading={busy} onClick={() => void confirm()} testId="elder-signup-yes">
        {a.placesLeft > 0 ? '确认报名' : '排队候补'}
      </BigButton>
      <BigButton variant="secondary" onClick={leavePage} testId="elder-signup-no">不报了，返回</BigButton>
    </View>
  );
}

function Done({ a, e }: { a: ActivityDetail; e: EnrollmentView }) {
  const outcome = signUpOutcome(e);
  useEffect(() => void Taro.setNavigationBarTitle({ title: '报名结果' }), []);
  return (
    <View className="step" data-testid="elder-signup-done">
      <Text className="step__title step__title--done">{outcome.title}</Text>
      <Text className="step__name">{a.title}</Text>
      <Text className="step__line">{whenAndWhere(a)}</Text>
      <Text className="step__line">{outcome.next}</Text>
      <BigButton onClick={() => void Taro.redirectTo({ url: ROUTES.myActivities })} testId="elder-signup-mine">看我的活动</BigButton>
      <BigButton variant="secondary" onClick={() => void Taro.switchTab({ url: ROUTES.home })} testId="elder-signup-home">回首页</BigButton>
    </View>
  );
}
