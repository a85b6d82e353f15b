// The reliability suite (issue 11): `npm run test:reliability` runs test/reliability/**/*.reliability.spec.ts
// with the default config's transform, module mapping and global setup (real PostgreSQL and Redis), one
// spec file at a time: fault specs kill and restart processes and time their answers, and two of them
// at once on two cores would measure each other.
import base from './jest.config.mjs';

export default {
  ...base,
  testMatch: ['<rootDir>/test/reliability/**/*.reliability.spec.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  testTimeout: 600_000,
  maxWorkers: 1,
};
