import { useEffect, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Image, Input, Picker, Switch, Text, Textarea, View } from '@tarojs/components';
import { ACTIVITY_CATEGORIES, ACTIVITY_CATEGORY_LABELS, ACTIVITY_COVER_MAX_BYTES, formatChinaDateTime, type ActivityCategory, type ActivityInput } from '@honglin/shared';
import { BigButton } from '../../../../components/BigButton';
import { PageShell } from '../../../../components/PageShell';
import { ROUTES } from '../../../../routes';
import { getActivity, listCommunities, saveActivity, uploadCover } from '../../../../services/activities';
import { imageUrl, pickImageAsDataUrl } from '../../../../services/images';
import { showError, type ApiError } from '../../../../services/request';
import '../../../../pages/activities/index.scss';

export default function EditActivityPage() {
  const { params } = useRouter();
  return <PageShell>{() => <Edit id={params.id ?? null} />}</PageShell>;
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

const blank: Form = { communityId: '', title: '', category: 'talk', description: '', place: '', date: '', time: '09:00', hours: '2', capacity: '30', reserved: '0', maxCompanions: '2', minAge: '', needsApproval: false, coverImage: null };

/** Create or edit an activity; times are entered in Beijing time. */
function Edit({ id }: { id: string | null }) {
  const [form, setForm] = useState<Form>(blank);
  const [communities, setCommunities] = useState<{ id: string; name: string }[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<Form>) => setForm((f) => ({ ...f, ...patch }));
  useEffect(() => {
    void listCommunities().then((c) => {
      setCommunities(c);
      if (!id && c[0]) set({ communityId: c[0].id });
    });
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
  const community = communities.find((c) => c.id === form.communityId);
  return (
    <View>
      <View className="form-row">
        <Text className="form-row__label">社区</Text>
        <Picker mode="selector" range={communities.map((c) => c.name)} onChange={(e) => set({ communityId: communities[Number(e.detail.value)].id })} disabled={!!id}>
          <View className="form-input">{community?.name ?? '请选择'}</View>
        </Picker>
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
      <Text className="form-row__label">封面图片（选填，300KB以内）</Text>
      {cover ? <Image className="activity-cover" src={imageUrl(cover)} mode="aspectFill" /> : null}
      <BigButton variant="secondary" loading={busy} onClick={() => void pick()} testId="cover-pick">
        {cover ? '更换封面' : '上传封面'}
      </BigButton>
    </View>
  );
}
