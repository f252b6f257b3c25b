import { Injectable } from '@nestjs/common';
import { VISIT_METHOD_LABELS, VISIT_SITUATION_LABELS, type FamilyCareView } from '@honglin/shared';
import { AuditTrail } from '../audit/audit-trail.service.js';
import type { Actor } from '../common/actor.js';
import { FamilyLinksService } from '../family/family-links.service.js';
import { CareRepository } from './care.repository.js';
import { HouseholdsRepository } from './households.repository.js';
import { label } from './care-views.js';
import type { CareVisit } from './care-visit.entity.js';

/**
 * 亲情账号 and the grid's care: a family member with an active link sees the elder's visits (who came,
 * when, how the elder was) and the warnings about the elder or their household. Staff notes, needs
 * and health remarks stay with the grid: the summary says only what a neighbour at the door would.
 * The read is audited with the elder as subject, so it shows in the elder's 谁查看了我的数据.
 */
@Injectable()
export class FamilyCare {
  constructor(
    private readonly links: FamilyLinksService,
    private readonly households: HouseholdsRepository,
    private readonly care: CareRepository,
    private readonly audit: AuditTrail,
  ) {}

  async view(actor: Actor, elderId: string): Promise<FamilyCareView> {
    const link = await this.links.requireActive(actor, elderId);
    const [elder] = await this.households.users([elderId]);
    const member = await this.households.activeMembership(elderId);
    const h = member ? await this.households.household(member.householdId) : null;
    await this.audit.record(actor, { action: 'family.care.read', subjects: [elderId], resourceId: link.id, role: 'family' });
    const base = { elder: { id: elderId, name: elder?.name ?? '' } };
    if (!member || !h) return { ...base, household: null, nextDueOn: null, visits: [], warnings: [] };
    // Only the elder's time in this household: an earlier occupant's visits are not theirs to show.
    const visits = (await this.care.visits(h.id)).filter((v) => v.visitedAt >= member.createdAt);
    const replaced = new Set(visits.map((v) => v.correctsVisitId).filter(Boolean));
    const standing = visits.filter((v) => !replaced.has(v.id));
    const names = new Map((await this.households.users(standing.flatMap((v) => [v.visitorId, ...v.seenUserIds]))).map((u) => [u.id, u.name]));
    const warnings = (await this.care.warningsOf(h.id)).filter((w) => (w.subjectUserId === elderId || w.subjectUserId === null) && w.raisedAt >= member.createdAt);
    const [building] = await this.households.nodes([h.buildingId]);
    return {
      ...base,
      household: { label: label(h.unit, h.room, building?.name) },
      nextDueOn: h.nextDueOn,
      visits: standing.map((v) => ({ id: v.id, visitedAt: v.visitedAt.toISOString(), visitorName: names.get(v.visitorId) ?? '', method: v.method, situation: v.situation, summary: summary(v, names) })),
      warnings: warnings.map((w) => ({ id: w.id, level: w.level, status: w.status, sentence: w.sentence, raisedAt: w.raisedAt.toISOString(), acknowledgedAt: w.acknowledgedAt?.toISOString() ?? null, resolvedAt: w.resolvedAt?.toISOString() ?? null, resolutionNote: w.resolutionNote })),
    };
  }
}

/** e.g. “网格员周敏入户走访，见到张秀英，情况正常，登记了1件需要帮忙的事。” */
function summary(v: CareVisit, names: Map<string, string>): string {
  const seen = v.seenUserIds.map((id) => names.get(id)).filter(Boolean);
  const parts = [`网格员${names.get(v.visitorId) ?? ''}${VISIT_METHOD_LABELS[v.method]}走访`, seen.length ? `见到${seen.join('、')}` : null, `情况${VISIT_SITUATION_LABELS[v.situation]}`, v.needs.length ? `登记了${v.needs.length}件需要帮忙的事` : null];
  return `${parts.filter(Boolean).join('，')}。`;
}

