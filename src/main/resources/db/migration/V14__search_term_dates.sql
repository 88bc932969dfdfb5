-- Every listing kind an editor writes is dated the same way (created_at, updated_at from the application's clock).
ALTER TABLE search_term
    ADD COLUMN created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    ADD COLUMN updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3);
