import type { Domain } from './common/domain.js';
import { ANALYTICS } from './analytics/analytics.providers.js';
import { ACTIVITIES } from './activities/activities.providers.js';
import { AUDIT } from './audit/audit.providers.js';
import { AUTH } from './auth/auth.providers.js';
import { CASES } from './cases/cases.providers.js';
import { CHECKIN } from './checkin/checkin.providers.js';
import { COMPLAINTS } from './complaints/complaints.providers.js';
import { DUES } from './dues/dues.providers.js';
import { ENROLLMENT } from './enrollment/enrollment.providers.js';
import { FAMILY } from './family/family.providers.js';
import { HOUSEHOLDS } from './households/households.providers.js';
import { MEETINGS } from './meetings/meetings.providers.js';
import { MEMBERS } from './members/members.providers.js';
import { NOTIFICATIONS } from './notifications/notifications.providers.js';
import { ORGANIZATIONS } from './organizations/organizations.providers.js';
import { PAYMENTS } from './payments/payments.providers.js';
import { POINTS } from './points/points.providers.js';
import { PRIVACY } from './privacy/privacy.providers.js';
import { ROSTER } from './roster/roster.providers.js';
import { STUDY } from './study/study.providers.js';
import { VOLUNTEERING } from './volunteering/volunteering.providers.js';
import { WECHAT } from './wechat/wechat.providers.js';

/**
 * Every domain of the server, the one list to extend when adding a domain folder. The app module
 * takes their controllers and providers, the data source their entities, the demo seed their parts.
 */
export const DOMAINS: Domain[] = [AUTH, MEMBERS, ORGANIZATIONS, POINTS, STUDY, ENROLLMENT, NOTIFICATIONS, ACTIVITIES, CHECKIN, MEETINGS, DUES, PAYMENTS, FAMILY, PRIVACY, VOLUNTEERING, COMPLAINTS, AUDIT, WECHAT, HOUSEHOLDS, CASES, ROSTER, ANALYTICS];

/** Every entity of the schema; a new one needs a migration: `npm run db:migration:generate -- <Name>`. */
export const ENTITIES: Function[] = DOMAINS.flatMap((d) => d.entities ?? []);

/** The domains' parts of the demo seed, in registration order (the runner orders them by `after`). */
export const DEMO_SEED_PARTS = DOMAINS.flatMap((d) => (d.seed ? [d.seed] : []));
