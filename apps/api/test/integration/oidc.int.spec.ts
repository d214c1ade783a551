import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import * as oidc from 'openid-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SecretCipher } from '../../src/config/secret-cipher.js';
import { BUILT_IN_ROLES } from '../../src/rbac/built-in-roles.js';
import { ADMIN_PASSWORD, bind, loginAs, startTestApp, type Browser, type TestApp } from '../setup/test-app.js';
import { CookieBrowser, startOidcProvider, startSkewedOidcProvider } from '../setup/oidc-provider.js';

let t: TestApp;
let app: string;
let admin: Browser;
let idp: Awaited<ReturnType<typeof startOidcProvider>>;
let slowIdp: Awaited<ReturnType<typeof startOidcProvider>>;
let skewedIdp: Awaited<ReturnType<typeof startSkewedOidcProvider>>;
const accounts = {
  'sub-li': { preferred_username: 'li.na', name: '李娜', email: 'li.na@example.test', groups: ['platform-admins', 'ops'] },
};
const auditor = BUILT_IN_ROLES.find((r) => r.name === 'auditor')!.id;

beforeAll(async () => {
  t = await startTestApp();
  await t.app.listen(0, '127.0.0.1');
  app = `http://127.0.0.1:${(t.server.address() as AddressInfo).port}`;
  // The app's public origin in tests is http://wheelhouse.test, so redirect URIs use it; the test browser maps it.
  const redirect = (p: string) => `${t.config.publicOrigin}/api/auth/oidc/${p}/callback`;
  idp = await startOidcProvider(
    [
      { client_id: 'wheelhouse', client_secret: 'wheelhouse-secret', redirect_uris: [redirect('sso')], post_logout_redirect_uris: [`${t.config.publicOrigin}/login`] },
      { client_id: 'other-app', client_secret: 'other-secret', redirect_uris: [redirect('sso')] },
    ],
    accounts,
  );
  slowIdp = await startOidcProvider([{ client_id: 'wheelhouse', client_secret: 'wheelhouse-secret', redirect_uris: [redirect('slow')] }], accounts, { AuthorizationCode: 1 });
  // Two hours behind: its ID tokens (valid 1 h by its clock) have expired when they arrive.
  skewedIdp = await startSkewedOidcProvider([{ client_id: 'wheelhouse', client_secret: 'wheelhouse-secret', redirect_uris: [redirect('skewed')] }], accounts, 7_200);
  admin = await loginAs(t, 'admin', ADMIN_PASSWORD);
  for (const [id, issuer] of [['sso', idp.issuer], ['slow', slowIdp.issuer], ['skewed', skewedIdp.issuer]] as const) {
    const res = await admin.post('/api/identity-providers', {
      type: 'oidc',
      id,
      displayName: 'Company SSO',
      config: { issuer, clientId: 'wheelhouse', scopes: ['openid', 'profile', 'email', 'groups'], allowInsecureHttp: true },
      clientSecret: 'wheelhouse-secret',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
  }
  await bind(admin, auditor, { kind: 'group', provider: 'sso', name: 'platform-admins' }, { kind: 'global' });
});
afterAll(async () => {
  await t.close();
  await idp.stop();
  await slowIdp.stop();
  await skewedIdp.stop();
});

const toApp = (u: URL) => new URL(u.pathname + u.search, app).toString();

/** Drives the provider's login and consent pages; returns the callback URL the IdP sends the browser to. */
async function throughIdp(b: CookieBrowser, authUrl: string, account = 'sub-li'): Promise<URL> {
  const isCallback = (u: URL) => u.pathname.includes('/api/auth/oidc/');
  let at = await b.follow(authUrl, (u) => u.pathname.startsWith('/interaction/') || isCallback(u));
  for (const prompt of ['login', 'consent']) {
    if (isCallback(at)) break;
    const res = await b.post(at.toString(), prompt === 'login' ? { prompt, login: account, password: 'any' } : { prompt });
    at = await b.follow(new URL(res.headers.get('location')!, at).toString(), (u) => u.pathname.startsWith('/interaction/') || isCallback(u));
  }
  if (!isCallback(at)) throw new Error(`ended at ${at.toString()}`);
  return at;
}

async function start(b: CookieBrowser, provider = 'sso', next = '/clusters') {
  const res = await b.get(`${app}/api/auth/oidc/${provider}/start?next=${encodeURIComponent(next)}`);
  expect(res.status).toBe(302);
  return res.headers.get('location')!;
}

const appHost = () => new URL(app).host;

describe('OIDC sign-in against a real OpenID Provider', () => {
  it('code + PKCE: ends signed in, user created just in time, groups mapped to roles', async () => {
    const b = new CookieBrowser();
    const authUrl = await start(b);
    expect(new URL(authUrl).searchParams.get('code_challenge_method')).toBe('S256');
    const callback = await throughIdp(b, authUrl);
    const done = await b.get(toApp(callback));
    expect(done.status).toBe(302);
    expect(done.headers.get('location')).toBe('/clusters');
    const session = b.cookie(appHost(), 'wh_session');
    expect(session).toBeTruthy();
    const me = await b.get(`${app}/api/auth/me`);
    expect(await me.json()).toMatchObject({ username: 'li.na', displayName: '李娜', origin: 'oidc', email: 'li.na@example.test' });
    expect((await b.get(`${app}/api/users`)).status).toBe(200); // auditor through the platform-admins group
  });

  it('a tampered state is refused and no session is created', async () => {
    const b = new CookieBrowser();
    const callback = await throughIdp(b, await start(b));
    callback.searchParams.set('state', 'tampered');
    const res = await b.get(toApp(callback));
    expect(res.headers.get('location')).toBe('/login?error=AUTH_INVALID_CREDENTIALS');
    expect(b.cookie(appHost(), 'wh_session')).toBeUndefined();
  });

  it('an ID token with another nonce than this browser\'s is refused', async () => {
    const b = new CookieBrowser();
    await start(b);
    const pending = JSON.parse(t.app.get(SecretCipher).decrypt(decodeURIComponent(b.cookie(appHost(), 'wh_oidc')!), 'oidc:state')) as { state: string; verifier: string };
    const auth = new URL(`${idp.issuer}/auth`);
    const params = { client_id: 'wheelhouse', response_type: 'code', scope: 'openid', redirect_uri: `${t.config.publicOrigin}/api/auth/oidc/sso/callback`, state: pending.state, nonce: 'not-the-nonce', code_challenge: await oidc.calculatePKCECodeChallenge(pending.verifier), code_challenge_method: 'S256' };
    for (const [k, v] of Object.entries(params)) auth.searchParams.set(k, v);
    const res = await b.get(toApp(await throughIdp(b, auth.toString())));
    expect(res.headers.get('location')).toBe('/login?error=AUTH_INVALID_CREDENTIALS');
    expect(b.cookie(appHost(), 'wh_session')).toBeUndefined();
  });

  it('a code issued to another client (wrong audience) is refused', async () => {
    const b = new CookieBrowser();
    await start(b);
    const pending = JSON.parse(t.app.get(SecretCipher).decrypt(decodeURIComponent(b.cookie(appHost(), 'wh_oidc')!), 'oidc:state')) as { state: string; nonce: string; verifier: string };
    const auth = new URL(`${idp.issuer}/auth`);
    const params = { client_id: 'other-app', response_type: 'code', scope: 'openid', redirect_uri: `${t.config.publicOrigin}/api/auth/oidc/sso/callback`, state: pending.state, nonce: pending.nonce, code_challenge: await oidc.calculatePKCECodeChallenge(pending.verifier), code_challenge_method: 'S256' };
    for (const [k, v] of Object.entries(params)) auth.searchParams.set(k, v);
    const res = await b.get(toApp(await throughIdp(b, auth.toString())));
    expect(res.headers.get('location')).toBe('/login?error=AUTH_INVALID_CREDENTIALS');
  });

  it('a replayed code is refused', async () => {
    const b = new CookieBrowser();
    const callback = await throughIdp(b, await start(b));
    const stateCookie = b.cookie(appHost(), 'wh_oidc')!;
    expect((await b.get(toApp(callback))).headers.get('location')).toBe('/clusters');
    // Someone who captured the callback URL and the state cookie tries the code again.
    const attacker = new CookieBrowser();
    const replay = await attacker.get(toApp(callback), `wh_oidc=${stateCookie}`);
    expect(replay.headers.get('location')).toBe('/login?error=AUTH_INVALID_CREDENTIALS');
    expect(attacker.cookie(appHost(), 'wh_session')).toBeUndefined();
  });

  it('an expired authorization code is refused', async () => {
    const b = new CookieBrowser();
    const callback = await throughIdp(b, await start(b, 'slow'));
    await sleep(2_500);
    const res = await b.get(toApp(callback));
    expect(res.headers.get('location')).toBe('/login?error=AUTH_INVALID_CREDENTIALS');
  });

  it('an expired ID token (a provider whose clock is behind) is refused, and the audit says why', async () => {
    const b = new CookieBrowser();
    const res = await b.get(toApp(await throughIdp(b, await start(b, 'skewed'))));
    expect(res.headers.get('location')).toBe('/login?error=AUTH_INVALID_CREDENTIALS');
    expect(b.cookie(appHost(), 'wh_session')).toBeUndefined();
    const audit = (await admin.get('/api/audit?action=auth.login&result=failure')).body as { items: { details: { provider?: string; reason?: string } | null }[] };
    const refusal = audit.items.find((e) => e.details?.provider === 'skewed');
    expect(refusal?.details?.reason).toMatch(/"exp" \(expiration time\) claim value, expiration is past/);
  });

  it('a callback without the state cookie (not started in this browser) is refused; open redirects are not followed', async () => {
    const b = new CookieBrowser();
    const callback = await throughIdp(b, await start(b, 'sso', '//evil.example/phish'));
    const stranger = new CookieBrowser();
    expect((await stranger.get(toApp(callback))).headers.get('location')).toBe('/login?error=AUTH_INVALID_CREDENTIALS');
    expect((await b.get(toApp(callback))).headers.get('location')).toBe('/');
  });
});

describe('logout after an OIDC sign-in (RP-initiated logout)', () => {
  const logout = async (b: CookieBrowser) => {
    const res = await fetch(`${app}/api/auth/logout`, {
      method: 'POST',
      headers: { cookie: `wh_session=${b.cookie(appHost(), 'wh_session')}`, origin: t.config.publicOrigin },
    });
    expect(res.status).toBe(200);
    return ((await res.json()) as { redirectTo: string | null }).redirectTo;
  };
  const landsOn = async (b: CookieBrowser) =>
    b.follow(await start(b), (u) => u.pathname.startsWith('/interaction/') || u.pathname.includes('/api/auth/oidc/'));

  it('ends the console session and, through the provider\'s end-session page, the provider\'s session too', async () => {
    const b = new CookieBrowser();
    expect((await b.get(toApp(await throughIdp(b, await start(b))))).headers.get('location')).toBe('/clusters');
    // While the provider's session lives, signing in again needs no password (straight back to the callback).
    expect((await landsOn(b)).pathname).toBe('/api/auth/oidc/sso/callback');
    const session = b.cookie(appHost(), 'wh_session');

    const redirectTo = new URL((await logout(b))!);
    expect(redirectTo.origin + redirectTo.pathname).toBe(`${idp.issuer}/session/end`);
    expect(redirectTo.searchParams.get('post_logout_redirect_uri')).toBe(`${t.config.publicOrigin}/login`);
    expect(redirectTo.searchParams.get('id_token_hint')?.split('.')).toHaveLength(3);
    expect((await fetch(`${app}/api/auth/me`, { headers: { cookie: `wh_session=${session}` } })).status).toBe(401);

    // The provider asks for confirmation, then sends the browser back to the console's login page.
    const page = await (await b.get(redirectTo.toString())).text();
    const xsrf = /name="xsrf" value="([^"]+)"/.exec(page)?.[1];
    expect(xsrf).toBeTruthy();
    const confirmed = await b.post(`${idp.issuer}/session/end/confirm`, { xsrf: xsrf!, logout: 'yes' });
    expect(confirmed.headers.get('location')).toBe(`${t.config.publicOrigin}/login`);
    // The provider's session is gone: the next sign-in asks for the password again.
    const again = await landsOn(b);
    expect(again.pathname).toMatch(/^\/interaction\//);
    expect(await (await b.get(again.toString())).text()).toContain('name="login"');
  });

  it('with its provider disabled meanwhile, the console still logs out (and sends the browser nowhere else)', async () => {
    const b = new CookieBrowser();
    expect((await b.get(toApp(await throughIdp(b, await start(b))))).headers.get('location')).toBe('/clusters');
    expect((await admin.patch('/api/identity-providers/sso', { enabled: false })).status).toBe(200);
    try {
      expect(await logout(b)).toBeNull();
    } finally {
      expect((await admin.patch('/api/identity-providers/sso', { enabled: true })).status).toBe(200);
    }
  });
});
