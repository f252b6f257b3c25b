import { useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, Textarea, View } from '@tarojs/components';
import { CASE_ANONYMOUS_CATEGORIES, CASE_CATEGORIES, CASE_CATEGORY_LABELS, CASE_PHOTO_MAX_BYTES, CASE_PHOTOS_MAX, type CaseCategory, type MeView, type OrgNodeView, type SimilarCaseView } from '@honglin/shared';
import { BigButton } from '../../../../components/BigButton';
import { Card } from '../../../../components/Card';
import { PageShell } from '../../../../components/PageShell';
import { ROUTES } from '../../../../routes';
import { PICK_CANCELLED, pickImageAsDataUrl } from '../../../../services/images';
import { listResidenceOptions } from '../../../../services/org';
import { formErrorText } from '../../../../services/request';
import { contactMe, fileReport, followCase, similarReports, uploadCasePhoto } from '../../../../services/voice';
import { useSession } from '../../../../stores/session';
import { CATEGORY_ICONS } from '../../lib/CaseParts';
import '../../voice.scss';

export default function FileReportPage() {
  return <PageShell>{(me) => <FileReport me={me} />}</PageShell>;
}

/**
 * 我要反映 / 随手拍. Elder mode is three steps — a big picture category, a photo, confirm — plus one tap
 * for 请网格员联系我; the normal form shows it all at once. Before filing, an open report of the same
 * category about the same building is offered to follow instead.
 */
function FileReport({ me }: { me: MeView }) {
  const elder = useSession().elderMode;
  const [step, setStep] = useState(1);
  const [category, setCategory] = useState<CaseCategory | null>(null);
  const [text, setText] = useState('');
  const [photos, setPhotos] = useState<{ id: string; dataUrl: string }[]>([]);
  const [buildings, setBuildings] = useState<OrgNodeView[]>([]);
  const [buildingId, setBuildingId] = useState<string | undefined>(me.building?.id);
  const [similar, setSimilar] = useState<SimilarCaseView[]>([]);
  const [anonymous, setAnonymous] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  // The buildings of one's own community, named with their grid (each community has a 1号楼).
  useEffect(
    () =>
      void listResidenceOptions().then((nodes) => {
        const grids = new Map(nodes.filter((n) => n.kind === 'grid' && n.parentId === me.community?.id).map((g) => [g.id, g.name]));
        setBuildings(nodes.filter((n) => n.kind === 'building' && grids.has(n.parentId ?? '')).map((b) => ({ ...b, name: `${grids.get(b.parentId ?? '')} ${b.name}` })));
      }, () => undefined),
    [me.community?.id],
  );
  useEffect(() => {
    if (!category || !buildingId) return setSimilar([]);
    void similarReports(category, buildingId).then(setSimilar, () => setSimilar([]));
  }, [category, buildingId]);

  const open = (id: string) => void Taro.redirectTo({ url: `${ROUTES.voiceDetail}?id=${id}` });
  const run = async (work: () => Promise<{ id: string }>) => {
    setBusy(true);
    setError(null);
    try {
      open((await work()).id);
    } catch (e) {
      setError(formErrorText(e));
    } finally {
      setBusy(false);
    }
  };
  const addPhoto = async () => {
    try {
      const dataUrl = await pickImageAsDataUrl(CASE_PHOTO_MAX_BYTES);
      setBusy(true);
      const { id } = await uploadCasePhoto(dataUrl);
      setPhotos((list) => [...list, { id, dataUrl }]);
    } catch (e) {
      if ((e as Error).message !== PICK_CANCELLED) setError(formErrorText(e));
    } finally {
      setBusy(false);
    }
  };
  const submit = () => {
    if (!category) return setError('请选择要反映的问题类别');
    const body = text.trim() || (elder ? `${CASE_CATEGORY_LABELS[category]}问题，请看照片` : '');
    if (body.length < 2) return setError('请写一句话说明是什么问题');
    void run(() => fileReport({ category, text: body, buildingId, photoIds: photos.map((p) => p.id), anonymous: anonymous && CASE_ANONYMOUS_CATEGORIES.includes(category) }));
  };

  const categories = (
    <View className="voice-categories">
      {CASE_CATEGORIES.map((key) => (
        <View key={key} className={`voice-category${key === category ? ' voice-category--selected' : ''}`} onClick={() => { setCategory(key); if (elder) setStep(2); }} data-testid={`voice-category-${key}`}>
          <Text className="voice-category__icon">{CATEGORY_ICONS[key]}</Text>
          <Text className="voice-category__label">{CASE_CATEGORY_LABELS[key]}</Text>
        </View>
      ))}
    </View>
  );
  const photoPart = (
    <View>
      <View className="voice-photos">
        {photos.map((p) => (
          <View key={p.id} className="voice-photo" style={{ backgroundImage: `url(${p.dataUrl})`, backgroundSize: 'cover' }} data-testid="voice-photo" />
        ))}
      </View>
      {photos.length < CASE_PHOTOS_MAX ? (
        <BigButton variant="secondary" onClick={() => void addPhoto()} loading={busy} testId="voice-add-photo">{photos.length ? '再拍一张' : '拍照 / 选照片'}</BigButton>
      ) : null}
    </View>
  );
  const similarPart = similar.length ? (
    <Card title="附近已有相同反映" testId="voice-similar">
      <Text className="voice-text" data-testid="voice-similar-count">{`已有 ${similar[0].followers} 位邻居反映，是否一起关注?`}</Text>
      <Text className="voice-text muted">{similar[0].text}</Text>
      <BigButton onClick={() => void run(() => followCase(similar[0].id))} loading={busy} testId="voice-follow-similar">一起关注</BigButton>
    </Card>
  ) : null;
  const errorLine = error ? <Text className="voice-text" style={{ color: 'var(--color-danger)' }} data-testid="voice-error">{error}</Text> : null;

  if (elder) {
    return (
      <View>
        <BigButton variant="secondary" onClick={() => void run(contactMe)} loading={busy} testId="voice-contact-me">📞 请网格员联系我</BigButton>
        <Text className="voice-text">{`第 ${step} 步，共 3 步`}</Text>
        {step === 1 ? <Card title="遇到了什么问题？">{categories}</Card> : null}
        {step === 2 ? (
          <Card title="拍一张照片（可以不拍）">
            {photoPart}
            {errorLine}
            <BigButton onClick={() => setStep(3)} testId="voice-next">{photos.length ? '下一步' : '不拍照，下一步'}</BigButton>
          </Card>
        ) : null}
        {step === 3 && category ? (
          <Card title="确认提交">
            <Text className="voice-text" data-testid="voice-confirm-summary">{`${CATEGORY_ICONS[category]} ${CASE_CATEGORY_LABELS[category]} · ${me.building?.name ?? '我住的楼'} · ${photos.length} 张照片`}</Text>
            <Textarea className="voice-textarea" value={text} placeholder="想补充的话可以写在这里（可不写）" maxlength={1000} onInput={(e) => setText(e.detail.value)} data-testid="voice-text" />
            {similarPart}
            {errorLine}
            <BigButton onClick={submit} loading={busy} testId="voice-submit">确认提交</BigButton>
          </Card>
        ) : null}
        {step > 1 ? <BigButton variant="secondary" onClick={() => setStep(step - 1)} testId="voice-back">上一步</BigButton> : null}
      </View>
    );
  }

  return (
    <View>
      <Text className="voice-text">遇到楼道灯坏了、消防通道被堵、电线裸露、噪音扰民等问题，可以在这里反映，网格员会按时限受理和办结，进展会通知您。</Text>
      <BigButton variant="secondary" onClick={() => void Taro.navigateTo({ url: ROUTES.voiceMine })} testId="voice-mine-entry">我的反映</BigButton>
      <Card title="问题类别">{categories}</Card>
      <Card title="问题描述">
        <Textarea className="voice-textarea" value={text} placeholder="请写清楚在哪里、什么问题" maxlength={1000} onInput={(e) => setText(e.detail.value)} data-testid="voice-text" />
        {photoPart}
      </Card>
      <Card title="问题所在楼栋">
        {buildings.map((b) => (
          <View key={b.id} className={`option-row${b.id === buildingId ? ' option-row--selected' : ''}`} onClick={() => setBuildingId(b.id)} data-testid={`voice-building-${b.name}`}>
            <Text>{b.name}</Text>
            <Text className="option-row__mark">{b.id === buildingId ? '已选 ✓' : ''}</Text>
          </View>
        ))}
        {!buildings.length ? <Text className="muted">{me.building?.name ?? '请先在“我的—居住地”中选择您住的楼栋'}</Text> : null}
      </Card>
      {category && CASE_ANONYMOUS_CATEGORIES.includes(category) ? (
        <View className={`option-row${anonymous ? ' option-row--selected' : ''}`} onClick={() => setAnonymous(!anonymous)} data-testid="voice-anonymous">
          <Text>不让处理人知道是我反映的</Text>
          <Text className="option-row__mark">{anonymous ? '已选 ✓' : ''}</Text>
        </View>
      ) : null}
      {similarPart}
      {errorLine}
      <BigButton onClick={submit} loading={busy} testId="voice-submit">提交反映</BigButton>
    </View>
  );
}
