import { Inject, Injectable } from '@nestjs/common';
import { join } from 'node:path';
import { ACTIVITY_COVER_MAX_BYTES, type ActivityDetail } from '@honglin/shared';
import type { Actor } from '../common/actor.js';
import { AppError } from '../common/app-error.js';
import { ImageStore } from '../common/image-store.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { ActivitiesService } from './activities.service.js';

/** Activity covers: uploaded by the organiser, public to anyone who has the (unguessable) file name. */
@Injectable()
export class ActivityCovers {
  private readonly store: ImageStore;

  constructor(
    private readonly activities: ActivitiesService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.store = new ImageStore(join(config.uploadDir, 'activity-covers'));
  }

  async upload(actor: Actor, id: string, dataUrl: string): Promise<ActivityDetail> {
    await this.activities.managed(actor, id);
    const image = await this.store.save(dataUrl, ACTIVITY_COVER_MAX_BYTES, 'ACTIVITY_COVER_INVALID');
    return this.activities.setCover(actor, id, `/api/activity-covers/${image.fileName}`);
  }

  async file(fileName: string): Promise<{ mime: string; bytes: Buffer }> {
    const file = await this.store.read(fileName);
    if (!file) throw AppError.notFound();
    return file;
  }
}
