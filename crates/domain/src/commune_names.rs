//! Communes as rolls write them: by HCP code, or by name in Arabic or French, whatever
//! hamza, ta marbuta, diacritics, accents, case or hyphens the writer used. A name some
//! communes share is settled by the row's province, then by where the importer works;
//! what stays unsettled is said, never guessed.
//!
//! The index is built once per import (a hash map of folded names), so a roll of a
//! million rows costs a look-up per row, not a query.

use crate::names::fold;
use std::collections::HashMap;

/// Why a row's commune was not found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Miss {
    /// No commune or arrondissement has that code or name.
    Unknown,
    /// Several communes have that name, and neither the row's province nor the
    /// importer's scope tells them apart.
    Ambiguous,
    /// The row's province is not one the index knows.
    ProvinceUnknown,
    /// The commune exists, but not in the row's province.
    NotInProvince,
}

impl Miss {
    /// The reason's error code (a key of the Fluent files, after `error-`).
    pub fn code(self) -> &'static str {
        match self {
            Miss::Unknown => "commune-unknown",
            Miss::Ambiguous => "commune-ambiguous",
            Miss::ProvinceUnknown => "province-unknown",
            Miss::NotInProvince => "commune-not-in-province",
        }
    }
}

/// Places (communes and arrondissements) by code and by folded name, and provinces by
/// code and folded name.
#[derive(Debug, Default)]
pub struct CommuneNames {
    /// Place code → the provinces it lies in (a prefecture, and the prefecture of
    /// arrondissements within it).
    province_of: HashMap<String, Vec<String>>,
    /// Folded name (and the same without spaces) → place codes.
    by_name: HashMap<String, Vec<String>>,
    /// Province code or folded name → province codes.
    provinces: HashMap<String, Vec<String>>,
}

/// A name's keys: folded, and folded without spaces ("El Hajeb" and "Elhajeb").
fn keys(name: &str) -> [String; 2] {
    let folded = fold(name);
    let joined: String = folded.chars().filter(|c| *c != ' ').collect();
    [folded, joined]
}

fn push_unique(list: &mut Vec<String>, code: &str) {
    if !list.iter().any(|c| c == code) {
        list.push(code.to_owned());
    }
}

impl CommuneNames {
    pub fn new() -> CommuneNames {
        CommuneNames::default()
    }

    /// Adds a commune or arrondissement under its code and names, with the codes of the
    /// provinces it lies in.
    pub fn add_place(&mut self, code: &str, within: &[&str], names: &[&str]) {
        self.province_of.insert(
            code.to_owned(),
            within.iter().map(|p| (*p).to_owned()).collect(),
        );
        for name in names {
            for key in keys(name) {
                if !key.is_empty() {
                    push_unique(self.by_name.entry(key).or_default(), code);
                }
            }
        }
    }

    /// Adds a province (or prefecture) under its code and names.
    pub fn add_province(&mut self, code: &str, names: &[&str]) {
        push_unique(self.provinces.entry(code.to_owned()).or_default(), code);
        for name in names {
            for key in keys(name) {
                if !key.is_empty() {
                    push_unique(self.provinces.entry(key).or_default(), code);
                }
            }
        }
    }

    fn province_codes(&self, written: &str) -> Option<&[String]> {
        let written = written.trim();
        if let Some(codes) = self.provinces.get(written) {
            return Some(codes);
        }
        let [folded, joined] = keys(written);
        self.provinces
            .get(&folded)
            .or_else(|| self.provinces.get(&joined))
            .map(Vec::as_slice)
    }

    /// The code of the place `written` names (a code or a name), settled by `province`
    /// (a code or a name, when the row has one) and then by `inside` (whether the
    /// importer may add members at a place).
    pub fn resolve(
        &self,
        written: &str,
        province: Option<&str>,
        inside: impl Fn(&str) -> bool,
    ) -> Result<String, Miss> {
        let written = written.trim();
        let provinces = match province.map(str::trim).filter(|p| !p.is_empty()) {
            Some(p) => Some(self.province_codes(p).ok_or(Miss::ProvinceUnknown)?),
            None => None,
        };
        let in_province = |code: &str| {
            provinces.is_none_or(|ps| {
                self.province_of
                    .get(code)
                    .is_some_and(|own| own.iter().any(|p| ps.contains(p)))
            })
        };
        if self.province_of.contains_key(written) {
            return match in_province(written) {
                true => Ok(written.to_owned()),
                false => Err(Miss::NotInProvince),
            };
        }
        let [folded, joined] = keys(written);
        let named = self
            .by_name
            .get(&folded)
            .or_else(|| self.by_name.get(&joined))
            .ok_or(Miss::Unknown)?;
        let candidates: Vec<&String> = named.iter().filter(|c| in_province(c)).collect();
        match candidates.as_slice() {
            [] => Err(Miss::NotInProvince),
            [one] => Ok((*one).clone()),
            several => {
                let mine: Vec<&&String> = several.iter().filter(|c| inside(c)).collect();
                match mine.as_slice() {
                    [one] => Ok((**one).clone()),
                    _ => Err(Miss::Ambiguous),
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn index() -> CommuneNames {
        let mut names = CommuneNames::new();
        names.add_province("03.531", &["تاونات", "Taounate"]);
        names.add_province("05.091", &["بني ملال", "Béni Mellal"]);
        names.add_province("08.161", &["الرشيدية", "Errachidia"]);
        names.add_place("03.531.01.05", &["03.531"], &["تاونات", "Taounate"]);
        names.add_place("05.091.01.07", &["05.091"], &["قصبة تادلة", "Kasba Tadla"]);
        // Two communes of one name in two provinces.
        names.add_place("05.091.05.03", &["05.091"], &["أولاد عيسى", "Oulad Aissa"]);
        names.add_place("08.161.03.09", &["08.161"], &["أولاد عيسى", "Oulad Aissa"]);
        names
    }

    const ANYWHERE: fn(&str) -> bool = |_| true;

    #[test]
    fn names_in_either_script_whatever_their_spelling() {
        let names = index();
        for written in [
            "تاونات",
            "Taounate",
            "TAOUNATE",
            " taounate ",
            "03.531.01.05",
        ] {
            assert_eq!(
                names.resolve(written, None, ANYWHERE).as_deref(),
                Ok("03.531.01.05"),
                "{written}"
            );
        }
        // Ta marbuta written as ha, no hamza, an accent, a hyphen, no space.
        for written in ["قصبه تادله", "Kasba-Tadla", "Kasba Tädla", "KasbaTadla"] {
            assert_eq!(
                names.resolve(written, None, ANYWHERE).as_deref(),
                Ok("05.091.01.07"),
                "{written}"
            );
        }
        assert_eq!(
            names
                .resolve("اولاد عيسي", Some("Beni Mellal"), ANYWHERE)
                .as_deref(),
            Ok("05.091.05.03")
        );
        assert_eq!(
            names.resolve("Casablanca", None, ANYWHERE),
            Err(Miss::Unknown)
        );
        assert_eq!(
            names.resolve("99.999.99.99", None, ANYWHERE),
            Err(Miss::Unknown)
        );
    }

    #[test]
    fn a_shared_name_is_settled_by_the_province_or_the_scope_or_said() {
        let names = index();
        assert_eq!(
            names.resolve("Oulad Aissa", None, ANYWHERE),
            Err(Miss::Ambiguous)
        );
        assert_eq!(
            names
                .resolve("Oulad Aissa", Some("الرشيدية"), ANYWHERE)
                .as_deref(),
            Ok("08.161.03.09")
        );
        assert_eq!(
            names
                .resolve("Oulad Aissa", Some("08.161"), ANYWHERE)
                .as_deref(),
            Ok("08.161.03.09")
        );
        // An officer of Béni Mellal means the one of Béni Mellal.
        assert_eq!(
            names
                .resolve("أولاد عيسى", None, |c| c.starts_with("05.091."))
                .as_deref(),
            Ok("05.091.05.03")
        );
        assert_eq!(
            names.resolve("Oulad Aissa", Some("Taounate"), ANYWHERE),
            Err(Miss::NotInProvince)
        );
        assert_eq!(
            names.resolve("03.531.01.05", Some("Errachidia"), ANYWHERE),
            Err(Miss::NotInProvince)
        );
        assert_eq!(
            names.resolve("Taounate", Some("Atlantis"), ANYWHERE),
            Err(Miss::ProvinceUnknown)
        );
        assert_eq!(Miss::Ambiguous.code(), "commune-ambiguous");
    }
}
