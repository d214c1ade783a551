-- Kubernetes events kept beyond the apiserver's one-hour retention (EVENTS_RETENTION_DAYS, default 7), for the
-- per-object timeline. One row per (cluster, event uid), updated as the event's count grows.
CREATE TABLE "cluster_events" (
    "id" BIGSERIAL NOT NULL,
    "cluster_id" TEXT NOT NULL,
    "uid" TEXT NOT NULL,
    "namespace" TEXT,
    "involved_kind" TEXT,
    "involved_name" TEXT,
    "involved_uid" TEXT,
    "type" TEXT,
    "reason" TEXT,
    "message" TEXT,
    "reporting_controller" TEXT,
    "count" INTEGER NOT NULL DEFAULT 1,
    "first_time" TIMESTAMPTZ(3),
    "last_time" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "cluster_events_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "cluster_events_cluster_id_uid_key" ON "cluster_events"("cluster_id", "uid");
CREATE INDEX "cluster_events_involved_idx" ON "cluster_events"("cluster_id", "involved_uid", "last_time");
CREATE INDEX "cluster_events_namespace_idx" ON "cluster_events"("cluster_id", "namespace", "last_time");
CREATE INDEX "cluster_events_last_time_idx" ON "cluster_events"("last_time");
