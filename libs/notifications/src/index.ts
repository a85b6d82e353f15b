import type { Type } from '@nestjs/common';

export * from './notifications.module.js';
export * from './domain/reminder-policy.js';
export * from './domain/reminder-message.js';
export * from './outbox/channel.js';
export * from './outbox/reminder-outbox.js';
export * from './outbox/reminder-dispatch.js';
export * from './channels/reminder-channel.js';
export * from './channels/gateway-channel.js';
export * from './delivery/reminder-sender.service.js';
export * from './history/notification-history.service.js';
export * from './preferences/notification-preferences.service.js';
export * from './preferences/contact-email.js';
export * from './preferences/contact-phone.js';
export * from './channels/email-channel.js';
export * from './board/queue-board.service.js';

/** The outbox is read and written with SQL (see outbox/): no TypeORM entities. */
export const NOTIFICATION_ENTITIES: Type[] = [];
