import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { HOURS_STATUS_LABELS, formatChinaDateTime } from '@honglin/shared';
import { BigButton } from '../../../../components/BigButton';
import { EmptyState } from '../../../../components/EmptyState';
import { Loadable } from '../../../../components/Loadable';
import { PageShell } from '../../../../components/PageShell';
import { useRemote } from '../../../../hooks/useRemote';
import { ROUTES } from '../../../../routes';
import { myShifts } from '../../../../services/volunteer';
import { ShiftCard } from '../../components/ShiftCard';
import '../../volunteer.scss';

export default function MyShiftsPage() {
  return <PageShell title="我的岗位" subtitle="到岗后扫带队人的签到码，离开时扫签退码">{() => <Mine />}</PageShell>;
}

function Mine() {
  const list = useRemote(myShifts, { everyShow: true });
  return (
    <Loadable remote={list}>
      {(shifts) =>
        shifts.length ? (
          <View>
            {shifts.map((s) => (
              <View key={s.id}>
                <ShiftCard
                  s={s}
                  extra={[
                    s.checkedInAt ? `签到 ${formatChinaDateTime(s.checkedInAt)}` : '',
                    s.checkedOutAt ? `签退 ${formatChinaDateTime(s.checkedOutAt)}` : '',
                    s.hours !== null ? `时长 ${s.hours} 小时（${HOURS_STATUS_LABELS[s.hoursStatus!]}）` : '',
                  ].filter(Boolean).join(' · ')}
                />
                {!s.checkedOutAt && new Date(s.endsAt).getTime() + 12 * 3_600_000 > Date.now() ? (
                  <BigButton onClick={() => void Taro.navigateTo({ url: ROUTES.checkInScan })}>{s.checkedInAt ? '扫码签退' : '扫码签到'}</BigButton>
                ) : null}
              </View>
            ))}
            <Text className="vol-meta">签退后时长进入审核，组织者认定后计入星级并获得积分。</Text>
          </View>
        ) : (
          <EmptyState title="还没有报名岗位" action={{ text: '去看看岗位', onTap: () => void Taro.navigateTo({ url: ROUTES.volunteer }) }} />
        )
      }
    </Loadable>
  );
}
