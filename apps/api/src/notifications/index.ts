import type { Type } from '@nestjs/common';
import { NotificationsController } from './notifications.controller.js';
import { QueueBoardController } from './queue-board.controller.js';

export const NOTIFICATION_CONTROLLERS: Type[] = [NotificationsController, QueueBoardController];
