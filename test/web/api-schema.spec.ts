import fs from 'node:fs';
import path from 'node:path';
import { generateApiTypes, repoRoot, SCHEMA_FILE } from '../../scripts/web-api-types.js';

// The web app's client types are generated from the api's OpenAPI document and committed: when a DTO or a
// route changes, this fails until `npm run web:api-types` has been run and its output committed.
describe('apps/web/src/api/schema.d.ts', () => {
  it('matches the OpenAPI document of the api as it is now (run `npm run web:api-types` when it does not)', async () => {
    const committed = fs.readFileSync(path.join(repoRoot(), SCHEMA_FILE), 'utf8');
    const fresh = await generateApiTypes();
    expect(fresh).toContain('"/api/auth/login"');
    expect(committed === fresh).toBe(true);
  });
});
