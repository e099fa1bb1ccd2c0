-- Member statistics kept as counters in the same transaction as every change: one row per
-- territory on a member's path (region, province, commune, arrondissement) × status × sex
-- × birth year. Age bands are computed from birth years when read.
CREATE TABLE member_counts (
    code TEXT COLLATE "C" NOT NULL,
    parent_code TEXT NOT NULL,
    status TEXT NOT NULL,
    sex TEXT NOT NULL,
    birth_year BIGINT NOT NULL,
    n BIGINT NOT NULL,
    PRIMARY KEY (code, status, sex, birth_year)
);
CREATE INDEX member_counts_parent ON member_counts(parent_code);
CREATE INDEX payments_year_path ON payments(year, path);
