-- Every listing kind an editor writes is dated the same way: created_at and updated_at, written from the
-- application's clock by the editorial writes (no database default: a write that forgets them fails). Terms written
-- before this version have no dates.
ALTER TABLE search_term
    ADD COLUMN created_at DATETIME(3) NULL,
    ADD COLUMN updated_at DATETIME(3) NULL;
