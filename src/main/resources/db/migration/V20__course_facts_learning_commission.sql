-- Issue 22: the course facts the report names, online learning hosted by the network, and the expert commission.

-- The intervision that follows a course (the crisis teams' course and its intervision after 3 and 6 months).
ALTER TABLE course ADD COLUMN follow_up_course_id VARCHAR(64) NULL,
    ADD CONSTRAINT fk_course_follow_up FOREIGN KEY (follow_up_course_id) REFERENCES course (id) ON DELETE SET NULL;

-- Child rows of a course, edited through review like a service's phones: each keeps its id and its order.
CREATE TABLE course_co_organizer (
    id        VARCHAR(64)  NOT NULL PRIMARY KEY,
    course_id VARCHAR(64)  NOT NULL,
    position  INT          NULL,
    name      VARCHAR(300) NOT NULL,
    website   VARCHAR(500) NULL,
    CONSTRAINT fk_co_organizer_course FOREIGN KEY (course_id) REFERENCES course (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- What a course teaches one target profession (the report states goals per profession).
CREATE TABLE course_goal (
    id                 VARCHAR(64) NOT NULL PRIMARY KEY,
    course_id          VARCHAR(64) NOT NULL,
    position           INT         NULL,
    profession_term_id VARCHAR(64) NOT NULL,
    goal               TEXT        NOT NULL,
    CONSTRAINT fk_goal_course FOREIGN KEY (course_id) REFERENCES course (id) ON DELETE CASCADE,
    CONSTRAINT fk_goal_profession FOREIGN KEY (profession_term_id) REFERENCES taxonomy_term (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- "Handvatten": printable guides that go with a course.
CREATE TABLE course_download (
    id          VARCHAR(64)  NOT NULL PRIMARY KEY,
    course_id   VARCHAR(64)  NOT NULL,
    position    INT          NULL,
    title       VARCHAR(300) NOT NULL,
    url         VARCHAR(500) NOT NULL,
    description VARCHAR(500) NULL,
    CONSTRAINT fk_download_course FOREIGN KEY (course_id) REFERENCES course (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Online learning material the network hosts: lessons in Markdown, an optional video link.
CREATE TABLE course_lesson (
    id        VARCHAR(64)  NOT NULL PRIMARY KEY,
    course_id VARCHAR(64)  NOT NULL,
    position  INT          NULL,
    title     VARCHAR(300) NOT NULL,
    body      MEDIUMTEXT   NOT NULL,
    video_url VARCHAR(500) NULL,
    CONSTRAINT fk_lesson_course FOREIGN KEY (course_id) REFERENCES course (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The short check of a course's learning goals: one right answer, wrong answers one per line.
CREATE TABLE course_question (
    id            VARCHAR(64)  NOT NULL PRIMARY KEY,
    course_id     VARCHAR(64)  NOT NULL,
    position      INT          NULL,
    question      VARCHAR(500) NOT NULL,
    right_answer  VARCHAR(500) NOT NULL,
    wrong_answers TEXT         NOT NULL,
    explanation   TEXT         NULL,
    CONSTRAINT fk_question_course FOREIGN KEY (course_id) REFERENCES course (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- A professional's progress: lessons read and checks taken. Nothing about families.
CREATE TABLE lesson_progress (
    professional_id VARCHAR(64) NOT NULL,
    lesson_id       VARCHAR(64) NOT NULL,
    read_at         DATETIME(3) NOT NULL,
    PRIMARY KEY (professional_id, lesson_id),
    CONSTRAINT fk_progress_professional FOREIGN KEY (professional_id) REFERENCES professional (id) ON DELETE CASCADE,
    CONSTRAINT fk_progress_lesson FOREIGN KEY (lesson_id) REFERENCES course_lesson (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE check_attempt (
    id              VARCHAR(64) NOT NULL PRIMARY KEY,
    professional_id VARCHAR(64) NOT NULL,
    course_id       VARCHAR(64) NOT NULL,
    correct         INT         NOT NULL,
    asked           INT         NOT NULL,
    passed          BOOLEAN     NOT NULL,
    taken_at        DATETIME(3) NOT NULL,
    CONSTRAINT fk_attempt_professional FOREIGN KEY (professional_id) REFERENCES professional (id) ON DELETE CASCADE,
    CONSTRAINT fk_attempt_course FOREIGN KEY (course_id) REFERENCES course (id) ON DELETE CASCADE,
    INDEX ix_attempt_professional (professional_id, course_id, taken_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- A course instance over several days, an enrolment window and a waiting list.
ALTER TABLE course_session ADD COLUMN enrolment_opens DATE NULL, ADD COLUMN enrolment_closes DATE NULL,
    ADD COLUMN waiting_list BOOLEAN NOT NULL DEFAULT FALSE,
    ADD CONSTRAINT ck_session_enrolment CHECK (enrolment_closes IS NULL OR enrolment_opens IS NULL
        OR enrolment_closes >= enrolment_opens);
CREATE TABLE course_session_day (
    id         VARCHAR(64) NOT NULL PRIMARY KEY,
    session_id VARCHAR(64) NOT NULL,
    starts_at  DATETIME    NOT NULL,
    ends_at    DATETIME    NOT NULL,
    CONSTRAINT fk_day_session FOREIGN KEY (session_id) REFERENCES course_session (id) ON DELETE CASCADE,
    CONSTRAINT ck_day_dates CHECK (ends_at >= starts_at),
    INDEX ix_day_session (session_id, starts_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE OR REPLACE VIEW public_course AS
    SELECT k.* FROM course k WHERE k.publication_status = 'published';

-- The expert commission: its own role; files may wait for more information; members and their votes per file.
ALTER TABLE account DROP CONSTRAINT ck_account_role;
ALTER TABLE account ADD CONSTRAINT ck_account_role
    CHECK (role IN ('professional', 'editor', 'admin', 'representative', 'commission'));

ALTER TABLE committee_file DROP CONSTRAINT ck_committee_status;
ALTER TABLE committee_file DROP CONSTRAINT uq_committee_open;
ALTER TABLE committee_file DROP COLUMN open_key;
ALTER TABLE committee_file ADD COLUMN open_key VARCHAR(100)
        AS (IF(status IN ('open', 'more_info'), CONCAT(professional_id, ':', level), NULL)) PERSISTENT,
    ADD COLUMN question TEXT NULL,
    ADD COLUMN question_asked_at DATETIME(3) NULL,
    ADD CONSTRAINT uq_committee_open UNIQUE (open_key),
    ADD CONSTRAINT ck_committee_status CHECK (status IN ('open', 'more_info', 'approved', 'rejected'));

-- A member's vote on a file; a file is decided when the configured quorum of its members agrees.
CREATE TABLE committee_vote (
    file_id    BIGINT      NOT NULL,
    account_id BIGINT      NOT NULL,
    vote       VARCHAR(10) NOT NULL,
    reason     TEXT        NOT NULL,
    voted_at   DATETIME(3) NOT NULL,
    PRIMARY KEY (file_id, account_id),
    CONSTRAINT fk_vote_file FOREIGN KEY (file_id) REFERENCES committee_file (id) ON DELETE CASCADE,
    CONSTRAINT fk_vote_account FOREIGN KEY (account_id) REFERENCES account (id),
    CONSTRAINT ck_vote CHECK (vote IN ('approve', 'reject'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- What happened to a file, for its history and the editors' and commission's queue.
CREATE TABLE committee_event (
    id         BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    file_id    BIGINT      NOT NULL,
    kind       VARCHAR(20) NOT NULL,
    account_id BIGINT      NULL,
    actor      VARCHAR(200) NOT NULL,
    note       TEXT        NULL,
    at         DATETIME(3) NOT NULL,
    CONSTRAINT fk_event_file FOREIGN KEY (file_id) REFERENCES committee_file (id) ON DELETE CASCADE,
    CONSTRAINT ck_event_kind CHECK (kind IN ('opened', 'vote', 'more_info', 'answered', 'approved', 'rejected')),
    INDEX ix_event_at (at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Lived experience (ervaringsdeskundigheid) is evidence the rules may count, never the only ground.
ALTER TABLE evidence DROP CONSTRAINT ck_evidence_kind;
ALTER TABLE evidence ADD CONSTRAINT ck_evidence_kind CHECK (kind IN ('basic_education', 'continuing_education',
    'intervision', 'supervision', 'liability_insurance', 'association_membership', 'clinical_experience',
    'lived_experience', 'quality_label'));
