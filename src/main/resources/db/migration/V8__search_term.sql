-- Search words that editors add from real use ("voeg toe als zoekwoord van …"): a word or phrase people type, tied to
-- the taxonomy term it means. A search term is a listing kind of the editorial workflow: drafted, reviewed by a
-- second editor, published, archived (retired), with every step in the revision log; publishing queues an outbox
-- row, and every replica's search picks the vocabulary up from there within a poll.
CREATE TABLE search_term (
    id                 VARCHAR(64)  NOT NULL PRIMARY KEY,
    publication_status VARCHAR(20)  NOT NULL DEFAULT 'draft',
    verified_at        DATETIME(3)  NULL,
    phrase             VARCHAR(300) NOT NULL,
    taxonomy_term_id   VARCHAR(64)  NOT NULL,
    note               TEXT         NULL,
    CONSTRAINT fk_search_term_term FOREIGN KEY (taxonomy_term_id) REFERENCES taxonomy_term (id),
    CONSTRAINT ck_search_term_status CHECK (publication_status IN ('draft', 'in_review', 'published', 'archived')),
    INDEX ix_search_term_status (publication_status)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

ALTER TABLE listing_change DROP CONSTRAINT ck_change_type,
    ADD CONSTRAINT ck_change_type CHECK (entity_type IN ('organization', 'location', 'service', 'professional', 'course',
                                                         'search_term'));
