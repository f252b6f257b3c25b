import { Injectable } from '@nestjs/common';
import type { EnrollmentView } from '@honglin/shared';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../common/actor.js';
import { AppError } from '../common/app-error.js';
import { assertManages } from '../common/scope.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import type { Enrollment } from './enrollment.entity.js';
import { EnrollmentRepository } from './enrollment.repository.js';
import { EnrollmentService } from './enrollment.service.js';

/** HTTP-facing wrappers: one transaction each, organiser actions scoped to the slot's org node. */
@Injectable()
export class EnrollmentActions {
  constructor(
    private readonly engine: EnrollmentService,
    private readonly repo: EnrollmentRepository,
    private readonly tx: TransactionRunner,
  ) {}

  async cancelOwn(actor: Actor, id: string): Promise<EnrollmentView> {
    return this.engine.view(await this.tx.run((em) => this.engine.cancel(em, id, { userId: actor.userId })));
  }

  async accept(actor: Actor, id: string): Promise<EnrollmentView> {
    return this.engine.view(await this.tx.run((em) => this.engine.acceptOffer(em, id, actor.userId)));
  }

  approve(actor: Actor, id: string): Promise<EnrollmentView> {
    return this.managed(actor, id, (em) => this.engine.approve(em, id, actor.userId));
  }

  reject(actor: Actor, id: string, reason?: string): Promise<EnrollmentView> {
    return this.managed(actor, id, (em) => this.engine.reject(em, id, actor.userId, reason));
  }

  organiserCancel(actor: Actor, id: string): Promise<EnrollmentView> {
    return this.managed(actor, id, (em) => this.engine.cancel(em, id, { userId: actor.userId, organiser: true }));
  }

  markAttendance(actor: Actor, id: string, attended: boolean): Promise<EnrollmentView> {
    return this.managed(actor, id, (em) => this.engine.markAttendance(em, id, attended));
  }

  /** Out-of-scope enrollments are simply not found. */
  private async managed(actor: Actor, id: string, fn: (em: EntityManager) => Promise<Enrollment>): Promise<EnrollmentView> {
    const e = await this.repo.enrollment(id);
    const slot = e ? await this.repo.slot(e.slotId) : null;
    if (!slot) throw AppError.notFound();
    assertManages(actor, slot.nodePath);
    return this.engine.view(await this.tx.run(fn));
  }
}
