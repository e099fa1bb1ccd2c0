//! Morocco's territorial hierarchy (HCP codes).
//!
//! A code is its own path (`05.091.01.07` is in `05.091`, in `05`), except that the
//! arrondissements of a big city hang under a commune whose code ends in `.0`
//! (`01.511.01.05` under `01.511.01.0`), so string prefixes of codes are not enough.
//! Each territory therefore carries a [`TerritoryPath`]: the codes from its region down,
//! each followed by `/`. A jurisdiction is a path prefix.

use crate::{DomainError, Field};
use serde::Serialize;
use std::fmt;

#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
pub struct TerritoryCode(String);

impl TerritoryCode {
    /// `RR`, `RR.PPP`, `RR.PPP.CC.T` or `RR.PPP.CC.TT`: digits only, in those groups.
    pub fn parse(input: &str) -> Result<Self, DomainError> {
        let s = input.trim();
        let groups: Vec<&str> = s.split('.').collect();
        let widths_ok = match groups.as_slice() {
            [r] => r.len() == 2,
            [r, p] => r.len() == 2 && p.len() == 3,
            [r, p, c, t] => {
                r.len() == 2 && p.len() == 3 && c.len() == 2 && (1..=2).contains(&t.len())
            }
            _ => false,
        };
        if widths_ok && groups.iter().all(|g| g.bytes().all(|b| b.is_ascii_digit())) {
            Ok(TerritoryCode(s.to_owned()))
        } else {
            Err(DomainError::new(Field::Territory, "territory-code-invalid"))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for TerritoryCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    Region,
    Province,
    Commune,
    Arrondissement,
}

impl Level {
    pub fn parse(s: &str) -> Option<Level> {
        match s {
            "region" => Some(Level::Region),
            "province" => Some(Level::Province),
            "commune" => Some(Level::Commune),
            "arrondissement" => Some(Level::Arrondissement),
            _ => None,
        }
    }
    pub fn as_str(self) -> &'static str {
        match self {
            Level::Region => "region",
            Level::Province => "province",
            Level::Commune => "commune",
            Level::Arrondissement => "arrondissement",
        }
    }
    /// The level a child of this level has.
    pub fn child(self) -> Option<Level> {
        match self {
            Level::Region => Some(Level::Province),
            Level::Province => Some(Level::Commune),
            Level::Commune => Some(Level::Arrondissement),
            Level::Arrondissement => None,
        }
    }
}

impl TryFrom<String> for Level {
    type Error = crate::stored::UnknownStored;
    fn try_from(value: String) -> Result<Level, crate::stored::UnknownStored> {
        crate::stored::decode("territorial level", value, Level::parse)
    }
}

/// The codes from the region down to a territory, each followed by `/`, e.g.
/// `05/05.091/05.091.01.07/`. The empty path is the whole country.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Default)]
#[serde(transparent)]
pub struct TerritoryPath(String);

impl TerritoryPath {
    pub fn national() -> Self {
        TerritoryPath(String::new())
    }
    pub fn child(&self, code: &TerritoryCode) -> Self {
        TerritoryPath(format!("{}{}/", self.0, code.as_str()))
    }
    /// Trusts a path read back from the store (it was built by `child`).
    pub fn from_stored(s: String) -> Self {
        TerritoryPath(s)
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
    pub fn is_national(&self) -> bool {
        self.0.is_empty()
    }
    /// Whether `other` lies in the subtree this path names (itself included).
    pub fn contains(&self, other: &TerritoryPath) -> bool {
        other.0.starts_with(&self.0)
    }
    /// The code of the territory itself (the last segment), if not national.
    pub fn code(&self) -> Option<&str> {
        self.0
            .trim_end_matches('/')
            .rsplit('/')
            .next()
            .filter(|c| !c.is_empty())
    }
    /// The half-open range `[low, high)` of stored paths in this subtree, so that a scope
    /// filter is an index range scan on either engine (paths hold only digits, `.`, `/`;
    /// `0` sorts right after `/`).
    pub fn range(&self) -> (String, String) {
        match self.0.strip_suffix('/') {
            Some(stem) => (self.0.clone(), format!("{stem}0")),
            None if self.0.is_empty() => (String::new(), "~".to_owned()),
            // A malformed path covers nothing rather than everything.
            None => (self.0.clone(), self.0.clone()),
        }
    }
    pub fn depth(&self) -> usize {
        self.0.matches('/').count()
    }
    /// The territory `depth` levels down from the country on the way to this one (1: the
    /// region, 2: the province), if this path goes that deep.
    pub fn ancestor(&self, depth: usize) -> Option<TerritoryPath> {
        let end = self.0.match_indices('/').nth(depth.checked_sub(1)?)?.0;
        Some(TerritoryPath(self.0[..=end].to_owned()))
    }
    /// The deepest territory that holds both paths (the country when they share no region):
    /// where a question about two places goes so that only those who cover both see it.
    pub fn common_ancestor(&self, other: &TerritoryPath) -> TerritoryPath {
        let mut end = 0;
        for ((i, a), b) in self.0.char_indices().zip(other.0.chars()) {
            if a != b {
                break;
            }
            if a == '/' {
                end = i + 1;
            }
        }
        TerritoryPath(self.0[..end].to_owned())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_ancestors() {
        let at = |s: &str| TerritoryPath::from_stored(s.to_owned());
        let kasba_tadla = at("05/05.091/05.091.01.07/");
        let beni_mellal = at("05/05.091/05.091.01.01/");
        let khouribga = at("05/05.311/05.311.01.01/");
        let taounate = at("03/03.531/03.531.01.03/");
        assert_eq!(
            kasba_tadla.common_ancestor(&beni_mellal).as_str(),
            "05/05.091/"
        );
        assert_eq!(kasba_tadla.common_ancestor(&khouribga).as_str(), "05/");
        assert_eq!(kasba_tadla.common_ancestor(&taounate).as_str(), "");
        assert_eq!(
            kasba_tadla.common_ancestor(&kasba_tadla).as_str(),
            kasba_tadla.as_str()
        );
        // 05.091.01.0 is a string prefix of 05.091.01.07 but not its ancestor.
        let city = at("05/05.091/05.091.01.0/");
        assert_eq!(city.common_ancestor(&kasba_tadla).as_str(), "05/05.091/");
    }

    #[test]
    fn ancestors_of_a_path() {
        let p = TerritoryPath::from_stored("05/05.091/05.091.01.07/".to_owned());
        assert_eq!(
            p.ancestor(2).as_ref().map(TerritoryPath::as_str),
            Some("05/05.091/")
        );
        assert_eq!(
            p.ancestor(1).as_ref().map(TerritoryPath::as_str),
            Some("05/")
        );
        assert_eq!(p.ancestor(3), Some(p.clone()));
        assert_eq!(p.ancestor(4), None);
        assert_eq!(p.ancestor(0), None);
    }

    #[test]
    fn codes_parse_by_their_groups() {
        for ok in [
            "05",
            "05.091",
            "05.091.01.07",
            "01.511.01.0",
            "01.511.01.05",
        ] {
            assert!(TerritoryCode::parse(ok).is_ok(), "{ok}");
        }
        for bad in [
            "",
            "5",
            "05.91",
            "05.091.1.07",
            "05.091.01.123",
            "0a",
            "05.091.01",
            "05;drop",
        ] {
            assert!(TerritoryCode::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn paths_contain_their_subtree_only() {
        let tangier = TerritoryPath::national()
            .child(&code("01"))
            .child(&code("01.511"))
            .child(&code("01.511.01.0"));
        let assilah = TerritoryPath::national()
            .child(&code("01"))
            .child(&code("01.511"))
            .child(&code("01.511.01.01"));
        let mghogha = tangier.child(&code("01.511.01.05"));
        assert!(tangier.contains(&mghogha));
        // The commune code 01.511.01.0 is a string prefix of 01.511.01.01, but not its parent.
        assert!(!tangier.contains(&assilah));
        assert!(TerritoryPath::national().contains(&assilah));
        assert_eq!(mghogha.code(), Some("01.511.01.05"));
        assert_eq!(mghogha.depth(), 4);
        assert_eq!(TerritoryPath::national().code(), None);
        let (low, high) = tangier.range();
        assert!(low.as_str() <= mghogha.as_str() && mghogha.as_str() < high.as_str());
        assert!(!(low.as_str() <= assilah.as_str() && assilah.as_str() < high.as_str()));
        let (low, high) = TerritoryPath::national().range();
        assert!(low.as_str() <= assilah.as_str() && assilah.as_str() < high.as_str());
    }

    fn code(s: &str) -> TerritoryCode {
        TerritoryCode::parse(s).unwrap_or_else(|e| panic!("{s}: {e}"))
    }
}
