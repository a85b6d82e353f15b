import { Module, type Provider } from '@nestjs/common';

export const NOTIFICATION_PROVIDERS: Provider[] = [];

/** Reminder policy, outbox, Bull producers, channel adapters, templates. */
@Module({ providers: NOTIFICATION_PROVIDERS, exports: NOTIFICATION_PROVIDERS })
export class NotificationsModule {}
