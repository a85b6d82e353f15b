// Pure error classes: domain code may import this file (and only this) from platform.
export * from './domain-error.js';
