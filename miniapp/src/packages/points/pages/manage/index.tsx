import { View } from '@tarojs/components';
import { EmptyState } from '../../../../components/EmptyState';
import { Loadable } from '../../../../components/Loadable';
import { PageShell } from '../../../../components/PageShell';
import { useRemote } from '../../../../hooks/useRemote';
import { getOrgTree } from '../../../../services/org';
import { listOrgMallItems } from '../../../../services/points';
import { ItemCard } from './ItemCard';
import { NewItemForm } from './NewItemForm';
import { PickupCounter } from './PickupCounter';
import '../../points.scss';

export default function MallManagePage() {
  return <PageShell>{() => <MallManage />}</PageShell>;
}

/** The organiser's side of 积分超市: the counter first (most frequent), then listing and stock. */
function MallManage() {
  const data = useRemote(async () => {
    const [items, tree] = await Promise.all([listOrgMallItems(), getOrgTree()]);
    // Items are offered to members of an organisation; groups and grids are too small to run a shop.
    return { items, nodes: tree.filter((n) => n.kind !== 'group' && n.kind !== 'grid') };
  });
  return (
    <Loadable remote={data}>
      {({ items, nodes }) => (
        <View>
          <PickupCounter onPickedUp={data.reload} />
          <NewItemForm nodes={nodes} onCreated={data.reload} />
          {items.length === 0 ? <EmptyState title="还没有上架的商品" /> : items.map((i) => <ItemCard key={`${i.id}-${i.stock}-${i.active}-${i.pricePoints}`} item={i} onChanged={data.reload} />)}
        </View>
      )}
    </Loadable>
  );
}
