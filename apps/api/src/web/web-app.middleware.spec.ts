import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import express from 'express';
import request from 'supertest';
import { WEB_APP_CSP, webAppMiddleware } from './web-app.middleware.js';

describe('webAppMiddleware (the api serving the web build)', () => {
  let dir: string;
  let app: express.Express;

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lumbung-web-'));
    fs.mkdirSync(path.join(dir, 'assets'));
    fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><div id="root"></div>');
    fs.writeFileSync(path.join(dir, 'assets', 'index-abc123.js'), 'console.log(1)');
    app = express();
    app.use(webAppMiddleware(dir)!);
    app.get('/api/ping', (_req, res) => res.json({ ok: true }));
    app.use((_req, res) => res.status(404).json({ code: 'NOT_FOUND' }));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('answers the app for its own routes (SPA fallback), uncached, with the CSP', async () => {
    for (const url of ['/', '/portal', '/officer/borrowers', '/approver/applications/6f1c']) {
      const res = await request(app).get(url).expect(200);
      expect(res.text).toContain('<div id="root">');
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.headers['content-security-policy']).toBe(WEB_APP_CSP);
    }
  });

  it('serves hashed assets with a year-long cache', async () => {
    const res = await request(app).get('/assets/index-abc123.js').expect(200);
    expect(res.headers['cache-control']).toContain('immutable');
    expect(res.text).toBe('console.log(1)');
  });

  it('leaves /api alone and answers 404 for a missing asset rather than the app', async () => {
    await expect(request(app).get('/api/ping').then((r) => r.body)).resolves.toEqual({ ok: true });
    const api404 = await request(app).get('/api/nope').expect(404);
    expect(api404.body).toEqual({ code: 'NOT_FOUND' });
    expect(api404.headers['content-security-policy']).toBeUndefined();
    await request(app).get('/assets/gone-123.js').expect(404);
    await request(app).get('/favicon.ico').expect(404);
  });

  it('does not take POSTs, and is absent when there is no build', async () => {
    await request(app).post('/portal').expect(404);
    expect(webAppMiddleware(path.join(dir, 'nowhere'))).toBeNull();
  });
});
