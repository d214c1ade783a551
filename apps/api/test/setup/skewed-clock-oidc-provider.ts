/**
 * An OpenID Provider whose clock runs OP_CLOCK_SKEW_SECONDS behind, so the ID tokens it signs have already
 * expired when they arrive: what a provider with a wrong clock really does. It runs in a process of its own so
 * the console under test keeps the true time. Prints {"issuer": …} on stdout once it listens.
 */
import type { TestAccount, TestClient } from './oidc-provider.ts';

const skewMs = Number(process.env.OP_CLOCK_SKEW_SECONDS) * 1000;
const realNow = Date.now.bind(Date);
Date.now = () => realNow() - skewMs;

const { startOidcProvider } = await import('./oidc-provider.ts');
const { clients, accounts } = JSON.parse(process.env.OP_CONFIG ?? '{}') as { clients: TestClient[]; accounts: Record<string, TestAccount> };
const op = await startOidcProvider(clients, accounts);
process.stdout.write(`${JSON.stringify({ issuer: op.issuer })}\n`);
