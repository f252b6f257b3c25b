import { Injectable } from '@nestjs/common';
import { SEAT_HOLDING, type EnrollmentStatus } from '@honglin/shared';
import { DataSource, In, type EntityManager } from 'typeorm';
import { AppError } from '../common/app-error.js';
import { isSqlite } from '../database/data-source.js';
import { bindable, insertRowIf, insertRows, selectOne } from '../database/fast-sql.js';
import { User } from '../members/user.entity.js';
import { OrgNode } from '../organizations/org-node.entity.js';
import { Enrollment } from './enrollment.entity.js';
import { EnrollmentSlot } from './enrollment-slot.entity.js';

type Pool = 'public' | 'reserve';

/** Waiting entries of a slot ahead of one (earlier, or as early with a smaller id); parameters: slotId, at, at, id. */
const AHEAD_IN_QUEUE =
  "SELECT COUNT(*) AS n FROM `enrollments` q WHERE q.`slotId` = ? AND q.`status` = 'waitlisted' AND (q.`waitlistedAt` < ? OR (q.`waitlistedAt` = ? AND q.`id` < ?))";

/** The only place that builds queries over slots and enrollments. Counter changes are conditional UPDATEs. */
@Injectable()
export class EnrollmentRepository {
  constructor(private readonly ds: DataSource) {}

  m(em?: EntityManager): EntityManager {
    return em ?? this.ds.manager;
  }

  async insertSlot(em: EntityManager, slot: Partial<EnrollmentSlot>): Promise<void> {
    await em.insert(EnrollmentSlot, em.create(EnrollmentSlot, slot));
  }

  async updateSlot(em: EntityManager, id: string, patch: Partial<EnrollmentSlot>): Promise<void> {
    await em.update(EnrollmentSlot, { id }, patch);
  }

  slot(id: string, em?: EntityManager): Promise<EnrollmentSlot | null> {
    return this.m(em).findOne(EnrollmentSlot, { where: { id } });
  }

  /** The slot, or 404 for the caller. */
  async requireSlot(em: EntityManager, id: string): Promise<EnrollmentSlot> {
    const slot = await this.slot(id, em);
    if (!slot) throw AppError.notFound();
    return slot;
  }

  /** On every sign-up of a burst: plain SQL (database/fast-sql.ts). */
  slotByOwner(ownerType: string, ownerId: string, em?: EntityManager): Promise<EnrollmentSlot | null> {
    return selectOne(this.m(em), EnrollmentSlot, '`ownerType` = ? AND `ownerId` = ?', [ownerType, ownerId]);
  }

  /** The slot by its owner, latest committed and share-locked (a queue batch's guard against a cancellation). */
  slotByOwnerLocked(ownerType: string, ownerId: string, em: EntityManager): Promise<EnrollmentSlot | null> {
    return selectOne(em, EnrollmentSlot, '`ownerType` = ? AND `ownerId` = ?', [ownerType, ownerId], { share: true });
  }

  /** A batch of queue places; a row hitting the one-per-person key is skipped (see existingIds). */
  insertEnrollmentsIgnoring(em: EntityManager, rows: Enrollment[]): Promise<void> {
    return insertRows(em, Enrollment, rows, { ignore: true });
  }

  async existingIds(em: EntityManager, ids: string[]): Promise<string[]> {
    if (!ids.length) return [];
    const rows = await em.query<{ id: string }[]>(`SELECT \`id\` FROM \`enrollments\` WHERE \`id\` IN (${ids.map(() => '?').join(', ')})`, ids);
    return rows.map((r) => r.id);
  }

  slotsByOwners(ownerType: string, ownerIds: string[]): Promise<EnrollmentSlot[]> {
    if (!ownerIds.length) return Promise.resolve([]);
    return this.ds.manager.createQueryBuilder(EnrollmentSlot, 's').where('s.ownerType = :ownerType AND s.ownerId IN (:...ownerIds)', { ownerType, ownerIds }).getMany();
  }

  /** Takes `seats` from a pool if they fit: the one statement that makes overbooking impossible. */
  async takeSeats(em: EntityManager, slotId: string, seats: number, pool: Pool): Promise<boolean> {
    // Only while open: a sign-up racing the slot's cancellation finds no seat rather than a dead one.
    const qb = em.createQueryBuilder().update(EnrollmentSlot).where('id = :slotId AND status = :open', { slotId, seats, open: 'open' });
    const res =
      pool === 'public'
        ? await qb.set({ taken: () => 'taken + :seats' }).andWhere('taken + :seats <= capacity - reserved').execute()
        : await qb.set({ reservedTaken: () => 'reservedTaken + :seats' }).andWhere('reservedTaken + :seats <= reserved').execute();
    return res.affected === 1;
  }

  /** Open → cancelled with the counters emptied; false when it was not open. */
  async closeOpenSlot(em: EntityManager, slotId: string): Promise<boolean> {
    const r = await em.createQueryBuilder().update(EnrollmentSlot).set({ status: 'cancelled', taken: 0, reservedTaken: 0 }).where('id = :slotId AND status = :open', { slotId, open: 'open' }).execute();
    return r.affected === 1;
  }

  /** Locking read on MariaDB: it must also see sign-ups that committed while the caller waited for the slot row. */
  activeInSlot(em: EntityManager, slotId: string): Promise<Enrollment[]> {
    return em.find(Enrollment, { where: { slotId, status: In(['registered', 'confirmed', 'waitlisted', 'offered']) }, ...(isSqlite(em.connection) ? {} : { lock: { mode: 'pessimistic_write' as const } }) });
  }

  async releaseSeats(em: EntityManager, slotId: string, seats: number, pool: Pool): Promise<void> {
    const qb = em.createQueryBuilder().update(EnrollmentSlot).where('id = :slotId', { slotId, seats });
    if (pool === 'public') await qb.set({ taken: () => 'taken - :seats' }).execute();
    else await qb.set({ reservedTaken: () => 'reservedTaken - :seats' }).execute();
  }

  insertEnrollment(em: EntityManager, e: Partial<Enrollment>): Promise<void> {
    return insertRows(em, Enrollment, [e]);
  }

  /**
   * The waiting-list insert, only while the slot is still open, in one statement: it reads the slot row
   * with a shared lock, so a cancellation in flight either commits first (and this inserts nothing) or
   * waits for this sign-up and then finds its row (activeInSlot locks).
   */
  insertQueuedIfOpen(em: EntityManager, e: Partial<Enrollment>): Promise<boolean> {
    return insertRowIf(em, Enrollment, e, { table: 'enrollment_slots', where: "`id` = ? AND `status` = 'open'", params: [e.slotId] });
  }

  /** Whether the slot is open now (its latest committed state: a locking read on MariaDB). */
  async slotOpenNow(em: EntityManager, slotId: string): Promise<boolean> {
    const qb = em.createQueryBuilder(EnrollmentSlot, 's').select('s.status', 'status').where('s.id = :slotId', { slotId });
    if (!isSqlite(em.connection)) qb.setLock('pessimistic_read');
    return (await qb.getRawOne<{ status: string }>())?.status === 'open';
  }

  enrollment(id: string, em?: EntityManager): Promise<Enrollment | null> {
    return this.m(em).findOne(Enrollment, { where: { id } });
  }

  enrollmentOf(slotId: string, userId: string, em?: EntityManager): Promise<Enrollment | null> {
    return this.m(em).findOne(Enrollment, { where: { slotId, userId } });
  }

  /** Moves an enrollment on only from the status the caller saw: concurrent changes make this false. */
  async transition(em: EntityManager, id: string, from: EnrollmentStatus | EnrollmentStatus[], patch: Partial<Enrollment>): Promise<boolean> {
    const froms = Array.isArray(from) ? from : [from];
    const res = await em.createQueryBuilder().update(Enrollment).set(patch).where('id = :id AND status IN (:...froms)', { id, froms }).execute();
    return res.affected === 1;
  }

  waitlistHead(em: EntityManager, slotId: string, skip: string[]): Promise<Enrollment | null> {
    const qb = em.createQueryBuilder(Enrollment, 'e').where('e.slotId = :slotId AND e.status = :w', { slotId, w: 'waitlisted' });
    if (skip.length) qb.andWhere('e.id NOT IN (:...skip)', { skip });
    return qb.orderBy('e.waitlistedAt', 'ASC').addOrderBy('e.id', 'ASC').getOne();
  }

  /** 1-based place in the queue: a range count over the (slotId, status, waitlistedAt) index. */
  async waitlistPosition(e: Enrollment): Promise<number> {
    const m = this.ds.manager;
    const at = bindable(m, Enrollment, 'waitlistedAt', e.waitlistedAt);
    const [row] = await m.query<{ n: number | string }[]>(AHEAD_IN_QUEUE, [e.slotId, at, at, e.id]);
    return Number(row.n) + 1;
  }

  waitlistedCount(slotIds: string[]): Promise<Map<string, number>> {
    if (!slotIds.length) return Promise.resolve(new Map());
    return this.ds.manager
      .createQueryBuilder(Enrollment, 'e')
      .select('e.slotId', 'slotId')
      .addSelect('COUNT(*)', 'n')
      .where('e.slotId IN (:...slotIds) AND e.status = :w', { slotIds, w: 'waitlisted' })
      .groupBy('e.slotId')
      .getRawMany<{ slotId: string; n: string | number }>()
      .then((rows) => new Map(rows.map((r) => [r.slotId, Number(r.n)])));
  }

  /** Seats held per pool, summed from the enrollments themselves. */
  async seatSums(em: EntityManager, slotId: string): Promise<{ taken: number; reservedTaken: number }> {
    const rows = await em
      .createQueryBuilder(Enrollment, 'e')
      .select('e.fromReserve', 'fromReserve')
      .addSelect('SUM(e.seats)', 'seats')
      .where('e.slotId = :slotId AND e.status IN (:...held)', { slotId, held: SEAT_HOLDING })
      .groupBy('e.fromReserve')
      .getRawMany<{ fromReserve: number | boolean | string; seats: string | number }>();
    const sum = (reserve: boolean) => Number(rows.find((r) => Boolean(Number(r.fromReserve)) === reserve)?.seats ?? 0);
    return { taken: sum(false), reservedTaken: sum(true) };
  }

  roster(slotId: string): Promise<Enrollment[]> {
    return this.ds.manager.createQueryBuilder(Enrollment, 'e').where('e.slotId = :slotId', { slotId }).orderBy('e.createdAt', 'ASC').addOrderBy('e.id', 'ASC').getMany();
  }

  mine(userId: string, slotIds?: string[]): Promise<Enrollment[]> {
    const qb = this.ds.manager.createQueryBuilder(Enrollment, 'e').where('e.userId = :userId', { userId });
    if (slotIds) {
      if (!slotIds.length) return Promise.resolve([]);
      qb.andWhere('e.slotId IN (:...slotIds)', { slotIds });
    }
    return qb.orderBy('e.id', 'DESC').limit(200).getMany();
  }

  lapsedOffers(now: Date, limit: number): Promise<Enrollment[]> {
    return this.ds.manager.createQueryBuilder(Enrollment, 'e').where('e.status = :o AND e.offerExpiresAt < :now', { o: 'offered', now }).limit(limit).getMany();
  }

  /** Open slots with free public places while people wait (a promotion missed under contention). */
  slotsWithStrandedWaitlist(limit: number): Promise<string[]> {
    return this.ds.manager
      .createQueryBuilder(EnrollmentSlot, 's')
      .select('s.id', 'id')
      .where('s.status = :open AND s.taken < s.capacity - s.reserved', { open: 'open' })
      .andWhere('EXISTS (SELECT 1 FROM enrollments e WHERE e.slotId = s.id AND e.status = :w)', { w: 'waitlisted' })
      .limit(limit)
      .getRawMany<{ id: string }>()
      .then((r) => r.map((x) => x.id));
  }

  user(id: string, em?: EntityManager): Promise<User | null> {
    return this.m(em).findOne(User, { where: { id } });
  }

  users(ids: string[]): Promise<User[]> {
    if (!ids.length) return Promise.resolve([]);
    return this.ds.manager.createQueryBuilder(User, 'u').where('u.id IN (:...ids)', { ids }).getMany();
  }

  node(id: string, em?: EntityManager): Promise<OrgNode | null> {
    return this.m(em).findOne(OrgNode, { where: { id } });
  }
}
