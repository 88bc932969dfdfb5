-- Keyword research loop: what people search, how many results they got. No IP address, no user id, no session.
CREATE TABLE search_log (
    id           BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    created_at   DATETIME(3)   NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    query_text   VARCHAR(200)  NOT NULL,
    filters      VARCHAR(1000) NULL,
    kind         VARCHAR(20)   NULL,
    result_count INT           NOT NULL,
    widened      VARCHAR(100)  NULL,
    crisis       BOOLEAN       NOT NULL DEFAULT FALSE,
    took_ms      INT           NOT NULL,
    INDEX ix_search_log_time (created_at),
    INDEX ix_search_log_query (query_text(100))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
