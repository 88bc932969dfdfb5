-- What is public, defined once: every read path (API, pages, sitemap, autocomplete, search index, HSDS, export)
-- reads listings through these views. A service or location is public only while its organisation is (an archived
-- organisation takes its services and sites offline); a professional only with consent to a public profile.
-- MariaDB fixes a view's columns when it is created: a migration that adds a column to one of these tables
-- recreates its view (CREATE OR REPLACE VIEW).
CREATE VIEW public_organization AS
    SELECT o.* FROM organization o WHERE o.publication_status = 'published';

CREATE VIEW public_service AS
    SELECT s.* FROM service s
    WHERE s.publication_status = 'published'
      AND (s.organization_id IS NULL
           OR EXISTS (SELECT 1 FROM organization o WHERE o.id = s.organization_id AND o.publication_status = 'published'));

CREATE VIEW public_location AS
    SELECT l.* FROM location l
    WHERE l.publication_status = 'published'
      AND (l.organization_id IS NULL
           OR EXISTS (SELECT 1 FROM organization o WHERE o.id = l.organization_id AND o.publication_status = 'published'));

CREATE VIEW public_professional AS
    SELECT p.* FROM professional p WHERE p.publication_status = 'published' AND p.consent_public;

CREATE VIEW public_course AS
    SELECT k.* FROM course k WHERE k.publication_status = 'published';
