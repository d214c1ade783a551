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
});
