import { View } from '@tarojs/components';
import { Loadable } from '../../../../components/Loadable';
import { PageShell } from '../../../../components/PageShell';
import { useRemote } from '../../../../hooks/useRemote';
import { getOrgTree } from '../../../../services/org';
import { RegisterResident } from './RegisterResident';
import { WitnessLink } from './WitnessLink';
import './residents.scss';

export default function ResidentsPage() {
  return <PageShell>{() => <Residents />}</PageShell>;
}

/** 代办服务: what an organiser or grid worker does for residents the app would otherwise leave out. */
function Residents() {
  const tree = useRemote(getOrgTree);
  return (
    <Loadable remote={tree}>
      {(nodes) => (
        <View>
          <RegisterResident homes={nodes.filter((n) => n.kind === 'grid' || n.kind === 'building')} />
          <WitnessLink communities={nodes.filter((n) => n.kind === 'community')} />
        </View>
      )}
    </Loadable>
  );
}
