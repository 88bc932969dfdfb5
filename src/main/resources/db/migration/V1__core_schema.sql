-- Nestkaart core schema. Table and column names follow Open Referral HSDS 3.0 where HSDS has them;
-- ids are the dataset's own ids (HSDS uses UUIDs), so imported records keep their identity.
-- Every listing (organization, location, service, professional) carries publication_status and verified_at.

CREATE TABLE taxonomy (
    id          VARCHAR(64)  NOT NULL PRIMARY KEY,
    name        VARCHAR(200) NOT NULL,
    description TEXT         NOT NULL,
    uri         VARCHAR(500) NULL,
    version     VARCHAR(50)  NULL,
    INDEX ix_taxonomy_name (name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE taxonomy_term (
    id          VARCHAR(64)  NOT NULL PRIMARY KEY,
    taxonomy_id VARCHAR(64)  NULL,
    taxonomy    VARCHAR(200) NULL,
    code        VARCHAR(100) NULL,
    name        VARCHAR(300) NOT NULL,
    description TEXT         NOT NULL,
    parent_id   VARCHAR(64)  NULL,
    language    VARCHAR(20)  NULL,
    term_uri    VARCHAR(500) NULL,
    sort_order  INT          NOT NULL DEFAULT 0,
    CONSTRAINT fk_term_taxonomy FOREIGN KEY (taxonomy_id) REFERENCES taxonomy (id),
    CONSTRAINT fk_term_parent FOREIGN KEY (parent_id) REFERENCES taxonomy_term (id),
    UNIQUE KEY ux_term_code (taxonomy_id, code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Lay words, abbreviations and spelling variants by which people name a term ("somber na de bevalling").
CREATE TABLE taxonomy_term_synonym (
    id      BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    term_id VARCHAR(64)  NOT NULL,
    synonym VARCHAR(300) NOT NULL,
    kind    VARCHAR(20)  NOT NULL,
    source  VARCHAR(300) NULL,
    CONSTRAINT fk_synonym_term FOREIGN KEY (term_id) REFERENCES taxonomy_term (id) ON DELETE CASCADE,
    CONSTRAINT ck_synonym_kind CHECK (kind IN ('lay', 'abbreviation', 'variant', 'professional')),
    UNIQUE KEY ux_synonym (term_id, synonym)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE organization (
    id                     VARCHAR(64)  NOT NULL PRIMARY KEY,
    name                   VARCHAR(300) NOT NULL,
    alternate_name         VARCHAR(300) NULL,
    description            TEXT         NOT NULL,
    email                  VARCHAR(300) NULL,
    website                VARCHAR(500) NULL,
    tax_status             VARCHAR(100) NULL,
    tax_id                 VARCHAR(100) NULL,
    year_incorporated      INT          NULL,
    legal_status           VARCHAR(100) NULL,
    logo                   VARCHAR(500) NULL,
    uri                    VARCHAR(500) NULL,
    parent_organization_id VARCHAR(64)  NULL,
    publication_status     VARCHAR(20)  NOT NULL DEFAULT 'draft',
    verified_at            DATETIME(3)  NULL,
    created_at             DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    updated_at             DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
    CONSTRAINT fk_org_parent FOREIGN KEY (parent_organization_id) REFERENCES organization (id),
    CONSTRAINT ck_org_publication CHECK (publication_status IN ('draft', 'in_review', 'published', 'archived')),
    INDEX ix_org_publication (publication_status, name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE location (
    id                       VARCHAR(64)   NOT NULL PRIMARY KEY,
    organization_id          VARCHAR(64)   NULL,
    location_type            VARCHAR(20)   NOT NULL,
    url                      VARCHAR(500)  NULL,
    name                     VARCHAR(300)  NULL,
    alternate_name           VARCHAR(300)  NULL,
    description              TEXT          NULL,
    transportation           TEXT          NULL,
    latitude                 DECIMAL(9, 6) NULL,
    longitude                DECIMAL(9, 6) NULL,
    -- 'dataset' when the coordinates came with the record, 'postal_code' when resolved from the address
    coordinates_source       VARCHAR(20)   NULL,
    external_identifier      VARCHAR(200)  NULL,
    external_identifier_type VARCHAR(100)  NULL,
    publication_status       VARCHAR(20)   NOT NULL DEFAULT 'draft',
    verified_at              DATETIME(3)   NULL,
    created_at               DATETIME(3)   NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    updated_at               DATETIME(3)   NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
    CONSTRAINT fk_location_org FOREIGN KEY (organization_id) REFERENCES organization (id),
    CONSTRAINT ck_location_type CHECK (location_type IN ('physical', 'postal', 'virtual')),
    CONSTRAINT ck_location_publication CHECK (publication_status IN ('draft', 'in_review', 'published', 'archived')),
    CONSTRAINT ck_location_lat CHECK (latitude IS NULL OR latitude BETWEEN -90 AND 90),
    CONSTRAINT ck_location_lon CHECK (longitude IS NULL OR longitude BETWEEN -180 AND 180)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE address (
    id              VARCHAR(64)  NOT NULL PRIMARY KEY,
    location_id     VARCHAR(64)  NULL,
    attention       VARCHAR(300) NULL,
    address_1       VARCHAR(300) NOT NULL,
    address_2       VARCHAR(300) NULL,
    city            VARCHAR(200) NOT NULL,
    region          VARCHAR(200) NULL,
    state_province  VARCHAR(200) NOT NULL,
    postal_code     VARCHAR(20)  NOT NULL,
    country         VARCHAR(2)   NOT NULL,
    address_type    VARCHAR(20)  NOT NULL,
    -- resolved from the postal code table, for region filters
    municipality    VARCHAR(200) NULL,
    province        VARCHAR(200) NULL,
    eerstelijnszone VARCHAR(200) NULL,
    CONSTRAINT fk_address_location FOREIGN KEY (location_id) REFERENCES location (id) ON DELETE CASCADE,
    INDEX ix_address_postal_code (postal_code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE accessibility (
    id          VARCHAR(64)  NOT NULL PRIMARY KEY,
    location_id VARCHAR(64)  NULL,
    description TEXT         NULL,
    details     TEXT         NULL,
    url         VARCHAR(500) NULL,
    CONSTRAINT fk_accessibility_location FOREIGN KEY (location_id) REFERENCES location (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE service (
    id                      VARCHAR(64)  NOT NULL PRIMARY KEY,
    organization_id         VARCHAR(64)  NULL,
    program_id              VARCHAR(64)  NULL,
    name                    VARCHAR(300) NOT NULL,
    alternate_name          VARCHAR(300) NULL,
    description             TEXT         NULL,
    url                     VARCHAR(500) NULL,
    email                   VARCHAR(300) NULL,
    status                  VARCHAR(30)  NOT NULL,
    interpretation_services TEXT         NULL,
    application_process     TEXT         NULL,
    fees_description        TEXT         NULL,
    wait_time               VARCHAR(300) NULL,
    -- structured waiting time: weeks, and the date that figure was reported
    waiting_weeks           INT          NULL,
    waiting_reported_on     DATE         NULL,
    -- true: only via referral; false: direct access; null: unknown
    referral_required       BOOLEAN      NULL,
    eligibility_description TEXT         NULL,
    minimum_age             INT          NULL,
    maximum_age             INT          NULL,
    assured_date            DATE         NULL,
    assurer_email           VARCHAR(300) NULL,
    alert                   TEXT         NULL,
    last_modified           DATETIME(3)  NULL,
    publication_status      VARCHAR(20)  NOT NULL DEFAULT 'draft',
    verified_at             DATETIME(3)  NULL,
    created_at              DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    updated_at              DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
    CONSTRAINT fk_service_org FOREIGN KEY (organization_id) REFERENCES organization (id),
    CONSTRAINT ck_service_status CHECK (status IN ('active', 'inactive', 'defunct', 'temporarily closed')),
    CONSTRAINT ck_service_publication CHECK (publication_status IN ('draft', 'in_review', 'published', 'archived')),
    CONSTRAINT ck_service_waiting CHECK (waiting_weeks IS NULL OR waiting_weeks >= 0),
    INDEX ix_service_publication (publication_status, name),
    INDEX ix_service_org (organization_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE service_at_location (
    id          VARCHAR(64) NOT NULL PRIMARY KEY,
    service_id  VARCHAR(64) NULL,
    location_id VARCHAR(64) NULL,
    description TEXT        NULL,
    CONSTRAINT fk_sal_service FOREIGN KEY (service_id) REFERENCES service (id) ON DELETE CASCADE,
    CONSTRAINT fk_sal_location FOREIGN KEY (location_id) REFERENCES location (id) ON DELETE CASCADE,
    INDEX ix_sal_service (service_id),
    INDEX ix_sal_location (location_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE contact (
    id                     VARCHAR(64)  NOT NULL PRIMARY KEY,
    organization_id        VARCHAR(64)  NULL,
    service_id             VARCHAR(64)  NULL,
    service_at_location_id VARCHAR(64)  NULL,
    location_id            VARCHAR(64)  NULL,
    name                   VARCHAR(300) NULL,
    title                  VARCHAR(300) NULL,
    department             VARCHAR(300) NULL,
    email                  VARCHAR(300) NULL,
    CONSTRAINT fk_contact_org FOREIGN KEY (organization_id) REFERENCES organization (id) ON DELETE CASCADE,
    CONSTRAINT fk_contact_service FOREIGN KEY (service_id) REFERENCES service (id) ON DELETE CASCADE,
    CONSTRAINT fk_contact_sal FOREIGN KEY (service_at_location_id) REFERENCES service_at_location (id) ON DELETE CASCADE,
    CONSTRAINT fk_contact_location FOREIGN KEY (location_id) REFERENCES location (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE phone (
    id                     VARCHAR(64)  NOT NULL PRIMARY KEY,
    location_id            VARCHAR(64)  NULL,
    service_id             VARCHAR(64)  NULL,
    organization_id        VARCHAR(64)  NULL,
    contact_id             VARCHAR(64)  NULL,
    service_at_location_id VARCHAR(64)  NULL,
    number                 VARCHAR(50)  NOT NULL,
    extension              VARCHAR(20)  NULL,
    type                   VARCHAR(20)  NULL,
    description            TEXT         NULL,
    CONSTRAINT fk_phone_location FOREIGN KEY (location_id) REFERENCES location (id) ON DELETE CASCADE,
    CONSTRAINT fk_phone_service FOREIGN KEY (service_id) REFERENCES service (id) ON DELETE CASCADE,
    CONSTRAINT fk_phone_org FOREIGN KEY (organization_id) REFERENCES organization (id) ON DELETE CASCADE,
    CONSTRAINT fk_phone_contact FOREIGN KEY (contact_id) REFERENCES contact (id) ON DELETE CASCADE,
    CONSTRAINT fk_phone_sal FOREIGN KEY (service_at_location_id) REFERENCES service_at_location (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE schedule (
    id                     VARCHAR(64)  NOT NULL PRIMARY KEY,
    service_id             VARCHAR(64)  NULL,
    location_id            VARCHAR(64)  NULL,
    service_at_location_id VARCHAR(64)  NULL,
    valid_from             DATE         NULL,
    valid_to               DATE         NULL,
    dtstart                DATE         NULL,
    timezone               INT          NULL,
    until                  DATE         NULL,
    count                  INT          NULL,
    wkst                   VARCHAR(2)   NULL,
    freq                   VARCHAR(10)  NULL,
    recur_interval         INT          NULL,
    byday                  VARCHAR(100) NULL,
    byweekno               VARCHAR(100) NULL,
    bymonthday             VARCHAR(100) NULL,
    byyearday              VARCHAR(100) NULL,
    description            TEXT         NULL,
    opens_at               TIME         NULL,
    closes_at              TIME         NULL,
    schedule_link          VARCHAR(500) NULL,
    attending_type         VARCHAR(100) NULL,
    notes                  TEXT         NULL,
    CONSTRAINT fk_schedule_service FOREIGN KEY (service_id) REFERENCES service (id) ON DELETE CASCADE,
    CONSTRAINT fk_schedule_location FOREIGN KEY (location_id) REFERENCES location (id) ON DELETE CASCADE,
    CONSTRAINT fk_schedule_sal FOREIGN KEY (service_at_location_id) REFERENCES service_at_location (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE cost_option (
    id                 VARCHAR(64)    NOT NULL PRIMARY KEY,
    service_id         VARCHAR(64)    NULL,
    valid_from         DATE           NULL,
    valid_to           DATE           NULL,
    option_text        VARCHAR(500)   NULL,
    currency           VARCHAR(3)     NULL,
    amount             DECIMAL(10, 2) NULL,
    amount_description TEXT           NULL,
    -- how the cost is covered: gratis, terugbetaald (fully reimbursed), remgeld (co-payment), niet_terugbetaald
    reimbursement      VARCHAR(30)    NULL,
    CONSTRAINT fk_cost_service FOREIGN KEY (service_id) REFERENCES service (id) ON DELETE CASCADE,
    CONSTRAINT ck_cost_reimbursement CHECK (reimbursement IS NULL OR reimbursement IN ('gratis', 'terugbetaald', 'remgeld', 'niet_terugbetaald'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- A natural person offering care. Not an HSDS table; shown publicly only with consent.
CREATE TABLE professional (
    id                 VARCHAR(64)  NOT NULL PRIMARY KEY,
    given_name         VARCHAR(200) NOT NULL,
    family_name        VARCHAR(200) NOT NULL,
    description        TEXT         NULL,
    email              VARCHAR(300) NULL,
    website            VARCHAR(500) NULL,
    consent_public     BOOLEAN      NOT NULL DEFAULT FALSE,
    consent_at         DATETIME(3)  NULL,
    publication_status VARCHAR(20)  NOT NULL DEFAULT 'draft',
    verified_at        DATETIME(3)  NULL,
    created_at         DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    updated_at         DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
    CONSTRAINT ck_professional_publication CHECK (publication_status IN ('draft', 'in_review', 'published', 'archived')),
    INDEX ix_professional_public (publication_status, consent_public, family_name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE professional_affiliation (
    id              VARCHAR(64)  NOT NULL PRIMARY KEY,
    professional_id VARCHAR(64)  NOT NULL,
    organization_id VARCHAR(64)  NOT NULL,
    location_id     VARCHAR(64)  NULL,
    service_id      VARCHAR(64)  NULL,
    role            VARCHAR(200) NULL,
    CONSTRAINT fk_affiliation_professional FOREIGN KEY (professional_id) REFERENCES professional (id) ON DELETE CASCADE,
    CONSTRAINT fk_affiliation_org FOREIGN KEY (organization_id) REFERENCES organization (id) ON DELETE CASCADE,
    CONSTRAINT fk_affiliation_location FOREIGN KEY (location_id) REFERENCES location (id) ON DELETE SET NULL,
    CONSTRAINT fk_affiliation_service FOREIGN KEY (service_id) REFERENCES service (id) ON DELETE SET NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE language (
    id              VARCHAR(64)  NOT NULL PRIMARY KEY,
    service_id      VARCHAR(64)  NULL,
    location_id     VARCHAR(64)  NULL,
    phone_id        VARCHAR(64)  NULL,
    professional_id VARCHAR(64)  NULL,
    name            VARCHAR(100) NULL,
    code            VARCHAR(20)  NULL,
    note            TEXT         NULL,
    CONSTRAINT fk_language_service FOREIGN KEY (service_id) REFERENCES service (id) ON DELETE CASCADE,
    CONSTRAINT fk_language_location FOREIGN KEY (location_id) REFERENCES location (id) ON DELETE CASCADE,
    CONSTRAINT fk_language_phone FOREIGN KEY (phone_id) REFERENCES phone (id) ON DELETE CASCADE,
    CONSTRAINT fk_language_professional FOREIGN KEY (professional_id) REFERENCES professional (id) ON DELETE CASCADE,
    INDEX ix_language_service (service_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- HSDS attribute: links any listing (link_id + link_entity) to a taxonomy term.
CREATE TABLE attribute (
    id               VARCHAR(64)  NOT NULL PRIMARY KEY,
    link_id          VARCHAR(64)  NOT NULL,
    link_type        VARCHAR(100) NULL,
    link_entity      VARCHAR(50)  NOT NULL,
    taxonomy_term_id VARCHAR(64)  NOT NULL,
    value            TEXT         NULL,
    CONSTRAINT fk_attribute_term FOREIGN KEY (taxonomy_term_id) REFERENCES taxonomy_term (id),
    INDEX ix_attribute_link (link_id, link_entity),
    INDEX ix_attribute_term (taxonomy_term_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Belgian postal codes (bpost localities, OpenStreetMap coordinates): resolves places and user postcodes.
CREATE TABLE geo_postal_code (
    postal_code     VARCHAR(4)    NOT NULL,
    locality        VARCHAR(200)  NOT NULL,
    municipality    VARCHAR(200)  NOT NULL,
    province        VARCHAR(200)  NOT NULL,
    eerstelijnszone VARCHAR(200)  NULL,
    latitude        DECIMAL(8, 5) NOT NULL,
    longitude       DECIMAL(8, 5) NOT NULL,
    PRIMARY KEY (postal_code, locality),
    INDEX ix_geo_municipality (municipality)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Audit: every change to a listing, by whom, when, what, why.
CREATE TABLE revision (
    id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    entity_type VARCHAR(50)  NOT NULL,
    entity_id   VARCHAR(64)  NOT NULL,
    action      VARCHAR(30)  NOT NULL,
    actor       VARCHAR(200) NOT NULL,
    reason      TEXT         NULL,
    changes     LONGTEXT     NULL CHECK (changes IS NULL OR JSON_VALID(changes)),
    created_at  DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    INDEX ix_revision_entity (entity_type, entity_id, created_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Transactional outbox: written in the same transaction as a listing change, drained by the indexer.
CREATE TABLE outbox (
    id           BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    entity_type  VARCHAR(50) NOT NULL,
    entity_id    VARCHAR(64) NOT NULL,
    operation    VARCHAR(10) NOT NULL,
    created_at   DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    processed_at DATETIME(3) NULL,
    CONSTRAINT ck_outbox_operation CHECK (operation IN ('upsert', 'delete')),
    INDEX ix_outbox_pending (processed_at, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
