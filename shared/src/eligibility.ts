import type { Eligibility } from './contracts/enrollment.js';

/** What the engine knows about a person when judging eligibility. */
export interface EligibilityPerson {
  age: number | null;
  /** Ids of every residence node above and including the person's own (building → grid → community). */
  residenceNodeIds: string[];
  partyMember: boolean;
  /** Ids of the person's Party organisation and those above it (group → branch → committee); empty for non-members. */
  partyNodeIds: string[];
  skills: string[];
}

export type IneligibleReason = 'AGE' | 'RESIDENCE' | 'PARTY_ONLY' | 'BRANCH_ONLY' | 'SKILLS';

/** The first rule the person fails, or null when they may enrol. An unknown age fails any age rule. */
export function checkEligibility(rule: Eligibility | null | undefined, p: EligibilityPerson): IneligibleReason | null {
  if (!rule) return null;
  if (rule.minAge !== undefined || rule.maxAge !== undefined) {
    if (p.age === null) return 'AGE';
    if (rule.minAge !== undefined && p.age < rule.minAge) return 'AGE';
    if (rule.maxAge !== undefined && p.age > rule.maxAge) return 'AGE';
  }
  if (rule.residenceNodeIds?.length && !rule.residenceNodeIds.some((id) => p.residenceNodeIds.includes(id))) return 'RESIDENCE';
  if (rule.partyMembersOnly && !p.partyMember) return 'PARTY_ONLY';
  if (rule.partyNodeIds?.length && !rule.partyNodeIds.some((id) => p.partyNodeIds.includes(id))) return 'BRANCH_ONLY';
  if (rule.skills?.length && !rule.skills.every((s) => p.skills.includes(s))) return 'SKILLS';
  return null;
}

/** A short Chinese summary for the detail page, e.g. "60–80岁 · 仅限党员". */
export function describeEligibility(rule: Eligibility | null | undefined, nodeNames: Record<string, string> = {}): string {
  if (!rule) return '不限';
  const parts: string[] = [];
  if (rule.minAge !== undefined && rule.maxAge !== undefined) parts.push(`${rule.minAge}–${rule.maxAge}岁`);
  else if (rule.minAge !== undefined) parts.push(`${rule.minAge}岁及以上`);
  else if (rule.maxAge !== undefined) parts.push(`${rule.maxAge}岁及以下`);
  if (rule.residenceNodeIds?.length) parts.push(`限${rule.residenceNodeIds.map((id) => nodeNames[id] ?? '指定区域').join('、')}居民`);
  if (rule.partyNodeIds?.length) parts.push(`仅限${rule.partyNodeIds.map((id) => nodeNames[id] ?? '指定党组织').join('、')}党员`);
  else if (rule.partyMembersOnly) parts.push('仅限党员');
  if (rule.skills?.length) parts.push(`需要：${rule.skills.join('、')}`);
  return parts.length ? parts.join(' · ') : '不限';
}
