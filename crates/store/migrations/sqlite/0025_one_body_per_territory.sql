-- One active body of a kind per organization and territory, unless the profile allows
-- several (`several_per_territory`): the bodies that hold their place are marked `sole`
-- and kept unique by a partial index, so two creations at once cannot both get in. Of the
-- bodies made before this rule, the oldest active one of each kind, organization and place
-- holds it; any later duplicates stay as they are, unmarked, for an officer to dissolve.
ALTER TABLE bodies ADD COLUMN sole BOOLEAN NOT NULL DEFAULT FALSE;
UPDATE bodies SET sole = TRUE
 WHERE status = 'active'
   AND id IN (SELECT MIN(id) FROM bodies WHERE status = 'active' GROUP BY organization, kind, path);
CREATE UNIQUE INDEX bodies_one_per_territory ON bodies(organization, kind, path)
 WHERE status = 'active' AND sole;
