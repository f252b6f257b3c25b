import { Injectable } from '@nestjs/common';
import type { VisitView, WarningView } from '@honglin/shared';
import type { CareVisit } from './care-visit.entity.js';
import { HouseholdsRepository } from './households.repository.js';
import type { RiskWarning } from './risk-warning.entity.js';

export const label = (unit: string, room: string, building?: string) => `${building ?? ''}${unit ? `${unit}单元` : ''}${room}室`;

/** Visits and warnings as the pages show them, with the names they mention. */
@Injectable()
export class CareViews {
  constructor(private readonly repo: HouseholdsRepository) {}

  async visits(rows: CareVisit[]): Promise<VisitView[]> {
    const names = new Map((await this.repo.users(rows.flatMap((v) => [v.visitorId, ...v.seenUserIds]))).map((u) => [u.id, u.name]));
    const correctedBy = new Map(rows.filter((v) => v.correctsVisitId).map((v) => [v.correctsVisitId!, v.id]));
    return rows.map((v) => ({
      id: v.id,
      visitedAt: v.visitedAt.toISOString(),
      visitor: { id: v.visitorId, name: names.get(v.visitorId) ?? '' },
      method: v.method,
      seen: v.seenUserIds.map((id) => ({ id, name: names.get(id) ?? '' })),
      situation: v.situation,
      notes: v.notes,
      needs: v.needs,
      correctsVisitId: v.correctsVisitId,
      correctedBy: correctedBy.get(v.id) ?? null,
      photoUrl: v.photoFileName ? `/api/org/grid/visits/${v.id}/photo` : null,
      location: v.lat !== null && v.lng !== null ? { lat: v.lat, lng: v.lng } : null,
    }));
  }

  async warnings(rows: RiskWarning[]): Promise<WarningView[]> {
    const households = await this.repo.households(rows.map((w) => w.householdId).filter((x): x is string => !!x));
    const buildings = new Map((await this.repo.nodes(households.map((h) => h.buildingId))).map((n) => [n.id, n.name]));
    const hh = new Map(households.map((h) => [h.id, { id: h.id, label: label(h.unit, h.room, buildings.get(h.buildingId)) }]));
    const people = new Map((await this.repo.users(rows.map((w) => w.subjectUserId).filter((x): x is string => !!x))).map((u) => [u.id, u.name]));
    return rows.map((w) => ({
      id: w.id,
      rule: w.rule,
      level: w.level,
      status: w.status,
      sentence: w.sentence,
      household: w.householdId ? (hh.get(w.householdId) ?? null) : null,
      subject: w.subjectUserId ? { id: w.subjectUserId, name: people.get(w.subjectUserId) ?? '' } : null,
      raisedAt: w.raisedAt.toISOString(),
      ackDueAt: w.ackDueAt.toISOString(),
      escalation: Math.min(2, w.escalation) as 0 | 1 | 2,
      acknowledgedAt: w.acknowledgedAt?.toISOString() ?? null,
      resolvedAt: w.resolvedAt?.toISOString() ?? null,
      resolutionNote: w.resolutionNote,
    }));
  }
}
