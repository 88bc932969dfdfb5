-- A search index rebuild reads the listings a chunk at a time (bounded memory). For each chunk it looks up the terms,
-- languages and reimbursements of a thousand listings; with these indexes covering what it reads, those lookups are
-- answered from the index alone instead of one row fetch each (at 100,000 services with the default 128 MB buffer
-- pool: 0.65 s per chunk for the terms alone, 0.02 s with the covering index).
-- MariaDB cannot roll back DDL: every statement may be run again after a failure half-way.
ALTER TABLE attribute DROP INDEX IF EXISTS ix_attribute_link,
    ADD INDEX ix_attribute_link (link_id, link_entity, taxonomy_term_id);
ALTER TABLE language ADD INDEX IF NOT EXISTS ix_language_service_code (service_id, code);
ALTER TABLE language DROP INDEX IF EXISTS ix_language_service;
ALTER TABLE cost_option ADD INDEX IF NOT EXISTS ix_cost_service_reimbursement (service_id, reimbursement);
