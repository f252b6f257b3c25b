import { Injectable } from '@nestjs/common';
import { CASE_CATEGORY_LABELS, reopenDecision, type CaseCategory, type CaseEventType, type CaseView, type SimilarCaseView } from '@honglin/shared';
import { clock } from '../common/clock.js';
import type { CaseRelation } from './case-access.js';
import type { CaseEvent } from './case-parts.entity.js';
import type { Case } from './case.entity.js';
import { CasePhotosRepository } from './case-photos.repository.js';
import { CasesRepository } from './cases.repository.js';

/** Steps a resident takes; everything else is staff (or the clock) and is named. */
const RESIDENT_STEPS: readonly CaseEventType[] = ['filed', 'followed', 'rated', 'reopened', 'withdrawn'];
const NO_RELATION: CaseRelation = { reporter: false, follower: false, handler: false, supervisor: false, staff: false };

/** Case views: neighbours never learn who reported; staff do, unless the reporter chose anonymity. */
@Injectable()
export class CaseViews {
  constructor(
    private readonly repo: CasesRepository,
    private readonly photos: CasePhotosRepository,
  ) {}

  async one(c: Case, viewerId: string, r: CaseRelation): Promise<CaseView> {
    const [view] = await this.many([c], viewerId, new Map([[c.id, r]]), await this.repo.timeline(c.id));
    return view;
  }

  async many(rows: Case[], viewerId: string, relations: Map<string, CaseRelation>, events: CaseEvent[] = []): Promise<CaseView[]> {
    if (!rows.length) return [];
    const now = clock.now();
    const people = new Map(
      (await this.repo.users([...rows.flatMap((c) => [c.handlerId, c.reporterId]), ...events.map((e) => e.actorId)].filter((x): x is string => !!x))).map((u) => [u.id, u.name]),
    );
    const nodes = new Map((await this.repo.nodes(rows.flatMap((c) => [c.buildingId, c.gridId, c.communityId]).filter((x): x is string => !!x))).map((n) => [n.id, n.name]));
    const counts = await this.repo.followerCounts(rows.map((c) => c.id));
    const photos = await this.photos.ofCases(rows.map((c) => c.id));
    return rows.map((c) => {
      const r = relations.get(c.id) ?? NO_RELATION;
      const name = (id: string | null) => (id ? (people.get(id) ?? null) : null);
      const party = r.reporter || r.follower;
      return {
        id: c.id,
        kind: c.kind,
        category: c.category,
        categoryLabel: CASE_CATEGORY_LABELS[c.category as CaseCategory] ?? c.category,
        status: c.status,
        text: c.text,
        place: { buildingId: c.buildingId, buildingName: c.buildingId ? (nodes.get(c.buildingId) ?? null) : null, gridName: c.gridId ? (nodes.get(c.gridId) ?? null) : null, communityName: nodes.get(c.communityId) ?? null },
        handler: c.handlerId ? { name: name(c.handlerId) ?? '' } : null,
        createdAt: c.createdAt.toISOString(),
        acceptDueAt: c.acceptDueAt.toISOString(),
        resolveDueAt: c.resolveDueAt?.toISOString() ?? null,
        overdue: !!c.dueAt && c.dueAt <= now,
        escalationLevel: c.escalationLevel,
        reopenCount: c.reopenCount,
        rating: c.rating,
        mergedIntoId: c.mergedIntoId,
        followers: counts.get(c.id) ?? 0,
        me: {
          reporter: r.reporter,
          follower: r.follower,
          handler: r.handler,
          staff: r.staff,
          canRate: party && c.status === 'resolved',
          canReopen: party && c.status === 'rated' && ['reopen', 'escalate'].includes(reopenDecision(c, now)),
        },
        reporter: r.staff && !c.anonymous ? { name: name(c.reporterId) ?? '' } : null,
        anonymous: Boolean(c.anonymous),
        timeline: events
          .filter((e) => e.caseId === c.id)
          .map((e) => ({
            id: e.id,
            type: e.type,
            at: e.at.toISOString(),
            actor: !e.actorId
              ? null
              : e.actorId === viewerId
                ? '我'
                : e.actorId === c.filedById && (r.reporter || r.staff)
                  ? `${name(e.actorId)}（代办）`
                  : RESIDENT_STEPS.includes(e.type)
                    ? r.staff && !c.anonymous
                      ? name(e.actorId)
                      : '居民'
                    : name(e.actorId),
            text: e.text,
          })),
        photos: photos.filter((p) => p.caseId === c.id).map((p) => ({ id: p.id, phase: p.phase, url: `/api/cases/${c.id}/photos/${p.id}` })),
      };
    });
  }

  async similar(rows: Case[]): Promise<SimilarCaseView[]> {
    const counts = await this.repo.followerCounts(rows.map((c) => c.id));
    return rows.map((c) => ({ id: c.id, category: c.category as CaseCategory, text: c.text.slice(0, 60), status: c.status, createdAt: c.createdAt.toISOString(), followers: counts.get(c.id) ?? 0 }));
  }
}
