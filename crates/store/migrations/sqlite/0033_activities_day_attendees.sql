-- A timetable's month is a range of start days; the end day, the path and the
-- organization in the index let the window's other conditions (overlap, territory,
-- scope, what a body took in) be checked without reading the rows they exclude.
-- It is the only way into a timetable: with a second index by path, a planner with
-- statistics reads a region's whole year by path to find its month.
DROP INDEX activities_day;
DROP INDEX activities_path;
CREATE INDEX activities_day ON activities(starts_on, ends_on, path, organization, folded_into);

-- A held activity's record may name who was there, one a line.
ALTER TABLE activities ADD COLUMN attendees TEXT;
