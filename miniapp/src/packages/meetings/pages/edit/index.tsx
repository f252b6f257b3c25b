import { useEffect, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Input, Picker, Switch, Text, Textarea, View } from '@tarojs/components';
import { formatChinaDateTime, MEETING_TYPE_LABELS, MEETING_TYPES, type MeetingAttendanceView, type MeetingType, type MeetingView, type MemberSummary, type OrgNodeView } from '@honglin/shared';
import { BigButton } from '../../../../components/BigButton';
import { Card } from '../../../../components/Card';
import { PageShell } from '../../../../components/PageShell';
import { listNodeMembers, getOrgTree } from '../../../../services/org';
import { createMeeting, getAttendance, getMeeting, MEETING_PAGES, updateMeeting } from '../../../../services/meetings';
import { ApiError } from '../../../../services/request';
import { InviteeChooser, type Invitable, type InviteKind } from '../../lib/InviteeChooser';
import '../../lib/meetings.scss';

const FIELD_LABELS: Record<string, string> = { title: '会议名称', startsAt: '开始时间', endsAt: '结束时间', address: '地点', radiusM: '签到范围', invitees: '参会人员' };
const fieldLabel = (field: string) => FIELD_LABELS[field.split('.')[0]] ?? field;

interface Form {
  nodeId: string;
  type: MeetingType;
  title: string;
  date: string;
  start: string;
  end: string;
  address: string;
  lat: string;
  lng: string;
  radiusM: string;
  allowGeofence: boolean;
  lateGraceMinutes: string;
  hostUserId: string;
  recorderUserId: string;
  agenda: string;
  invite: InviteKind;
  chosen: string[];
}

const today = () => formatChinaDateTime(new Date()).slice(0, 10);
const blank: Form = { nodeId: '', type: 'theme_day', title: '', date: today(), start: '09:00', end: '11:00', address: '', lat: '', lng: '', radiusM: '100', allowGeofence: false, lateGraceMinutes: '10', hostUserId: '', recorderUserId: '', agenda: '', invite: 'branch', chosen: [] };

export default function EditMeetingPage() {
  const id = useRouter().params.id;
  useEffect(() => {
    if (id) void Taro.setNavigationBarTitle({ title: '修改会议' }); // the page config names the scheduling case
  }, [id]);
  return <PageShell title={id ? '修改会议' : '安排会议'}>{() => <EditMeeting id={id} />}</PageShell>;
}

function EditMeeting({ id }: { id?: string }) {
  const [form, setForm] = useState<Form>(blank);
  const [nodes, setNodes] = useState<OrgNodeView[]>([]);
  const [people, setPeople] = useState<MemberSummary[]>([]);
  /** Editing: who is invited now (null until loaded) and whether the meeting has begun (the list is then fixed). */
  const [current, setCurrent] = useState<Invitable[] | null>(null);
  const [started, setStarted] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof Form>(key: K, value: Form[K]) => setForm((f) => ({ ...f, [key]: value }));

  useEffect(() => {
    void getOrgTree().then((tree) => {
      const party = tree.filter((n) => n.kind === 'branch' || n.kind === 'group');
      setNodes(party);
      setForm((f) => (f.nodeId ? f : { ...f, nodeId: party[0]?.id ?? '' }));
    }, (e: Error) => setError(e.message));
    if (id) {
      void getMeeting(id).then((m) => {
        setForm((f) => ({ ...fromMeeting(m), invite: f.invite, chosen: f.chosen }));
        setStarted(Date.now() >= new Date(m.startsAt).getTime());
      }, (e: Error) => setError(e.message));
      void getAttendance(id).then((a) => {
        const now = invitedNow(a);
        setCurrent(now);
        setForm((f) => ({ ...f, invite: 'members', chosen: now.map((p) => p.id) }));
      }, (e: Error) => setError(e.message));
    }
  }, [id]);
  const branchId = nodes.find((n) => n.id === form.nodeId)?.kind === 'group' ? nodes.find((n) => n.id === form.nodeId)!.parentId ?? form.nodeId : form.nodeId;
  useEffect(() => {
    if (branchId) void loadAll(branchId).then(setPeople, () => undefined);
  }, [branchId]);

  const submit = async () => {
    setBusy(true);
    setError(null);
    const at = (time: string) => `${form.date}T${time}:00+08:00`;
    const num = (s: string) => (s.trim() === '' ? null : Number(s));
    const common = {
      type: form.type,
      title: form.title.trim(),
      startsAt: at(form.start),
      endsAt: at(form.end),
      address: form.address.trim(),
      lat: num(form.lat),
      lng: num(form.lng),
      radiusM: num(form.radiusM),
      allowGeofence: form.allowGeofence,
      lateGraceMinutes: Number(form.lateGraceMinutes) || 0,
      hostUserId: form.hostUserId || null,
      recorderUserId: form.recorderUserId || null,
      agenda: form.agenda,
    };
    const group = nodes.find((n) => n.id === form.nodeId && n.kind === 'group');
    const invitees = form.invite === 'members' ? { kind: 'members' as const, userIds: form.chosen } : form.invite === 'group' && group ? { kind: 'group' as const, groupId: group.id } : { kind: form.invite === 'group' ? ('branch' as const) : (form.invite as 'branch' | 'committee') };
    try {
      // Editing sends the list only when it changed, so other details stay editable once the meeting has begun.
      const listChanged = !!current && !started && (form.invite !== 'members' || !sameSet(form.chosen, current.map((p) => p.id)));
      const saved = id ? await updateMeeting(id, listChanged ? { ...common, invitees } : common) : await createMeeting({ nodeId: form.nodeId, ...common, invitees });
      void Taro.showToast({ title: '已保存', icon: 'success' });
      void Taro.redirectTo({ url: `${MEETING_PAGES.detail}?id=${saved.id}` });
    } catch (e) {
      const err = e as ApiError;
      const detail = err.fields?.length ? err.fields.map((f) => `${fieldLabel(f.field)}：${f.message}`).join('；') : '';
      setError(err.code === 'VALIDATION_FAILED' && detail ? detail : [err.message, detail].filter(Boolean).join('；'));
    } finally {
      setBusy(false);
    }
  };

  const typeIndex = MEETING_TYPES.indexOf(form.type);
  const personName = (uid: string) => people.find((p) => p.id === uid)?.name ?? '未指定';
  return (
    <View>
      <Card title="基本信息">
        {!id ? (
          <Picker mode="selector" range={nodes.map((n) => n.name)} value={Math.max(0, nodes.findIndex((n) => n.id === form.nodeId))} onChange={(e) => set('nodeId', nodes[Number(e.detail.value)]?.id ?? '')}>
            <Text className="meeting-field">{`召开组织：${nodes.find((n) => n.id === form.nodeId)?.name ?? '请选择'}`}</Text>
          </Picker>
        ) : null}
        <Picker mode="selector" range={MEETING_TYPES.map((t) => MEETING_TYPE_LABELS[t])} value={typeIndex} onChange={(e) => set('type', MEETING_TYPES[Number(e.detail.value)])}>
          <Text className="meeting-field" data-testid="meeting-type">{`会议类型：${MEETING_TYPE_LABELS[form.type]}`}</Text>
        </Picker>
        <Text className="meeting-label">会议名称</Text>
        <Input className="meeting-field" value={form.title} maxlength={60} onInput={(e) => set('title', e.detail.value)} data-testid="meeting-title" />
        <Picker mode="date" value={form.date} onChange={(e) => set('date', e.detail.value)}>
          <Text className="meeting-field">{`日期：${form.date}`}</Text>
        </Picker>
        <Picker mode="time" value={form.start} onChange={(e) => set('start', e.detail.value)}>
          <Text className="meeting-field">{`开始：${form.start}`}</Text>
        </Picker>
        <Picker mode="time" value={form.end} onChange={(e) => set('end', e.detail.value)}>
          <Text className="meeting-field">{`结束：${form.end}`}</Text>
        </Picker>
        <Text className="meeting-label">迟到判定（开始后几分钟）</Text>
        <Input className="meeting-field" type="number" value={form.lateGraceMinutes} onInput={(e) => set('lateGraceMinutes', e.detail.value)} />
      </Card>
      <Card title="地点">
        <Input className="meeting-field" value={form.address} maxlength={120} placeholder="如：党群服务中心二楼会议室" onInput={(e) => set('address', e.detail.value)} data-testid="meeting-address" />
        <View className="meeting-row">
          <Text>允许在会场用定位签到</Text>
          <Switch checked={form.allowGeofence} onChange={(e) => set('allowGeofence', e.detail.value)} />
        </View>
        {form.allowGeofence ? (
          <View>
            <Input className="meeting-field" type="digit" value={form.lat} placeholder="纬度，如 31.2304" onInput={(e) => set('lat', e.detail.value)} />
            <Input className="meeting-field" type="digit" value={form.lng} placeholder="经度，如 121.4737" onInput={(e) => set('lng', e.detail.value)} />
            <Input className="meeting-field" type="number" value={form.radiusM} placeholder="范围（米）" onInput={(e) => set('radiusM', e.detail.value)} />
          </View>
        ) : null}
      </Card>
      <Card title="人员">
        <Picker mode="selector" range={['未指定', ...people.map((p) => p.name)]} onChange={(e) => set('hostUserId', people[Number(e.detail.value) - 1]?.id ?? '')}>
          <Text className="meeting-field">{`主持人：${personName(form.hostUserId)}`}</Text>
        </Picker>
        <Picker mode="selector" range={['未指定', ...people.map((p) => p.name)]} onChange={(e) => set('recorderUserId', people[Number(e.detail.value) - 1]?.id ?? '')}>
          <Text className="meeting-field">{`记录人：${personName(form.recorderUserId)}`}</Text>
        </Picker>
        <Text className="meeting-label">参会人员</Text>
        {id && started ? (
          <Text className="meeting-card__line muted" data-testid="invitees-fixed">会议已开始，参会人员不能再调整</Text>
        ) : id && !current ? (
          <Text className="meeting-card__line muted">正在读取参会人员…</Text>
        ) : (
          <InviteeChooser kind={form.invite} chosen={form.chosen} people={choosable(people, current)} onKind={(k) => set('invite', k)} onChosen={(ids) => set('chosen', ids)} />
        )}
        {id && current && !started ? <Text className="meeting-card__line muted">已签到或已批准请假的人员不能移出；新增的人员会收到通知。</Text> : null}
      </Card>
      <Card title="议程">
        <Textarea className="meeting-field meeting-textarea" value={form.agenda} maxlength={2000} onInput={(e) => set('agenda', e.detail.value)} />
      </Card>
      {error ? <Text className="meeting-error" data-testid="meeting-form-error">{error}</Text> : null}
      <BigButton onClick={() => void submit()} loading={busy} testId="meeting-save">{id ? '保存修改' : '发布并通知参会人员'}</BigButton>
    </View>
  );
}

async function loadAll(nodeId: string): Promise<MemberSummary[]> {
  const all: MemberSummary[] = [];
  let cursor: string | null = null;
  for (let i = 0; i < 10; i++) {
    const page = await listNodeMembers(nodeId, cursor);
    all.push(...page.items);
    if (!page.nextCursor) break;
    cursor = page.nextCursor;
  }
  return all.filter((p) => p.roles.includes('party_member'));
}

/** The people invited now, with the ones that may not be taken off marked (the server refuses it too). */
function invitedNow(a: MeetingAttendanceView): Invitable[] {
  return a.rows.map((r) => ({
    id: r.userId,
    name: r.name,
    locked: r.attendance === 'present' || r.attendance === 'late' ? '已签到' : r.leave === 'approved' ? '已批准请假' : undefined,
  }));
}

/** Branch members plus anyone invited now who is not among them (e.g. a committee member). */
function choosable(members: MemberSummary[], current: Invitable[] | null): Invitable[] {
  const list: Invitable[] = current ? [...current] : [];
  for (const m of members) if (!list.some((p) => p.id === m.id)) list.push({ id: m.id, name: m.name });
  return list;
}

const sameSet = (a: string[], b: string[]) => a.length === b.length && a.every((x) => b.includes(x));

function fromMeeting(m: MeetingView): Form {
  const local = (iso: string) => formatChinaDateTime(iso);
  return {
    ...blank,
    nodeId: m.node.id,
    type: m.type,
    title: m.title,
    date: local(m.startsAt).slice(0, 10),
    start: local(m.startsAt).slice(11),
    end: local(m.endsAt).slice(11),
    address: m.address,
    lat: m.lat?.toString() ?? '',
    lng: m.lng?.toString() ?? '',
    radiusM: m.radiusM?.toString() ?? '100',
    allowGeofence: m.allowGeofence,
    lateGraceMinutes: String(m.lateGraceMinutes),
    hostUserId: m.host?.id ?? '',
    recorderUserId: m.recorder?.id ?? '',
    agenda: m.agenda,
  };
}
