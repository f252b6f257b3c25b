import { Inject, Injectable } from '@nestjs/common';
import { join } from 'node:path';
import { CASE_PHOTO_MAX_BYTES, CASE_PHOTOS_MAX } from '@honglin/shared';
import type { Actor } from '../common/actor.js';
import { AppError } from '../common/app-error.js';
import { clock } from '../common/clock.js';
import { newId } from '../common/ids.js';
import { ImageStore } from '../common/image-store.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { assertCanHandle, assertCanRead, relationTo } from './case-access.js';
import { CasePhotosRepository } from './case-photos.repository.js';
import { CasesRepository } from './cases.repository.js';

const THUMB_EDGE = 320;

/**
 * Report photos: uploaded one per request before the report is filed (so a slow phone connection
 * never loses a half-written report), re-encoded by the ImageStore — EXIF and GPS gone — and attached
 * when the report is filed; the handler adds after-photos. Served only to the case's readers.
 */
@Injectable()
export class CasePhotosService {
  private readonly store: ImageStore;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly repo: CasePhotosRepository,
    private readonly cases: CasesRepository,
    private readonly tx: TransactionRunner,
  ) {
    this.store = new ImageStore(join(config.uploadDir, 'case-photos'));
  }

  async upload(actor: Actor, dataUrl: string): Promise<{ id: string }> {
    const image = await this.store.save(dataUrl, CASE_PHOTO_MAX_BYTES, 'CASE_PHOTO_INVALID', { thumbnailEdge: THUMB_EDGE });
    const id = newId();
    await this.repo.insert({ id, caseId: null, uploadedBy: actor.userId, phase: 'report', fileName: image.fileName, thumbFileName: image.thumbnailFileName ?? null, bytes: image.bytes, createdAt: clock.now() });
    return { id };
  }

  /** The handler's photo of the work done. */
  async addAfter(actor: Actor, caseId: string, dataUrl: string): Promise<{ id: string }> {
    const c = await this.cases.find(caseId);
    if (!c) throw AppError.notFound();
    assertCanHandle(actor, c, relationTo(actor, c, false));
    const image = await this.store.save(dataUrl, CASE_PHOTO_MAX_BYTES, 'CASE_PHOTO_INVALID', { thumbnailEdge: THUMB_EDGE });
    const id = newId();
    await this.tx.run(async (em) => {
      if ((await this.repo.count(em, c.id, 'after')) >= CASE_PHOTOS_MAX) throw new AppError('CASE_PHOTOS_FULL');
      await this.repo.insert({ id, caseId: c.id, uploadedBy: actor.userId, phase: 'after', fileName: image.fileName, thumbFileName: image.thumbnailFileName ?? null, bytes: image.bytes, createdAt: clock.now() }, em);
    });
    return { id };
  }

  async read(actor: Actor, caseId: string, photoId: string, thumb: boolean): Promise<{ mime: string; bytes: Buffer }> {
    const c = await this.cases.find(caseId);
    if (!c) throw AppError.notFound();
    assertCanRead(actor, c, relationTo(actor, c, await this.cases.isFollower(c.id, actor.userId)));
    const p = await this.repo.find(c.id, photoId);
    const file = p && (await this.store.read(thumb && p.thumbFileName ? p.thumbFileName : p.fileName));
    if (!file) throw AppError.notFound();
    return file;
  }
}
