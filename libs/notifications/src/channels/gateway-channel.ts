import { Logger } from '@nestjs/common';
import { maskPhone } from '../domain/reminder-message.js';
import type { OutgoingReminder, ReminderChannel } from './reminder-channel.js';

export interface GatewayOptions {
  url: string;
  token?: string;
  timeoutMs: number;
  template: string;
}

export class GatewayError extends Error {
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }
}

/**
 * WhatsApp or SMS through the provider's HTTP gateway: POST <url>/messages, bearer token, the template
 * name from configuration and an Idempotency-Key, so a retry after a crash is not a second message.
 * Logs carry the masked phone only.
 */
export class GatewayChannel implements ReminderChannel {
  private readonly logger = new Logger(GatewayChannel.name);

  constructor(
    readonly name: 'WHATSAPP' | 'SMS',
    private readonly options: GatewayOptions,
  ) {}

  async send(m: OutgoingReminder): Promise<void> {
    const to = maskPhone(m.phone);
    let res: Response;
    try {
      res = await fetch(`${this.options.url.replace(/\/$/, '')}/messages`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'idempotency-key': m.idempotencyKey,
          ...(this.options.token ? { authorization: `Bearer ${this.options.token}` } : {}),
        },
        body: JSON.stringify({ channel: this.name.toLowerCase(), to: m.phone, template: this.options.template, language: m.language, parameters: m.parameters, text: m.text }),
        signal: AbortSignal.timeout(this.options.timeoutMs),
      });
    } catch (err) {
      const reason = (err as Error).name === 'TimeoutError' ? `timed out after ${this.options.timeoutMs} ms` : (err as Error).message;
      this.logger.warn(`${this.name} to ${to}: ${reason}`);
      throw new GatewayError(`${this.name} gateway: ${reason}`);
    }
    await res.body?.cancel().catch(() => undefined);
    if (!res.ok) {
      this.logger.warn(`${this.name} to ${to}: HTTP ${res.status}`);
      throw new GatewayError(`${this.name} gateway answered ${res.status}${res.status === 429 ? ' (rate limited)' : ''}`, res.status);
    }
    this.logger.log(`${this.name} to ${to}: accepted`);
  }
}
