import { NotificationRepository } from './notification.repository.js';
import { NotificationService } from './notification.service.js';
import { NotificationsController } from './notifications.controller.js';
import { OutboxWorker } from './outbox-worker.js';
import type { Domain } from '../common/domain.js';
import { OutboxMessage } from './outbox-message.entity.js';
import { InboxItem } from './inbox-item.entity.js';
import { SubscriptionGrant } from './subscription-grant.entity.js';

export const NOTIFICATIONS: Domain = { controllers: [NotificationsController], providers: [NotificationService, NotificationRepository, OutboxWorker], entities: [OutboxMessage, InboxItem, SubscriptionGrant] };
