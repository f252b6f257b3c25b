import { useMemo, useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { ORG_KIND_LABELS, type MeView, type OrgNodeView } from '@honglin/shared';
import { BigButton } from '../../../../components/BigButton';
import { Card } from '../../../../components/Card';
import { Loadable } from '../../../../components/Loadable';
import { PageShell } from '../../../../components/PageShell';
import { useRemote } from '../../../../hooks/useRemote';
import { leavePage } from '../../../../routes';
import { setResidence } from '../../../../services/me';
import { listResidenceOptions } from '../../../../services/org';
import { ApiError } from '../../../../services/request';
import { session } from '../../../../stores/session';
import '../party-application/index.scss';

export default function ResidencePage() {
  return <PageShell>{(me) => <ResidencePicker me={me} />}</PageShell>;
}

/** One decision per step: community, then grid, then (optionally) building. */
function ResidencePicker({ me }: { me: MeView }) {
  const options = useRemote(listResidenceOptions);
  return <Loadable remote={options}>{(nodes) => <Steps me={me} nodes={nodes} />}</Loadable>;
}

function Steps({ me, nodes }: { me: MeView; nodes: OrgNodeView[] }) {
  const [communityId, setCommunityId] = useState<string | null>(me.community?.id ?? null);
  const [gridId, setGridId] = useState<string | null>(me.grid?.id ?? null);
  const [buildingId, setBuildingId] = useState<string | null>(me.building?.id ?? null);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const childrenOf = useMemo(() => (parentId: string | null, kind: OrgNodeView['kind']) => nodes.filter((n) => n.kind === kind && n.parentId === parentId), [nodes]);
  const communities = nodes.filter((n) => n.kind === 'community');
  const grids = communityId ? childrenOf(communityId, 'grid') : [];
  const buildings = gridId ? childrenOf(gridId, 'building') : [];

  const save = async () => {
    const nodeId = buildingId ?? gridId;
    if (!nodeId) return setError('请先选择您所在的网格');
    setSaving(true);
    setError(null);
    try {
      session.setMe(await setResidence(nodeId));
      void Taro.showToast({ title: '已保存', icon: 'success' });
      leavePage();
    } catch (failure) {
      setError((failure as ApiError).message);
    } finally {
      setSaving(false);
    }
  };

  return (
    <View>
      <Text className="application-intro">选择您居住的社区、网格和楼栋，社区的活动和通知会按这里发给您。</Text>
      <Choice title="1. 社区" list={communities} value={communityId} onChange={(id) => { setCommunityId(id); setGridId(null); setBuildingId(null); }} />
      {communityId ? <Choice title="2. 网格" list={grids} value={gridId} onChange={(id) => { setGridId(id); setBuildingId(null); }} /> : null}
      {gridId && buildings.length ? <Choice title="3. 楼栋（可不选）" list={buildings} value={buildingId} onChange={setBuildingId} /> : null}
      {error ? <Text className="form-error" data-testid="residence-error">{error}</Text> : null}
      <BigButton onClick={() => void save()} loading={saving} disabled={!gridId} testId="residence-save">保存</BigButton>
    </View>
  );
}

function Choice({ title, list, value, onChange }: { title: string; list: OrgNodeView[]; value: string | null; onChange: (id: string) => void }) {
  return (
    <Card title={title}>
      {list.map((node) => (
        <View
          key={node.id}
          className={`option-row${node.id === value ? ' option-row--selected' : ''}`}
          onClick={() => onChange(node.id)}
          data-testid={`residence-${node.id}`}
        >
          <Text>{node.name}</Text>
          <Text className="option-row__mark">{node.id === value ? '已选 ✓' : ORG_KIND_LABELS[node.kind]}</Text>
        </View>
      ))}
    </Card>
  );
}
