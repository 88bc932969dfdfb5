-- "Meld een wijziging": corrections suggested from a public page, waiting in the editors' queue.
-- Only what was suggested and about which listing; nothing about the person who suggested it.
CREATE TABLE change_suggestion (
    id           BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    listing_type VARCHAR(30)   NOT NULL,
    listing_id   VARCHAR(64)   NOT NULL,
    message      VARCHAR(2000) NOT NULL,
    status       VARCHAR(20)   NOT NULL DEFAULT 'new',
    created_at   DATETIME(3)   NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    decided_by   VARCHAR(200)  NULL,
    decided_at   DATETIME(3)   NULL,
    decision_reason TEXT       NULL,
    CONSTRAINT ck_suggestion_status CHECK (status IN ('new', 'accepted', 'rejected')),
    CONSTRAINT ck_suggestion_type CHECK (listing_type IN ('service', 'organization', 'professional', 'course')),
    INDEX ix_suggestion_queue (status, created_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
