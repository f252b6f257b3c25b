import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ageOn, cadenceDays, chinaDay, nextDueDay, normalizeName, type PersonTag, type Provenance } from '@honglin/shared';
import { FieldCrypto } from '../common/field-crypto.js';
import { newId } from '../common/ids.js';
import { Household, HouseholdMember } from '../households/household.entity.js';
import { PersonProfile, PersonTagRow } from '../households/person-profile.entity.js';
import { RoleAssignment } from '../members/role-assignment.entity.js';
import { User } from '../members/user.entity.js';
import type { OrgNode } from '../organizations/org-node.entity.js';
import type { RosterRecord } from './roster-parse.js';
import { RosterLink, SamePersonPair, VerificationTask, type RowEffects } from './roster.entities.js';
import { RosterRepository } from './roster.repository.js';
import { Conflicts, type Person } from './roster-conflicts.js';
import { put, type ApplyRow, type RowResult, type RunState } from './roster-state.js';

export type { ApplyRow, RowResult, RunState };

const hkey = (buildingId: string, unit: string, room: string) => `${buildingId}|${unit}|${room}`;

/**
 * Matching and merging, one chunk of rows at a time. The same code runs the preview (write = false:
 * nothing is written, outcomes are computed) and the commit (inside the import's one transaction).
 * Exact key (the ID number's keyed hash, or this source's own earlier record, or a remembered
 * decision) → the same person; a resemblance without an ID number → the queue; nothing → a new person.
 */
@Injectable()
export class RosterApplier {
  constructor(
    private readonly repo: RosterRepository,
    private readonly crypto: FieldCrypto,
    private readonly conflicts: Conflicts,
  ) {}

  async chunk(em: EntityManager, st: RunState, rows: ApplyRow[]): Promise<RowResult[]> {
    const byHash = new Map((await this.repo.profilesByIdHash(rows.flatMap((r) => (r.idHash ? [r.idHash] : [])), em)).map((p) => [p.idNumberHash!, p.userId]));
    const links = new Map((await this.repo.links(st.source.id, rows.map((r) => r.recordKey), em)).map((l) => [l.recordKey, l.userId]));
    const noKey = rows.filter((r) => !r.idHash && !links.has(r.recordKey));
    const pairs = await this.repo.pairsByKeys(noKey.map((r) => r.recordKey), em);
    const named = await this.repo.usersNamed([...new Set(noKey.map((r) => r.record.name))], em);
    const ids = [...new Set([...byHash.values(), ...links.values(), ...named.map((u) => u.id)])];
    const persons = await this.conflicts.load(em, ids);
    await this.loadHouseholds(em, st, rows);
    const out: RowResult[] = [];
    for (const r of rows) {
      const target = (r.idHash && byHash.get(r.idHash)) || links.get(r.recordKey) || pairs.find((p) => p.recordKey === r.recordKey && p.status === 'same')?.userId;
      const h = this.householdFor(st, r.record);
      if (target && persons.get(target)) {
        out.push(await this.merge(em, st, r, persons.get(target)!, h, !links.has(r.recordKey)));
        continue;
      }
      if (!r.idHash) {
        const known = pairs.filter((p) => p.recordKey === r.recordKey);
        const candidates = named.filter((u) => this.resembles(st, r.record, persons.get(u.id)!) && !known.some((p) => p.userId === u.id && p.status === 'different'));
        if (candidates.length) {
          const fresh = candidates.filter((u) => !known.some((p) => p.userId === u.id));
          for (const u of fresh) put(st, SamePersonPair, { id: newId(), importId: st.importId, rowId: r.rowId, recordKey: r.recordKey, userId: u.id, path: st.community.path, evidence: this.evidence(st, r.record, persons.get(u.id)!), status: 'open', decidedBy: null, decidedAt: null, createdAt: st.now });
          out.push({ rowId: r.rowId, outcome: fresh.length ? 'queue' : 'unchanged', userId: null, effects: null });
          continue;
        }
      }
      if (!h) {
        out.push({ rowId: r.rowId, outcome: 'flag', userId: null, effects: null, note: { code: 'address_unknown', message: `住址“${r.record.address ?? '空'}”找不到对应的楼栋和门牌号（或不在您管辖的网格内），无法建档` } });
        continue;
      }
      out.push(await this.create(em, st, r, h));
    }
    return out;
  }

  /** Inserts what the chunk queued, in an order where every row's references exist first. */
  async flush(em: EntityManager, st: RunState): Promise<void> {
    // Households created in this chunk go in with their schedule already right: no UPDATE each afterwards.
    for (const h of (st.pending.get(Household) ?? []) as Household[]) this.schedule(st, h);
    for (const entity of [Household, User, RoleAssignment, PersonProfile, HouseholdMember, PersonTagRow, RosterLink, SamePersonPair, VerificationTask]) {
      const rows = st.pending.get(entity);
      if (rows?.length) await this.repo.insertAll(em, entity as new () => object, rows);
    }
    st.pending.clear();
  }

  /** Same name and (birth date + a phone in common, or the same household). */
  private resembles(st: RunState, r: RosterRecord, p: Person): boolean {
    if (normalizeName(p.user.name) !== r.nameKey) return false;
    const birth = p.profile?.birthDate ?? null;
    if (r.birthDate && birth === r.birthDate && r.phone && p.phones.includes(r.phone)) return true;
    return !!(r.building && p.household && p.householdKey === this.keyOf(st, r));
  }

  private evidence(st: RunState, r: RosterRecord, p: Person): string[] {
    const e = ['姓名相同'];
    if (r.birthDate && p.profile?.birthDate === r.birthDate) e.push('出生日期相同');
    if (r.phone && p.phones.includes(r.phone)) e.push('电话相同');
    if (p.householdKey && p.householdKey === this.keyOf(st, r)) e.push('住址相同');
    return e;
  }

  private keyOf(st: RunState, r: RosterRecord): string | null {
    const b = r.building ? st.buildings.get(r.building)?.id : undefined;
    return b && r.room ? hkey(b, r.unit, r.room) : null;
  }

  private async loadHouseholds(em: EntityManager, st: RunState, rows: ApplyRow[]): Promise<void> {
    const wanted = [...new Set(rows.flatMap((r) => (r.record.building && st.buildings.get(r.record.building) ? [st.buildings.get(r.record.building)!.id] : [])))];
    const missing = wanted.filter((b) => !st.loadedBuildings.has(b));
    for (const h of await this.repo.householdsInBuildings(missing, em)) st.households.set(hkey(h.buildingId, h.unit, h.room), h);
    for (const b of missing) st.loadedBuildings.add(b);
  }

  private householdFor(st: RunState, r: RosterRecord): { key: string; building: OrgNode; existing: Household | undefined } | null {
    const b = r.building ? st.buildings.get(r.building) : undefined;
    if (!b || !r.room) return null;
    const key = hkey(b.id, r.unit, r.room);
    return { key, building: b, existing: st.households.get(key) };
  }

  /** The household a row's person joins, created when the dwelling has no file yet. */
  private async ensureHousehold(_em: EntityManager, st: RunState, h: NonNullable<ReturnType<RosterApplier['householdFor']>>, effects: RowEffects): Promise<Household> {
    if (h.existing) return h.existing;
    const today = chinaDay(st.now);
    const p: Provenance = { source: 'import', sourceName: st.source.name, verifiedAt: st.now.toISOString(), by: st.actorId };
    const hh: Household = {
      id: newId(), buildingId: h.building.id, gridId: h.building.parentId!, communityId: st.community.id, path: h.building.path, unit: h.key.split('|')[1], room: h.key.split('|')[2], address: null,
      provenance: { room: p, unit: p }, cadenceDays: st.cadence.default, lastVisitAt: null, registeredOn: today, nextDueOn: today, createdBy: st.actorId, createdAt: st.now, updatedAt: st.now,
    };
    put(st, Household, hh);
    st.households.set(h.key, hh);
    st.newHouseholdTags.set(hh.id, new Set());
    effects.createdHouseholdId = hh.id;
    return hh;
  }

  private async create(em: EntityManager, st: RunState, r: ApplyRow, h: NonNullable<ReturnType<RosterApplier['householdFor']>>): Promise<RowResult> {
    const rec = r.record;
    const effects: RowEffects = { createdUser: true, createdProfile: true };
    const household = await this.ensureHousehold(em, st, h, effects);
    const userId = newId();
    const p: Provenance = { source: 'import', sourceName: st.source.name, verifiedAt: st.now.toISOString(), by: st.actorId };
    const birthYear = rec.birthDate ? Number(rec.birthDate.slice(0, 4)) : null;
    const tags = [...new Set([...st.source.impliedTags, ...rec.tags])];
    const membershipId = newId();
    const linkId = newId();
    effects.membershipId = membershipId;
    effects.linkId = linkId;
    effects.tagIds = tags.map(() => newId());
    {
      put(st, User, { id: userId, openid: null, unionid: null, name: rec.name, phoneCipher: null, phoneHash: null, birthYear, residenceNodeId: household.buildingId, branchNodeId: null, elderMode: birthYear !== null && birthYear < 1960, privacyVersion: null, privacyAcceptedAt: null, disabled: false, deletedAt: null, demoPersona: null, createdAt: st.now, updatedAt: st.now });
      put(st, RoleAssignment, { id: newId(), userId, role: 'resident', nodeId: household.buildingId, grantedBy: null, createdAt: st.now });
      const prov: Record<string, Provenance> = { name: p };
      for (const f of ['idNumber', 'birthDate', 'gender'] as const) if (rec[f]) prov[f] = p;
      if (rec.phone) prov.phones = p;
      put(st, PersonProfile, {
        userId, idNumberCipher: rec.idNumber ? this.crypto.encrypt(rec.idNumber) : null, idNumberHash: r.idHash, birthDate: rec.birthDate, gender: rec.gender,
        phonesCipher: rec.phone ? this.crypto.encrypt(JSON.stringify([rec.phone])) : null, emergencyCipher: null, notesCipher: null, provenance: prov, updatedAt: st.now,
      });
      put(st, HouseholdMember, { id: membershipId, householdId: household.id, userId, activeUserId: userId, relation: rec.relation, residenceType: rec.residence, arrivedOn: null, endedOn: null, endReason: null, createdBy: st.actorId, createdAt: st.now });
      tags.forEach((tag, i) => put(st, PersonTagRow, { id: effects.tagIds![i], userId, tag, source: 'import', sourceName: st.source.name, verifiedAt: st.now, setBy: st.actorId, removedAt: null, removedBy: null, createdAt: st.now }));
      put(st, RosterLink, { id: linkId, sourceId: st.source.id, recordKey: r.recordKey, userId, importId: st.importId, createdAt: st.now });
    }
    this.noteTags(st, household, tags, rec);
    return { rowId: r.rowId, outcome: 'create', userId, effects };
  }

  /** Cadence of a household the import created, from its members' tags and ages (kept in memory, written at the end). */
  private noteTags(st: RunState, h: Household, tags: string[], rec: RosterRecord): void {
    const set = st.newHouseholdTags.get(h.id);
    if (!set) {
      if (tags.length) st.touchedHouseholds.add(h.id);
      return;
    }
    for (const t of tags) set.add(t as PersonTag);
    const age = ageOn(chinaDay(st.now), rec.birthDate, rec.birthDate ? Number(rec.birthDate.slice(0, 4)) : null);
    if (age !== null && age >= 80) set.add('advanced_age');
  }

  private schedule(st: RunState, h: Household): boolean {
    const days = cadenceDays(st.newHouseholdTags.get(h.id) ?? [], st.cadence);
    if (days === h.cadenceDays) return false;
    h.cadenceDays = days;
    h.nextDueOn = nextDueDay(null, h.registeredOn, days);
    return true;
  }

  /** The schedule of households this run created and a later chunk changed (one UPDATE each); returns the existing households it touched. */
  async finishHouseholds(em: EntityManager, st: RunState): Promise<string[]> {
    const byId = new Map([...st.households.values()].map((h) => [h.id, h]));
    for (const id of st.newHouseholdTags.keys()) {
      const h = byId.get(id)!;
      if (this.schedule(st, h) && st.write) await em.update(Household, { id }, { cadenceDays: h.cadenceDays, nextDueOn: h.nextDueOn });
    }
    return [...st.touchedHouseholds];
  }

  private async merge(em: EntityManager, st: RunState, r: ApplyRow, person: Person, h: ReturnType<RosterApplier['householdFor']>, newLink: boolean): Promise<RowResult> {
    const effects: RowEffects = {};
    if (newLink) {
      effects.linkId = newId();
      put(st, RosterLink, { id: effects.linkId, sourceId: st.source.id, recordKey: r.recordKey, userId: person.user.id, importId: st.importId, createdAt: st.now });
    }
    await this.conflicts.fillAndFlag(em, st, r, person, effects);
    if (!person.household && h) {
      const household = await this.ensureHousehold(em, st, h, effects);
      effects.membershipId = newId();
      put(st, HouseholdMember, { id: effects.membershipId, householdId: household.id, userId: person.user.id, activeUserId: person.user.id, relation: r.record.relation, residenceType: r.record.residence, arrivedOn: null, endedOn: null, endReason: null, createdBy: st.actorId, createdAt: st.now });
      st.touchedHouseholds.add(household.id);
    } else if (person.household && h && person.householdKey !== h.key) {
      await this.conflicts.flag(em, st, r, person, 'address', person.householdLabel ?? '', r.record.address ?? '', effects);
    }
    const have = new Set(person.tags.map((t) => t.tag));
    const tags = [...new Set([...st.source.impliedTags, ...r.record.tags])].filter((t) => !have.has(t));
    if (tags.length) {
      effects.tagIds = tags.map(() => newId());
      tags.forEach((tag, i) => put(st, PersonTagRow, { id: effects.tagIds![i], userId: person.user.id, tag, source: 'import', sourceName: st.source.name, verifiedAt: st.now, setBy: st.actorId, removedAt: null, removedBy: null, createdAt: st.now }));
      if (person.household) st.touchedHouseholds.add(person.household.id);
    }
    const changed = Object.keys(effects).length > 0;
    return { rowId: r.rowId, outcome: changed ? 'merge' : 'unchanged', userId: person.user.id, effects: changed ? effects : null };
  }
}

