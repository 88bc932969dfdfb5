-- A recognition's certificate carries an address anyone can open to check it (issue 22): an unguessable code per
-- recognised professional, kept while a level is held and dropped when none is.
ALTER TABLE recognition ADD COLUMN verification_code VARCHAR(64) NULL,
    ADD CONSTRAINT uq_recognition_verification UNIQUE (verification_code);
