-- Belgian places complete (state of 2025-01-01): Dutch and French names of every locality and municipality, and the
-- eerstelijnszone of every Flemish and Brussels locality. The table is emptied so the next start loads the new file;
-- addresses without a zone then get theirs from it.
ALTER TABLE geo_postal_code ADD COLUMN locality_fr VARCHAR(200) NULL, ADD COLUMN municipality_fr VARCHAR(200) NULL;
DELETE FROM geo_postal_code;
