-- Which listings each imported dataset (its source, e.g. a publisher's feed) brought, as of its latest import, so a
-- newer version of that dataset reports the listings it no longer has (they are kept: editors decide).
CREATE TABLE import_record (
    source     VARCHAR(200) NOT NULL,
    table_key  VARCHAR(64)  NOT NULL,
    record_id  VARCHAR(64)  NOT NULL,
    run_id     CHAR(36)     NOT NULL,
    PRIMARY KEY (source, table_key, record_id),
    INDEX ix_import_record_run (source, run_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
