-- The sign-in throttle moves to rate-limiter-flexible (RateLimiterPrisma): per (account, source) failures with growing
-- delays and a per-source cap, instead of fixed-window counters per account and per IP. The old counters only
-- limited the next ten minutes, so they are dropped rather than carried over.
DROP TABLE "login_failures";

CREATE TABLE "login_limits" (
    "key" TEXT NOT NULL,
    "points" INTEGER NOT NULL,
    "expire" TIMESTAMPTZ(3),
    CONSTRAINT "login_limits_pkey" PRIMARY KEY ("key")
);
CREATE INDEX "login_limits_expire_idx" ON "login_limits"("expire");
