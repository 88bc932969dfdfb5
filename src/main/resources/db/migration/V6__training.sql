-- The training portal: accredited courses, their sessions, and completions that count as quality evidence.
CREATE TABLE course (
    id                        VARCHAR(64)   NOT NULL PRIMARY KEY,
    name                      VARCHAR(300)  NOT NULL,
    summary                   TEXT          NOT NULL,
    learning_goals            TEXT          NULL,
    level                     VARCHAR(20)   NOT NULL,
    format                    VARCHAR(20)   NOT NULL,
    hours                     DECIMAL(6, 1) NULL,
    -- which quality criterion a completion supports: continuing education (2) or intervision/supervision (3)
    counts_as                 VARCHAR(30)   NOT NULL DEFAULT 'continuing_education',
    accreditation_body        VARCHAR(300)  NULL,
    accreditation_points      DECIMAL(6, 1) NULL,
    accreditation_reference   VARCHAR(200)  NULL,
    accreditation_valid_until DATE          NULL,
    provider_organization_id  VARCHAR(64)   NULL,
    provider_name             VARCHAR(300)  NULL,
    price_eur                 DECIMAL(8, 2) NULL,
    price_note                VARCHAR(300)  NULL,
    language                  VARCHAR(10)   NOT NULL DEFAULT 'nl',
    prerequisites             TEXT          NULL,
    url                       VARCHAR(500)  NULL,
    publication_status        VARCHAR(20)   NOT NULL DEFAULT 'draft',
    verified_at               DATETIME(3)   NULL,
    created_at                DATETIME(3)   NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    updated_at                DATETIME(3)   NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
    CONSTRAINT fk_course_provider FOREIGN KEY (provider_organization_id) REFERENCES organization (id),
    CONSTRAINT ck_course_level CHECK (level IN ('basis', 'gespecialiseerd')),
    CONSTRAINT ck_course_format CHECK (format IN ('online', 'blended', 'klassikaal')),
    CONSTRAINT ck_course_counts_as CHECK (counts_as IN ('continuing_education', 'intervision', 'supervision')),
    CONSTRAINT ck_course_publication CHECK (publication_status IN ('draft', 'in_review', 'published', 'archived')),
    INDEX ix_course_publication (publication_status, name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- A session of a course. Registration happens at the provider; the provider's seat count is kept here and can
-- never go below zero or above the capacity, whatever the order of concurrent updates.
CREATE TABLE course_session (
    id               VARCHAR(64)  NOT NULL PRIMARY KEY,
    course_id        VARCHAR(64)  NOT NULL,
    starts_at        DATETIME     NOT NULL,
    ends_at          DATETIME     NOT NULL,
    online           BOOLEAN      NOT NULL DEFAULT FALSE,
    place            VARCHAR(300) NULL,
    postal_code      VARCHAR(4)   NULL,
    capacity         INT          NOT NULL,
    seats_taken      INT          NOT NULL DEFAULT 0,
    registration_url VARCHAR(500) NULL,
    status           VARCHAR(20)  NOT NULL DEFAULT 'scheduled',
    note             VARCHAR(300) NULL,
    CONSTRAINT fk_session_course FOREIGN KEY (course_id) REFERENCES course (id) ON DELETE CASCADE,
    CONSTRAINT ck_session_seats CHECK (capacity >= 0 AND seats_taken >= 0 AND seats_taken <= capacity),
    CONSTRAINT ck_session_dates CHECK (ends_at >= starts_at),
    CONSTRAINT ck_session_status CHECK (status IN ('scheduled', 'cancelled')),
    INDEX ix_session_course (course_id, starts_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- A professional completed a course; an accredited course's completion is also an evidence row.
CREATE TABLE course_completion (
    id              VARCHAR(64)  NOT NULL PRIMARY KEY,
    course_id       VARCHAR(64)  NOT NULL,
    professional_id VARCHAR(64)  NOT NULL,
    completed_on    DATE         NOT NULL,
    certificate_ref VARCHAR(500) NULL,
    evidence_id     VARCHAR(64)  NULL,
    recorded_by     BIGINT       NULL,
    created_at      DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    CONSTRAINT fk_completion_course FOREIGN KEY (course_id) REFERENCES course (id),
    CONSTRAINT fk_completion_professional FOREIGN KEY (professional_id) REFERENCES professional (id) ON DELETE CASCADE,
    CONSTRAINT fk_completion_evidence FOREIGN KEY (evidence_id) REFERENCES evidence (id) ON DELETE SET NULL,
    CONSTRAINT uq_completion UNIQUE (course_id, professional_id, completed_on)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
