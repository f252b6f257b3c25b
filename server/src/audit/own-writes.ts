/**
 * Writes a person makes for themselves (signing up, paying, answering a quiz, family members acting on
 * a confirmed link — recorded as 代办 records instead): never audited, even when the person also
 * organises. Every other write by someone holding a managing role is (audited-routes.test keeps this
 * list and AUDITED_WRITES in shared/ complete between them).
 */
export const OWN_WRITES: ReadonlySet<string> = new Set([
  'POST /api/auth/wechat-login',
  'POST /api/auth/demo-login',
  'POST /api/auth/refresh',
  'POST /api/auth/logout',
  'PATCH /api/me/preferences',
  'POST /api/me/privacy',
  'POST /api/me/phone',
  'PATCH /api/me/residence',
  'POST /api/me/delete-account',
  'POST /api/party-applications',
  'POST /api/enrollments/:id/cancel',
  'POST /api/enrollments/:id/accept',
  'POST /api/checkin/redeem',
  'POST /api/checkin/geofence',
  'POST /api/checkin/code',
  // Resident voice: filing (also 代办 by a family member or grid staff, recorded on the case's timeline),
  // photos before filing, following, rating, reopening and withdrawing one's own report.
  'POST /api/cases/reports',
  'POST /api/cases/contact-me',
  'POST /api/cases/photos',
  'POST /api/cases/:id/follow',
  'POST /api/cases/:id/rate',
  'POST /api/cases/:id/reopen',
  'POST /api/cases/:id/withdraw',
  'POST /api/meetings/:id/leave',
  'POST /api/notifications/read',
  'POST /api/notifications/subscriptions',
  'POST /api/activities/:id/signup',
  'POST /api/activities/:id/rating',
  'POST /api/volunteering/shifts/:id/signup',
  'PUT /api/volunteering/profile',
  'POST /api/volunteering/certificates',
  'POST /api/volunteering/mobilisations/:id/answer',
  'POST /api/volunteering/mobilisations/:id/waitlist',
  'POST /api/mall/items/:id/redeem',
  'POST /api/mall/redemptions/:id/cancel',
  'POST /api/study/sessions',
  'POST /api/study/sessions/:id/heartbeats',
  'POST /api/study/sessions/:id/close',
  'POST /api/quizzes/daily/attempts',
  'POST /api/quizzes/challenge/attempts',
  'POST /api/quizzes/:id/attempts',
  'POST /api/quiz-attempts/:id/answers',
  'POST /api/quiz-attempts/:id/finish',
  'POST /api/family/invites',
  'POST /api/family/links',
  'POST /api/family/links/:id/confirm',
  'POST /api/family/links/:id/revoke',
  'POST /api/family/elders/:elderId/activities/:activityId/signup',
  'POST /api/family/elders/:elderId/enrollments/:enrollmentId/cancel',
  'POST /api/family/elders/:elderId/checkin',
  'POST /api/family/elders/:elderId/dues/orders',
  'POST /api/payments/orders',
  'POST /api/payments/notify',
  'POST /api/payments/refund-notify',
  'POST /api/complaints',
  'POST /api/complaints/:id/withdraw',
  'POST /api/complaints/:id/close',
  'POST /api/me/household-file/corrections',
  'PUT /api/me/household-file/location-consent',
]);

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** A write that is audited when its caller holds a managing role: everything not a person's own. */
export function isAuditedWrite(method: string, pattern: string | undefined): pattern is string {
  return !!pattern && !READS.has(method) && !OWN_WRITES.has(`${method} ${pattern}`);
}
