import { Injectable } from '@nestjs/common';
import type { OrgNodeView } from '@honglin/shared';
import { OrgRepository } from './org.repository.js';

/** The residence tree (street → community → grid → building) a resident picks their home from. */
@Injectable()
export class ResidenceOptionsService {
  constructor(private readonly org: OrgRepository) {}

  async options(): Promise<OrgNodeView[]> {
    const nodes = await this.org.residenceNodes();
    return nodes.map((n) => ({ id: n.id, name: n.name, kind: n.kind, parentId: n.parentId, memberCount: 0 }));
  }
}
