import { Module, type Provider } from '@nestjs/common';
import { QueueBoardService } from './board/queue-board.service.js';
import { ReminderSender } from './delivery/reminder-sender.service.js';
import { NotificationHistoryService } from './history/notification-history.service.js';
import { NotificationPreferencesService } from './preferences/notification-preferences.service.js';

export const NOTIFICATION_PROVIDERS: Provider[] = [NotificationHistoryService, ReminderSender, QueueBoardService, NotificationPreferencesService];

/** Reminder policy, outbox, channel adapters, templates. The Bull producer and consumer live in the worker. */
@Module({ providers: NOTIFICATION_PROVIDERS, exports: NOTIFICATION_PROVIDERS })
export class NotificationsModule {}
