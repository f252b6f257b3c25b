import { Injectable } from '@nestjs/common';
import {
  chinaDay,
  dueState,
  maskIdNumber,
  maskPhone,
  ageOn,
  type EmergencyContact,
  type HouseholdFileView,
  type HouseholdListItem,
  type HouseholdListQuery,
  type MyFileView,
  type Page,
  type PersonFileView,
} from '@honglin/shared';
import { AuditTrail } from '../audit/audit-trail.service.js';
import type { Actor } from '../common/actor.js';
import { FieldCrypto } from '../common/field-crypto.js';
import { CareRepository } from './care.repository.js';
import { CareSchedule } from './care-schedule.js';
import { assertGridStaff } from './grid-scope.js';
import type { Household, HouseholdMember } from './household.entity.js';
import { HouseholdsRepository } from './households.repository.js';
import { HouseholdsService } from './households.service.js';
import { CareViews, label } from './care-views.js';
import { clock } from '../common/clock.js';
import { VisitMedia } from './visit-media.js';

export const householdLabel = (h: Pick<Household, 'unit' | 'room'>, building?: string) => label(h.unit, h.room, building);

/**
 * Reading the ledger. Lists mask ID numbers and phones; opening a full file is recorded in the audit
 * trail with every member as a subject before anything is returned, so each sees it in 谁查看了我的数据.
 */
@Injectable()
export class HouseholdViews {
  constructor(
    private readonly repo: HouseholdsRepository,
    private readonly care: CareRepository,
    private readonly schedule: CareSchedule,
    private readonly ledger: HouseholdsService,
    private readonly careViews: CareViews,
    private readonly crypto: FieldCrypto,
    private readonly audit: AuditTrail,
    private readonly media: VisitMedia,
  ) {}

  async list(actor: Actor, q: HouseholdListQuery, now = clock.now()): Promise<Page<HouseholdListItem>> {
    const paths = assertGridStaff(actor);
    const today = chinaDay(now);
    const rows = await this.repo.list(paths, q, today);
    const page = rows.slice(0, q.limit);
    const ids = page.map((h) => h.id);
    const [members, nodes, warnings] = await Promise.all([this.repo.members(ids, true), this.repo.nodes(page.flatMap((h) => [h.buildingId, h.gridId])), this.repo.openWarningCounts(ids)]);
    const userIds = members.map((m) => m.userId);
    const [users, profiles, tags] = await Promise.all([this.repo.users(userIds), this.repo.profiles(userIds), this.schedule.memberTags(undefined, userIds, today)]);
    const names = new Map(nodes.map((n) => [n.id, n.name]));
    const user = new Map(users.map((u) => [u.id, u]));
    const profile = new Map(profiles.map((p) => [p.userId, p]));
    const items = page.map((h): HouseholdListItem => {
      const d = dueState(h.nextDueOn, today);
      return {
        id: h.id,
        label: householdLabel(h, names.get(h.buildingId)),
        building: { id: h.buildingId, name: names.get(h.buildingId) ?? '' },
        grid: { id: h.gridId, name: names.get(h.gridId) ?? '' },
        members: members
          .filter((m) => m.householdId === h.id)
          .map((m) => {
            const u = user.get(m.userId);
            const p = profile.get(m.userId);
            return {
              userId: m.userId,
              name: u?.name ?? '',
              relation: m.relation,
              age: u ? ageOn(today, p?.birthDate ?? null, u.birthYear) : null,
              tags: tags.get(m.userId) ?? [],
              phoneMasked: u?.phoneCipher ? maskPhone(this.crypto.decrypt(u.phoneCipher)) : null,
              idNumberMasked: p?.idNumberCipher ? maskIdNumber(this.crypto.decrypt(p.idNumberCipher)) : null,
            };
          }),
        cadenceDays: h.cadenceDays,
        nextDueOn: h.nextDueOn,
        due: { state: d.state, days: d.state === 'overdue' ? d.daysOverdue : d.daysLeft },
        openWarnings: warnings.get(h.id) ?? 0,
      };
    });
    const last = page[page.length - 1];
    return { items, nextCursor: rows.length > q.limit && last ? `${last.nextDueOn}_${last.id}` : null };
  }

  async file(actor: Actor, id: string, now = clock.now()): Promise<HouseholdFileView> {
    const h = await this.ledger.inGrid(actor, id);
    const today = chinaDay(now);
    const members = await this.repo.members([h.id], false);
    const [nodes, people, visits, tasks, warnings] = await Promise.all([
      this.repo.nodes([h.buildingId, h.gridId]),
      this.people(members, today),
      this.care.visits(h.id),
      this.care.tasks(h.id),
      this.care.warningsOf(h.id),
    ]);
    const names = new Map(nodes.map((n) => [n.id, n.name]));
    await this.audit.record(actor, { action: 'household.file.read', subjects: members.map((m) => m.userId), resourceId: h.id, orgPath: h.path });
    return {
      id: h.id,
      label: householdLabel(h, names.get(h.buildingId)),
      address: h.address,
      unit: h.unit || null,
      room: h.room,
      building: { id: h.buildingId, name: names.get(h.buildingId) ?? '' },
      grid: { id: h.gridId, name: names.get(h.gridId) ?? '' },
      provenance: h.provenance,
      cadenceDays: h.cadenceDays,
      nextDueOn: h.nextDueOn,
      members: people,
      visits: await this.careViews.visits(visits),
      tasks: tasks.map((t) => ({ id: t.id, text: t.text, status: t.status, createdAt: t.createdAt.toISOString(), visitId: t.visitId })),
      warnings: await this.careViews.warnings(warnings),
      locationConsent: await this.media.consentedAmong(members.filter((m) => !m.endedOn).map((m) => m.userId)),
    };
  }

  /** 我的档案: the resident's own record, ID number masked, staff notes left out; visits of their household. */
  async myFile(actor: Actor, now = clock.now()): Promise<MyFileView> {
    const member = await this.repo.activeMembership(actor.userId);
    const h = member ? await this.repo.household(member.householdId) : null;
    if (!member || !h) return { household: null, person: null, visits: [], visitLocationConsent: await this.media.locationConsent(actor.userId) };
    const [[person], [building]] = await Promise.all([this.people([member], chinaDay(now)), this.repo.nodes([h.buildingId])]);
    const { notes: _notes, idNumber, ...rest } = person;
    return {
      household: { id: h.id, label: householdLabel(h, building?.name) },
      person: { ...rest, idNumberMasked: maskIdNumber(idNumber), phones: rest.phones.map((p) => maskPhone(p) ?? '') },
      // The photo is served to grid staff only; the resident sees that a visit happened and how.
      visits: (await this.careViews.visits((await this.care.visits(h.id)).filter((v) => v.visitedAt >= member.createdAt))).map((v) => ({ ...v, photoUrl: null })),
      visitLocationConsent: await this.media.locationConsent(actor.userId),
    };
  }

  private async people(members: HouseholdMember[], today: string): Promise<PersonFileView[]> {
    const ids = members.map((m) => m.userId);
    const [users, profiles, tags] = await Promise.all([this.repo.users(ids), this.repo.profiles(ids), this.schedule.memberTags(undefined, ids, today)]);
    const user = new Map(users.map((u) => [u.id, u]));
    const profile = new Map(profiles.map((p) => [p.userId, p]));
    const dec = (v: string | null) => (v ? this.crypto.decrypt(v) : null);
    return members.map((m) => {
      const u = user.get(m.userId);
      const p = profile.get(m.userId);
      const ownPhone = dec(u?.phoneCipher ?? null);
      return {
        userId: m.userId,
        name: u?.name ?? '',
        relation: m.relation,
        residenceType: m.residenceType,
        arrivedOn: m.arrivedOn,
        endedOn: m.endedOn,
        endReason: m.endReason,
        age: u ? ageOn(today, p?.birthDate ?? null, u.birthYear) : null,
        idNumber: dec(p?.idNumberCipher ?? null),
        birthDate: p?.birthDate ?? null,
        gender: p?.gender ?? null,
        phones: [...(ownPhone ? [ownPhone] : []), ...((JSON.parse(dec(p?.phonesCipher ?? null) ?? '[]') as string[]).filter((x) => x !== ownPhone))],
        emergencyContact: JSON.parse(dec(p?.emergencyCipher ?? null) ?? 'null') as EmergencyContact | null,
        notes: dec(p?.notesCipher ?? null),
        tags: tags.get(m.userId) ?? [],
        provenance: p?.provenance ?? {},
      };
    });
  }
}
