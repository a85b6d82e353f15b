// A loopback WhatsApp/SMS gateway for the reminder crash drills (test/integration/notifications-crash.spec.ts,
// test/reliability/faults.reliability.spec.ts): it answers slowly (sends are in flight when the worker dies)
// and de-duplicates by Idempotency-Key as a real gateway's contract does, recording for each request whether
// it was a new delivery or a repeat.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

export class DedupingGateway {
  /** Every request, in arrival order, with whether it was a new delivery or a repeat of a known key, and the number it was for. */
  readonly requests: { key: string; delivered: boolean; to: string | undefined }[] = [];
  private readonly seen = new Set<string>();
  onRequest: (count: number) => void = () => undefined;
  private server!: Server;
  url = '';

  constructor(private readonly delayMs = 100) {}

  async start(): Promise<void> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const to = (JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as { to?: string }).to;
    const key = String(req.headers['idempotency-key']);
    // The message is handed to the carrier on arrival; the answer comes later, and may find its caller dead.
    const delivered = !this.seen.has(key);
    this.seen.add(key);
    this.requests.push({ key, delivered, to });
    this.onRequest(this.requests.length);
    await sleep(this.delayMs);
    if (!res.destroyed) res.writeHead(200, { 'content-type': 'application/json' }).end(`{"status":"${delivered ? 'accepted' : 'duplicate'}"}`);
  }
}
