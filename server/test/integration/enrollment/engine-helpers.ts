import type { Companion } from '@honglin/shared';
import { User } from '../../../src/members/user.entity.js';
import { OrgNode } from '../../../src/organizations/org-node.entity.js';
import { EnrollmentService, type SlotInput } from '../../../src/enrollment/enrollment.service.js';
import { TransactionRunner } from '../../../src/database/transaction-runner.js';
import { AppError } from '../../../src/common/app-error.js';
import type { TestApp } from '../../support/test-app.js';

const HOUR = 3_600_000;

/** Direct access to the engine the way other domains use it: inside a TransactionRunner transaction. */
export function engineOf(t: TestApp) {
  const engine = t.app.get(EnrollmentService);
  const tx = t.app.get(TransactionRunner);
  return {
    engine,
    tx,
    async community(name = '幸福社区'): Promise<OrgNode> {
      return (await t.dataSource.manager.findOne(OrgNode, { where: { name } }))!;
    },
    async users(n: number, skip = 0): Promise<User[]> {
      return t.dataSource.manager.createQueryBuilder(User, 'u').orderBy('u.id', 'ASC').skip(skip).take(n).getMany();
    },
    async slot(overrides: Partial<SlotInput> = {}) {
      const c = await this.community();
      const now = Date.now();
      return tx.run((em) =>
        engine.createSlot(em, {
          ownerType: 'test',
          ownerId: `${now}`.padStart(26, '0').slice(0, 20) + Math.random().toString(36).slice(2, 8),
          nodeId: c.id,
          nodePath: c.path,
          title: '测试活动',
          startsAt: new Date(now + 72 * HOUR),
          endsAt: new Date(now + 74 * HOUR),
          signupOpensAt: new Date(now - HOUR),
          signupClosesAt: new Date(now + 48 * HOUR),
          cancelDeadline: new Date(now + 24 * HOUR),
          capacity: 10,
          maxCompanions: 3,
          ...overrides,
        }),
      );
    },
    signUp: (slotId: string, userId: string, companions: Companion[] = []) => tx.run((em) => engine.signUp(em, slotId, userId, companions)),
    /** The error code a call fails with, or 'ok'. */
    async code(p: Promise<unknown>): Promise<string> {
      try {
        await p;
        return 'ok';
      } catch (e) {
        if (e instanceof AppError) return e.code;
        throw e;
      }
    },
  };
}

export const kids = (n: number): Companion[] => Array.from({ length: n }, (_, i) => ({ name: `家人${i + 1}`, age: 8 + i }));
