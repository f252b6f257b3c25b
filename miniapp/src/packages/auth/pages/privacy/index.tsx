import { useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { PRIVACY_POLICY_VERSION, type MeView } from '@honglin/shared';
import { BigButton } from '../../../../components/BigButton';
import { Card } from '../../../../components/Card';
import { PageShell } from '../../../../components/PageShell';
import { leavePage } from '../../../../routes';
import { acceptPrivacy } from '../../../../services/me';
import { needsPrivacyConsent, session } from '../../../../stores/session';
import { answerPrivacyRequest, reportPrivacyExposure } from '../../../../stores/privacy-request';
import { PRIVACY_SECTIONS } from './sections';
import './index.scss';

const AGREE_BUTTON_ID = 'agree-privacy-button';

export default function PrivacyPage() {
  return (
    <PageShell title="我们如何使用您的信息" subtitle={`隐私保护指引 · 版本 ${PRIVACY_POLICY_VERSION}`} access="signedIn">
      {(me) => <Privacy me={me} />}
    </PageShell>
  );
}

function Privacy({ me }: { me: MeView }) {
  const [saving, setSaving] = useState(false);
  useEffect(reportPrivacyExposure, []);

  const agree = async () => {
    setSaving(true);
    try {
      session.setMe(await acceptPrivacy());
      answerPrivacyRequest('agree', AGREE_BUTTON_ID);
      leavePage();
    } catch {
      // request() already showed the Chinese message; the user can tap again
    } finally {
      setSaving(false);
    }
  };
  const disagree = () => {
    answerPrivacyRequest('disagree');
    void Taro.showToast({ title: '您未同意，暂时无法使用需要个人信息的功能', icon: 'none', duration: 3000 });
    leavePage();
  };
  // On weapp the agree button must be WeChat's own agreePrivacyAuthorization button.
  const agreeProps =
    process.env.TARO_ENV === 'weapp'
      ? { id: AGREE_BUTTON_ID, openType: 'agreePrivacyAuthorization' as const, onAgreePrivacyAuthorization: () => void agree() }
      : { onClick: () => void agree() };

  return (
    <View>
      <Text className="privacy-lead">
        红邻由社区党组织运营。为了让您参加社区活动和党组织生活，我们需要使用以下信息。您同意之前，我们不会获取您的手机号或位置。
      </Text>
      {PRIVACY_SECTIONS.map((section) => (
        <Card key={section.title} title={section.title}>
          <Text className="privacy-text">{section.body}</Text>
        </Card>
      ))}
      {needsPrivacyConsent(me) ? null : (
        <Text className="muted" data-testid="privacy-accepted">您已同意当前版本的隐私保护指引。</Text>
      )}
      {process.env.TARO_ENV === 'weapp' ? (
        <BigButton variant="secondary" onClick={() => Taro.openPrivacyContract()} testId="privacy-full">
          查看完整的小程序隐私保护指引
        </BigButton>
      ) : null}
      <BigButton {...agreeProps} loading={saving} testId="privacy-agree">同意</BigButton>
      <BigButton variant="secondary" onClick={disagree} disabled={saving} testId="privacy-disagree">不同意</BigButton>
    </View>
  );
}
