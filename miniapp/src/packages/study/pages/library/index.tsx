import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { ContentSummary } from '@honglin/shared';
import { Card } from '../../../../components/Card';
import { Loadable } from '../../../../components/Loadable';
import { PageShell } from '../../../../components/PageShell';
import { useRemote } from '../../../../hooks/useRemote';
import { ROUTES } from '../../../../routes';
import { listContents, listCourses } from '../../../../services/study';
import '../../study.scss';
import '../../../../pages/study/index.scss';

export default function LibraryPage() {
  return <PageShell>{() => <Library />}</PageShell>;
}

function open(c: ContentSummary) {
  void Taro.navigateTo({ url: `${c.kind === 'article' ? ROUTES.studyArticle : ROUTES.studyVideo}?id=${c.id}` });
}

function Row({ c, prefix = '' }: { c: ContentSummary; prefix?: string }) {
  return (
    <View className="content-row" onClick={() => open(c)} data-testid="content-item">
      <Text className="content-row__title">{`${prefix}${c.title}`}</Text>
      <Text className="content-row__meta">{`${c.category}${c.completed ? ' · 已学 ✓' : ''}`}</Text>
    </View>
  );
}

/** Courses (lessons in order), then articles and audio/video. */
function Library() {
  const data = useRemote(async () => ({ courses: await listCourses(), contents: await listContents() }));
  return (
    <Loadable remote={data}>
      {({ courses, contents }) => (
        <View>
          {courses.map((course) => (
            <Card key={course.id} title={`课程：${course.title}`}>
              <Text className="muted">{course.summary}</Text>
              {course.lessons.map((l) => <Row key={l.id} c={l} />)}
            </Card>
          ))}
          <Card title="文章">{contents.filter((c) => c.kind === 'article').map((c) => <Row key={c.id} c={c} />)}</Card>
          <Card title="音视频">{contents.filter((c) => c.kind !== 'article').map((c) => <Row key={c.id} c={c} prefix={c.kind === 'video' ? '【视频】' : '【音频】'} />)}</Card>
        </View>
      )}
    </Loadable>
  );
}
