import 'reflect-metadata';
import { fileURLToPath } from 'node:url';
import { createApp } from './app.factory.js';
import { loadConfig } from './config/env.schema.js';
import { loadSecretKey } from './config/secret-key.js';
import { startEmbeddedPostgres, type EmbeddedDatabase } from './database/embedded-postgres.js';
import { migrate } from './database/migrator.js';
import { BootstrapAdminService } from './users/bootstrap-admin.service.js';

const MIN_NODE_MAJOR = 24;

async function main(): Promise<void> {
  const major = Number(process.versions.node.split('.')[0]);
  if (major < MIN_NODE_MAJOR) {
    throw new Error(`Node ${MIN_NODE_MAJOR}+ is required (running ${process.versions.node}); start with \`npm start\``);
  }
  const config = loadConfig();
  const secretKey = await loadSecretKey(config.WHEELHOUSE_SECRET_KEY, config.dataDir);

  let embedded: EmbeddedDatabase | undefined;
  let databaseUrl = config.DATABASE_URL;
  if (!databaseUrl) {
    log(`starting embedded PostgreSQL in ${config.dataDir}/postgres`);
    embedded = await startEmbeddedPostgres({ dataDir: config.dataDir, persistent: true, restartOnExit: true });
    databaseUrl = embedded.url;
  }
  const stopDatabase = async () => {
    await embedded?.stop();
    embedded = undefined;
  };

  try {
    const migrationsDir = config.MIGRATIONS_DIR ?? fileURLToPath(new URL('../../../prisma/migrations', import.meta.url));
    const result = await migrate(databaseUrl, migrationsDir);
    log(`migrations: ${result.applied.length} applied, ${result.alreadyApplied.length} already in place`);

    const app = await createApp(config, databaseUrl, secretKey);
    const admin = await app.get(BootstrapAdminService).ensureAdmin();
    // Under scripts/start.mjs (an IPC channel) the launcher prints one summary with the password instead.
    if (admin.generatedPassword && !process.send) {
      // Printed once, to the operator's terminal only (not the structured log).
      process.stdout.write(
        `\n  First run: sign in as "admin" with password  ${admin.generatedPassword}\n  You will be asked to change it.\n\n`,
      );
    }
    let closing = false;
    const shutdown = (signal: string) => {
      if (closing) return;
      closing = true;
      log(`${signal}: shutting down`);
      void app
        .close()
        .then(stopDatabase)
        .then(() => process.exit(0), () => process.exit(1));
    };
    process.once('SIGINT', () => shutdown('SIGINT'));
    process.once('SIGTERM', () => shutdown('SIGTERM'));
    await app.listen(config.PORT, config.HOST);
    if (process.send) {
      process.send({
        type: 'ready',
        url: config.publicUrl.origin,
        dataDir: config.dataDir,
        adminCreated: admin.created,
        adminPassword: admin.generatedPassword,
      });
    } else {
      log(`Wheelhouse is running at ${config.publicUrl.origin}`);
    }
  } catch (err) {
    await stopDatabase();
    throw err;
  }
}

function log(message: string): void {
  process.stdout.write(`[wheelhouse] ${message}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`[wheelhouse] failed to start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
