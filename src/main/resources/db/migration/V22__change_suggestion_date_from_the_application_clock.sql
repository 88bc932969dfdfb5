-- The last date a database default could write (V16, V21 did the others): suggestions from the public are dated by
-- directory.SuggestionQueue with the application's clock; without a default, a writer that forgot fails instead.
-- V1–V6 still show their original defaults: applied migrations are never edited (Flyway checks their checksums).
ALTER TABLE change_suggestion MODIFY created_at DATETIME(3) NOT NULL;
