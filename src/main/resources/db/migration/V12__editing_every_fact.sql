-- Rows editors write keep the order they were entered in (imported rows have none and follow by id).
ALTER TABLE phone ADD COLUMN position INT NULL;
ALTER TABLE schedule ADD COLUMN position INT NULL;
ALTER TABLE language ADD COLUMN position INT NULL;
ALTER TABLE contact ADD COLUMN position INT NULL;
ALTER TABLE cost_option ADD COLUMN position INT NULL;
ALTER TABLE address ADD COLUMN position INT NULL;

-- Every edit of a change makes a new version; a reviewer approves the version they saw, or nothing.
ALTER TABLE listing_change ADD COLUMN version INT NOT NULL DEFAULT 1;

-- Whether a service takes new requests now (yes, no, waitlist), reported with the waiting time on waiting_reported_on.
ALTER TABLE service ADD COLUMN accepting_new VARCHAR(20) NULL,
    ADD CONSTRAINT ck_service_accepting_new CHECK (accepting_new IS NULL OR accepting_new IN ('yes', 'no', 'waitlist'));

-- For whom and how: the children's age in months (the first 1000 days are counted in months), the route in
-- (directly, via the GP, via any professional), and what kind of offer it is (existing, a pilot, recommended).
ALTER TABLE service ADD COLUMN age_min_months INT NULL, ADD COLUMN age_max_months INT NULL,
    ADD COLUMN referral_route VARCHAR(20) NULL, ADD COLUMN offer_status VARCHAR(20) NULL,
    ADD CONSTRAINT ck_service_referral_route CHECK (referral_route IS NULL OR referral_route IN ('direct', 'via_huisarts', 'via_professional')),
    ADD CONSTRAINT ck_service_offer_status CHECK (offer_status IS NULL OR offer_status IN ('existing', 'pilot', 'recommended'));

-- A view's column list is fixed when it is created: recreate it so it shows the new column.
CREATE OR REPLACE VIEW public_service AS
    SELECT s.* FROM service s
    WHERE s.publication_status = 'published'
      AND (s.organization_id IS NULL
           OR EXISTS (SELECT 1 FROM organization o WHERE o.id = s.organization_id AND o.publication_status = 'published'));

-- A suggestion names the fact that is wrong and may carry its new value, so an editor turns it into a real draft.
ALTER TABLE change_suggestion ADD COLUMN fact VARCHAR(20) NULL,
    ADD COLUMN proposed_value VARCHAR(300) NULL,
    ADD CONSTRAINT ck_suggestion_fact CHECK (fact IS NULL OR fact IN ('phone', 'address', 'hours', 'waiting_time', 'closed', 'other'));

-- An organisation's representative: an account that manages the listings of one organisation, through review.
ALTER TABLE account ADD COLUMN organization_id VARCHAR(64) NULL,
    ADD CONSTRAINT fk_account_organization FOREIGN KEY (organization_id) REFERENCES organization (id) ON DELETE CASCADE;
ALTER TABLE account DROP CONSTRAINT ck_account_role;
ALTER TABLE account ADD CONSTRAINT ck_account_role CHECK (role IN ('professional', 'editor', 'admin', 'representative')),
    ADD CONSTRAINT ck_account_representative CHECK (role <> 'representative' OR organization_id IS NOT NULL);

-- A request to manage an organisation's listings; its account stays inactive until an editor confirms.
CREATE TABLE organization_claim (
    id              BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    organization_id VARCHAR(64)  NOT NULL,
    account_id      BIGINT       NULL,
    message         TEXT         NULL,
    status          VARCHAR(20)  NOT NULL DEFAULT 'new',
    created_at      DATETIME(3)  NOT NULL,
    decided_by      BIGINT       NULL,
    decided_at      DATETIME(3)  NULL,
    decision_reason TEXT         NULL,
    CONSTRAINT fk_claim_organization FOREIGN KEY (organization_id) REFERENCES organization (id) ON DELETE CASCADE,
    CONSTRAINT fk_claim_account FOREIGN KEY (account_id) REFERENCES account (id) ON DELETE SET NULL,
    CONSTRAINT ck_claim_status CHECK (status IN ('new', 'confirmed', 'rejected')),
    INDEX ix_claim_status (status, created_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- A new initiative announced on the public form, waiting for an editor. The sender's contact address is the only
-- thing kept about them, and it is deleted when the intake is closed.
CREATE TABLE intake (
    id                BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    organization_name VARCHAR(300) NOT NULL,
    service_name      VARCHAR(300) NOT NULL,
    description       TEXT         NOT NULL,
    postal_code       VARCHAR(4)   NULL,
    phone             VARCHAR(50)  NULL,
    website           VARCHAR(500) NULL,
    contact_email     VARCHAR(320) NULL,
    status            VARCHAR(20)  NOT NULL DEFAULT 'new',
    created_at        DATETIME(3)  NOT NULL,
    decided_by        BIGINT       NULL,
    decided_at        DATETIME(3)  NULL,
    change_id         BIGINT       NULL,
    CONSTRAINT ck_intake_status CHECK (status IN ('new', 'accepted', 'closed')),
    INDEX ix_intake_status (status, created_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
