import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  judgeGeofence,
  type CheckInAssistRequest,
  type CheckInCodeRequest,
  type CheckInGeofenceRequest,
  type CheckInMethod,
  type CheckInQrView,
  type CheckInRedeemRequest,
  type CheckInResult,
  type CheckInView,
} from '@honglin/shared';
import type { Actor } from '../common/actor.js';
import { AppError } from '../common/app-error.js';
import { newId } from '../common/ids.js';
import { assertManages } from '../common/scope.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { ProxyActions } from '../family/proxy-actions.service.js';
import { CheckInTargets, type CheckInTargetInfo, type CheckInTargetResolver } from './check-in-targets.js';
import { parseToken, shortCode, signatureValid, signToken, slotOfShortCode, slotStart, type ParsedToken } from './check-in-token.js';
import { CheckIn } from './check-in.entity.js';
import { CheckInRepository, isUniqueViolation } from './check-in.repository.js';
import { clock } from '../common/clock.js';

/** A token claiming to be issued this far in the future is forged (clocks of instances agree within this). */
const FUTURE_SKEW_MS = 5_000;
const MANAGERS = ['organiser', 'admin'] as const;

interface Attempt {
  userId: string;
  targetType: string;
  targetId: string;
  method: CheckInMethod;
  nonce: string | null;
  assistedBy?: string;
  reason?: string;
  distanceM?: number;
  forceStatus?: 'present' | 'late';
  /** Organisers may enter a paper roster after the end; nobody else may. */
  lateEntry?: boolean;
  /** Runs first in the check-in's transaction (hold the consent, write the acting-for record); throwing refuses the check-in. */
  within?: (em: EntityManager, row: CheckIn, info: CheckInTargetInfo) => Promise<void>;
}

/**
 * The one check-in mechanism: rotating signed QR codes, geofence and assisted check-in for any
 * registered target type. Every refusal is an AppError with a stable CHECKIN_* code.
 */
@Injectable()
export class CheckInService {
  /** Keys never change once written, so caching them is safe across instances. */
  private readonly keyCache = new Map<string, string>();

  constructor(
    private readonly targets: CheckInTargets,
    private readonly repo: CheckInRepository,
    private readonly tx: TransactionRunner,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly proxies: ProxyActions,
  ) {}

  /** The code the organiser's screen shows now; same for every instance within a rotation slot. */
  async currentQr(actor: Actor, targetType: string, targetId: string, now = clock.now()): Promise<CheckInQrView> {
    const { info } = await this.resolve(targetType, targetId);
    assertManages(actor, info.nodePath, MANAGERS);
    const secret = await this.ensureKey(targetType, targetId);
    const issuedAt = slotStart(now, this.config.CHECKIN_ROTATE_SECONDS);
    return {
      token: signToken(secret, targetType, targetId, issuedAt),
      code: shortCode(secret, targetType, targetId, issuedAt),
      issuedAt: issuedAt.toISOString(),
      expiresAt: new Date(issuedAt.getTime() + this.config.CHECKIN_TOKEN_TTL_SECONDS * 1000).toISOString(),
      refreshAt: new Date(issuedAt.getTime() + this.config.CHECKIN_ROTATE_SECONDS * 1000).toISOString(),
      rotateSeconds: this.config.CHECKIN_ROTATE_SECONDS,
    };
  }

  /** A scanned QR code. Forged and expired codes are refused before anything else is looked at. */
  async redeem(actor: Actor, req: CheckInRedeemRequest, now = clock.now()): Promise<CheckInResult> {
    const parsed = await this.verified(req.token, now);
    const attempt: Attempt = { userId: actor.userId, targetType: parsed.targetType, targetId: parsed.targetId, method: 'qr', nonce: req.nonce };
    return this.orReplay(attempt, async () => {
      if (now.getTime() > parsed.issuedAt.getTime() + this.config.CHECKIN_TOKEN_TTL_SECONDS * 1000) throw new AppError('CHECKIN_TOKEN_EXPIRED');
      return this.attempt(attempt, now);
    });
  }

  /**
   * The QR's six digits typed on the target's page: the same key, slot, expiry and nonce replay as a
   * scan. A code of a slot past the lifetime (looked back as far again) is called expired, not wrong.
   */
  async redeemCode(actor: Actor, req: CheckInCodeRequest, now = clock.now()): Promise<CheckInResult> {
    const attempt: Attempt = { userId: actor.userId, targetType: req.targetType, targetId: req.targetId, method: 'qr', nonce: req.nonce };
    return this.orReplay(attempt, async () => {
      await this.resolve(req.targetType, req.targetId);
      const secret = await this.findKey(req.targetType, req.targetId);
      const ttl = this.config.CHECKIN_TOKEN_TTL_SECONDS;
      const slot = secret ? slotOfShortCode(secret, req.targetType, req.targetId, req.code, now, this.config.CHECKIN_ROTATE_SECONDS, ttl * 2) : null;
      if (!slot) throw new AppError('CHECKIN_CODE_WRONG');
      if (now.getTime() > slot.getTime() + ttl * 1000) throw new AppError('CHECKIN_CODE_EXPIRED');
      return this.attempt(attempt, now);
    });
  }

  /** Checking in by location, where the organiser allowed it. The coordinates are not stored. */
  async geofence(actor: Actor, req: CheckInGeofenceRequest, now = clock.now()): Promise<CheckInResult> {
    const attempt: Attempt = { userId: actor.userId, targetType: req.targetType, targetId: req.targetId, method: 'geofence', nonce: req.nonce };
    return this.orReplay(attempt, async () => {
      const { info } = await this.resolve(req.targetType, req.targetId);
      if (!info.allowGeofence || !info.place) throw new AppError('CHECKIN_GEOFENCE_DISABLED');
      const verdict = judgeGeofence(info.place, { lat: req.lat, lng: req.lng, accuracyM: req.accuracyM });
      if (!verdict.inside) throw new AppError(verdict.reason === 'imprecise' ? 'CHECKIN_LOCATION_IMPRECISE' : 'CHECKIN_OUTSIDE_AREA');
      return this.attempt({ ...attempt, distanceM: Math.round(verdict.distanceM) }, now);
    });
  }

  /** An organiser marks someone present (no phone, paper roster), recorded with who and why. */
  async assist(actor: Actor, req: CheckInAssistRequest, now = clock.now()): Promise<CheckInResult> {
    const { info } = await this.resolve(req.targetType, req.targetId);
    assertManages(actor, info.nodePath, MANAGERS);
    const acting = { actorUserId: actor.userId, subjectUserId: req.userId, consent: this.proxies.organiser(actor, info.nodePath, req.reason) };
    return this.attempt(
      {
        userId: req.userId,
        targetType: req.targetType,
        targetId: req.targetId,
        method: 'assisted',
        nonce: null,
        assistedBy: actor.userId,
        reason: req.reason,
        forceStatus: req.late ? 'late' : 'present',
        lateEntry: true,
        within: (em, row, i) => this.proxies.record(em, acting, { action: 'checkin', targetType: row.targetType, targetId: row.targetId, targetTitle: i.title }),
      },
      now,
    );
  }

  /**
   * Someone at the venue checks another person in (a family member with an older resident): the same
   * rotating code as a scan proves they are there; recorded as assisted, with who and why. `within`
   * holds the consent and writes the acting-for record in the check-in's transaction.
   */
  async redeemFor(actor: Actor, subjectUserId: string, req: CheckInRedeemRequest, reason: string, within: NonNullable<Attempt['within']>, now = clock.now()): Promise<CheckInResult> {
    const parsed = await this.verified(req.token, now);
    const attempt: Attempt = { userId: subjectUserId, targetType: parsed.targetType, targetId: parsed.targetId, method: 'assisted', nonce: req.nonce, assistedBy: actor.userId, reason, within };
    return this.orReplay(attempt, async () => {
      if (now.getTime() > parsed.issuedAt.getTime() + this.config.CHECKIN_TOKEN_TTL_SECONDS * 1000) throw new AppError('CHECKIN_TOKEN_EXPIRED');
      return this.attempt(attempt, now);
    });
  }

  /** Check-ins of some targets of one type, for the domain's own attendance views. */
  listFor(targetType: string, targetIds: string[]): Promise<CheckIn[]> {
    return this.repo.listFor(targetType, targetIds);
  }

  /** A genuine code of ours (expiry is judged by the caller, after a replay had its chance). */
  private async verified(token: string, now: Date): Promise<ParsedToken> {
    const parsed = parseToken(token);
    if (!parsed) throw new AppError('CHECKIN_TOKEN_FORGED');
    const secret = await this.findKey(parsed.targetType, parsed.targetId);
    if (!secret || !signatureValid(secret, parsed) || parsed.issuedAt.getTime() > now.getTime() + FUTURE_SKEW_MS) {
      throw new AppError('CHECKIN_TOKEN_FORGED');
    }
    return parsed;
  }

  private async attempt(a: Attempt, now: Date): Promise<CheckInResult> {
    // The invitation is read alongside the target: a scan is on every member's critical path at the door.
    const resolver = this.targets.get(a.targetType);
    const [info, invited] = await Promise.all([resolver?.describe(a.targetId), resolver?.isInvited(a.targetId, a.userId)]);
    if (!resolver || !info) throw new AppError('CHECKIN_TARGET_NOT_FOUND');
    const t = now.getTime();
    if (info.finalized) throw new AppError('CHECKIN_CLOSED');
    if (t < info.window.opensAt.getTime()) throw new AppError('CHECKIN_NOT_OPEN');
    // Organisers' assisted check-ins may be entered after the meeting, until attendance is closed.
    if (!a.lateEntry && t >= info.window.closesAt.getTime()) throw new AppError('CHECKIN_CLOSED');
    if (!invited) throw new AppError('CHECKIN_NOT_INVITED');
    // "Already checked in" is left to the unique key (target, user): no read on the hot path.
    const late = info.window.lateAfter && t > info.window.lateAfter.getTime();
    const row: CheckIn = {
      id: newId(),
      targetType: a.targetType,
      targetId: a.targetId,
      userId: a.userId,
      status: a.forceStatus ?? (late ? 'late' : 'present'),
      method: a.method,
      nonce: a.nonce,
      checkedInAt: now,
      assistedBy: a.assistedBy ?? null,
      reason: a.reason ?? null,
      distanceM: a.distanceM ?? null,
      createdAt: now,
    };
    try {
      await this.tx.run(async (em) => {
        await a.within?.(em, row, info);
        await this.repo.insert(row, em);
        await resolver.onCheckedIn(em, a.targetId, row);
      });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      // Lost a race with our own retry (same nonce) or a second device: answer as if sequential.
      const replay = a.nonce ? await this.replayed(a.userId, a.nonce, a.targetType, a.targetId) : null;
      if (replay) return replay;
      throw new AppError('CHECKIN_ALREADY_DONE');
    }
    return { checkIn: view(row), replayed: false, targetTitle: info.title };
  }

  /**
   * Idempotency by nonce without a read on the hot path: only when a scan is refused (or loses the
   * unique key) do we look for an earlier scan with the same nonce and answer with its result.
   */
  private async orReplay(a: Attempt, run: () => Promise<CheckInResult>): Promise<CheckInResult> {
    try {
      return await run();
    } catch (error) {
      if (!(error instanceof AppError) || !a.nonce) throw error;
      const replay = await this.replayed(a.userId, a.nonce, a.targetType, a.targetId);
      if (replay) return replay;
      throw error;
    }
  }

  /** The first answer again for a nonce already used by this person on this target. */
  private async replayed(userId: string, nonce: string, targetType: string, targetId: string): Promise<CheckInResult | null> {
    const prior = await this.repo.findByNonce(userId, nonce);
    if (!prior) return null;
    if (prior.targetType !== targetType || prior.targetId !== targetId) throw new AppError('CHECKIN_NONCE_REUSED');
    const described = await this.targets.get(targetType)?.describe(targetId);
    return { checkIn: view(prior), replayed: true, targetTitle: described?.title ?? '' };
  }

  private async resolve(type: string, id: string): Promise<{ resolver: CheckInTargetResolver; info: CheckInTargetInfo }> {
    const resolver = this.targets.get(type);
    const info = resolver ? await resolver.describe(id) : null;
    if (!resolver || !info) throw new AppError('CHECKIN_TARGET_NOT_FOUND');
    return { resolver, info };
  }

  private async findKey(type: string, id: string): Promise<string | null> {
    const cacheKey = `${type}:${id}`;
    const cached = this.keyCache.get(cacheKey);
    if (cached) return cached;
    const key = await this.repo.findKey(type, id);
    if (key) this.remember(cacheKey, key.secret);
    return key?.secret ?? null;
  }

  private async ensureKey(type: string, id: string): Promise<string> {
    const found = await this.findKey(type, id);
    if (found) return found;
    await this.tx.run((em) =>
      this.repo.insertKeyIfAbsent({ id: newId(), targetType: type, targetId: id, secret: randomBytes(32).toString('base64url'), createdAt: clock.now() }, em),
    );
    const secret = await this.findKey(type, id);
    if (!secret) throw new Error('check-in key not stored');
    return secret;
  }

  private remember(cacheKey: string, secret: string) {
    if (this.keyCache.size > 10_000) this.keyCache.clear();
    this.keyCache.set(cacheKey, secret);
  }
}

export function view(c: CheckIn): CheckInView {
  return {
    id: c.id,
    targetType: c.targetType,
    targetId: c.targetId,
    userId: c.userId,
    status: c.status,
    method: c.method,
    checkedInAt: c.checkedInAt.toISOString(),
    assistedBy: c.assistedBy,
    reason: c.reason,
  };
}
