/** A circle the organiser draws around the meeting place. */
export interface GeoFence {
  lat: number;
  lng: number;
  radiusM: number;
}

export interface GeoFix {
  lat: number;
  lng: number;
  /** The phone's own estimate of its error, metres (wx.getLocation `accuracy`). */
  accuracyM: number;
}

/** Fixes vaguer than this prove nothing about being in a room; the member is asked to retry outdoors or scan. */
export const GEOFENCE_MAX_ACCURACY_M = 100;
/**
 * How much of the phone's uncertainty we give the member the benefit of. Capped so a vague fix
 * cannot stretch a 50 m fence to 150 m.
 */
export const GEOFENCE_ACCURACY_ALLOWANCE_M = 30;

const EARTH_RADIUS_M = 6_371_008.8;
const rad = (deg: number) => (deg * Math.PI) / 180;

/** Great-circle distance in metres (haversine); plenty precise at neighbourhood scale. */
export function distanceMeters(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const dLat = rad(b.lat - a.lat);
  const dLng = rad(b.lng - a.lng);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

export type GeofenceVerdict = { inside: true; distanceM: number } | { inside: false; distanceM: number; reason: 'outside' | 'imprecise' };

/**
 * Inside when the fix is precise enough and its distance, less a capped allowance for the
 * phone's stated error, is within the radius.
 */
export function judgeGeofence(fence: GeoFence, fix: GeoFix): GeofenceVerdict {
  const distanceM = distanceMeters(fence, fix);
  if (!(fix.accuracyM >= 0) || fix.accuracyM > GEOFENCE_MAX_ACCURACY_M) return { inside: false, distanceM, reason: 'imprecise' };
  const allowance = Math.min(fix.accuracyM, GEOFENCE_ACCURACY_ALLOWANCE_M);
  return distanceM - allowance <= fence.radiusM ? { inside: true, distanceM } : { inside: false, distanceM, reason: 'outside' };
}
