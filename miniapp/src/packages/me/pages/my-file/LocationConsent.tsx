import { useState } from 'react';
import { Text } from '@tarojs/components';
import { BigButton } from '../../../../components/BigButton';
import { Card } from '../../../../components/Card';
import { setVisitLocationConsent } from '../../../../services/grid';

/**
 * Where a visit took place is the resident's whereabouts: grid workers may record it only while the
 * resident says yes here. Either answer is kept in 我的数据与隐私 → 同意记录.
 */
export function LocationConsent({ allowed }: { allowed: boolean }) {
  const [on, setOn] = useState(allowed);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const flip = async () => {
    setBusy(true);
    setError(null);
    try {
      setOn((await setVisitLocationConsent(!on)).visitLocationConsent);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card title="走访位置" testId="location-consent">
      <Text className="info-row__value" data-testid="location-consent-state">
        {on ? '您已同意：网格员上门走访时可以记录走访地点。' : '您未同意：网格员走访时不会记录位置。'}
      </Text>
      {error ? <Text className="form-error">{error}</Text> : null}
      <BigButton variant="secondary" loading={busy} onClick={() => void flip()} testId="location-consent-toggle">
        {on ? '不再同意记录位置' : '同意记录走访位置'}
      </BigButton>
    </Card>
  );
}
