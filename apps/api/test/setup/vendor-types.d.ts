// node-oidc-provider ships no type declarations; the tests use a small, well-known part of its API.
declare module 'oidc-provider';
