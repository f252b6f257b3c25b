import { useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { PROXY_ACTION_LABELS, ROLE_LABELS, formatChinaDateTime, type ProxyActionView } from '@honglin/shared';
import { Card } from '../../../components/Card';
import { proxyHistory } from '../../../services/family';

/** On whose word: the family link, or the organiser's role and reason. */
function basis(p: ProxyActionView): string {
  if (p.consent.kind === 'family_link') return '依据：亲情账号';
  return `依据：${p.consent.role ? ROLE_LABELS[p.consent.role] : '组织者'}${p.consent.reason ? `，原因：${p.consent.reason}` : ''}`;
}

/** 代办记录: everything others did for me, and everything I did for others. */
export function ProxyHistory() {
  const [forMe, setForMe] = useState<ProxyActionView[] | null>(null);
  const [byMe, setByMe] = useState<ProxyActionView[]>([]);
  useEffect(() => {
    proxyHistory('subject').then((p) => setForMe(p.items), () => setForMe([]));
    proxyHistory('actor').then((p) => setByMe(p.items), () => setByMe([]));
  }, []);
  return (
    <View>
      <Card title="别人替我办的事" testId="history-for-me">
        {forMe && forMe.length === 0 ? <Text className="family-line">还没有人替您办过事。</Text> : null}
        {(forMe ?? []).map((p) => (
          <View key={p.id} className="family-person" data-testid="history-item">
            <Text className="family-line">
              {p.actor.name} {PROXY_ACTION_LABELS[p.action]}
              {p.action === 'inbox_read' ? '' : `“${p.target.title}”`}
            </Text>
            <Text className="family-line muted">
              {formatChinaDateTime(p.at)} · {basis(p)}
            </Text>
          </View>
        ))}
      </Card>
      {byMe.length ? (
        <Card title="我替别人办的事" testId="history-by-me">
          {byMe.map((p) => (
            <View key={p.id} className="family-person">
              <Text className="family-line">
                替 {p.subject.name} {PROXY_ACTION_LABELS[p.action]}
                {p.action === 'inbox_read' ? '' : `“${p.target.title}”`}
              </Text>
              <Text className="family-line muted">{formatChinaDateTime(p.at)}</Text>
            </View>
          ))}
        </Card>
      ) : null}
    </View>
  );
}
