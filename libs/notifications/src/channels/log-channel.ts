import type { ReminderChannel } from './reminder-channel.js';

/** Sends nothing: the sender stores the rendered text on the outbox row (local use and tests). */
export class LogChannel implements ReminderChannel {
  readonly name = 'LOG' as const;

  async send(): Promise<void> {}
}
