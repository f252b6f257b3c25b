import Taro from '@tarojs/taro';
import type { FamilyLinkView, FamilyPerson } from '@honglin/shared';
import { revokeLink } from '../../../services/family';

/** "王丽（138****0001）": never more of the number than the mask. */
export function personText(p: FamilyPerson): string {
  return p.phoneMasked ? `${p.name}（${p.phoneMasked}）` : p.name;
}

/** Ending a link (or declining / withdrawing a request) is asked once, in plain words. */
export async function askToRevoke(l: FamilyLinkView, action: string, reload: () => Promise<unknown>): Promise<void> {
  const other = l.myRole === 'elder' ? l.family.name : l.elder.name;
  const content = l.status === 'pending' ? `确定${action}与 ${other} 的绑定请求吗？` : `解除后，${l.myRole === 'elder' ? `${other} 不能再替您办理` : `您不能再替 ${other} 办理`}。确定解除吗？`;
  const { confirm } = await Taro.showModal({ title: action, content });
  if (!confirm) return;
  await revokeLink(l.id);
  void Taro.showToast({ title: l.status === 'pending' ? '已处理' : '已解除', icon: 'none' });
  await reload();
}
