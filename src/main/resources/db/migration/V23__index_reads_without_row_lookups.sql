-- A search index rebuild reads the listings a chunk at a time (bounded memory). For each chunk it looks up the terms,
-- languages and reimbursements of a thousand listings; with these indexes covering what it reads, those lookups are
-- answered from the index alone instead of one row fetch each (at 100,000 services with the default 128 MB buffer
-- pool: 0.65 s per chunk for the terms alone, 0.02 s with the covering index).
ALTER TABLE attribute DROP INDEX ix_attribute_link, ADD INDEX ix_attribute_link (link_id, link_entity, taxonomy_term_id);
ALTER TABLE language ADD INDEX ix_language_service_code (service_id, code), DROP INDEX ix_language_service;
ALTER TABLE cost_option ADD INDEX ix_cost_service_reimbursement (service_id, reimbursement);
