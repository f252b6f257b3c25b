import type { EntityManager } from 'typeorm';
import type { Actor } from '../common/actor.js';
import type { FamilyRepository } from './family.repository.js';
import type { ProxyActionRecord } from './proxy-action.entity.js';
import type { ProxyActionRepository } from './proxy-action.repository.js';
import { ProxyActions } from './proxy-actions.service.js';

const streetAdmin: Actor = {
  userId: 'a1',
  grants: [
    { role: 'resident', nodeId: 'b1', path: '/s/c1/g1/b1/' },
    { role: 'treasurer', nodeId: 'br', path: '/k/br/' },
    { role: 'admin', nodeId: 's', path: '/s/' },
  ],
};

function recorder() {
  const rows: ProxyActionRecord[] = [];
  const repo = { insert: async (_em: EntityManager, r: ProxyActionRecord) => void rows.push(r) } as unknown as ProxyActionRepository;
  return { rows, proxies: new ProxyActions(repo, {} as FamilyRepository) };
}

describe('acting-for records', () => {
  it('names the managing role by which the organiser reaches the person, not any role they hold', () => {
    const { proxies } = recorder();
    expect(proxies.organiser(streetAdmin, '/s/c1/g2/', '上门登记')).toEqual({ kind: 'organiser', role: 'admin', reason: '上门登记' });
  });

  it('keeps the link for family consent and the role and reason for organiser consent, never both', async () => {
    const { rows, proxies } = recorder();
    const target = { action: 'activity_signup' as const, targetType: 'enrollment', targetId: 'e1', targetTitle: '重阳节敬老活动'.repeat(10) };
    await proxies.record({} as EntityManager, { actorUserId: 'f1', subjectUserId: 'e1', consent: { kind: 'family_link', linkId: 'l1' } }, target);
    await proxies.record({} as EntityManager, { actorUserId: 'o1', subjectUserId: 'e1', consent: { kind: 'organiser', role: 'organiser', reason: '电话报名' } }, target);
    expect(rows[0]).toMatchObject({ consent: 'family_link', familyLinkId: 'l1', actorRole: null, reason: null });
    expect(rows[1]).toMatchObject({ consent: 'organiser', familyLinkId: null, actorRole: 'organiser', reason: '电话报名' });
    expect(rows[0].targetTitle.length).toBe(60);
    expect(rows[0].id).not.toBe(rows[1].id);
  });
});
