import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Enrollment } from './enrollment.entity.js';
import type { EnrollmentSlot } from './enrollment-slot.entity.js';

/** What an owner (activities, volunteer shifts, meetings) may do when its enrollments change. */
export interface EnrollmentOwnerHooks {
  /** Runs in the same transaction as the change; throwing rolls the change back. */
  onAttended?(em: EntityManager, enrollment: Enrollment, slot: EnrollmentSlot): Promise<void>;
}

/** Owners register by owner type at startup (`onModuleInit`); the engine calls them. */
@Injectable()
export class EnrollmentHooks {
  private readonly owners = new Map<string, EnrollmentOwnerHooks>();

  register(ownerType: string, hooks: EnrollmentOwnerHooks): void {
    this.owners.set(ownerType, hooks);
  }

  of(ownerType: string): EnrollmentOwnerHooks {
    return this.owners.get(ownerType) ?? {};
  }
}
