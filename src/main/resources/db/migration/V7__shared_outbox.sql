-- The outbox is shared by every replica (DESIGN §8): rows are no longer deleted when indexed; each replica records
-- in its own index how far it has read. Rows older than the retention are purged, and the installation remembers
-- the highest purged id, so a replica that fell behind the purge knows it must rebuild.
ALTER TABLE outbox DROP INDEX ix_outbox_pending, DROP COLUMN processed_at, ADD INDEX ix_outbox_created (created_at);
ALTER TABLE installation ADD COLUMN outbox_purged_through BIGINT NOT NULL DEFAULT 0;
