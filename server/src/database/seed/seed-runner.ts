import type { DataSource } from 'typeorm';
import type { SeedPart } from '../../common/domain.js';
import type { FieldCrypto } from '../../common/field-crypto.js';

/**
 * The parts in an order where each comes after every part it names in `after`; among parts that are
 * ready together, registration order decides, so the demo is the same on every run. Throws on a
 * duplicate or unknown name and on a cycle.
 */
export function orderSeedParts(parts: readonly SeedPart[]): SeedPart[] {
  const byName = new Map<string, SeedPart>();
  for (const p of parts) {
    if (byName.has(p.name)) throw new Error(`demo seed: two parts are named '${p.name}'`);
    byName.set(p.name, p);
  }
  for (const p of parts) {
    const unknown = p.after.filter((n) => !byName.has(n));
    if (unknown.length) throw new Error(`demo seed: '${p.name}' comes after unknown part(s) ${unknown.map((n) => `'${n}'`).join(', ')}`);
  }
  const done = new Set<string>();
  const ordered: SeedPart[] = [];
  while (ordered.length < parts.length) {
    const next = parts.find((p) => !done.has(p.name) && p.after.every((n) => done.has(n)));
    if (!next) {
      const stuck = parts.filter((p) => !done.has(p.name)).map((p) => p.name);
      throw new Error(`demo seed: the parts ${stuck.join(', ')} wait for each other (a cycle in 'after')`);
    }
    done.add(next.name);
    ordered.push(next);
  }
  return ordered;
}

/**
 * Seeds the demo neighbourhood once, every part in one transaction. Re-running is harmless: when any
 * part says its rows are present, nothing is seeded. Demo logins work only for users with
 * `demoPersona` set.
 */
export async function seedDemoIfEmpty(ds: DataSource, parts: readonly SeedPart[], crypto: FieldCrypto): Promise<boolean> {
  const ordered = orderSeedParts(parts);
  for (const p of ordered) if (await p.present?.(ds.manager)) return false;
  await ds.transaction(async (em) => {
    for (const p of ordered) await p.run({ em, crypto });
  });
  return true;
}
