import { useRouter } from '@tarojs/taro';
import { Image, Text, View } from '@tarojs/components';
import { formatChinaDate } from '@honglin/shared';
import { Loadable } from '../../../../components/Loadable';
import { PageShell } from '../../../../components/PageShell';
import { ReadAloud } from '../../../../components/ReadAloud';
import { useRemote } from '../../../../hooks/useRemote';
import { getContent } from '../../../../services/study';
import { StudyTimerBar } from '../../StudyTimerBar';
import { useStudySession } from '../../useStudySession';
import '../../study.scss';

export default function ArticlePage() {
  return <PageShell>{() => <Article />}</PageShell>;
}

/** The reader: blocks rendered as text and images (never HTML), with the server-credited study timer on top. */
function Article() {
  const id = useRouter().params.id;
  const content = useRemote(() => getContent(id ?? ''));
  const timer = useStudySession(id);
  return (
    <Loadable remote={content}>
      {(c) => (
        <View>
          <StudyTimerBar timer={timer} />
          <Text className="article__title" data-testid="article-title">{c.title}</Text>
          <Text className="article__meta">{`${c.category} · ${formatChinaDate(c.publishedAt)}${c.course ? ` · ${c.course.title}` : ''}`}</Text>
          <ReadAloud text={[c.title, ...c.body.map((b) => (b.type === 'img' ? '' : b.text))].filter(Boolean).join('\n')} />
          {c.body.map((b, i) =>
            b.type === 'img' ? (
              <Image key={i} className="article__img" src={b.url} mode="widthFix" aria-label={b.alt} />
            ) : (
              <Text key={i} className={b.type === 'h' ? 'article__h' : 'article__p'}>{b.text}</Text>
            ),
          )}
        </View>
      )}
    </Loadable>
  );
}
