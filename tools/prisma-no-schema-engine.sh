#!/bin/sh
# Stand-in for Prisma's schema engine, which Prisma downloads from its own host (unreachable offline).
# `prisma generate` never runs it; `prisma migrate` would: Wheelhouse applies migrations with its own runner
# (apps/api/src/database/migrator.ts). Set PRISMA_USE_REAL_SCHEMA_ENGINE=1 where the real engine is available.
echo "Prisma's schema engine is not installed in this offline build; migrations run through apps/api/src/database/migrator.ts" >&2
exit 1
