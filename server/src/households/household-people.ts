import { Injectable } from '@nestjs/common';
import { ageOn, chinaDay, type Companion } from '@honglin/shared';
import { clock } from '../common/clock.js';
import { HouseholdsRepository } from './households.repository.js';

/**
 * “Collect once” for the rest of the product: what the ledger already knows about the people a
 * person lives with, so a form elsewhere (an activity's companions, 代办) offers them instead of
 * asking for names and ages again. Only names and ages: nothing a household member could not see
 * at their own kitchen table.
 */
@Injectable()
export class HouseholdPeople {
  constructor(private readonly repo: HouseholdsRepository) {}

  /** The other current members of `userId`'s household, as companions (name and age from the ledger). */
  async coMembers(userId: string, now = clock.now()): Promise<Companion[]> {
    const mine = await this.repo.activeMembership(userId);
    if (!mine) return [];
    const others = (await this.repo.members([mine.householdId], true)).filter((m) => m.userId !== userId).map((m) => m.userId);
    const [users, profiles] = await Promise.all([this.repo.users(others), this.repo.profiles(others)]);
    const birth = new Map(profiles.map((p) => [p.userId, p.birthDate]));
    const today = chinaDay(now);
    return users
      .filter((u) => !u.deletedAt)
      .map((u) => ({ name: u.name, age: ageOn(today, birth.get(u.id) ?? null, u.birthYear) }))
      .filter((c): c is Companion => c.age !== null);
  }
}
