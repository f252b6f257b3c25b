import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Input, Text, View } from '@tarojs/components';
import type { MemberSummary } from '@honglin/shared';
import { BigButton } from '../../../components/BigButton';
import { Card } from '../../../components/Card';
import { PersonPicker } from '../../../components/PersonPicker';
import { useRemote } from '../../../hooks/useRemote';
import { ROUTES } from '../../../routes';
import { enrolForResident, getActivity } from '../../../services/activities';

/** 代报名: the organiser signs up a resident of the community who has no phone, on a reserved place first. */
export function EnrolForResident({ activityId, onDone }: { activityId: string; onDone: () => void }) {
  const activity = useRemote(() => getActivity(activityId));
  const [open, setOpen] = useState(false);
  const [person, setPerson] = useState<MemberSummary | null>(null);
  const [reason, setReason] = useState('老人没有智能手机，电话报名');
  const [busy, setBusy] = useState(false);
  if (!activity.data) return null;
  const enrol = async () => {
    setBusy(true);
    try {
      await enrolForResident(activityId, person!.id, reason.trim());
      void Taro.showToast({ title: `已为${person!.name}报名`, icon: 'none' });
      setPerson(null);
      setOpen(false);
      onDone();
    } catch {
      // the request wrapper showed why (已报名 / 不符合条件 / 名额已满)
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card title="为居民代报名">
      {open ? (
        <View>
          <PersonPicker nodeId={activity.data.community.id} picked={person} onPick={setPerson} />
          <View className="form-row">
            <Text className="form-row__label">代报名原因（会记录在名单中）</Text>
            <Input className="form-input" value={reason} onInput={(e) => setReason(e.detail.value)} data-testid="enrol-reason" />
          </View>
          <BigButton loading={busy} disabled={!person || reason.trim().length < 2} onClick={() => void enrol()} testId="enrol-confirm">
            {person ? `为${person.name}报名` : '请先选择居民'}
          </BigButton>
          <Text className="muted" onClick={() => void Taro.navigateTo({ url: ROUTES.orgResidents })}>
            名单里找不到？先登记没有智能手机的居民 ›
          </Text>
        </View>
      ) : (
        <BigButton variant="secondary" onClick={() => setOpen(true)} testId="enrol-open">
          代报名（电话、上门报名的居民）
        </BigButton>
      )}
    </Card>
  );
}
