import { Inject, Injectable } from '@nestjs/common';
import { join } from 'node:path';
import { VISIT_PHOTO_MAX_BYTES, type RecordVisitRequest } from '@honglin/shared';
import type { Actor } from '../common/actor.js';
import { AppError } from '../common/app-error.js';
import { ImageStore } from '../common/image-store.js';
import { clock } from '../common/clock.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { ConsentRecords } from '../privacy/consent-records.service.js';
import { CareRepository } from './care.repository.js';
import { assertInGrid } from './grid-scope.js';
import { HouseholdsRepository } from './households.repository.js';

/**
 * A visit's photo and location. The photo goes through the one ImageStore (it re-encodes, so EXIF and
 * GPS never reach the disk) and is served to grid staff of the household only. A location is
 * whereabouts (PIPL sensitive): kept only when everyone seen on the visit has said yes in 我的档案,
 * and refused, not silently dropped, otherwise, so the form never shows a location nobody kept.
 */
@Injectable()
export class VisitMedia {
  private readonly store: ImageStore;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly consents: ConsentRecords,
    private readonly care: CareRepository,
    private readonly households: HouseholdsRepository,
    private readonly tx: TransactionRunner,
  ) {
    this.store = new ImageStore(join(config.uploadDir, 'visit-photos'));
  }

  /** Checks the location's consent and stores the photo; call before the visit's transaction (disk I/O). */
  async prepare(dto: RecordVisitRequest, seenUserIds: string[]): Promise<{ photoFileName: string | null; lat: number | null; lng: number | null }> {
    if (dto.location) {
      const allowed = await this.consents.visitLocationAllowed(seenUserIds);
      if (!seenUserIds.length || seenUserIds.some((id) => !allowed.has(id))) throw new AppError('VISIT_LOCATION_NO_CONSENT');
    }
    const photo = dto.photo ? await this.store.save(dto.photo, VISIT_PHOTO_MAX_BYTES, 'VISIT_PHOTO_INVALID') : null;
    return { photoFileName: photo?.fileName ?? null, lat: dto.location?.lat ?? null, lng: dto.location?.lng ?? null };
  }

  /** 我的档案: the resident says yes or no; a consent record either way (their history in 我的数据). */
  async setLocationConsent(actor: Actor, allow: boolean): Promise<{ visitLocationConsent: boolean }> {
    const current = (await this.consents.visitLocationAllowed([actor.userId])).has(actor.userId);
    if (current !== allow) await this.tx.run((em) => this.consents.visitLocation(em, actor.userId, allow, clock.now()));
    return { visitLocationConsent: allow };
  }

  async consentedAmong(userIds: string[]): Promise<string[]> {
    const allowed = await this.consents.visitLocationAllowed(userIds);
    return userIds.filter((id) => allowed.has(id));
  }

  async locationConsent(userId: string): Promise<boolean> {
    return (await this.consents.visitLocationAllowed([userId])).has(userId);
  }

  /** Grid staff of the household's grid only; anyone else gets a 404, as for the household itself. */
  async photo(actor: Actor, visitId: string): Promise<{ mime: string; bytes: Buffer }> {
    const v = await this.care.visit(visitId);
    const h = v ? await this.households.household(v.householdId) : null;
    if (!v || !h) throw AppError.notFound();
    assertInGrid(actor, h.path);
    const file = v.photoFileName ? await this.store.read(v.photoFileName) : null;
    if (!file) throw AppError.notFound();
    return file;
  }
}
