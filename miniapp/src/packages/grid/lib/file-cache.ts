import type { HouseholdFileView } from '@honglin/shared';

/**
 * The household file last opened on the household page, so the visit form (opened from it) knows the
 * members without opening the file again: every opening is an audited read the residents see.
 */
let last: HouseholdFileView | null = null;

export const rememberFile = (file: HouseholdFileView): HouseholdFileView => {
  last = file;
  return file;
};

export const cachedFile = (id: string): HouseholdFileView | null => (last?.id === id ? last : null);
