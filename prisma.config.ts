import { defineConfig } from 'prisma/config';
import { fileURLToPath } from 'node:url';

// Prisma downloads its schema engine from its own host before most commands; pointing at a stub skips that
// (generate/validate/format only need the bundled WASM). See tools/prisma-no-schema-engine.sh.
if (!process.env.PRISMA_USE_REAL_SCHEMA_ENGINE) {
  process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= fileURLToPath(
    new URL('./tools/prisma-no-schema-engine.sh', import.meta.url),
  );
}

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  // env('DATABASE_URL') throws when unset, which would break `generate` on a fresh clone.
  datasource: { url: process.env.DATABASE_URL ?? 'postgresql://unused@127.0.0.1:1/unused' },
});
