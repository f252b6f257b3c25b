import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { formatChinaDateTime, type KioskLinkView } from '@honglin/shared';
import { BigButton } from '../../../components/BigButton';
import { Card } from '../../../components/Card';
import { useRemote } from '../../../hooks/useRemote';
import { createKioskLink, kioskLinks, revokeKioskLink } from '../../../services/analytics';
import { showError } from '../../../services/request';

export const SCREEN_PATH = '/packages/analytics/pages/screen/index';

/** The 大屏 address of a token: the h5 build's own origin (weapp copies it for a browser on the big screen). */
function screenUrl(token: string): string {
  const origin = process.env.TARO_ENV === 'h5' ? window.location.origin : API_BASE;
  return `${origin}/#${SCREEN_PATH}?token=${encodeURIComponent(token)}`;
}

/** Read-only 大屏 links of a node: created for 7 days, revocable, the address shown once. */
export function KioskLinks({ nodeId, nodeName }: { nodeId: string; nodeName: string }) {
  const links = useRemote(kioskLinks);
  const [fresh, setFresh] = useState<string | null>(null);
  const create = () =>
    void createKioskLink({ nodeId, hours: 24 * 7, title: `${nodeName}数据大屏` }).then((l) => {
      const url = screenUrl(l.token!);
      setFresh(url);
      void Taro.setClipboardData({ data: url }).catch(() => undefined);
      links.reload();
    }, showError);
  const revoke = (l: KioskLinkView) => () => void revokeKioskLink(l.id).then(links.reload, showError);
  return (
    <Card title="大屏链接">
      <Text className="metric-definition">大屏链接只显示统计数字，不需要登录；7天后失效，可随时收回。</Text>
      <BigButton variant="secondary" onClick={create} testId="kiosk-create">{`生成“${nodeName}”大屏链接`}</BigButton>
      {fresh ? (
        <Text className="kiosk-url" selectable data-testid="kiosk-url">
          {fresh}
        </Text>
      ) : null}
      {(links.data ?? []).filter((l) => !l.revokedAt).slice(0, 5).map((l) => (
        <View key={l.id} className="option-row">
          <Text>{`${l.title ?? l.nodeName} · ${formatChinaDateTime(l.expiresAt)}到期`}</Text>
          <Text className="info-row__action" onClick={revoke(l)}>收回</Text>
        </View>
      ))}
    </Card>
  );
}
