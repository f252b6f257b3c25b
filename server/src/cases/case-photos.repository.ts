import { Injectable } from '@nestjs/common';
import { DataSource, In, IsNull, type EntityManager } from 'typeorm';
import { CasePhoto } from './case-parts.entity.js';

/** The only place that builds queries over case photos. */
@Injectable()
export class CasePhotosRepository {
  constructor(private readonly ds: DataSource) {}

  async insert(p: CasePhoto, em?: EntityManager): Promise<void> {
    await (em ?? this.ds.manager).insert(CasePhoto, p);
  }

  /** Attaches the uploader's own unattached photos; false unless every one of them was. */
  async attach(em: EntityManager, ids: string[], uploadedBy: string, caseId: string): Promise<boolean> {
    if (!ids.length) return true;
    const res = await em.update(CasePhoto, { id: In(ids), uploadedBy, caseId: IsNull() }, { caseId });
    return res.affected === new Set(ids).size;
  }

  count(em: EntityManager, caseId: string, phase: CasePhoto['phase']): Promise<number> {
    return em.count(CasePhoto, { where: { caseId, phase } });
  }

  ofCases(caseIds: string[]): Promise<CasePhoto[]> {
    return this.ds.manager.find(CasePhoto, { where: { caseId: In(caseIds) }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  find(caseId: string, id: string): Promise<CasePhoto | null> {
    return this.ds.manager.findOne(CasePhoto, { where: { id, caseId } });
  }
}
