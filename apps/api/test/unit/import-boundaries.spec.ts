import { ESLint } from 'eslint';
import { fileURLToPath } from 'node:url';
import tseslint from 'typescript-eslint';
import { beforeAll, describe, expect, it } from 'vitest';

/** Proves the architecture's import rules are live in `npm run lint`, using the repository's own config. */
const root = fileURLToPath(new URL('../../../../', import.meta.url));
let eslint: ESLint;
beforeAll(() => {
  // The fixtures exist only in memory, so type-aware parsing (which needs files on disk) is switched off; the
  // boundary rules themselves are syntactic and come unchanged from eslint.config.mjs.
  eslint = new ESLint({
    cwd: root,
    overrideConfig: [
      { ...tseslint.configs.disableTypeChecked, languageOptions: { parserOptions: { projectService: false, project: false } } },
    ],
  });
});

async function ruleIds(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${root}${filePath}` });
  const messages = result?.messages ?? [];
  const fatal = messages.find((m) => m.fatal);
  if (fatal) throw new Error(fatal.message);
  return messages.map((m) => m.ruleId ?? m.message);
}

const K8S = "import { KubeConfig } from '@kubernetes/client-node';\nexport const kc = new KubeConfig();\n";
const PRISMA = "import { PrismaClient } from '../generated/prisma/client.js';\nexport const p = PrismaClient;\n";
const PRISMA_TYPE = "import type { User } from '../generated/prisma/client.js';\nexport type U = User;\n";
const RESTRICTED = '@typescript-eslint/no-restricted-imports';
const importing = (from: string) => `import { x } from '${from}';\nexport const y = x;\n`;

describe('import boundaries', () => {
  it('rejects @kubernetes/client-node outside apps/api/src/k8s/', async () => {
    expect(await ruleIds(K8S, 'apps/api/src/users/fixture.service.ts')).toContain(RESTRICTED);
    expect(await ruleIds(K8S, 'apps/web/src/lib/fixture.ts')).toContain(RESTRICTED);
  });

  it('allows @kubernetes/client-node inside apps/api/src/k8s/', async () => {
    expect(await ruleIds(K8S, 'apps/api/src/k8s/fixture-client.factory.ts')).not.toContain(RESTRICTED);
  });

  it('rejects the Prisma client in services and controllers but allows it in repositories and database/', async () => {
    expect(await ruleIds(PRISMA, 'apps/api/src/users/fixture.service.ts')).toContain(RESTRICTED);
    expect(await ruleIds(PRISMA, 'apps/api/src/users/fixture.controller.ts')).toContain(RESTRICTED);
    expect(await ruleIds(PRISMA, 'apps/api/src/users/fixture.repository.ts')).not.toContain(RESTRICTED);
    expect(await ruleIds(PRISMA, 'apps/api/src/database/fixture.ts')).not.toContain(RESTRICTED);
  });

  it('lets services name Prisma model types without touching the client', async () => {
    expect(await ruleIds(PRISMA_TYPE, 'apps/api/src/users/fixture.service.ts')).not.toContain(RESTRICTED);
  });

  describe('web layers: kit and lib → features → app', () => {
    it('rejects a feature importing another feature, by alias or by relative path', async () => {
      expect(await ruleIds(importing('@/features/rbac/api'), 'apps/web/src/features/teams/fixture.ts')).toContain(RESTRICTED);
      expect(await ruleIds(importing('@/features/users/components/users-page'), 'apps/web/src/features/teams/components/fixture.tsx')).toContain(RESTRICTED);
      expect(await ruleIds(importing('../../rbac/api'), 'apps/web/src/features/teams/components/fixture.tsx')).toContain(RESTRICTED);
      // A prefix of another folder's name is still another folder.
      expect(await ruleIds(importing('@/features/rbac-extra/api'), 'apps/web/src/features/rbac/fixture.ts')).toContain(RESTRICTED);
    });

    it('applies to feature tests as well', async () => {
      expect(await ruleIds(importing('@/features/rbac/api'), 'apps/web/src/features/users/fixture.test.ts')).toContain(RESTRICTED);
    });

    it('allows a feature its own folder, the kit and lib', async () => {
      const file = 'apps/web/src/features/teams/components/fixture.tsx';
      expect(await ruleIds(importing('@/features/teams/api'), file)).not.toContain(RESTRICTED);
      expect(await ruleIds(importing('../api'), file)).not.toContain(RESTRICTED);
      expect(await ruleIds(importing('@/kit/pickers/user-select'), file)).not.toContain(RESTRICTED);
      expect(await ruleIds(importing('@/lib/api-client'), file)).not.toContain(RESTRICTED);
    });

    it('rejects kit, lib and components importing any feature, and anything importing routes', async () => {
      expect(await ruleIds(importing('@/features/users/api'), 'apps/web/src/kit/fixture.ts')).toContain(RESTRICTED);
      expect(await ruleIds(importing('../../features/users/api'), 'apps/web/src/kit/pickers/fixture.tsx')).toContain(RESTRICTED);
      expect(await ruleIds(importing('@/features/rbac/api'), 'apps/web/src/lib/fixture.ts')).toContain(RESTRICTED);
      expect(await ruleIds(importing('@/features/shell/nav-sections'), 'apps/web/src/components/fixture.tsx')).toContain(RESTRICTED);
      expect(await ruleIds(importing('@/app/layout'), 'apps/web/src/features/shell/fixture.ts')).toContain(RESTRICTED);
      expect(await ruleIds(importing('@/kit/queries'), 'apps/web/src/kit/fixture.ts')).not.toContain(RESTRICTED);
    });

    it('lets routes compose features', async () => {
      expect(await ruleIds(importing('@/features/rbac/components/user-bindings-drawer'), 'apps/web/src/app/(console)/admin/users/fixture.tsx')).not.toContain(RESTRICTED);
    });

    it('keeps the server-only libraries out of feature and kit files', async () => {
      expect(await ruleIds(K8S, 'apps/web/src/features/teams/fixture.ts')).toContain(RESTRICTED);
      expect(await ruleIds(K8S, 'apps/web/src/kit/fixture.ts')).toContain(RESTRICTED);
    });
  });
});
