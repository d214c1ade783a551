export * from './errors.js';
export * from './auth.js';
export * from './users.js';
export * from './rbac.js';
export * from './teams.js';
export * from './tokens.js';
export * from './audit.js';
