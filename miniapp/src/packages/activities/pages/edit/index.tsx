import { useEffect, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Image, Input, Picker, Switch, Text, Textarea, View } from '@tarojs/components';
import { ACTIVITY_CATEGORIES, ACTIVITY_CATEGORY_LABELS, ACTIVITY_COVER_MAX_BYTES, formatChinaDate, formatChinaDateTime, type ActivityCategory, type ActivityInput, type ActivityPlace, type MeView } from '@honglin/shared';
import { BigButton } from '../../../../components/BigButton';
import { EmptyState } from '../../../../components/EmptyState';
import { PageShell } from '../../../../components/PageShell';
import { usePageShow } from '../../../../hooks/usePageShow';
import { ROUTES } from '../../../../routes';
import { getActivity, listPlaces, saveActivity, uploadCover } from '../../../../services/activities';
import { imageUrl, pickImageAsDataUrl } from '../../../../services/images';
import { showError, type ApiError } from '../../../../services/request';
import '../../../../pages/activities/index.scss';

export default function EditActivityPage() {
  const { params } = useRouter();
  return <PageShell>{(me) => <Edit id={params.id || null} me={me} />}</PageShell>;
}

interface Form {
  communityId: string;
  title: string;
  category: ActivityCategory;
  description: string;
  place: string;
  date: string;
  time: string;
  hours: string;
  capacity: string;
  reserved: string;
  maxCompanions: string;
  minAge: string;
  needsApproval: boolean;
  coverImage: string | null;
}

const DAY = 86_400_000;
/** A new activity starts a week from today (Beijing), a date the organiser rarely has to change much. */
const blank = (): Form => ({ communityId: '', title: '', category: 'talk', description: '', place: '', date: formatChinaDate(new Date(Date.now() + 7 * DAY)), time: '09:00', hours: '2', capacity: '30', reserved: '0', maxCompanions: '2', minAge: '', needsApproval: false, coverImage: null });

/**
 * Publish (发布活动) or edit (编辑活动) an activity; times are entered in Beijing time. Only the places the
 * user may publish to are offered (a community they look after, or their Party branch), their own first.
 */
function Edit({ id, me }: { id: string | null; me: MeView }) {
  const [form, setForm] = useState<Form>(blank);
  const [places, setPlaces] = useState<ActivityPlace[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<Form>) => setForm((f) => ({ ...f, ...patch }));
  usePageShow(() => void Taro.setNavigationBarTitle({ title: id ? '编辑活动' : '发布活动' }));
  useEffect(() => {
    void listPlaces().then(
      (list) => {
        setPlaces(list);
        if (!id && list[0]) set({ communityId: (list.find((p) => p.id === me.community?.id) ?? list[0]).id });
      },
      (e: Error) => setError(e.message),
    );
    if (id)
      void getActivity(id).then((a) => {
        const start = formatChinaDateTime(a.startsAt);
        set({
          communityId: a.community.id, title: a.title, category: a.category, description: a.description, place: a.place,
          date: start.slice(0, 10), time: start.slice(11), hours: String((Date.parse(a.endsAt) - Date.parse(a.startsAt)) / 3_600_000),
          capacity: String(a.capacity), reserved: String(a.reserved), maxCompanions: String(a.maxCompanions),
          minAge: a.eligibility?.minAge !== undefined ? String(a.eligibility.minAge) : '', needsApproval: a.needsApproval, coverImage: a.coverImage,
        });
      });
  }, [id]);

  const save = async () => {
    if (!form.date) return setError('请选择活动日期');
    const startsAt = new Date(`${form.date}T${form.time}:00+08:00`);
    const body: ActivityInput = {
      communityId: form.communityId, title: form.title, category: form.category, description: form.description, coverImage: form.coverImage,
      place: form.place, startsAt: startsAt.toISOString(), endsAt: new Date(startsAt.getTime() + Number(form.hours) * 3_600_000).toISOString(),
      capacity: Number(form.capacity), reserved: Number(form.reserved), maxCompanions: Number(form.maxCompanions), needsApproval: form.needsApproval,
      eligibility: form.minAge ? { minAge: Number(form.minAge) } : null,
    };
    setBusy(true);
    setError(null);
    try {
      const saved = await saveActivity(id, body);
      void Taro.showToast({ title: '已保存', icon: 'none' });
      void Taro.redirectTo({ url: `${ROUTES.activityDetail}?id=${saved.id}` });
    } catch (failure) {
      const e = failure as ApiError;
      setError(e.fields?.length ? e.fields.map((f) => `${f.field}：${f.message}`).join('；') : e.message);
    } finally {
      setBusy(false);
    }
  };

  const field = (label: string, key: keyof Form, type: 'text' | 'number' = 'text') => (
    <View className="form-row">
      <Text className="form-row__label">{label}</Text>
      <Input className="form-input" type={type} value={String(form[key])} onInput={(e) => set({ [key]: e.detail.value } as Partial<Form>)} data-testid={`field-${key}`} />
    </View>
  );
  if (places?.length === 0 && !id) {
    return <EmptyState title="您还不能发布活动" description="社区的组织者可以为社区居民发布活动，党支部的组织者可以为本支部党员发布活动。" testId="no-places" />;
  }
  const place = places?.find((p) => p.id === form.communityId);
  const choices = places ?? [];
  return (
    <View>
      <View className="form-row">
        <Text className="form-row__label">发布单位</Text>
        <Picker mode="selector" range={choices.map((p) => p.name)} onChange={(e) => set({ communityId: choices[Number(e.detail.value)].id })} disabled={!!id}>
          <View className="form-input" data-testid="activity-host">{place?.name ?? (id ? '' : '请选择')}</View>
        </Picker>
        {place?.kind === 'branch' ? <Text className="muted">党支部发布的活动仅限本支部党员报名。</Text> : null}
      </View>
      {field('标题', 'title')}
      <View className="form-row">
        <Text className="form-row__label">类别</Text>
        <Picker mode="selector" range={ACTIVITY_CATEGORIES.map((c) => ACTIVITY_CATEGORY_LABELS[c])} onChange={(e) => set({ category: ACTIVITY_CATEGORIES[Number(e.detail.value)] })}>
          <View className="form-input">{ACTIVITY_CATEGORY_LABELS[form.category]}</View>
        </Picker>
      </View>
      {field('地点', 'place')}
      <View className="form-row">
        <Text className="form-row__label">日期和开始时间（北京时间）</Text>
        <View className="row-actions">
          <Picker mode="date" value={form.date} onChange={(e) => set({ date: String(e.detail.value) })}>
            <View className="form-input">{form.date || '选择日期'}</View>
          </Picker>
          <Picker mode="time" value={form.time} onChange={(e) => set({ time: String(e.detail.value) })}>
            <View className="form-input">{form.time}</View>
          </Picker>
        </View>
      </View>
      {field('时长（小时）', 'hours', 'number')}
      {field('名额', 'capacity', 'number')}
      {field('预留名额（给无智能手机的老人）', 'reserved', 'number')}
      {field('每人最多带几位家人', 'maxCompanions', 'number')}
      {field('最低年龄（不限留空）', 'minAge', 'number')}
      <View className="form-row">
        <Text className="form-row__label">报名需要审核</Text>
        <Switch checked={form.needsApproval} onChange={(e) => set({ needsApproval: e.detail.value })} />
      </View>
      <View className="form-row">
        <Text className="form-row__label">介绍</Text>
        <Textarea className="form-input" value={form.description} maxlength={2000} onInput={(e) => set({ description: e.detail.value })} />
      </View>
      {id ? <CoverPicker id={id} cover={form.coverImage} onChange={(coverImage) => set({ coverImage })} /> : <Text className="muted">发布后可上传封面图片。</Text>}
      {error ? <Text className="form-error" data-testid="edit-error">{error}</Text> : null}
      <BigButton loading={busy} onClick={() => void save()} testId="save-activity">
        {id ? '保存修改' : '发布活动'}
      </BigButton>
    </View>
  );
}

/** A cover photo for the list and detail page; uploaded at once, checked by the server. */
function CoverPicker({ id, cover, onChange }: { id: string; cover: string | null; onChange: (cover: string) => void }) {
  const [busy, setBusy] = useState(false);
  const pick = async () => {
    setBusy(true);
    try {
      onChange((await uploadCover(id, await pickImageAsDataUrl(ACTIVITY_COVER_MAX_BYTES))).coverImage!);
    } catch (e) {
      if ((e as Error).message) showError(e as Error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <View className="form-row">
      <Text className="form-row__label">封面图片（选填）</Text>
      {cover ? <Image className="activity-cover" src={imageUrl(cover)} mode="aspectFill" /> : null}
      <BigButton variant="secondary" loading={busy} onClick={() => void pick()} testId="cover-pick">
        {cover ? '更换封面' : '上传封面'}
      </BigButton>
    </View>
  );
}
