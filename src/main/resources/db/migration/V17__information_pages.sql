-- Information pages for parents (issue 21): short pages in plain Dutch per need, written and changed by editors
-- through the same review as listings (a listing kind of the workflow, entity type 'page'), indexed as kind=page.
-- The body is Markdown (or a safe subset of HTML); it is sanitised when it is shown, never trusted as stored.
CREATE TABLE info_page (
    id                 VARCHAR(64)  NOT NULL PRIMARY KEY,
    publication_status VARCHAR(20)  NOT NULL DEFAULT 'draft',
    verified_at        DATETIME(3)  NULL,
    created_at         DATETIME(3)  NULL,
    updated_at         DATETIME(3)  NULL,
    slug               VARCHAR(80)  NOT NULL,
    title              VARCHAR(200) NOT NULL,
    summary            VARCHAR(600) NOT NULL,
    body               MEDIUMTEXT   NOT NULL,
    search_text        VARCHAR(200) NULL,
    sources            TEXT         NULL,
    CONSTRAINT uq_info_page_slug UNIQUE (slug),
    CONSTRAINT ck_info_page_status CHECK (publication_status IN ('draft', 'in_review', 'published', 'archived'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE VIEW public_info_page AS
    SELECT p.* FROM info_page p WHERE p.publication_status = 'published';

ALTER TABLE listing_change DROP CONSTRAINT ck_change_type,
    ADD CONSTRAINT ck_change_type CHECK (entity_type IN ('organization', 'location', 'service', 'professional', 'course',
                                                         'search_term', 'page'));

-- The listing's entry in the Flemish sociale kaart, when known: public pages link to it (issue 21, item 6).
ALTER TABLE organization ADD COLUMN sociale_kaart_id VARCHAR(64) NULL;
ALTER TABLE service ADD COLUMN sociale_kaart_id VARCHAR(64) NULL;
CREATE OR REPLACE VIEW public_organization AS
    SELECT o.* FROM organization o WHERE o.publication_status = 'published';
CREATE OR REPLACE VIEW public_service AS
    SELECT s.* FROM service s
    WHERE s.publication_status = 'published'
      AND (s.organization_id IS NULL
           OR EXISTS (SELECT 1 FROM organization o WHERE o.id = s.organization_id AND o.publication_status = 'published'));
