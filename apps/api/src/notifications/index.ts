import type { Type } from '@nestjs/common';
import { NotificationPreferencesController } from './notification-preferences.controller.js';
import { NotificationsController } from './notifications.controller.js';
import { QueueBoardSessionController } from './queue-board-session.controller.js';
import { QueueBoardController } from './queue-board.controller.js';

export const NOTIFICATION_CONTROLLERS: Type[] = [NotificationsController, QueueBoardSessionController, QueueBoardController, NotificationPreferencesController];
