import { Injectable } from '@nestjs/common';
import type { CaseView, VisitFollowupRequest } from '@honglin/shared';
import type { Actor } from '../common/actor.js';
import { AppError } from '../common/app-error.js';
import { clock } from '../common/clock.js';
import { manages } from '../common/scope.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { CASE_STAFF, relationTo } from './case-access.js';
import { CasePlaces } from './case-places.js';
import { CaseViews } from './case-views.js';
import { CaseWorkflow } from './case-workflow.js';
import { CasesRepository } from './cases.repository.js';

/**
 * A need found on a visit (走访发现) that the grid cannot settle in the household — a leaking roof, a
 * dispute with the neighbour below — raised as a case on the one workflow: about the household's
 * building, for the person seen (or the household's head) as the party told of every step, filed by
 * the visitor. Reads the households' visit; the households domain does not change.
 */
@Injectable()
export class VisitFollowupsService {
  constructor(
    private readonly repo: CasesRepository,
    private readonly places: CasePlaces,
    private readonly workflow: CaseWorkflow,
    private readonly views: CaseViews,
    private readonly tx: TransactionRunner,
  ) {}

  async raise(actor: Actor, visitId: string, dto: VisitFollowupRequest): Promise<CaseView> {
    const found = await this.repo.visitWithHousehold(visitId);
    if (!found) throw AppError.notFound();
    const place = await this.places.place(found.household.buildingId);
    if (!manages(actor, place.path, CASE_STAFF)) throw AppError.notFound();
    const party = found.visit.seenUserIds[0] ?? found.headUserId;
    if (!party) throw new AppError('CASE_PROXY_NOT_ALLOWED');
    const handlerId = await this.places.handlerFor(place, dto.category);
    const c = await this.workflow.build({ kind: 'visit_followup', category: dto.category, text: dto.text, reporterId: party, filedById: actor.userId, place, handlerId }, clock.now());
    await this.tx.run((em) => this.workflow.insert(em, c));
    return this.views.one(c, actor.userId, relationTo(actor, c, false));
  }
}
