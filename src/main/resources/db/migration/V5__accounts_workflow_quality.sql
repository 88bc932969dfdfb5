-- Accounts of editors, admins and professionals. Families never have an account.
CREATE TABLE account (
    id                  BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    email               VARCHAR(320) NOT NULL,
    display_name        VARCHAR(200) NOT NULL,
    role                VARCHAR(20)  NOT NULL,
    -- the one profile a professional account may edit; erasing the person removes the account
    professional_id     VARCHAR(64)  NULL,
    -- Argon2id, in Spring Security's encoded form (parameters and salt inside)
    password_hash       VARCHAR(255) NOT NULL,
    active              BOOLEAN      NOT NULL DEFAULT TRUE,
    failed_logins       INT          NOT NULL DEFAULT 0,
    locked_until        DATETIME(3)  NULL,
    created_at          DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    password_changed_at DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    CONSTRAINT uq_account_email UNIQUE (email),
    CONSTRAINT fk_account_professional FOREIGN KEY (professional_id) REFERENCES professional (id) ON DELETE CASCADE,
    CONSTRAINT ck_account_role CHECK (role IN ('professional', 'editor', 'admin')),
    CONSTRAINT ck_account_professional CHECK (role <> 'professional' OR professional_id IS NOT NULL)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Server-side sessions: only a SHA-256 of the token is stored, so a database dump opens no session.
CREATE TABLE account_session (
    token_hash   CHAR(64)    NOT NULL PRIMARY KEY,
    account_id   BIGINT      NOT NULL,
    csrf_token   VARCHAR(64) NOT NULL,
    created_at   DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    last_seen_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    expires_at   DATETIME(3) NOT NULL,
    CONSTRAINT fk_session_account FOREIGN KEY (account_id) REFERENCES account (id) ON DELETE CASCADE,
    INDEX ix_session_expiry (expires_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

ALTER TABLE revision ADD COLUMN actor_account_id BIGINT NULL AFTER actor;

-- A proposed version of one listing, moving draft -> in_review -> published (or rejected / withdrawn).
-- The live row changes only when a change is published, so the public never sees unreviewed text.
CREATE TABLE listing_change (
    id              BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    entity_type     VARCHAR(30) NOT NULL,
    entity_id       VARCHAR(64) NOT NULL,
    operation       VARCHAR(10) NOT NULL,
    status          VARCHAR(20) NOT NULL DEFAULT 'draft',
    proposed        LONGTEXT    NOT NULL CHECK (JSON_VALID(proposed)),
    reason          TEXT        NOT NULL,
    -- every account that wrote this change: none of them may approve it (four eyes)
    authors         LONGTEXT    NOT NULL CHECK (JSON_VALID(authors)),
    created_by      BIGINT      NULL,
    suggestion_id   BIGINT      NULL,
    submitted_at    DATETIME(3) NULL,
    decided_by      BIGINT      NULL,
    decided_at      DATETIME(3) NULL,
    decision_reason TEXT        NULL,
    created_at      DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    updated_at      DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
    -- at most one open change per listing, enforced by the database even under concurrent requests
    open_key        VARCHAR(100) AS (IF(status IN ('draft', 'in_review'), CONCAT(entity_type, ':', entity_id), NULL)) PERSISTENT,
    CONSTRAINT uq_change_open UNIQUE (open_key),
    CONSTRAINT ck_change_type CHECK (entity_type IN ('organization', 'location', 'service', 'professional', 'course')),
    CONSTRAINT ck_change_operation CHECK (operation IN ('create', 'update')),
    CONSTRAINT ck_change_status CHECK (status IN ('draft', 'in_review', 'published', 'rejected', 'withdrawn')),
    INDEX ix_change_entity (entity_type, entity_id),
    INDEX ix_change_queue (status, updated_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The six quality criteria of the network (DESIGN section 3), as data.
CREATE TABLE quality_criterion (
    code           VARCHAR(40)  NOT NULL PRIMARY KEY,
    number         INT          NOT NULL,
    title          VARCHAR(200) NOT NULL,
    description    TEXT         NOT NULL,
    evidence_kinds VARCHAR(300) NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

INSERT INTO quality_criterion (code, number, title, description, evidence_kinds) VALUES
('basic_education', 1, 'Basisopleiding',
 'Een basisopleiding uit de prioritaire lijst of uit de tweede lijst van basisopleidingen.', 'basic_education'),
('continuing_education', 2, 'Voortgezette opleiding',
 'Een voortgezette opleiding in P.I.M.H.; de vereiste verschilt voor basiszorgverlener en gespecialiseerde hulpverlener.',
 'continuing_education'),
('permanent_education', 3, 'Permanente vorming',
 'Deelname aan intervisie en/of supervisie; invulling en intensiteit verschillen per erkenningsniveau.', 'intervision,supervision'),
('liability_insurance', 4, 'Beroepsaansprakelijkheidsverzekering',
 'Een eigen beroepsaansprakelijkheidsverzekering of gedekt via de organisatie waar men werkt.', 'liability_insurance'),
('association_membership', 5, 'Beroepsvereniging', 'Aangesloten bij een beroepsvereniging.', 'association_membership'),
('clinical_experience', 6, 'Klinische ervaring',
 'Zonder basisopleiding uit de lijsten: een minimum aantal jaren in P.I.M.H., criteria 2 tot 4, en goedkeuring door de commissie van experten.',
 'clinical_experience');

-- Evidence for a criterion (professionals) or a quality label (organisations). Counts only once an editor checked it.
CREATE TABLE evidence (
    id              VARCHAR(64)   NOT NULL PRIMARY KEY,
    professional_id VARCHAR(64)   NULL,
    organization_id VARCHAR(64)   NULL,
    kind            VARCHAR(40)   NOT NULL,
    -- which education, course or label (codes from the recognition rules)
    qualification   VARCHAR(100)  NULL,
    level           VARCHAR(20)   NULL,
    hours           DECIMAL(6, 1) NULL,
    years           DECIMAL(4, 1) NULL,
    issuer          VARCHAR(300)  NOT NULL,
    obtained_on     DATE          NOT NULL,
    expires_on      DATE          NULL,
    document_ref    VARCHAR(500)  NULL,
    status          VARCHAR(20)   NOT NULL DEFAULT 'submitted',
    submitted_by    BIGINT        NULL,
    checked_by      BIGINT        NULL,
    checked_at      DATETIME(3)   NULL,
    check_note      TEXT          NULL,
    created_at      DATETIME(3)   NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    CONSTRAINT fk_evidence_professional FOREIGN KEY (professional_id) REFERENCES professional (id) ON DELETE CASCADE,
    CONSTRAINT fk_evidence_organization FOREIGN KEY (organization_id) REFERENCES organization (id) ON DELETE CASCADE,
    CONSTRAINT ck_evidence_owner CHECK ((professional_id IS NULL) <> (organization_id IS NULL)),
    CONSTRAINT ck_evidence_kind CHECK (kind IN ('basic_education', 'continuing_education', 'intervision', 'supervision',
        'liability_insurance', 'association_membership', 'clinical_experience', 'quality_label')),
    CONSTRAINT ck_evidence_level CHECK (level IS NULL OR level IN ('basis', 'gespecialiseerd')),
    CONSTRAINT ck_evidence_status CHECK (status IN ('submitted', 'accepted', 'refused')),
    CONSTRAINT ck_evidence_dates CHECK (expires_on IS NULL OR expires_on >= obtained_on),
    INDEX ix_evidence_professional (professional_id),
    INDEX ix_evidence_organization (organization_id),
    INDEX ix_evidence_expiry (expires_on)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The computed recognition of a professional: the level, since when, by which rule version, and why.
CREATE TABLE recognition (
    professional_id VARCHAR(64) NOT NULL PRIMARY KEY,
    level           VARCHAR(30) NULL,
    route           VARCHAR(20) NULL,
    since           DATE        NULL,
    valid_until     DATE        NULL,
    rule_version    VARCHAR(20) NOT NULL,
    reasons         LONGTEXT    NOT NULL CHECK (JSON_VALID(reasons)),
    computed_at     DATETIME(3) NOT NULL,
    CONSTRAINT fk_recognition_professional FOREIGN KEY (professional_id) REFERENCES professional (id) ON DELETE CASCADE,
    CONSTRAINT ck_recognition_level CHECK (level IS NULL OR level IN ('basiszorgverlener', 'gespecialiseerd')),
    INDEX ix_recognition_valid_until (valid_until)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Experience-route files for the expert committee.
CREATE TABLE committee_file (
    id              BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    professional_id VARCHAR(64) NOT NULL,
    level           VARCHAR(30) NOT NULL,
    rule_version    VARCHAR(20) NOT NULL,
    status          VARCHAR(20) NOT NULL DEFAULT 'open',
    opened_at       DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    decided_by      BIGINT      NULL,
    decided_at      DATETIME(3) NULL,
    decision_reason TEXT        NULL,
    open_key        VARCHAR(100) AS (IF(status = 'open', CONCAT(professional_id, ':', level), NULL)) PERSISTENT,
    CONSTRAINT uq_committee_open UNIQUE (open_key),
    CONSTRAINT fk_committee_professional FOREIGN KEY (professional_id) REFERENCES professional (id) ON DELETE CASCADE,
    CONSTRAINT ck_committee_level CHECK (level IN ('basiszorgverlener', 'gespecialiseerd')),
    CONSTRAINT ck_committee_status CHECK (status IN ('open', 'approved', 'rejected'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
