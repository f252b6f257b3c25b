import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../common/actor.js';
import { FieldCrypto } from '../common/field-crypto.js';
import { Household, HouseholdMember } from '../households/household.entity.js';
import { PersonProfile, PersonTagRow } from '../households/person-profile.entity.js';
import { RoleAssignment } from '../members/role-assignment.entity.js';
import { User } from '../members/user.entity.js';
import { RosterLink, SamePersonPair, VerificationTask, type RosterImport } from './roster.entities.js';
import { RosterRepository } from './roster.repository.js';

/**
 * Rolling back a whole import: exactly what its rows' `effects` say it wrote is removed, in one
 * transaction — allowed only while nothing later builds on it; otherwise the reasons are listed.
 */
@Injectable()
export class RosterUndo {
  constructor(
    private readonly repo: RosterRepository,
    private readonly crypto: FieldCrypto,
  ) {}

  async blockers(em: EntityManager, imp: RosterImport): Promise<string[]> {
    const rows = await this.repo.committedRowsOf(imp.id, em);
    const out: string[] = [];
    const userIds = rows.flatMap((r) => (r.userId && r.effects ? [r.userId] : []));
    const later = await this.repo.laterRowsTouching(imp.id, userIds, imp.committedAt ?? imp.createdAt, em);
    if (later) out.push(`之后的导入又用到了其中${later}人的档案，请先撤销之后的导入`);
    const tasks = (await this.repo.tasksOf(userIds, em)).filter((t) => t.importId === imp.id && t.status === 'resolved');
    if (tasks.length) out.push(`其中${tasks.length}条核验已由网格员处理`);
    const pairs = (await this.repo.pairsOfImport(imp.id, em)).filter((p) => p.status !== 'open');
    if (pairs.length) out.push(`已对其中${pairs.length}对“可能同一人”作出判断`);
    const created = rows.flatMap((r) => (r.effects?.createdHouseholdId ? [r.effects.createdHouseholdId] : []));
    const visits = await this.repo.visitsTo(created, em);
    if (visits.length) out.push(`新建的户中已有${new Set(visits.map((v) => v.householdId)).size}户有走访记录`);
    const createdUsers = await this.repo.users(rows.flatMap((r) => (r.effects?.createdUser && r.userId ? [r.userId] : [])), em);
    const active = createdUsers.filter((u) => u.openid);
    if (active.length) out.push(`新建的人员中已有${active.length}人登录了小程序`);
    return out;
  }

  async run(em: EntityManager, imp: RosterImport, _actor: Actor): Promise<void> {
    const rows = await this.repo.committedRowsOf(imp.id, em);
    const effects = rows.flatMap((r) => (r.effects && r.userId ? [{ userId: r.userId, ...r.effects }] : []));
    const createdUsers = effects.filter((e) => e.createdUser).map((e) => e.userId);
    const createdProfiles = effects.filter((e) => e.createdProfile).map((e) => e.userId);
    await this.repo.undo(em, PersonTagRow, effects.flatMap((e) => e.tagIds ?? []));
    await this.repo.undo(em, HouseholdMember, effects.flatMap((e) => (e.membershipId ? [e.membershipId] : [])));
    await this.repo.undo(em, RosterLink, effects.flatMap((e) => (e.linkId ? [e.linkId] : [])));
    await this.repo.undo(em, VerificationTask, effects.flatMap((e) => (e.taskIds ?? []).filter((t) => !t.startsWith('+'))));
    await this.removeAppended(em, imp.id, [...new Set(effects.flatMap((e) => (e.taskIds ?? []).filter((t) => t.startsWith('+')).map((t) => t.slice(1))))]);
    await this.repo.undo(em, SamePersonPair, [imp.id], 'importId');
    await this.repo.undo(em, PersonProfile, createdProfiles, 'userId');
    for (const e of effects.filter((x) => x.filled?.length && !x.createdProfile)) {
      const [p] = await this.repo.profiles([e.userId], em);
      if (!p) continue;
      const next = { ...p, provenance: { ...p.provenance } };
      for (const f of e.filled!) {
        delete next.provenance[f];
        if (f === 'idNumber') Object.assign(next, { idNumberCipher: null, idNumberHash: null });
        if (f === 'phones') next.phonesCipher = null;
        if (f === 'birthDate') next.birthDate = null;
        if (f === 'gender') next.gender = null;
      }
      await this.repo.updateProfile(em, next);
    }
    await this.repo.undo(em, RoleAssignment, createdUsers, 'userId');
    await this.repo.undo(em, User, createdUsers);
    await this.repo.undo(em, Household, effects.flatMap((e) => (e.createdHouseholdId ? [e.createdHouseholdId] : [])));
  }

  /** Values this import added to other imports' open tasks are taken off again. */
  private async removeAppended(em: EntityManager, importId: string, taskIds: string[]): Promise<void> {
    for (const id of taskIds) {
      const t = await this.repo.task(id, em);
      if (!t) continue;
      const values = JSON.parse(this.crypto.decrypt(t.valuesCipher)) as { value: string; importId?: string }[];
      const gone = values.filter((v) => v.importId === importId).map((v) => this.crypto.hash(`${t.field}|${v.value.replace(/\s/g, '')}`));
      await this.repo.updateTask(em, id, { valuesCipher: this.crypto.encrypt(JSON.stringify(values.filter((v) => v.importId !== importId))), seenKeys: t.seenKeys.filter((k) => !gone.includes(k)) });
    }
  }
}
