-- The object timeline reads the writes to one object (cluster + name, then namespace and kind); without an index
-- that is a scan of the whole audit log on every detail page.
CREATE INDEX "audit_events_cluster_target_name_time_idx" ON "audit_events"("cluster", "target_name", "time");
