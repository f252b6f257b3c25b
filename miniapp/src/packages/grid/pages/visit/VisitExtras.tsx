import Taro from '@tarojs/taro';
import { Image, Text } from '@tarojs/components';
import { VISIT_PHOTO_MAX_BYTES, type VisitLocation } from '@honglin/shared';
import { BigButton } from '../../../../components/BigButton';
import { Card } from '../../../../components/Card';
import { PICK_CANCELLED, pickImageAsDataUrl } from '../../../../services/images';

interface Props {
  photo: string | null;
  setPhoto: (p: string | null) => void;
  canLocate: boolean;
  location: VisitLocation | null;
  setLocation: (l: VisitLocation | null) => void;
  onError: (message: string | null) => void;
}

/** Optional photo (the server strips its EXIF/GPS) and, only when everyone seen has consented, the place. */
export function VisitExtras({ photo, setPhoto, canLocate, location, setLocation, onError }: Props) {
  const pick = async () => {
    try {
      setPhoto(await pickImageAsDataUrl(VISIT_PHOTO_MAX_BYTES));
    } catch (e) {
      if ((e as Error).message !== PICK_CANCELLED) onError((e as Error).message);
    }
  };
  const locate = async () => {
    try {
      const at = await Taro.getLocation({ type: 'gcj02' });
      setLocation({ lat: at.latitude, lng: at.longitude });
    } catch {
      onError('无法获取位置，请检查是否允许小程序使用位置，或不记录位置');
    }
  };
  return (
    <Card title="照片和位置（可不填）">
      {photo ? <Image src={photo} mode="aspectFit" style={{ width: '100%', height: '160px' }} /> : null}
      <BigButton variant="secondary" onClick={() => (photo ? setPhoto(null) : void pick())} testId="visit-photo">
        {photo ? '去掉照片' : '拍照或选照片'}
      </BigButton>
      {canLocate ? (
        <BigButton variant="secondary" onClick={() => (location ? setLocation(null) : void locate())} testId="visit-location">
          {location ? '不记录位置' : '记录走访位置（居民已同意）'}
        </BigButton>
      ) : (
        <Text className="grid-line">见到的居民都在“我的档案”里同意后，才能记录走访位置。</Text>
      )}
    </Card>
  );
}
