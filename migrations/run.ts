// `npm run migration:run`: applies pending migrations to DATABASE_URL.
import { runMigrations } from './data-source.js';

const url = process.env.DATABASE_URL;
if (!url) {
  console.error('DATABASE_URL is not set: point it at the database to migrate (postgres://user:pass@host:5432/db).');
  process.exit(1);
}
await runMigrations(url);
console.log('migrations: up to date');
