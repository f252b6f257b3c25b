import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, Textarea, View } from '@tarojs/components';
import { ORG_KIND_LABELS, type MeView, type NodeRef } from '@honglin/shared';
import { BigButton } from '../../../../components/BigButton';
import { Card } from '../../../../components/Card';
import { EmptyState } from '../../../../components/EmptyState';
import { Loadable } from '../../../../components/Loadable';
import { PageShell } from '../../../../components/PageShell';
import { useRemote } from '../../../../hooks/useRemote';
import { leavePage } from '../../../../routes';
import { applyForPartyMembership } from '../../../../services/me';
import { listPartyBranches } from '../../../../services/org';
import { ApiError } from '../../../../services/request';
import { isPartyMember, session } from '../../../../stores/session';
import './index.scss';

export default function PartyApplicationPage() {
  return <PageShell>{(me) => <PartyApplication me={me} />}</PageShell>;
}

function PartyApplication({ me }: { me: MeView }) {
  if (isPartyMember(me)) return <EmptyState title="您已经是党员身份" description="无需再次申请。" />;
  if (me.partyApplication?.status === 'pending') {
    return <EmptyState title="您的申请正在审核" description={`${me.partyApplication.branch.name}审核后，结果会显示在“我的”里。`} />;
  }
  return <ApplicationForm me={me} />;
}

interface FormErrors {
  branchId?: string;
  note?: string;
  general?: string;
}

function ApplicationForm({ me }: { me: MeView }) {
  const branches = useRemote(listPartyBranches);
  const [branchId, setBranchId] = useState<string | null>(me.branch?.id ?? null);
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<FormErrors>({});
  const [saving, setSaving] = useState(false);

  const submit = async () => {
    if (!branchId) return setErrors({ branchId: '请选择您所在的党支部' });
    setSaving(true);
    setErrors({});
    try {
      const application = await applyForPartyMembership({ branchId, note: note.trim() || undefined });
      session.setMe({ ...me, partyApplication: application });
      void Taro.showToast({ title: '已提交，请等待支部审核', icon: 'none' });
      leavePage();
    } catch (failure) {
      const error = failure as ApiError;
      const branch = error.fieldMessage?.('branchId');
      const noteError = error.fieldMessage?.('note');
      setErrors({ branchId: branch, note: noteError, general: branch || noteError ? undefined : error.message });
    } finally {
      setSaving(false);
    }
  };

  return (
    <View>
      <Text className="application-intro">选择您组织关系所在的党支部。支部审核通过后，党员身份会显示在“我的”里。</Text>
      <Card title="选择党支部">
        <Loadable remote={branches}>
          {(list) => (list.length === 0 ? <Text className="muted">暂时没有可选择的党支部</Text> : <BranchList list={list} value={branchId} onChange={setBranchId} />)}
        </Loadable>
        {errors.branchId ? <Text className="form-error">{errors.branchId}</Text> : null}
      </Card>
      <Card title="申请说明（可不填）">
        <Textarea
          className="application-note-input"
          value={note}
          maxlength={200}
          placeholder="例如：入党时间、原所在支部，方便支部核实"
          onInput={(event) => setNote(event.detail.value)}
          data-testid="application-note"
        />
        <Text className="muted">{`${note.length}/200`}</Text>
        {errors.note ? <Text className="form-error">{errors.note}</Text> : null}
      </Card>
      {errors.general ? <Text className="form-error" data-testid="application-error">{errors.general}</Text> : null}
      <BigButton onClick={() => void submit()} loading={saving} testId="application-submit">提交申请</BigButton>
    </View>
  );
}

function BranchList({ list, value, onChange }: { list: NodeRef[]; value: string | null; onChange: (id: string) => void }) {
  return (
    <View>
      {list.map((branch) => (
        <View
          key={branch.id}
          className={`option-row${branch.id === value ? ' option-row--selected' : ''}`}
          onClick={() => onChange(branch.id)}
          data-testid={`branch-${branch.id}`}
        >
          <Text>{branch.name}</Text>
          <Text className="option-row__mark">{branch.id === value ? '已选 ✓' : ORG_KIND_LABELS[branch.kind]}</Text>
        </View>
      ))}
    </View>
  );
}
