-- Whether a course exists, runs as a pilot or is planned (issue 22): the report's training tables tell them apart,
-- and the catalogue filters on it.
ALTER TABLE course ADD COLUMN course_status VARCHAR(20) NOT NULL DEFAULT 'existing',
    ADD CONSTRAINT ck_course_status CHECK (course_status IN ('existing', 'pilot', 'planned'));
CREATE OR REPLACE VIEW public_course AS
    SELECT k.* FROM course k WHERE k.publication_status = 'published';
