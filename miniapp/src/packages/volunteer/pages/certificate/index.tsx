import { useEffect, useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { Input, Text, View } from '@tarojs/components';
import { formatChinaDate, type CertificateView } from '@honglin/shared';
import { BigButton } from '../../../../components/BigButton';
import { Card } from '../../../../components/Card';
import { InfoRow } from '../../../../components/InfoRow';
import { PageShell } from '../../../../components/PageShell';
import { verifyCertificate } from '../../../../services/volunteer';
import { stars } from '../../components/ShiftCard';
import '../../volunteer.scss';

/** Public: anyone with the code checks a certificate; no login, no personal data beyond the masked name. */
export default function CertificatePage() {
  const initial = useRouter().params.code ?? '';
  return (
    <PageShell title="志愿服务证明" subtitle="输入证明上的验证码查验真伪" access="public">
      <Verify initial={initial} />
    </PageShell>
  );
}

function Verify({ initial }: { initial: string }) {
  const [code, setCode] = useState(initial);
  const [cert, setCert] = useState<CertificateView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const check = (c: string) => void verifyCertificate(c.trim()).then((v) => (setCert(v), setError(null)), (e: Error) => (setCert(null), setError(e.message)));
  useEffect(() => {
    if (initial) check(initial);
  }, [initial]);
  return (
    <View>
      <Card>
        <View className="form-row">
          <Text className="form-row__label">验证码</Text>
          <Input className="form-input" value={code} maxlength={12} onInput={(e) => setCode(e.detail.value.toUpperCase())} aria-label="验证码" data-testid="certificate-input" />
        </View>
        <BigButton onClick={() => check(code)} disabled={code.trim().length !== 12}>查验</BigButton>
        {error ? <Text className="form-error">{error === '内容不存在或已被删除' ? '没有这张证明，请核对验证码' : error}</Text> : null}
      </Card>
      {cert ? (
        <Card title="志愿服务证明" testId="certificate-view">
          <Text className="vol-meta">兹证明</Text>
          <InfoRow label="志愿者" value={cert.nameMasked} />
          <InfoRow label="累计志愿服务时长" value={`${cert.hours} 小时`} />
          <InfoRow label="星级" value={stars(cert.stars)} />
          <InfoRow label="出具日期" value={formatChinaDate(cert.issuedAt)} />
          <InfoRow label="出具单位" value={cert.issuer} />
          <Text className="vol-meta">依据民政部《志愿服务记录与证明出具办法》，时长经组织者审核认定。</Text>
        </Card>
      ) : null}
    </View>
  );
}
