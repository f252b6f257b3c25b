import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { ORG_KIND_LABELS } from '@honglin/shared';
import { BigButton } from '../../../../components/BigButton';
import { Card } from '../../../../components/Card';
import { EmptyState } from '../../../../components/EmptyState';
import { Loadable } from '../../../../components/Loadable';
import { PageShell } from '../../../../components/PageShell';
import { useRemote } from '../../../../hooks/useRemote';
import { ROUTES } from '../../../../routes';
import { getOrgTree } from '../../../../services/org';
import { flattenTree } from '../../lib/flatten-tree';
import './index.scss';

export default function OrgTreePage() {
  return <PageShell>{() => <OrgTree />}</PageShell>;
}

function OrgTree() {
  const tree = useRemote(getOrgTree);
  const open = (id: string, name: string) => () =>
    void Taro.navigateTo({ url: `${ROUTES.orgMembers}?id=${encodeURIComponent(id)}&name=${encodeURIComponent(name)}` });
  return (
    <View>
      <BigButton variant="secondary" onClick={() => void Taro.navigateTo({ url: ROUTES.orgApplications })} testId="entry-applications">
        党员身份审核
      </BigButton>
      <Loadable remote={tree}>
        {(nodes) =>
          nodes.length === 0 ? (
            <EmptyState title="您还没有负责的组织" description="如需管理权限，请联系上级党组织或社区管理员。" />
          ) : (
            <Card title={`共 ${nodes.length} 个组织`}>
              {flattenTree(nodes).map(({ node, depth }) => (
                <View
                  key={node.id}
                  className={`org-row org-row--depth-${Math.min(depth, 6)}`}
                  onClick={open(node.id, node.name)}
                  data-testid={`org-node-${node.id}`}
                >
                  <View className="org-row__main">
                    <Text className="org-row__name">{node.name}</Text>
                    <Text className="muted">{ORG_KIND_LABELS[node.kind]}</Text>
                  </View>
                  <Text className="org-row__count">{`${node.memberCount} 人 ›`}</Text>
                </View>
              ))}
            </Card>
          )
        }
      </Loadable>
    </View>
  );
}
