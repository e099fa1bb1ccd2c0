//! The party's organization abroad (the diaspora, which some parties call their thirteenth
//! region): a region that is not a territory of Morocco, whose children are the world's
//! countries and, below them, the cities the profile names. Its places get codes of the
//! same shape as the HCP's, so that bodies are anchored and officers scoped there exactly
//! as in Morocco:
//!
//! - the region: its number from the profile (`13`), or `99`;
//! - a country: the region, then the country's ISO 3166 numeric code (`13.250`, France);
//! - a city: the country, `01`, then the city's number from the profile (`13.250.01.1`);
//! - the rest of a country (members living in a city the profile does not name):
//!   the country, `00.0` (`13.250.00.0`), named like the country.
//!
//! Members live in a city or in the rest of a country, both at the commune level, so that
//! every rule about "the commune a member lives in" holds abroad unchanged.

use crate::org::Label;
use crate::territory::{Level, TerritoryCode};
use serde::{Deserialize, Serialize};
use std::sync::OnceLock;

/// The region's code when the profile gives it no number.
pub const DEFAULT_REGION_CODE: &str = "99";
/// Morocco's ISO 3166 numeric code: not a country of the diaspora.
const MOROCCO: &str = "504";

/// The `[diaspora]` section of the profile.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq, Eq)]
pub struct Diaspora {
    /// "مغاربة العالم", "Marocains du monde".
    pub name: Label,
    /// The region's number when the party counts it among the regions (13): also its code.
    #[serde(default)]
    pub number: Option<u8>,
    /// The cities where the party is organized, by country.
    #[serde(default)]
    pub cities: Vec<City>,
}

/// A city abroad where members live and bodies sit.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq, Eq)]
pub struct City {
    /// ISO 3166 alpha-2 code of its country ("FR").
    pub country: String,
    /// Its number within the country (1 to 99), stable once bodies sit there.
    pub number: u8,
    pub name: Label,
}

/// A country as the diaspora knows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Country {
    pub alpha2: String,
    /// ISO 3166 numeric, three digits ("250").
    pub numeric: String,
    pub name_ar: String,
    pub name_fr: String,
}

/// Every country but Morocco, by alpha-2 code, read once from the ISO 3166 tables.
pub fn countries() -> &'static [Country] {
    static COUNTRIES: OnceLock<Vec<Country>> = OnceLock::new();
    COUNTRIES.get_or_init(|| {
        let mut all: Vec<Country> = keshvar::CountryIterator::new()
            .filter(|c| c.number() != MOROCCO)
            .map(|c| {
                let names = c.translations();
                let fr = names.get("fr").copied().unwrap_or(c.iso_short_name());
                Country {
                    alpha2: c.alpha2().to_string(),
                    numeric: c.number().to_owned(),
                    name_ar: without_marks(names.get("ar").copied().unwrap_or(fr)),
                    name_fr: fr.to_owned(),
                }
            })
            .collect();
        all.sort_by(|a, b| a.alpha2.cmp(&b.alpha2));
        all
    })
}

pub fn country(alpha2: &str) -> Option<&'static Country> {
    let all = countries();
    all.binary_search_by(|c| c.alpha2.as_str().cmp(alpha2))
        .ok()
        .map(|i| &all[i])
}

/// Arabic as the press prints it, without short vowels or shadda (الولايات المتحدة).
fn without_marks(s: &str) -> String {
    s.chars()
        .filter(|c| !matches!(c, '\u{064B}'..='\u{0652}' | '\u{0670}'))
        .collect()
}

/// One place of the diaspora, ready to be stored with Morocco's territories.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlaceAbroad {
    pub code: TerritoryCode,
    pub level: Level,
    /// `diaspora`, `country`, `city` or `country_rest`.
    pub kind: &'static str,
    pub parent: Option<TerritoryCode>,
    pub name_ar: String,
    pub name_fr: String,
}

impl Diaspora {
    pub fn region_code(&self) -> String {
        self.number
            .map(|n| format!("{n:02}"))
            .unwrap_or_else(|| DEFAULT_REGION_CODE.to_owned())
    }

    /// Whether a territory code lies abroad.
    pub fn holds(&self, code: &str) -> bool {
        let region = self.region_code();
        code == region || code.starts_with(&format!("{region}."))
    }

    /// The codes of the countries where the party is organized: those in which the profile
    /// names cities (the world's other countries are not gaps in its coverage).
    pub fn organized_countries(&self) -> std::collections::HashSet<String> {
        let region = self.region_code();
        self.cities
            .iter()
            .filter_map(|c| country(&c.country))
            .map(|c| format!("{region}.{}", c.numeric))
            .collect()
    }

    /// The rules a profile must keep: a number that is not one of Morocco's twelve
    /// regions, known countries other than Morocco, one number per city in a country.
    pub fn check(&self) -> Result<(), String> {
        if let Some(n) = self.number
            && !(13..=99).contains(&n)
        {
            return Err(format!(
                "diaspora.number must be between 13 and 99 (the twelve regions are Morocco's), not {n}"
            ));
        }
        let mut seen = std::collections::HashSet::new();
        for city in &self.cities {
            if country(&city.country).is_none() {
                return Err(format!(
                    "diaspora city {}: {} is not an ISO 3166 country other than Morocco",
                    city.name.fr, city.country
                ));
            }
            if !(1..=99).contains(&city.number) {
                return Err(format!(
                    "diaspora city {}: number must be between 1 and 99",
                    city.name.fr
                ));
            }
            if !seen.insert((city.country.as_str(), city.number)) {
                return Err(format!(
                    "diaspora city {}: number {} is already used in {}",
                    city.name.fr, city.number, city.country
                ));
            }
        }
        Ok(())
    }

    /// The region, every country, the rest of each country and the profile's cities,
    /// parents before children.
    pub fn places(&self) -> Vec<PlaceAbroad> {
        let region = self.region_code();
        // Every code below is digits in the HCP's groups (`check` bounds the numbers).
        let code = |s: String| TerritoryCode::parse(&s).ok();
        let Some(region_code) = code(region.clone()) else {
            return Vec::new();
        };
        let mut out = vec![PlaceAbroad {
            code: region_code.clone(),
            level: Level::Region,
            kind: "diaspora",
            parent: None,
            name_ar: self.name.ar.clone(),
            name_fr: self.name.fr.clone(),
        }];
        let mut by_code: Vec<&Country> = countries().iter().collect();
        by_code.sort_by(|a, b| a.numeric.cmp(&b.numeric));
        for c in by_code {
            let (Some(country_code), Some(rest_code)) = (
                code(format!("{region}.{}", c.numeric)),
                code(format!("{region}.{}.00.0", c.numeric)),
            ) else {
                continue;
            };
            out.push(PlaceAbroad {
                code: country_code.clone(),
                level: Level::Province,
                kind: "country",
                parent: Some(region_code.clone()),
                name_ar: c.name_ar.clone(),
                name_fr: c.name_fr.clone(),
            });
            out.push(PlaceAbroad {
                code: rest_code,
                level: Level::Commune,
                kind: "country_rest",
                parent: Some(country_code.clone()),
                name_ar: c.name_ar.clone(),
                name_fr: c.name_fr.clone(),
            });
            let mut cities: Vec<&City> = self
                .cities
                .iter()
                .filter(|x| x.country == c.alpha2)
                .collect();
            cities.sort_by_key(|x| x.number);
            for city in cities {
                let Some(city_code) = code(format!("{region}.{}.01.{}", c.numeric, city.number))
                else {
                    continue;
                };
                out.push(PlaceAbroad {
                    code: city_code,
                    level: Level::Commune,
                    kind: "city",
                    parent: Some(country_code.clone()),
                    name_ar: city.name.ar.clone(),
                    name_fr: city.name.fr.clone(),
                });
            }
        }
        out
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    fn label(ar: &str, fr: &str) -> Label {
        Label {
            ar: ar.into(),
            fr: fr.into(),
            en: fr.into(),
        }
    }

    fn thirteenth() -> Diaspora {
        Diaspora {
            name: label("مغاربة العالم", "Marocains du monde"),
            number: Some(13),
            cities: vec![
                City {
                    country: "FR".into(),
                    number: 1,
                    name: label("باريس", "Paris"),
                },
                City {
                    country: "BE".into(),
                    number: 1,
                    name: label("بروكسيل", "Bruxelles"),
                },
            ],
        }
    }

    #[test]
    fn countries_have_their_arabic_and_french_names() {
        let france = country("FR").unwrap();
        assert_eq!(
            (
                france.numeric.as_str(),
                france.name_ar.as_str(),
                france.name_fr.as_str()
            ),
            ("250", "فرنسا", "France")
        );
        assert_eq!(country("BE").unwrap().name_ar, "بلجيكا");
        assert_eq!(country("ES").unwrap().name_fr, "Espagne");
        // Without the shadda the tables carry.
        assert_eq!(country("US").unwrap().name_ar, "الولايات المتحدة");
        assert_eq!(country("MA"), None);
        assert_eq!(countries().len(), 248);
    }

    #[test]
    fn places_are_coded_under_the_region() {
        let places = thirteenth().places();
        let find = |c: &str| places.iter().find(|p| p.code.as_str() == c);
        let region = find("13").unwrap();
        assert_eq!(
            (region.level, region.name_ar.as_str()),
            (Level::Region, "مغاربة العالم")
        );
        let france = find("13.250").unwrap();
        assert_eq!((france.level, france.kind), (Level::Province, "country"));
        let paris = find("13.250.01.1").unwrap();
        assert_eq!(
            (paris.level, paris.kind, paris.name_fr.as_str()),
            (Level::Commune, "city", "Paris")
        );
        assert_eq!(paris.parent.as_ref().unwrap().as_str(), "13.250");
        let rest = find("13.250.00.0").unwrap();
        assert_eq!(
            (rest.kind, rest.name_ar.as_str()),
            ("country_rest", "فرنسا")
        );
        assert!(find("13.056.01.1").is_some(), "Brussels, in Belgium (056)");
        assert!(find("13.504").is_none(), "Morocco is not abroad");
        let mut organized: Vec<String> = thirteenth().organized_countries().into_iter().collect();
        organized.sort();
        assert_eq!(organized, ["13.056", "13.250"]);
        // 1 region, 248 countries, 248 rests, 2 cities.
        assert_eq!(places.len(), 1 + 248 + 248 + 2);
    }

    #[test]
    fn without_a_number_the_region_is_99() {
        let d = Diaspora {
            number: None,
            ..thirteenth()
        };
        assert_eq!(d.region_code(), "99");
        assert!(d.holds("99.250.01.1"));
        assert!(!d.holds("05.091"));
        assert!(!d.holds("990"));
    }

    #[test]
    fn a_profile_breaking_the_rules_is_refused() {
        let mut d = thirteenth();
        d.number = Some(5);
        assert!(d.check().unwrap_err().contains("between 13 and 99"));
        let mut d = thirteenth();
        d.cities[1].country = "MA".into();
        assert!(d.check().unwrap_err().contains("MA is not"));
        let mut d = thirteenth();
        d.cities[1].country = "FR".into();
        assert!(d.check().unwrap_err().contains("already used in FR"));
        assert_eq!(thirteenth().check(), Ok(()));
    }
}
