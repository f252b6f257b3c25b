import { useRef, useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { Audio, Text, Video, View } from '@tarojs/components';
import { Loadable } from '../../../../components/Loadable';
import { PageShell } from '../../../../components/PageShell';
import { useRemote } from '../../../../hooks/useRemote';
import { getContent } from '../../../../services/study';
import { StudyTimerBar } from '../../StudyTimerBar';
import { formatSeconds, useStudySession } from '../../useStudySession';
import '../../study.scss';

export default function VideoPage() {
  return <PageShell>{() => <Player />}</PageShell>;
}

/**
 * Audio/video with the study timer. Heartbeats carry the playback position, so only what was really
 * played counts: pausing or dragging ahead earns nothing.
 */
function Player() {
  const id = useRouter().params.id;
  const content = useRemote(() => getContent(id ?? ''));
  const position = useRef<number | undefined>(undefined);
  const [failed, setFailed] = useState(false);
  const timer = useStudySession(id, () => position.current);
  const onTime = (e: { detail: { currentTime: number } }) => {
    position.current = e.detail.currentTime;
  };
  return (
    <Loadable remote={content}>
      {(c) => (
        <View>
          <StudyTimerBar timer={timer} />
          {c.kind === 'video' ? (
            <Video className="media" src={c.mediaUrl ?? ''} controls showFullscreenBtn onTimeUpdate={onTime} onError={() => setFailed(true)} data-testid="study-video" />
          ) : (
            <Audio className="media" src={c.mediaUrl ?? ''} controls name={c.title} author="红邻" onTimeUpdate={onTime} onError={() => setFailed(true)} id={`audio-${c.id}`} />
          )}
          {failed ? <Text className="form-error" data-testid="media-error">暂时无法播放，请检查网络后重新打开本页</Text> : null}
          <Text className="article__title">{c.title}</Text>
          <Text className="article__meta">{`${c.category}${c.durationSeconds ? ` · 时长 ${formatSeconds(c.durationSeconds)}` : ''}`}</Text>
          <Text className="article__p">{c.summary}</Text>
        </View>
      )}
    </Loadable>
  );
}
