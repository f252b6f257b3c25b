import Taro from '@tarojs/taro';
import { Image } from '@tarojs/components';
import { useRemote } from '../../../hooks/useRemote';
import { readTokens } from '../../../stores/tokens';

/** A visit's photo: served to grid staff only, so fetched with the bearer token (an <Image src> cannot send it). */
export function VisitPhoto({ url }: { url: string }) {
  const remote = useRemote(() => load(url));
  return remote.data ? <Image src={remote.data} mode="aspectFit" style={{ width: '100%', height: '160px' }} aria-label="走访照片" data-testid="household-visit-photo" /> : null;
}

async function load(url: string): Promise<string> {
  const header = { Authorization: `Bearer ${readTokens()?.accessToken ?? ''}` };
  if (process.env.TARO_ENV === 'h5') {
    const res = await fetch(`${API_BASE}${url}`, { headers: header });
    return URL.createObjectURL(await res.blob());
  }
  const res = await Taro.downloadFile({ url: `${API_BASE}${url}`, header });
  return res.tempFilePath;
}
