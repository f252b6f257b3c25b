import { ageFromBirthYear } from '@honglin/shared';
import { suggestsElderMode, type WechatFontInfo } from './scale';

/** MIIT's older residents: 60 and over. Only the birth year is stored, so it is the age reached this year. */
export const ELDER_AGE = 60;

export type ElderOfferReason = 'age' | 'font';

export interface ElderOfferInput {
  elderMode: boolean;
  birthYear: number | null;
  fontInfo: WechatFontInfo | null;
  /** The resident already answered the offer on this phone (yes or no): never ask twice. */
  answered: boolean;
  now: Date;
}

/** Why to offer elder mode on this launch, or null: not to residents who have it or have answered. */
export function elderOfferReason({ elderMode, birthYear, fontInfo, answered, now }: ElderOfferInput): ElderOfferReason | null {
  if (elderMode || answered) return null;
  if ((ageFromBirthYear(birthYear, now) ?? 0) >= ELDER_AGE) return 'age';
  return suggestsElderMode(fontInfo) ? 'font' : null;
}

/** Storage key of the answer, per user, so a shared phone asks each resident once. */
export function elderOfferKey(userId: string): string {
  return `honglin.elderOffer.${userId}`;
}
