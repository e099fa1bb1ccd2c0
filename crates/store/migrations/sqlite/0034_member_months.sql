-- The member counters' changes by the month of the day they take effect: a history period
-- opening adds one to its cell in the month of `valid_from`, closing takes one away in the
-- month of `valid_to`, and a join is counted in its month. Kept in the same transaction as
-- the counters (`counters::apply`), one row per territory of the path like them. The
-- members of a territory at the end of a month are its counters less the changes of the
-- months after it: a year long past costs as little as last quarter, where reading the
-- history periods that changed since meant reading every join of the year.
CREATE TABLE member_months (
    code TEXT NOT NULL,
    parent_code TEXT NOT NULL,
    month TEXT NOT NULL,
    status TEXT NOT NULL,
    sex TEXT NOT NULL,
    birth_year BIGINT NOT NULL,
    n BIGINT NOT NULL,
    joins BIGINT NOT NULL,
    PRIMARY KEY (code, month, status, sex, birth_year)
) WITHOUT ROWID;
CREATE INDEX member_months_parent ON member_months(parent_code, month);

-- From the history as it stands: its periods' openings and closings summed per commune
-- path and month, then added to every territory of the path.
INSERT INTO member_months (code, parent_code, month, status, sex, birth_year, n, joins)
WITH RECURSIVE changes(path, month, status, sex, birth_year, n, joins) AS (
    SELECT h.path, SUBSTR(h.valid_from, 1, 7), h.status, m.sex,
        CAST(SUBSTR(m.birth_date, 1, 4) AS INTEGER), 1, CASE WHEN h.event = 'join' THEN 1 ELSE 0 END
    FROM member_history h JOIN members m ON m.id = h.member_id
    UNION ALL
    SELECT h.path, SUBSTR(h.valid_to, 1, 7), h.status, m.sex,
        CAST(SUBSTR(m.birth_date, 1, 4) AS INTEGER), -1, 0
    FROM member_history h JOIN members m ON m.id = h.member_id
    WHERE h.valid_to IS NOT NULL
),
per_path AS (
    SELECT path, month, status, sex, birth_year, SUM(n) AS n, SUM(joins) AS joins
    FROM changes GROUP BY path, month, status, sex, birth_year
),
levels(code, parent_code, rest, month, status, sex, birth_year, n, joins) AS (
    SELECT SUBSTR(path, 1, INSTR(path, '/') - 1), '', SUBSTR(path, INSTR(path, '/') + 1),
        month, status, sex, birth_year, n, joins
    FROM per_path
    UNION ALL
    SELECT SUBSTR(rest, 1, INSTR(rest, '/') - 1), code, SUBSTR(rest, INSTR(rest, '/') + 1),
        month, status, sex, birth_year, n, joins
    FROM levels WHERE rest <> ''
)
SELECT code, parent_code, month, status, sex, birth_year, SUM(n), SUM(joins)
FROM levels
GROUP BY code, parent_code, month, status, sex, birth_year
HAVING SUM(n) <> 0 OR SUM(joins) <> 0;
