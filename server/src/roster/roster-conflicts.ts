import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { FIELD_SOURCE_LABELS, normalizeName, type Provenance, type VerificationValue, type VerifyField } from '@honglin/shared';
import { FieldCrypto } from '../common/field-crypto.js';
import { newId } from '../common/ids.js';
import type { Household } from '../households/household.entity.js';
import { PersonProfile, type PersonTagRow } from '../households/person-profile.entity.js';
import type { User } from '../members/user.entity.js';
import { put, type ApplyRow, type RunState } from './roster-state.js';
import { VerificationTask, type RowEffects } from './roster.entities.js';
import { RosterRepository } from './roster.repository.js';

/** A person as the import compares them: the user row, the profile, the household, tags, phones, earlier verifications. */
export interface Person {
  user: User;
  profile: PersonProfile | null;
  household: Household | null;
  householdKey: string | null;
  householdLabel: string | null;
  phones: string[];
  tags: PersonTagRow[];
  tasks: VerificationTask[];
}

export const sourceLabel = (p: Provenance | undefined): string => (!p ? '原有记录' : p.source === 'import' && p.sourceName ? p.sourceName : FIELD_SOURCE_LABELS[p.source]);

/**
 * Where two records of one person disagree. Empty fields are filled (stamped 导入: source); a field
 * that holds a different value is never overwritten: both values go to a verification task for the
 * grid worker. A value already raised for that person and field is not raised again.
 */
@Injectable()
export class Conflicts {
  constructor(
    private readonly repo: RosterRepository,
    private readonly crypto: FieldCrypto,
  ) {}

  async load(em: EntityManager, ids: string[]): Promise<Map<string, Person>> {
    const [users, profiles, members, tags, tasks] = await Promise.all([this.repo.users(ids, em), this.repo.profiles(ids, em), this.repo.activeMemberships(ids, em), this.repo.tags(ids, em), this.repo.tasksOf(ids, em)]);
    const households = new Map((await this.repo.households(members.map((m) => m.householdId), em)).map((h) => [h.id, h]));
    const buildings = new Map((await this.repo.nodes([...households.values()].map((h) => h.buildingId), em)).map((n) => [n.id, n.name]));
    const out = new Map<string, Person>();
    for (const u of users) {
      if (u.deletedAt) continue;
      const profile = profiles.find((p) => p.userId === u.id) ?? null;
      const m = members.find((x) => x.userId === u.id);
      const h = m ? (households.get(m.householdId) ?? null) : null;
      const phones: string[] = profile?.phonesCipher ? JSON.parse(this.crypto.decrypt(profile.phonesCipher)) : [];
      if (u.phoneCipher) phones.push(this.crypto.decrypt(u.phoneCipher));
      out.set(u.id, {
        user: u, profile, household: h, householdKey: h ? `${h.buildingId}|${h.unit}|${h.room}` : null,
        householdLabel: h ? `${buildings.get(h.buildingId)}${h.unit ? `${h.unit}单元` : ''}${h.room}室` : null,
        phones: phones.map((p) => p.replace(/\D/g, '')), tags: tags.filter((t) => t.userId === u.id), tasks: tasks.filter((t) => t.userId === u.id),
      });
    }
    return out;
  }

  async fillAndFlag(em: EntityManager, st: RunState, r: ApplyRow, person: Person, effects: RowEffects): Promise<void> {
    const rec = r.record;
    const p: Provenance = { source: 'import', sourceName: st.source.name, verifiedAt: st.now.toISOString(), by: st.actorId };
    const profile: PersonProfile = person.profile ?? { userId: person.user.id, idNumberCipher: null, idNumberHash: null, birthDate: null, gender: null, phonesCipher: null, emergencyCipher: null, notesCipher: null, provenance: {}, updatedAt: st.now };
    const next = { ...profile, provenance: { ...profile.provenance } };
    const filled: string[] = [];
    if (rec.name && normalizeName(person.user.name) !== rec.nameKey) await this.flag(em, st, r, person, 'name', person.user.name, rec.name, effects);
    if (rec.idNumber && !profile.idNumberHash) {
      next.idNumberCipher = this.crypto.encrypt(rec.idNumber);
      next.idNumberHash = r.idHash;
      filled.push('idNumber');
    }
    for (const f of ['birthDate', 'gender'] as const) {
      if (!rec[f]) continue;
      if (!profile[f]) {
        (next as Record<string, unknown>)[f] = rec[f];
        filled.push(f);
      } else if (profile[f] !== rec[f]) await this.flag(em, st, r, person, f, profile[f]!, rec[f]!, effects);
    }
    if (rec.phone) {
      if (!person.phones.length) {
        next.phonesCipher = this.crypto.encrypt(JSON.stringify([rec.phone]));
        filled.push('phones');
      } else if (!person.phones.includes(rec.phone)) await this.flag(em, st, r, person, 'phone', person.phones[0], rec.phone, effects);
    }
    if (!filled.length) return;
    for (const f of filled) next.provenance[f] = p;
    effects.filled = filled;
    if (!person.profile) effects.createdProfile = true;
    if (!st.write) return;
    if (person.profile) await this.repo.updateProfile(em, next);
    else put(st, PersonProfile, next);
  }

  /** Keeps both values: a new task, or one more value on the open task for that field. */
  async flag(em: EntityManager, st: RunState, _r: ApplyRow, person: Person, field: VerifyField, existing: string, incoming: string, effects: RowEffects): Promise<void> {
    const seen = this.crypto.hash(`${field}|${incoming.replace(/\s/g, '')}`);
    const mine = person.tasks.filter((t) => t.field === field);
    if (mine.some((t) => t.seenKeys.includes(seen))) return;
    const value: VerificationValue & { importId: string } = { value: incoming, source: st.source.name, at: st.now.toISOString(), importId: st.importId };
    const open = mine.find((t) => t.status === 'open');
    effects.taskIds = [...(effects.taskIds ?? [])];
    if (open) {
      const values = [...JSON.parse(this.crypto.decrypt(open.valuesCipher)), value];
      open.valuesCipher = this.crypto.encrypt(JSON.stringify(values));
      open.seenKeys = [...open.seenKeys, seen];
      if (st.write) await this.repo.updateTask(em, open.id, { valuesCipher: open.valuesCipher, seenKeys: open.seenKeys });
      effects.taskIds.push(`+${open.id}`);
      return;
    }
    const prov = field === 'phone' ? person.profile?.provenance.phones : field === 'address' ? undefined : person.profile?.provenance[field];
    const first: VerificationValue = { value: existing, source: field === 'address' ? '户档案' : sourceLabel(prov), at: prov?.verifiedAt ?? person.user.createdAt?.toISOString?.() ?? st.now.toISOString() };
    const h = person.household;
    const task: VerificationTask = {
      id: newId(), userId: person.user.id, householdId: h?.id ?? null, communityId: h?.communityId ?? st.community.id, path: h?.path ?? st.community.path, field,
      valuesCipher: this.crypto.encrypt(JSON.stringify([first, value])), seenKeys: [this.crypto.hash(`${field}|${existing.replace(/\s/g, '')}`), seen], status: 'open',
      openKey: `${person.user.id}:${field}`, importId: st.importId, resolvedCipher: null, resolvedBy: null, resolvedAt: null, createdAt: st.now,
    };
    put(st, VerificationTask, task);
    person.tasks.push(task);
    effects.taskIds.push(task.id);
  }
}
