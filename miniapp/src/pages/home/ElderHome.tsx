import { useState } from 'react';
import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import type { MeView } from '@honglin/shared';
import { ElderModeSwitch } from '../../components/ElderModeSwitch';
import { Tile } from '../../components/Tile';
import { ROUTES } from '../../routes';
import { MEETING_PAGES } from '../../services/meetings';
import { getGridContact } from '../../services/org';
import { GridContactPanel, callPhone, type ContactState } from './GridContact';

/** 长辈模式 home: four big tiles, each one tap to one job; the switch stays at hand to turn it off. */
export function ElderHome({ me }: { me: MeView }) {
  const [contact, setContact] = useState<ContactState>({ status: 'idle' });
  const findGridWorker = async () => {
    setContact({ status: 'loading' });
    try {
      const found = await getGridContact();
      setContact({ status: 'found', contact: found });
      // In WeChat one tap goes straight to the call; the browser shows the number with a call button.
      if (process.env.TARO_ENV === 'weapp' && found.phone) callPhone(found.phone);
    } catch (failure) {
      setContact({ status: 'missing', message: (failure as Error).message });
    }
  };
  return (
    <View>
      <View className="tiles">
        <Tile label="活动报名" hint="看看最近的活动" onTap={() => void Taro.switchTab({ url: ROUTES.activities })} testId="tile-activities" />
        <Tile label="我要签到" hint="到了现场点这里" onTap={() => void Taro.navigateTo({ url: MEETING_PAGES.scan })} testId="tile-checkin" />
        <Tile label="我的活动" hint="报了哪些活动" onTap={() => void Taro.navigateTo({ url: ROUTES.myActivities })} testId="tile-my-activities" />
        <Tile label="联系网格员" hint="一点就打电话" onTap={() => void findGridWorker()} testId="tile-grid-worker" />
      </View>
      <GridContactPanel state={contact} communityName={me.community?.name ?? null} />
      <ElderModeSwitch prominent />
    </View>
  );
}
