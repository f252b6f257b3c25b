import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text, Textarea, View } from '@tarojs/components';
import { MEETING_PHOTO_MAX_BYTES, type MeetingView } from '@honglin/shared';
import { BigButton } from '../../../../components/BigButton';
import { Card } from '../../../../components/Card';
import { Loadable } from '../../../../components/Loadable';
import { PageShell } from '../../../../components/PageShell';
import { useRemote } from '../../../../hooks/useRemote';
import { getMeeting, saveMinutes, uploadPhoto } from '../../../../services/meetings';
import { pickImageAsDataUrl } from '../../../../services/images';
import { showError } from '../../../../services/request';
import '../../lib/meetings.scss';

export default function MinutesPage() {
  const id = useRouter().params.id ?? '';
  const remote = useRemote(() => getMeeting(id));
  return <PageShell title="会议记录与照片">{() => <Loadable remote={remote}>{(m) => <Minutes meeting={m} onSaved={remote.setData} />}</Loadable>}</PageShell>;
}

function Minutes({ meeting, onSaved }: { meeting: MeetingView; onSaved: (m: MeetingView) => void }) {
  const [minutes, setMinutes] = useState(meeting.minutes);
  const [resolutions, setResolutions] = useState(meeting.resolutions);
  const [busy, setBusy] = useState(false);
  const save = async () => {
    setBusy(true);
    try {
      onSaved(await saveMinutes(meeting.id, minutes, resolutions));
      void Taro.showToast({ title: '已保存', icon: 'success' });
    } finally {
      setBusy(false);
    }
  };
  const addPhoto = async () => {
    try {
      onSaved(await uploadPhoto(meeting.id, await pickImageAsDataUrl(MEETING_PHOTO_MAX_BYTES)));
    } catch (e) {
      if ((e as Error).message) showError(e as Error);
    }
  };
  return (
    <View>
      <Card title={meeting.title}>
        <Text className="meeting-label">会议记录</Text>
        <Textarea className="meeting-field meeting-textarea" value={minutes} maxlength={20000} placeholder="讨论内容、发言要点" onInput={(e) => setMinutes(e.detail.value)} data-testid="minutes-text" />
        <Text className="meeting-label">决议</Text>
        <Textarea className="meeting-field meeting-textarea" value={resolutions} maxlength={5000} placeholder="会议形成的决议" onInput={(e) => setResolutions(e.detail.value)} data-testid="resolutions-text" />
        <BigButton onClick={() => void save()} loading={busy} testId="minutes-save">保存记录</BigButton>
      </Card>
      <Card title={`会议照片（${meeting.photos.length}张）`}>
        <Text className="muted">{`照片会自动压缩，每张不超过${Math.floor(MEETING_PHOTO_MAX_BYTES / 1024)}KB`}</Text>
        <BigButton variant="secondary" onClick={() => void addPhoto()} testId="photo-add">添加照片</BigButton>
      </Card>
    </View>
  );
}

