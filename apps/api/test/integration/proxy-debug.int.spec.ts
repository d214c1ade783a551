import { it, expect } from 'vitest';
import { adminSession, raw, startListeningApp, userWithToken } from './proxy-harness.js';
it('debug', async () => {
  const t = await startListeningApp();
  const admin = await adminSession(t);
  const u = await userWithToken(t, admin, 'dbg');
  console.log('token', u.token, u.id);
  console.log(await raw(t, 'GET', '/k8s/clusters/c1/api', { Authorization: `Bearer ${u.token}` }));
  const k = await u.session.get('/api/clusters/c1/kubeconfig');
  console.log(k.status, k.text);
  await t.close();
  expect(1).toBe(1);
});
