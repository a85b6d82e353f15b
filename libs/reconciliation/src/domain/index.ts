export * from './amounts.js';
export * from './csv-statement.js';
export * from './fingerprint.js';
export * from './match-lines.js';
export * from './mt940-statement.js';
export * from './statement.js';
