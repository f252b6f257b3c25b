import type { Provider, Type } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { FieldCrypto } from './field-crypto.js';
import type { MetricDefinition } from './metric.js';

/** What a demo seed part is given: the seed's one transaction and the field cipher for personal data. */
export interface SeedContext {
  em: EntityManager;
  crypto: FieldCrypto;
}

/** A domain's share of the demo data. The runner (database/seed) orders parts by `after`. */
export interface SeedPart {
  /** Unique among parts; other parts name it in `after`. */
  name: string;
  /** Parts whose rows this one reads (organisations before members before anything about people). */
  after: string[];
  run(ctx: SeedContext): Promise<void>;
  /** True when this part's rows are already there: the runner then seeds nothing at all. */
  present?(em: EntityManager): Promise<boolean>;
}

/**
 * What a domain folder contributes, from its `<domain>.providers.ts`. The list of domains
 * (src/domains.ts) feeds the Nest module, the data source's entities and the demo seed.
 */
export interface Domain {
  controllers: Type[];
  providers: Provider[];
  /** The domain's TypeORM entities; a new one needs a migration (`npm run db:migration:generate`). */
  entities?: Function[];
  seed?: SeedPart;
  /** The domain's dashboard figures (`<domain>.metrics.ts`), rolled up by the analytics domain. */
  metrics?: MetricDefinition[];
}
