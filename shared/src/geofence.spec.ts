import { distanceMeters, judgeGeofence } from './geofence.js';

// One degree of latitude is ~111.2 km everywhere, so offsets north are easy to reason about.
const north = (m: number) => m / 111_195;
const fence = { lat: 31.2304, lng: 121.4737, radiusM: 100 };

describe('geofence', () => {
  it('measures distance along the earth', () => {
    expect(distanceMeters(fence, { lat: fence.lat + north(1000), lng: fence.lng })).toBeCloseTo(1000, -1);
    expect(distanceMeters(fence, fence)).toBe(0);
  });

  it('accepts a precise fix just inside the radius and refuses one just outside', () => {
    expect(judgeGeofence(fence, { lat: fence.lat + north(99), lng: fence.lng, accuracyM: 0 }).inside).toBe(true);
    expect(judgeGeofence(fence, { lat: fence.lat + north(101), lng: fence.lng, accuracyM: 0 })).toMatchObject({ inside: false, reason: 'outside' });
  });

  it('gives the benefit of the phone accuracy up to a cap', () => {
    expect(judgeGeofence(fence, { lat: fence.lat + north(125), lng: fence.lng, accuracyM: 30 }).inside).toBe(true);
    // 80 m claimed error only buys 30 m
    expect(judgeGeofence(fence, { lat: fence.lat + north(140), lng: fence.lng, accuracyM: 80 }).inside).toBe(false);
  });

  it('refuses fixes too vague to prove anything, even at the centre', () => {
    expect(judgeGeofence(fence, { ...fence, accuracyM: 101 })).toMatchObject({ inside: false, reason: 'imprecise' });
    expect(judgeGeofence(fence, { ...fence, accuracyM: Number.NaN })).toMatchObject({ inside: false, reason: 'imprecise' });
  });
});
