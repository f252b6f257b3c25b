import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { VolunteerImpactRecord } from './impact.entity.js';

/** The only place that builds queries over impact records. */
@Injectable()
export class ImpactRepository {
  constructor(private readonly ds: DataSource) {}

  async insert(em: EntityManager, r: Omit<VolunteerImpactRecord, 'createdAt'>): Promise<void> {
    await em.insert(VolunteerImpactRecord, em.create(VolunteerImpactRecord, r));
  }

  /** Every record of a campaign, oldest first (a handful per measure and week). */
  recordsOf(campaignId: string, em?: EntityManager): Promise<VolunteerImpactRecord[]> {
    return (em ?? this.ds.manager).find(VolunteerImpactRecord, { where: { campaignId }, order: { recordedAt: 'ASC', id: 'ASC' }, take: 2000 });
  }
}
