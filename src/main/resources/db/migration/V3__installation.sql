-- Identity of this database. The search index records it, so an index built from another database (a data
-- directory moved, a restore, a test database created anew) is recognised and rebuilt rather than trusted.
CREATE TABLE installation (
    id         CHAR(36)    NOT NULL PRIMARY KEY,
    created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
INSERT INTO installation (id) VALUES (UUID());
