// In production the api serves the web app's build (apps/web/dist, `npm run build:web`) on the same origin:
// GETs outside /api get a file of the build, or index.html for the app's own routes (/portal,
// /officer/borrowers...), which the browser-side router then draws. /api/* never reaches this.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { type RequestHandler } from 'express';

// The app loads only its own scripts and styles. Mantine writes <style> elements and style attributes
// (its CSS variables), hence 'unsafe-inline' for styles only; scripts stay 'self'. The api keeps helmet's
// other headers; the Swagger UI under /api/docs keeps its own (laxer) arrangement.
export const WEB_APP_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** apps/web/dist of this checkout or image: the first folder with a package.json above this file, + apps/web/dist. */
export function defaultWebDistDir(): string {
  for (let dir = path.dirname(fileURLToPath(import.meta.url)); ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return path.join(dir, 'apps', 'web', 'dist');
    if (dir === path.dirname(dir)) return path.resolve('apps', 'web', 'dist');
  }
}

/** The middleware serving the build in distDir, or null when there is no build there (the api runs alone). */
export function webAppMiddleware(distDir: string): RequestHandler | null {
  const index = path.join(distDir, 'index.html');
  if (!fs.existsSync(index)) return null;
  const files = express.static(distDir, {
    index: false,
    fallthrough: true,
    // Vite puts a content hash in every asset's name: they never change, so they can be kept for a year.
    setHeaders: (res, file) => {
      res.setHeader('Cache-Control', file.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  return (req, res, next) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || req.path === '/api' || req.path.startsWith('/api/')) return next();
    res.setHeader('Content-Security-Policy', WEB_APP_CSP);
    files(req, res, () => {
      // A missing asset is a 404, not the app: a stale tab asking for an old chunk must fail visibly.
      if (req.path.startsWith('/assets/') || path.extname(req.path) !== '') return next();
      res.setHeader('Cache-Control', 'no-cache');
      res.sendFile(index);
    });
  };
}
