import type { Type } from '@nestjs/common';
import { NotificationPreferencesController } from './notification-preferences.controller.js';
import { NotificationsController } from './notifications.controller.js';
import { QueueBoardController } from './queue-board.controller.js';

export const NOTIFICATION_CONTROLLERS: Type[] = [NotificationsController, QueueBoardController, NotificationPreferencesController];
