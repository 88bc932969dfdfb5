-- Where a service serves besides (or instead of) its own places: all of Flanders and Brussels, a province,
-- municipalities, eerstelijnszones, or by phone/online (HSDS service_area). scope and code are Nestkaart's reading of
-- the area, used by search; an area it cannot read (scope 'other') is kept and carried out as it came in.
CREATE TABLE service_area (
    id          VARCHAR(64)  NOT NULL PRIMARY KEY,
    service_id  VARCHAR(64)  NOT NULL,
    name        VARCHAR(300) NOT NULL,
    description TEXT         NULL,
    extent      LONGTEXT     NULL,
    extent_type VARCHAR(20)  NULL,
    uri         VARCHAR(500) NULL,
    scope       VARCHAR(20)  NOT NULL DEFAULT 'other',
    code        VARCHAR(200) NULL,
    CONSTRAINT fk_service_area_service FOREIGN KEY (service_id) REFERENCES service (id) ON DELETE CASCADE,
    CONSTRAINT ck_service_area_scope CHECK (scope IN ('flanders_brussels', 'province', 'municipality',
                                                      'eerstelijnszone', 'remote', 'other')),
    INDEX ix_service_area_service (service_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
