import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { ENROLLMENT_STATUS_LABELS, formatChinaDateTime, type FamilyCareView, type FamilyPerson, type InboxItemView, type MyEnrollmentView } from '@honglin/shared';
import { BigButton } from '../../../components/BigButton';
import { ConfirmButton } from '../../../components/ConfirmButton';
import { cancelForElder, elderActivities, elderCare, elderInbox } from '../../../services/family';
import { ElderCare } from './ElderCare';
import { ElderCheckIn } from './ElderCheckIn';

const CANCELLABLE = ['registered', 'confirmed', 'waitlisted', 'offered'];

type Section = 'activities' | 'inbox' | 'checkin' | 'care';

/** What a linked family member can look after for the older resident: activities, notices, check-in and (Party members) dues. */
export function ElderAffairs({ elder, partyMember }: { elder: FamilyPerson; partyMember: boolean }) {
  const [open, setOpen] = useState<Section | null>(null);
  const [activities, setActivities] = useState<MyEnrollmentView[]>([]);
  const [notices, setNotices] = useState<InboxItemView[]>([]);
  const [care, setCare] = useState<FamilyCareView | null>(null);
  const show = async (what: Section) => {
    if (open === what) return setOpen(null);
    if (what === 'activities') setActivities(await elderActivities(elder.id));
    else if (what === 'inbox') setNotices((await elderInbox(elder.id)).items);
    else if (what === 'care') setCare(await elderCare(elder.id));
    setOpen(what);
  };
  const cancel = async (e: MyEnrollmentView) => {
    await cancelForElder(elder.id, e.id).catch(() => undefined);
    setActivities(await elderActivities(elder.id));
  };
  return (
    <View>
      <View className="row-actions">
        <BigButton variant="secondary" testId="elder-activities" onClick={() => void show('activities')}>
          TA的活动
        </BigButton>
        <BigButton variant="secondary" testId="elder-inbox" onClick={() => void show('inbox')}>
          TA的通知
        </BigButton>
      </View>
      <View className="row-actions">
        <BigButton variant="secondary" testId="elder-checkin-open" onClick={() => void show('checkin')}>
          帮TA签到
        </BigButton>
        <BigButton variant="secondary" testId="elder-care" onClick={() => void show('care')}>
          TA的走访
        </BigButton>
        {partyMember ? (
          // The dues pages themselves, for the elder's bills: paid with my WeChat Pay, recorded as 代缴.
          <BigButton variant="secondary" testId="elder-dues" onClick={() => void Taro.navigateTo({ url: `/packages/dues/pages/index/index?elderId=${elder.id}` })}>
            代缴党费
          </BigButton>
        ) : null}
      </View>
      {open === 'checkin' ? <ElderCheckIn elder={elder} /> : null}
      {open === 'care' && care ? <ElderCare care={care} /> : null}
      {open === 'activities' ? (
        <View>
          {activities.length === 0 ? <Text className="family-line">TA还没有报名活动。在活动页面点“为家人报名”即可替TA报名。</Text> : null}
          {activities.map((e) => (
            <View key={e.id} className="family-person">
              <Text className="family-line">
                {e.activity.title} · {formatChinaDateTime(e.activity.startsAt)} · {ENROLLMENT_STATUS_LABELS[e.status]}
              </Text>
              {CANCELLABLE.includes(e.status) ? (
                <ConfirmButton question={`确定取消 ${elder.name} 在“${e.activity.title}”的报名吗？TA会收到通知。`} yes="替TA取消" no="不取消" onConfirm={() => void cancel(e)}>
                  替TA取消报名
                </ConfirmButton>
              ) : null}
            </View>
          ))}
        </View>
      ) : null}
      {open === 'inbox' ? (
        <View>
          {notices.length === 0 ? <Text className="family-line">TA暂时没有通知。</Text> : null}
          {notices.map((n) => (
            <View key={n.id} className="family-person">
              <Text className="family-line">{n.title}：{n.body}</Text>
              <Text className="family-line muted">{formatChinaDateTime(n.createdAt)}</Text>
            </View>
          ))}
        </View>
      ) : null}
    </View>
  );
}
