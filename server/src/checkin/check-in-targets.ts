import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { CheckIn } from './check-in.entity.js';

/** What the check-in mechanism needs to know about one target, as its domain describes it. */
export interface CheckInTargetInfo {
  title: string;
  /** QR and geofence check-ins are accepted in [opensAt, closesAt); after lateAfter they count as late. */
  window: { opensAt: Date; closesAt: Date; lateAfter?: Date };
  /** Attendance closed for good (meeting closed or cancelled): nothing more is accepted, not even assisted. */
  finalized: boolean;
  place?: { lat: number; lng: number; radiusM: number };
  /** The organiser allows checking in by location inside `place`. */
  allowGeofence: boolean;
  /** Org path of the node the target belongs to: who may show its QR code or mark people present. */
  nodePath: string;
}

/**
 * A domain that people check in to (meetings, activities, volunteer shifts) registers one resolver
 * with CheckInTargets at start-up (`onModuleInit`). The check-in mechanism owns tokens, nonces,
 * windows, geofences and the refusal reasons; the resolver answers the domain questions:
 * - `describe`: window, place and scope of a target, null when it does not exist;
 * - `isInvited`: whether this person may check in (an invitation, an enrollment);
 * - `onCheckedIn`: runs in the SAME transaction as the check-in row (mark the enrollment attended…);
 *   it must not do network I/O. Points, if any, are the domain's business.
 */
export interface CheckInTargetResolver {
  readonly type: string;
  describe(targetId: string, em?: EntityManager): Promise<CheckInTargetInfo | null>;
  isInvited(targetId: string, userId: string, em?: EntityManager): Promise<boolean>;
  onCheckedIn(em: EntityManager, targetId: string, checkIn: CheckIn): Promise<void>;
}

/** The registry of check-in target types. */
@Injectable()
export class CheckInTargets {
  private readonly resolvers = new Map<string, CheckInTargetResolver>();

  register(resolver: CheckInTargetResolver): void {
    if (this.resolvers.has(resolver.type)) throw new Error(`check-in target type ${resolver.type} registered twice`);
    this.resolvers.set(resolver.type, resolver);
  }

  get(type: string): CheckInTargetResolver | undefined {
    return this.resolvers.get(type);
  }
}
