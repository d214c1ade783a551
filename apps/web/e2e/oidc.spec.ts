import type { Server } from 'node:http';
import { createServer } from 'node:net';
import Provider from 'oidc-provider';
import { E2E_BASE_URL, HOME_URL } from './constants';
import { ADMIN, chooseFromMenu, expect, login, logout, test } from './fixtures';
import { uniq } from './helpers';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** A real OpenID Provider in the test process (dev login form that accepts any password, a groups claim). */
async function startProvider(redirectUri: string, postLogoutRedirectUri: string) {
  const port = await freePort();
  const issuer = `http://127.0.0.1:${port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: 'wheelhouse',
        client_secret: 'e2e-client-secret',
        redirect_uris: [redirectUri],
        post_logout_redirect_uris: [postLogoutRedirectUri],
        response_types: ['code'],
        grant_types: ['authorization_code'],
        token_endpoint_auth_method: 'client_secret_post',
      },
    ],
    pkce: { required: () => true },
    features: { devInteractions: { enabled: true } },
    cookies: { keys: ['wheelhouse-e2e-cookie-key'] },
    scopes: ['openid', 'profile', 'email', 'groups'],
    claims: { openid: ['sub'], profile: ['name', 'preferred_username'], email: ['email'], groups: ['groups'] },
    findAccount: (_ctx: unknown, sub: string) => ({
      accountId: sub,
      claims: () => ({ sub, preferred_username: sub, name: `OIDC ${sub}`, email: `${sub}@example.com`, groups: ['developers'] }),
    }),
  });
  // Its dev login pages @import Google Fonts: strip that so the walk stays offline (the guard stays on).
  provider.use(async (ctx: { body: unknown }, next: () => Promise<void>) => {
    await next();
    if (typeof ctx.body === 'string') {
      ctx.body = ctx.body.replace(/@import url\(https:\/\/fonts\.googleapis\.com[^)]*\);/g, '');
    }
  });
  const server = await new Promise<Server>((resolve) => {
    const s = provider.listen(port, '127.0.0.1', () => resolve(s)) as Server;
  });
  return { issuer, stop: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

test('a user signs in through an OIDC provider from the login page', async ({ page }) => {
  const id = `sso-${uniq()}`;
  const idp = await startProvider(`${E2E_BASE_URL}/api/auth/oidc/${id}/callback`, `${E2E_BASE_URL}/login`);
  try {
    await login(page, ADMIN.username, ADMIN.password);
    await expect(page).toHaveURL(HOME_URL);
    const created = await page.request.post('/api/identity-providers', {
      headers: { origin: E2E_BASE_URL },
      data: {
        type: 'oidc',
        id,
        displayName: `Company SSO ${id}`,
        clientSecret: 'e2e-client-secret',
        config: { issuer: idp.issuer, clientId: 'wheelhouse', scopes: ['openid', 'profile', 'email', 'groups'], allowInsecureHttp: true },
      },
    });
    expect(created.status(), await created.text()).toBe(201);
    await logout(page);

    const username = `li-${uniq()}`;
    await page.goto('/login?next=%2Fworkloads');
    await page.getByRole('link', { name: `Sign in with Company SSO ${id}` }).click();
    // The provider's own (dev) login and consent pages.
    await page.locator('input[name="login"]').fill(username);
    await page.locator('input[name="password"]').fill('any');
    await page.locator('button[type="submit"]').click();
    await page.locator('button[type="submit"]').click();
    await expect(page).toHaveURL(/\/workloads$/);
    await expect(page.getByTestId('user-menu')).toContainText(`OIDC ${username}`);

    // Logout ends the provider's session too: its confirmation page, then back to the console's login page.
    await chooseFromMenu(page, page.getByTestId('user-menu'), 'Log out');
    await expect(page).toHaveURL(new RegExp(`^${idp.issuer}/session/end`));
    await page.getByRole('button', { name: 'Yes, sign me out' }).click();
    await expect(page).toHaveURL(/\/login$/);
    // Signing in again asks the provider for the password again.
    await page.getByRole('link', { name: `Sign in with Company SSO ${id}` }).click();
    await expect(page.locator('input[name="password"]')).toBeVisible();
  } finally {
    await idp.stop();
  }
});
