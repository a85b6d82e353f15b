import { Logger } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';
import { maskEmail } from '#platform';
import type { OutgoingReminder, ReminderChannel } from './reminder-channel.js';

export interface EmailOptions {
  /** smtp://user:pass@host:587 */
  url: string;
  from: string;
  timeoutMs: number;
}

const SUBJECT = { id: 'Pengingat angsuran Lumbung', en: 'Lumbung instalment reminder' } as const;

/**
 * Reminders by e-mail over SMTP. A borrower without an address throws, so the sender falls through to
 * the next channel. The job id goes into the Message-ID so a mail server can drop a retried duplicate.
 */
export class EmailChannel implements ReminderChannel {
  readonly name = 'EMAIL' as const;
  private readonly logger = new Logger(EmailChannel.name);
  private readonly transport: Transporter;

  constructor(private readonly options: EmailOptions) {
    this.transport = createTransport(options.url, {
      connectionTimeout: options.timeoutMs,
      greetingTimeout: options.timeoutMs,
      socketTimeout: options.timeoutMs,
    } as object);
  }

  async send(m: OutgoingReminder): Promise<void> {
    if (!m.email) throw new Error('EMAIL: the borrower has no e-mail address');
    const to = maskEmail(m.email);
    try {
      await this.transport.sendMail({
        from: this.options.from,
        to: m.email,
        subject: SUBJECT[m.language],
        text: m.text,
        messageId: `<${m.idempotencyKey.replace(/[^A-Za-z0-9.-]/g, '.')}@lumbung>`,
      });
    } catch (err) {
      this.logger.warn(`EMAIL to ${to}: ${(err as Error).message}`);
      throw new Error(`EMAIL: ${(err as Error).message}`, { cause: err });
    }
    this.logger.log(`EMAIL to ${to}: accepted`);
  }
}
