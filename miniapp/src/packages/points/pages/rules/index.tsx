import { useState } from 'react';
import { Picker, Text, View } from '@tarojs/components';
import type { OrgNodeView, PointsRuleView } from '@honglin/shared';
import { Card } from '../../../../components/Card';
import { EmptyState } from '../../../../components/EmptyState';
import { Loadable } from '../../../../components/Loadable';
import { useNotice } from '../../../../components/Notice';
import { PageShell } from '../../../../components/PageShell';
import { useRemote } from '../../../../hooks/useRemote';
import { getOrgTree } from '../../../../services/org';
import { getPointsRules } from '../../../../services/points';
import { RuleEditor } from './RuleEditor';
import '../../points.scss';

export default function PointsRulesPage() {
  return <PageShell>{() => <Rules />}</PageShell>;
}

function Rules() {
  const tree = useRemote(getOrgTree);
  return (
    <Loadable remote={tree}>
      {(nodes) => (nodes.length === 0 ? <EmptyState title="您没有可管理的组织" /> : <RulesOf nodes={nodes} />)}
    </Loadable>
  );
}

function RulesOf({ nodes }: { nodes: OrgNodeView[] }) {
  const [index, setIndex] = useState(0);
  const node = nodes[index];
  return (
    <View>
      <Card title="设置哪个组织的规则">
        <Picker mode="selector" range={nodes.map((n) => n.name)} value={index} onChange={(e) => setIndex(Number(e.detail.value))}>
          <View className="form-input" data-testid="rules-node">{node.name}</View>
        </Picker>
        <Text className="muted">修改后对该组织及其下级组织的成员生效；下级组织自己设置过的以下级为准。</Text>
      </Card>
      <NodeRules key={node.id} node={node} />
    </View>
  );
}

/** The rules in force at one node, each saying where it comes from, and an editor per rule. */
function NodeRules({ node }: { node: OrgNodeView }) {
  const rules = useRemote(() => getPointsRules(node.id));
  const [open, setOpen] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [notice, say] = useNotice();
  const origin = (r: PointsRuleView) => (r.setAt === null ? '系统默认' : r.setAt.id === node.id ? '本组织设置' : `沿用${r.setAt.name}`);
  const caps = (r: PointsRuleView) =>
    [r.dailyCap !== null ? `每日≤${r.dailyCap}` : null, r.weeklyCap !== null ? `每周≤${r.weeklyCap}` : null, r.yearlyCap !== null ? `每年≤${r.yearlyCap}` : null].filter(Boolean).join(' ') || '不限';
  return (
    <Loadable remote={rules}>
      {(list) => (
        <View>
          {list.map((r) => (
            <Card key={`${node.id}-${r.action}`} title={`${r.label}${r.active ? '' : '（已停用）'}`} testId="points-rule">
              <View className="points-row" onClick={() => setOpen(open === r.action ? null : r.action)}>
                <View className="points-row__main">
                  <Text>{`每次 ${r.points} 分 · ${caps(r)}`}</Text>
                  <Text className="points-row__sub">{origin(r)}</Text>
                </View>
                <Text className="points-row__sub">{open === r.action ? '收起' : '修改 ›'}</Text>
              </View>
              {saved === r.action ? notice : null}
              {open === r.action ? (
                <RuleEditor
                  nodeId={node.id}
                  rule={r}
                  onSaved={(next) => {
                    rules.setData(next);
                    setOpen(null);
                    setSaved(r.action);
                    say('已保存，下级组织同时生效');
                  }}
                />
              ) : null}
            </Card>
          ))}
        </View>
      )}
    </Loadable>
  );
}
