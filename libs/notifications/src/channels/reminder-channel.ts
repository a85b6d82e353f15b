import type { Channel } from '../outbox/channel.js';

export interface OutgoingReminder {
  /** The reminder's job id: a gateway that saw it already must not deliver it again. */
  idempotencyKey: string;
  /** E.164, the borrower's own number (never a guarantor's or a neighbour's). */
  phone: string;
  /** For the EMAIL channel; null when the borrower gave none. */
  email?: string | null;
  language: 'id' | 'en';
  text: string;
  /** Template parameters, in the template's order. */
  parameters: string[];
}

/** One way of reaching a borrower. send() resolves when the provider accepted the message, else throws. */
export interface ReminderChannel {
  readonly name: Channel;
  send(message: OutgoingReminder): Promise<void>;
}
