-- The audit trail, course completions and the installation row take their time from the application's clock (every
-- writer sets it), as V16 did for the listings: without a default, a writer that forgot would fail instead of
-- stamping the database's wall clock. The outbox keeps its default on purpose: it is ordered and purged by the
-- database's clock alone, shared by every replica (search.OutboxTable).
ALTER TABLE revision MODIFY created_at DATETIME(3) NOT NULL;
ALTER TABLE course_completion MODIFY created_at DATETIME(3) NOT NULL;
ALTER TABLE installation MODIFY created_at DATETIME(3) NOT NULL;
