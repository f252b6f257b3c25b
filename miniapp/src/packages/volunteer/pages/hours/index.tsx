import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { HOURS_STATUS_LABELS, formatChinaDate, type CertificateView } from '@honglin/shared';
import { BigButton } from '../../../../components/BigButton';
import { Card } from '../../../../components/Card';
import { InfoRow } from '../../../../components/InfoRow';
import { Loadable } from '../../../../components/Loadable';
import { PageShell } from '../../../../components/PageShell';
import { useRemote } from '../../../../hooks/useRemote';
import { ROUTES } from '../../../../routes';
import { issueCertificate, myHours } from '../../../../services/volunteer';
import { stars } from '../../components/ShiftCard';
import '../../volunteer.scss';

export default function HoursPage() {
  return <PageShell title="我的志愿时长">{() => <Hours />}</PageShell>;
}

function Hours() {
  const hours = useRemote(myHours);
  const [cert, setCert] = useState<CertificateView | null>(null);
  return (
    <Loadable remote={hours}>
      {(h) => (
        <View>
          <Card title="累计认定时长">
            <Text className="vol-big-number" data-testid="hours-total">{h.approvedHours} 小时</Text>
            <Text className="vol-stars" data-testid="hours-stars">{stars(h.stars)}</Text>
            <Text className="vol-meta">{h.hoursToNextStar !== null ? `再服务 ${h.hoursToNextStar} 小时可达${h.stars + 1}星（${h.nextStarAt}小时）` : '已达五星志愿者'}</Text>
            {h.pendingHours ? <Text className="vol-meta">另有 {h.pendingHours} 小时待组织者审核</Text> : null}
          </Card>
          <Card title="按年份">
            {h.byYear.length ? h.byYear.map((y) => <InfoRow key={y.year} label={`${y.year}年`} value={`${y.hours} 小时`} />) : <Text className="vol-meta">还没有认定的时长</Text>}
          </Card>
          <Card title="按项目">
            {h.byCampaign.map((c) => <InfoRow key={c.campaignId} label={c.title} value={`${c.hours} 小时`} />)}
          </Card>
          <Card title="明细">
            {h.entries.map((e) => (
              <InfoRow key={e.id} label={`${formatChinaDate(e.checkInAt)} ${e.shift.title}`} value={`${e.hours}小时 · ${HOURS_STATUS_LABELS[e.status]}`} />
            ))}
          </Card>
          <Card title="志愿服务证明">
            <Text className="vol-meta">证明上只显示打码后的姓名和时长，凭验证码任何人都可以查验真伪。</Text>
            <BigButton onClick={() => void issueCertificate().then(setCert)} testId="issue-certificate">开具证明</BigButton>
            {cert ? (
              <View data-testid="certificate">
                <InfoRow label="验证码" value={cert.code} testId="certificate-code" />
                <BigButton variant="secondary" onClick={() => void Taro.navigateTo({ url: `${ROUTES.volunteerCertificate}?code=${cert.code}` })}>查看证明</BigButton>
              </View>
            ) : null}
          </Card>
        </View>
      )}
    </Loadable>
  );
}
