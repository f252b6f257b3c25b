import { NotificationRepository } from './notification.repository.js';
import { NotificationService } from './notification.service.js';
import { NotificationsController } from './notifications.controller.js';
import { OutboxWorker } from './outbox-worker.js';

export const NOTIFICATIONS = { controllers: [NotificationsController], providers: [NotificationService, NotificationRepository, OutboxWorker] };
