-- Dates that rules read (freshness, modified_after, queues, audits) come from the application's clock, which tests
-- move; a database default or ON UPDATE would write the machine's time instead whenever a write forgets them, and
-- ON UPDATE overwrote an updated_at the application had just set (a later UPDATE of the same row in the same edit).
-- Every writer sets these columns itself; without a default, one that does not fails instead of dating silently.
-- (The outbox keeps the database's time on purpose: its rows are compared with the database clock across replicas.)
ALTER TABLE organization MODIFY created_at DATETIME(3) NOT NULL, MODIFY updated_at DATETIME(3) NOT NULL;
ALTER TABLE location MODIFY created_at DATETIME(3) NOT NULL, MODIFY updated_at DATETIME(3) NOT NULL;
ALTER TABLE service MODIFY created_at DATETIME(3) NOT NULL, MODIFY updated_at DATETIME(3) NOT NULL;
ALTER TABLE professional MODIFY created_at DATETIME(3) NOT NULL, MODIFY updated_at DATETIME(3) NOT NULL;
ALTER TABLE course MODIFY created_at DATETIME(3) NOT NULL, MODIFY updated_at DATETIME(3) NOT NULL;
ALTER TABLE listing_change MODIFY created_at DATETIME(3) NOT NULL, MODIFY updated_at DATETIME(3) NOT NULL;
ALTER TABLE account MODIFY created_at DATETIME(3) NOT NULL, MODIFY password_changed_at DATETIME(3) NOT NULL;
ALTER TABLE account_session MODIFY created_at DATETIME(3) NOT NULL, MODIFY last_seen_at DATETIME(3) NOT NULL;
ALTER TABLE search_log MODIFY created_at DATETIME(3) NOT NULL;
ALTER TABLE evidence MODIFY created_at DATETIME(3) NOT NULL;
ALTER TABLE committee_file MODIFY opened_at DATETIME(3) NOT NULL;
