//! Scope filters: the jurisdiction of a user's roles as SQL, so that every list is
//! filtered inside the query and never after it.

use tanzim_domain::accounts::RoleAssignment;

/// An OR of path ranges (each optionally limited to one organization). Empty means the
/// user may see nothing.
#[derive(Debug, Clone, Default)]
pub struct ScopeFilter {
    ranges: Vec<(String, String, Option<String>)>,
}

impl ScopeFilter {
    pub fn from_assignments<'a>(assignments: impl IntoIterator<Item = &'a RoleAssignment>) -> Self {
        ScopeFilter {
            ranges: assignments
                .into_iter()
                .map(|a| {
                    let (low, high) = a.scope_path.range();
                    (low, high, a.organization.clone())
                })
                .collect(),
        }
    }

    /// A filter that ignores organizations (for records that belong to none).
    pub fn without_organizations(&self) -> Self {
        ScopeFilter {
            ranges: self
                .ranges
                .iter()
                .map(|(l, h, _)| (l.clone(), h.clone(), None))
                .collect(),
        }
    }

    pub fn is_national(&self) -> bool {
        self.ranges
            .iter()
            .any(|(low, _, org)| low.is_empty() && org.is_none())
    }

    /// The SQL condition over `path_col` (and `org_col`, when an organization limit
    /// applies), with placeholders numbered from `first`; returns it and the values to
    /// bind in order.
    pub fn sql(&self, path_col: &str, org_col: &str, first: usize) -> (String, Vec<String>) {
        self.sql_with(
            path_col,
            &|n| format!("({org_col} IS NOT NULL AND {org_col} = ${n})"),
            first,
        )
    }

    /// The same for members, whose organizations are the affiliations they joined (a
    /// comma-separated list): an officer of the women's organization sees its members.
    pub fn sql_members(
        &self,
        path_col: &str,
        affiliations_col: &str,
        first: usize,
    ) -> (String, Vec<String>) {
        self.sql_with(
            path_col,
            &|n| format!("(',' || {affiliations_col} || ',') LIKE ('%,' || ${n} || ',%')"),
            first,
        )
    }

    fn sql_with(
        &self,
        path_col: &str,
        org_clause: &dyn Fn(usize) -> String,
        first: usize,
    ) -> (String, Vec<String>) {
        if self.ranges.is_empty() {
            return ("1 = 0".to_owned(), Vec::new());
        }
        let mut n = first;
        let mut binds = Vec::new();
        let clauses: Vec<String> = self
            .ranges
            .iter()
            .map(|(low, high, org)| {
                let mut clause = format!("({path_col} >= ${} AND {path_col} < ${}", n, n + 1);
                binds.push(low.clone());
                binds.push(high.clone());
                n += 2;
                if let Some(org) = org {
                    clause.push_str(&format!(" AND {}", org_clause(n)));
                    binds.push(org.clone());
                    n += 1;
                }
                clause.push(')');
                clause
            })
            .collect();
        (format!("({})", clauses.join(" OR ")), binds)
    }
}
