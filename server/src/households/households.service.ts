import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  chinaDay,
  DEFAULT_CADENCE,
  PERSON_FIELDS,
  type AddMemberRequest,
  type AssignTagRequest,
  type AssignableTag,
  type CreateHouseholdRequest,
  type EndMembershipRequest,
  type FieldSource,
  type Provenance,
  type UpdateHouseholdRequest,
  type UpdatePersonRequest,
} from '@honglin/shared';
import type { Actor } from '../common/actor.js';
import { AppError } from '../common/app-error.js';
import { FieldCrypto } from '../common/field-crypto.js';
import { newId } from '../common/ids.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { byKind, pathIds } from '../organizations/node-chain.js';
import { CareSchedule } from './care-schedule.js';
import { assertGridStaff, assertInGrid } from './grid-scope.js';
import type { Household, HouseholdMember } from './household.entity.js';
import { HouseholdsRepository } from './households.repository.js';
import type { PersonProfile } from './person-profile.entity.js';
import { clock } from '../common/clock.js';

const stamp = (actor: Actor, d: { source: FieldSource; sourceName?: string }, at: Date): Provenance => ({ source: d.source, sourceName: d.sourceName ?? null, verifiedAt: at.toISOString(), by: actor.userId });

/** 一户一档: the writes of the ledger. Every change stamps its fields' provenance; nothing is deleted. */
@Injectable()
export class HouseholdsService {
  constructor(
    private readonly repo: HouseholdsRepository,
    private readonly schedule: CareSchedule,
    private readonly crypto: FieldCrypto,
    private readonly tx: TransactionRunner,
  ) {}

  async create(actor: Actor, dto: CreateHouseholdRequest): Promise<Household> {
    assertGridStaff(actor);
    const [building] = await this.repo.nodes([dto.buildingId]);
    if (!building || building.kind !== 'building') throw new AppError('HOUSEHOLD_BUILDING_INVALID');
    assertInGrid(actor, building.path);
    const chain = byKind(await this.repo.nodes(pathIds(building.path)));
    if (!chain.grid || !chain.community) throw new AppError('HOUSEHOLD_BUILDING_INVALID');
    const now = clock.now();
    const p = stamp(actor, dto, now);
    const h: Household = {
      id: newId(),
      buildingId: building.id,
      gridId: chain.grid.id,
      communityId: chain.community.id,
      path: building.path,
      unit: dto.unit ?? '',
      room: dto.room,
      address: dto.address ?? null,
      provenance: { room: p, ...(dto.unit ? { unit: p } : {}), ...(dto.address ? { address: p } : {}) },
      cadenceDays: DEFAULT_CADENCE.default,
      lastVisitAt: null,
      registeredOn: chinaDay(now),
      nextDueOn: chinaDay(now),
      createdBy: actor.userId,
      createdAt: now,
      updatedAt: now,
    };
    await this.tx.run(async (em) => {
      await this.repo.insertHousehold(em, h);
      await this.schedule.recompute(em, h, now);
    });
    return h;
  }

  async update(actor: Actor, id: string, dto: UpdateHouseholdRequest): Promise<void> {
    const h = await this.inGrid(actor, id);
    const p = stamp(actor, dto, clock.now());
    const patch: Partial<Household> = { provenance: { ...h.provenance } };
    for (const f of ['unit', 'room', 'address'] as const) {
      if (dto[f] === undefined) continue;
      patch[f] = dto[f] as string;
      patch.provenance![f] = p;
    }
    await this.tx.run((em) => this.repo.updateHousehold(em, h.id, patch));
  }

  async addMember(actor: Actor, id: string, dto: AddMemberRequest): Promise<void> {
    const h = await this.inGrid(actor, id);
    const [user] = await this.repo.users([dto.userId]);
    if (!user || user.deletedAt) throw new AppError('PERSON_NOT_IN_GRID');
    // Only people who live in (or have not yet said where they live in) the caller's grids: an id from
    // elsewhere must not reveal whether that person exists.
    const [home] = user.residenceNodeId ? await this.repo.nodes([user.residenceNodeId]) : [];
    if (home && !assertGridStaff(actor).some((p) => home.path.startsWith(p))) throw new AppError('PERSON_NOT_IN_GRID');
    const current = await this.repo.activeMembership(user.id);
    if (current) throw new AppError(current.householdId === h.id ? 'PERSON_ALREADY_MEMBER' : 'PERSON_IN_ANOTHER_HOUSEHOLD');
    const m: HouseholdMember = {
      id: newId(),
      householdId: h.id,
      userId: user.id,
      activeUserId: user.id,
      relation: dto.relation,
      residenceType: dto.residenceType,
      arrivedOn: dto.arrivedOn ?? null,
      endedOn: null,
      endReason: null,
      createdBy: actor.userId,
      createdAt: clock.now(),
    };
    await this.tx.run(async (em) => {
      await this.repo.insertMember(em, m);
      if (user.residenceNodeId !== h.buildingId) await this.repo.setResidence(em, user.id, h.buildingId);
      await this.schedule.recompute(em, h);
    });
  }

  async endMember(actor: Actor, id: string, userId: string, dto: EndMembershipRequest): Promise<void> {
    const h = await this.inGrid(actor, id);
    const m = (await this.repo.members([h.id], false)).find((x) => x.userId === userId);
    if (!m) throw AppError.notFound();
    if (m.endedOn) throw new AppError('MEMBERSHIP_ALREADY_ENDED');
    await this.tx.run(async (em) => {
      if (!(await this.repo.endMember(em, m.id, dto.on, dto.reason))) throw new AppError('MEMBERSHIP_ALREADY_ENDED');
      await this.schedule.recompute(em, h);
    });
  }

  async updatePerson(actor: Actor, userId: string, dto: UpdatePersonRequest): Promise<void> {
    const { household } = await this.personInGrid(actor, userId);
    const now = clock.now();
    const p = stamp(actor, dto, now);
    const [existing] = await this.repo.profiles([userId]);
    const profile: PersonProfile = existing ?? { userId, idNumberCipher: null, idNumberHash: null, birthDate: null, gender: null, phonesCipher: null, emergencyCipher: null, notesCipher: null, provenance: {}, updatedAt: now };
    const next: PersonProfile = { ...profile, provenance: { ...profile.provenance } };
    if (dto.idNumber) {
      const parsed = dto.idNumber;
      const birth = `${parsed.slice(6, 10)}-${parsed.slice(10, 12)}-${parsed.slice(12, 14)}`;
      if (dto.birthDate && dto.birthDate !== birth) throw new AppError('PERSON_BIRTH_DATE_MISMATCH');
      const hash = this.crypto.hash(parsed);
      const other = await this.repo.profileByIdHash(hash);
      if (other && other.userId !== userId) throw new AppError('PERSON_ID_NUMBER_TAKEN');
      next.idNumberCipher = this.crypto.encrypt(parsed);
      next.idNumberHash = hash;
      // The number encodes both: collected once, never asked again.
      if (!dto.birthDate) dto = { ...dto, birthDate: birth };
      if (!dto.gender) dto = { ...dto, gender: Number(parsed[16]) % 2 === 1 ? 'male' : 'female' };
    }
    if (dto.birthDate) next.birthDate = dto.birthDate;
    if (dto.gender) next.gender = dto.gender;
    if (dto.phones) next.phonesCipher = this.crypto.encrypt(JSON.stringify(dto.phones));
    if (dto.emergencyContact) next.emergencyCipher = this.crypto.encrypt(JSON.stringify(dto.emergencyContact));
    if (dto.notes !== undefined) next.notesCipher = dto.notes ? this.crypto.encrypt(dto.notes) : null;
    for (const f of PERSON_FIELDS) if (dto[f] !== undefined) next.provenance[f] = p;
    next.updatedAt = now;
    await this.tx.run(async (em) => {
      await this.repo.saveProfile(em, next, !!existing);
      if (next.birthDate !== profile.birthDate) {
        // One person record: the account's birth year follows the verified date, so eligibility
        // (age rules) and every other form read it instead of asking the resident again.
        if (next.birthDate) await this.repo.setBirthYear(em, userId, Number(next.birthDate.slice(0, 4)));
        await this.schedule.recompute(em, household, now);
      }
    });
  }

  async assignTag(actor: Actor, userId: string, dto: AssignTagRequest): Promise<void> {
    const { household } = await this.personInGrid(actor, userId);
    const now = clock.now();
    await this.tx.run(async (em) => {
      const row = await this.repo.tagRow(em, userId, dto.tag);
      const fields = { source: dto.source, sourceName: dto.sourceName ?? null, verifiedAt: now, setBy: actor.userId, removedAt: null, removedBy: null };
      if (row) await this.repo.updateTag(em, row.id, fields);
      else await this.repo.insertTag(em, { id: newId(), userId, tag: dto.tag, createdAt: now, ...fields });
      await this.schedule.recompute(em, household, now);
    });
  }

  async removeTag(actor: Actor, userId: string, tag: string): Promise<void> {
    if (tag === 'advanced_age' || tag === 'party_member') throw new AppError('TAG_DERIVED');
    const { household } = await this.personInGrid(actor, userId);
    await this.tx.run(async (em) => {
      const row = await this.repo.tagRow(em, userId, tag as AssignableTag);
      if (!row || row.removedAt) return;
      await this.repo.updateTag(em, row.id, { removedAt: clock.now(), removedBy: actor.userId });
      await this.schedule.recompute(em, household);
    });
  }

  async inGrid(actor: Actor, id: string, em?: EntityManager): Promise<Household> {
    assertGridStaff(actor);
    const h = await this.repo.household(id, em);
    if (!h) throw AppError.notFound();
    assertInGrid(actor, h.path);
    return h;
  }

  /** A person counts as in the caller's grid through an open membership of a household there. */
  private async personInGrid(actor: Actor, userId: string): Promise<{ household: Household; member: HouseholdMember }> {
    assertGridStaff(actor);
    const member = await this.repo.activeMembership(userId);
    const household = member ? await this.repo.household(member.householdId) : null;
    if (!member || !household || !assertGridStaff(actor).some((p) => household.path.startsWith(p))) throw new AppError('PERSON_NOT_IN_GRID');
    assertInGrid(actor, household.path);
    return { household, member };
  }
}
