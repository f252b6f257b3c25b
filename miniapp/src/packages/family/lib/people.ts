import type { FamilyLinkView, FamilyPerson } from '@honglin/shared';
import { revokeLink } from '../../../services/family';

/** "王丽（138****0001）": never more of the number than the mask. */
export function personText(p: FamilyPerson): string {
  return p.phoneMasked ? `${p.name}（${p.phoneMasked}）` : p.name;
}

/** Ending a link (or declining / withdrawing a request) is asked once, in plain words. */
export function revokeQuestion(l: FamilyLinkView, action: string): string {
  const other = l.myRole === 'elder' ? l.family.name : l.elder.name;
  return l.status === 'pending' ? `确定${action}与 ${other} 的绑定请求吗？` : `解除后，${l.myRole === 'elder' ? `${other} 不能再替您办理` : `您不能再替 ${other} 办理`}。确定解除吗？`;
}

/** The answer shows as the list changes (the link leaves it), so no pop-up is needed to say so. */
export async function revoke(l: FamilyLinkView, reload: () => Promise<unknown>): Promise<void> {
  await revokeLink(l.id).catch(() => undefined);
  await reload();
}
