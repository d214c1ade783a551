import { OidcConfigSchema, type OidcConfig } from '@wheelhouse/shared';
import * as client from 'openid-client';

/** Discovered issuer configurations, per provider and settings revision (re-discovered when settings change). */
const cache = new Map<string, { revision: string; config: client.Configuration }>();

export async function oidcConfiguration(providerId: string, revision: string, settings: OidcConfig, clientSecret: string): Promise<client.Configuration> {
  const hit = cache.get(providerId);
  if (hit?.revision === revision) return hit.config;
  const config = await client.discovery(new URL(settings.issuer), settings.clientId, undefined, client.ClientSecretPost(clientSecret), {
    // Plain-http issuers only when an admin ticked it for this provider (labs, tests).
    execute: settings.allowInsecureHttp ? [client.allowInsecureRequests] : [],
    timeout: 10,
  });
  cache.set(providerId, { revision, config });
  return config;
}

export interface Pending {
  state: string;
  nonce: string;
  verifier: string;
  next: string;
}

export async function startLogin(config: client.Configuration, settings: OidcConfig, redirectUri: string, next: string): Promise<{ url: URL; pending: Pending }> {
  const verifier = client.randomPKCECodeVerifier();
  const pending = { state: client.randomState(), nonce: client.randomNonce(), verifier, next };
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: redirectUri,
    scope: settings.scopes.join(' '),
    code_challenge: await client.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
    state: pending.state,
    nonce: pending.nonce,
  });
  return { url, pending };
}

export interface OidcIdentity {
  subject: string;
  username: string;
  displayName: string;
  email: string | null;
  groups: string[];
}

/**
 * Exchanges the code (PKCE verifier, state and nonce checked by openid-client, which also validates iss, aud,
 * exp and the signature) and reads groups and names from the ID token, falling back to userinfo.
 */
export async function finishLogin(config: client.Configuration, settings: OidcConfig, callbackUrl: URL, pending: Pending): Promise<{ identity: OidcIdentity; idToken: string }> {
  const tokens = await client.authorizationCodeGrant(config, callbackUrl, {
    pkceCodeVerifier: pending.verifier,
    expectedState: pending.state,
    expectedNonce: pending.nonce,
    idTokenExpected: true,
  });
  const idClaims = tokens.claims();
  if (!idClaims || !tokens.id_token) throw new Error('no ID token');
  const userinfo = await client.fetchUserInfo(config, tokens.access_token, idClaims.sub).catch((): Record<string, unknown> => ({}));
  const claim = (name: string): unknown => (idClaims as Record<string, unknown>)[name] ?? (userinfo as Record<string, unknown>)[name];
  const text = (v: unknown): string | null => (typeof v === 'string' && v ? v : null);
  const rawGroups = claim(settings.groupsClaim);
  const groups = Array.isArray(rawGroups) ? rawGroups.filter((g): g is string => typeof g === 'string') : typeof rawGroups === 'string' ? [rawGroups] : [];
  const username = text(claim(settings.usernameClaim)) ?? text(claim(settings.emailClaim)) ?? idClaims.sub;
  return {
    identity: { subject: idClaims.sub, username, displayName: text(claim('name')) ?? username, email: text(claim(settings.emailClaim)), groups },
    idToken: tokens.id_token,
  };
}

/**
 * The provider's end-session URL (RP-initiated logout 1.0) with the session's ID token as hint, or null when
 * the provider does not advertise one. The browser comes back to the login page, which the admin registers
 * as a post-logout redirect URI at the provider.
 */
export function endSessionUrl(config: client.Configuration, idToken: string | null, postLogoutRedirectUri: string): string | null {
  if (!config.serverMetadata().end_session_endpoint) return null;
  return client
    .buildEndSessionUrl(config, { post_logout_redirect_uri: postLogoutRedirectUri, ...(idToken ? { id_token_hint: idToken } : {}) })
    .toString();
}

export function settingsOf(raw: unknown): OidcConfig {
  return OidcConfigSchema.parse(raw);
}

/** Only same-site paths: `/x` yes; `//evil`, `/\\evil`, `https://…` no (open-redirect defence). */
export function safeNext(next: string | undefined): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\') || /[\r\n\t]/.test(next)) return '/';
  return next;
}
