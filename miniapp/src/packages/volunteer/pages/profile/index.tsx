import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { VOLUNTEER_SKILLS, type VolunteerProfileView } from '@honglin/shared';
import { BigButton } from '../../../../components/BigButton';
import { Card } from '../../../../components/Card';
import { Loadable } from '../../../../components/Loadable';
import { PageShell } from '../../../../components/PageShell';
import { tapRole } from '../../../../components/a11y';
import { useRemote } from '../../../../hooks/useRemote';
import { getProfile, saveProfile } from '../../../../services/volunteer';
import '../../volunteer.scss';

const EVERY_DAY = [1, 2, 3, 4, 5, 6, 7];
const SLOTS = [
  { key: 'am', label: '上午', from: '08:00', to: '12:00' },
  { key: 'pm', label: '下午', from: '13:00', to: '18:00' },
  { key: 'eve', label: '晚上', from: '18:00', to: '21:30' },
];

export default function ProfilePage() {
  return <PageShell title="我的技能与服务网格" subtitle="组织者按技能和网格找人，一键动员时会通知到您">{() => <Profile />}</PageShell>;
}

function Profile() {
  const remote = useRemote(getProfile);
  return <Loadable remote={remote}>{(p) => <Form p={p} onSaved={remote.setData} />}</Loadable>;
}

function Form({ p, onSaved }: { p: VolunteerProfileView; onSaved: (p: VolunteerProfileView) => void }) {
  const [skills, setSkills] = useState<string[]>(p.skills);
  const [grids, setGrids] = useState<string[]>(p.grids.map((g) => g.id));
  const [slots, setSlots] = useState<string[]>(SLOTS.filter((s) => p.availability.some((a) => a.from === s.from)).map((s) => s.key));
  const [note, setNote] = useState<string | null>(null);
  const toggle = (list: string[], set: (l: string[]) => void, v: string) => set(list.includes(v) ? list.filter((x) => x !== v) : [...list, v]);
  const save = () => {
    const availability = SLOTS.filter((s) => slots.includes(s.key)).flatMap((s) => EVERY_DAY.map((weekday) => ({ weekday, from: s.from, to: s.to })));
    void saveProfile({ skills: skills as never, gridIds: grids, availability }).then((v) => (onSaved(v), setNote('已保存')), (e: Error) => setNote(e.message));
  };
  const row = (on: boolean, label: string, onTap: () => void, testId: string) => (
    <View key={testId} className={`option-row${on ? ' option-row--selected' : ''}`} onClick={onTap} data-testid={testId} {...tapRole('checkbox', { checked: on })}>
      <Text>{label}</Text>
      <Text className="option-row__mark">{on ? '已选' : '选择'}</Text>
    </View>
  );
  return (
    <View>
      <Card title="我的技能">{VOLUNTEER_SKILLS.map((s) => row(skills.includes(s), s, () => toggle(skills, setSkills, s), `skill-${s}`))}</Card>
      <Card title="可以服务的网格">{p.gridChoices.map((g) => row(grids.includes(g.id), g.name, () => toggle(grids, setGrids, g.id), `grid-${g.name}`))}</Card>
      <Card title="一般有空的时段（每天）">{SLOTS.map((s) => row(slots.includes(s.key), `${s.label} ${s.from}–${s.to}`, () => toggle(slots, setSlots, s.key), `slot-${s.key}`))}</Card>
      {note ? <Text className="form-error">{note}</Text> : null}
      <BigButton onClick={save} testId="profile-save">保存</BigButton>
    </View>
  );
}
