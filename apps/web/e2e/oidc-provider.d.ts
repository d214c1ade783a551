// node-oidc-provider ships no type declarations; the e2e uses a small, well-known part of its API.
declare module 'oidc-provider';
