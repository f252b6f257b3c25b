import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Enrollment } from './enrollment.entity.js';
import type { EnrollmentSlot } from './enrollment-slot.entity.js';

/** What an owner (activities, volunteer shifts, meetings) may do when its enrollments change. */
export interface EnrollmentOwnerHooks {
  /** Runs in the same transaction as the change; throwing rolls the change back. */
  onAttended?(em: EntityManager, enrollment: Enrollment, slot: EnrollmentSlot): Promise<void>;
  /** Runs in the sign-up's transaction after eligibility, before a place is taken; throwing refuses it (shifts refuse overlaps). */
  beforeEnrol?(em: EntityManager, slot: EnrollmentSlot, userId: string): Promise<void>;
}

/** Where a person's skills come from (volunteer profiles); without one, nobody has any. */
export type SkillsProvider = (em: EntityManager, userId: string) => Promise<string[]>;

/** Owners register by owner type at startup (`onModuleInit`); the engine calls them. */
@Injectable()
export class EnrollmentHooks {
  private readonly owners = new Map<string, EnrollmentOwnerHooks>();
  private skills: SkillsProvider | null = null;

  /** One provider of skills for eligibility (the volunteer profile), registered at startup. */
  provideSkills(provider: SkillsProvider): void {
    this.skills = provider;
  }

  skillsOf(em: EntityManager, userId: string): Promise<string[]> {
    return this.skills ? this.skills(em, userId) : Promise.resolve([]);
  }

  register(ownerType: string, hooks: EnrollmentOwnerHooks): void {
    this.owners.set(ownerType, hooks);
  }

  of(ownerType: string): EnrollmentOwnerHooks {
    return this.owners.get(ownerType) ?? {};
  }
}
