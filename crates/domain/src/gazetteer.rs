//! The territories by name: an index of Morocco's territories, built once, that finds them
//! as an officer types (Arabic or French, whatever hamza, ta marbuta, alef maqsura,
//! diacritics, accents or case) and turns what was typed, a name or a code, into one
//! territory. Officers know "تاونات", not `03.531`.

use crate::names::{fold, skeleton};
use crate::territory::{Level, TerritoryCode, TerritoryPath};
use crate::{DomainError, Field};
use std::collections::HashMap;

/// The longest query a search reads (in characters): no territory's name is longer, and a
/// bound keeps each keystroke's scan cheap.
pub const MAX_QUERY_CHARS: usize = 64;
/// The longest text a field may hold to be resolved (a name and its code in parentheses).
const MAX_INPUT_CHARS: usize = 200;

/// One territory as the index holds it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    pub code: TerritoryCode,
    pub level: Level,
    /// The HCP kind: `region`, `province`, `prefecture`, `urban_commune`...
    pub kind: String,
    pub parent: Option<TerritoryCode>,
    pub path: TerritoryPath,
    pub name_ar: String,
    pub name_fr: String,
    pub population: i64,
}

impl Place {
    pub fn name(&self, lang: &str) -> &str {
        if lang == "ar" {
            &self.name_ar
        } else {
            &self.name_fr
        }
    }
    /// What an input shows once this territory is chosen, and what resolves back to it:
    /// its name and its code, `تاونات (03.531)`.
    pub fn choice(&self, lang: &str) -> String {
        format!("{} ({})", self.name(lang), self.code)
    }
}

/// The folded forms a place is matched by.
struct Keys {
    ar: String,
    fr: String,
    /// The consonant skeletons of both names (the same for both scripts: تاونات, Taounate
    /// and the misspelt ثاونات are all `tnt`).
    skeleton_ar: String,
    skeleton_fr: String,
}

/// How well a place matches a query: the lower, the better.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Tier {
    /// The whole name, or the code.
    Exact,
    /// The start of the name, or of the code.
    Start,
    /// The start of a word of the name (after its article too: "حسيمة" in "الحسيمة").
    Word,
    /// Anywhere in the name.
    Inside,
    /// Only the consonant skeleton: another spelling, or the other script.
    Sounds,
}

/// Every territory, indexed by code and by folded name.
pub struct Gazetteer {
    places: Vec<Place>,
    keys: Vec<Keys>,
    by_code: HashMap<String, usize>,
}

/// What a field expects of the territory typed into it.
#[derive(Debug, Clone, Copy)]
pub struct Lookup<'a> {
    /// The field named by the errors.
    pub field: Field,
    /// The levels that fit (empty: any). A name that matches at several levels means the
    /// one that fits: "تاونات" is the province for a provincial body, the commune for a
    /// local one.
    pub levels: &'a [Level],
    /// Whether several matches on one line of descent mean the widest. Right for a filter
    /// (the province of Fès holds its commune of the same name, so nothing is missed), wrong
    /// where a wider territory grants more (a role's scope): there the user chooses.
    pub widest_of_nested: bool,
}

impl Lookup<'static> {
    /// A filter: any level, the widest of nested matches.
    pub fn filter(field: Field) -> Self {
        Lookup {
            field,
            levels: &[],
            widest_of_nested: true,
        }
    }
    /// Exactly one territory, of any level.
    pub fn exact(field: Field) -> Self {
        Lookup {
            field,
            levels: &[],
            widest_of_nested: false,
        }
    }
}

impl<'a> Lookup<'a> {
    /// The same lookup, preferring these levels.
    pub fn at(self, levels: &'a [Level]) -> Lookup<'a> {
        Lookup { levels, ..self }
    }
}

fn level_rank(level: Level) -> u8 {
    match level {
        Level::Region => 0,
        Level::Province => 1,
        Level::Commune => 2,
        Level::Arrondissement => 3,
    }
}

/// The start of every word of a folded key, and of the word without its article.
fn word_starts(key: &str) -> impl Iterator<Item = &str> {
    std::iter::once(0)
        .chain(key.match_indices(' ').map(|(i, _)| i + 1))
        .flat_map(move |i| {
            let word = &key[i..];
            [Some(word), word.strip_prefix("ال")].into_iter().flatten()
        })
}

fn tier_of(key: &str, query: &str) -> Option<Tier> {
    if key == query {
        Some(Tier::Exact)
    } else if key.starts_with(query) {
        Some(Tier::Start)
    } else if word_starts(key).any(|w| w.starts_with(query)) {
        Some(Tier::Word)
    } else if key.contains(query) {
        Some(Tier::Inside)
    } else {
        None
    }
}

/// The edit distance between two short texts, by letters.
fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = (diagonal + usize::from(ca != *cb))
                .min(above + 1)
                .min(row[j] + 1);
            diagonal = above;
        }
    }
    row[b.len()]
}

/// Whether `query` looks like the start of a code (digits and dots only).
fn is_code_like(query: &str) -> bool {
    !query.is_empty() && query.bytes().all(|b| b.is_ascii_digit() || b == b'.')
}

impl Gazetteer {
    pub fn new(places: Vec<Place>) -> Gazetteer {
        let keys = places
            .iter()
            .map(|p| Keys {
                ar: fold(&p.name_ar),
                fr: fold(&p.name_fr),
                skeleton_ar: skeleton(&p.name_ar),
                skeleton_fr: skeleton(&p.name_fr),
            })
            .collect();
        let by_code = places
            .iter()
            .enumerate()
            .map(|(i, p)| (p.code.as_str().to_owned(), i))
            .collect();
        Gazetteer {
            places,
            keys,
            by_code,
        }
    }

    pub fn len(&self) -> usize {
        self.places.len()
    }

    pub fn is_empty(&self) -> bool {
        self.places.is_empty()
    }

    pub fn get(&self, code: &str) -> Option<&Place> {
        self.by_code.get(code).map(|&i| &self.places[i])
    }

    /// The territory directly above, if any.
    pub fn parent(&self, place: &Place) -> Option<&Place> {
        place.parent.as_ref().and_then(|c| self.get(c.as_str()))
    }

    /// The territories matching `query` best first: whole name or code, then its start, a
    /// word's start, anywhere in the name, and last (for three consonants or more) the
    /// same consonants; within a tier, higher levels, then more populous ones.
    pub fn search(&self, query: &str, limit: usize) -> Vec<&Place> {
        let bounded: String = query.chars().take(MAX_QUERY_CHARS).collect();
        // Folding reads the dots of a code as spaces: a code is matched as typed.
        let code_start = bounded.trim();
        let by_code = is_code_like(code_start);
        let folded = fold(&bounded);
        let query = if by_code { code_start } else { folded.trim() };
        if query.is_empty() || limit == 0 {
            return Vec::new();
        }
        let sounds = skeleton(query);
        let sounds = (sounds.chars().filter(|c| *c != ' ').count() >= 3).then_some(sounds);
        // (tier, how far the spelling is for a match by sound, index)
        let mut found: Vec<(Tier, usize, usize)> = Vec::new();
        for (i, (place, keys)) in self.places.iter().zip(&self.keys).enumerate() {
            let tier = if by_code {
                let code = place.code.as_str();
                if code == query {
                    Some(Tier::Exact)
                } else {
                    code.starts_with(query).then_some(Tier::Start)
                }
            } else {
                let by_name = [&keys.ar, &keys.fr]
                    .into_iter()
                    .filter_map(|k| tier_of(k, query))
                    .min();
                by_name.or_else(|| {
                    let s = sounds.as_deref()?;
                    [&keys.skeleton_ar, &keys.skeleton_fr]
                        .into_iter()
                        .any(|k| k.starts_with(s))
                        .then_some(Tier::Sounds)
                })
            };
            if let Some(t) = tier {
                let spelling = match t {
                    // ثاونات is one letter from تاونات, three from طانطان (both `tnt`).
                    Tier::Sounds => distance(query, &keys.ar).min(distance(query, &keys.fr)),
                    _ => 0,
                };
                found.push((t, spelling, i));
            }
        }
        found.sort_by(|(ta, da, a), (tb, db, b)| {
            let (a, b) = (&self.places[*a], &self.places[*b]);
            ta.cmp(tb)
                .then(da.cmp(db))
                .then(level_rank(a.level).cmp(&level_rank(b.level)))
                .then(b.population.cmp(&a.population))
                .then(a.code.cmp(&b.code))
        });
        found
            .into_iter()
            .take(limit)
            .map(|(_, _, i)| &self.places[i])
            .collect()
    }

    /// The territory an input names: a code (`03.531`), a name in Arabic or French
    /// (`تاونات`, `taounate`), or a name followed by its code in parentheses, as a chosen
    /// suggestion fills the field (`تاونات (03.531)`). Errors name `lookup.field`; a name
    /// that fits several territories lists them (`candidates`) for the user to choose.
    pub fn resolve(&self, input: &str, lookup: Lookup<'_>) -> Result<&Place, DomainError> {
        let input = input.trim();
        let unknown = |code| DomainError::new(lookup.field, code);
        if input.chars().count() > MAX_INPUT_CHARS {
            return Err(unknown("territory-name-unknown"));
        }
        if let Ok(code) = TerritoryCode::parse(input) {
            return self.get(code.as_str()).ok_or(unknown("territory-unknown"));
        }
        // "name (code)": the code decides when the name is that territory's; a name edited
        // after the choice is read as typed.
        let mut name = input;
        if let Some((before, code)) = input.strip_suffix(')').and_then(|s| s.rsplit_once('(')) {
            name = before.trim();
            if let Some(place) = TerritoryCode::parse(code)
                .ok()
                .and_then(|c| self.get(c.as_str()))
            {
                let typed = fold(name);
                if typed.is_empty()
                    || typed == fold(&place.name_ar)
                    || typed == fold(&place.name_fr)
                {
                    return Ok(place);
                }
            }
        }
        let typed = fold(name);
        if typed.is_empty() {
            return Err(unknown("territory-name-unknown"));
        }
        let mut matches: Vec<&Place> = self
            .places
            .iter()
            .zip(&self.keys)
            .filter(|(_, k)| k.ar == typed || k.fr == typed)
            .map(|(p, _)| p)
            .collect();
        if matches.iter().any(|p| lookup.levels.contains(&p.level)) {
            matches.retain(|p| lookup.levels.contains(&p.level));
        }
        matches.sort_by(|a, b| {
            level_rank(a.level)
                .cmp(&level_rank(b.level))
                .then(a.code.cmp(&b.code))
        });
        match matches.as_slice() {
            [] => Err(unknown("territory-name-unknown")),
            [one] => Ok(one),
            [widest, rest @ ..]
                if lookup.widest_of_nested
                    && rest.iter().all(|p| widest.path.contains(&p.path)) =>
            {
                Ok(widest)
            }
            several => Err(DomainError {
                candidates: several.iter().map(|p| p.code.clone()).collect(),
                ..unknown("territory-name-ambiguous")
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A few real territories of Fès-Meknès and Béni Mellal-Khénifra (HCP codes and names),
    /// parents before children: (code, parent, level, kind, Arabic, French, population).
    fn sample() -> Gazetteer {
        use Level::*;
        let rows: [(&str, &str, Level, &str, &str, &str, i64); 11] = [
            (
                "03",
                "",
                Region,
                "region",
                "فاس-مكناس",
                "Fès-Meknès",
                4_467_911,
            ),
            (
                "03.231",
                "03",
                Province,
                "prefecture",
                "فاس",
                "Fès",
                1_256_172,
            ),
            (
                "03.231.01.0",
                "03.231",
                Commune,
                "urban_commune",
                "فاس",
                "Fès",
                1_167_842,
            ),
            (
                "03.231.01.07",
                "03.231.01.0",
                Arrondissement,
                "arrondissement",
                "فاس المدينة",
                "Fès-Médina",
                49_775,
            ),
            (
                "03.531",
                "03",
                Province,
                "province",
                "تاونات",
                "Taounate",
                612_650,
            ),
            (
                "03.531.01.05",
                "03.531",
                Commune,
                "urban_commune",
                "تاونات",
                "Taounate",
                39_114,
            ),
            (
                "05",
                "",
                Region,
                "region",
                "بني ملال-خنيفرة",
                "Béni Mellal-Khénifra",
                2_525_801,
            ),
            (
                "05.091",
                "05",
                Province,
                "province",
                "بني ملال",
                "Béni Mellal",
                550_678,
            ),
            (
                "05.091.01.07",
                "05.091",
                Commune,
                "urban_commune",
                "قصبة تادلة",
                "Kasba Tadla",
                47_040,
            ),
            (
                "05.091.05.01",
                "05.091",
                Commune,
                "rural_commune",
                "أولاد امبارك",
                "Oulad Mbarek",
                37_000,
            ),
            (
                "05.311.05.11",
                "05",
                Commune,
                "rural_commune",
                "المفاسيس",
                "M'fassis",
                4_937,
            ),
        ];
        let parse = |c: &str| TerritoryCode::parse(c).unwrap_or_else(|e| panic!("{c}: {e}"));
        let mut paths: HashMap<&str, TerritoryPath> = HashMap::new();
        let mut places = Vec::new();
        for (code, parent, level, kind, ar, fr, population) in rows {
            let above = paths.get(parent).cloned().unwrap_or_default();
            let path = above.child(&parse(code));
            paths.insert(code, path.clone());
            places.push(Place {
                code: parse(code),
                level,
                kind: kind.to_owned(),
                parent: (!parent.is_empty()).then(|| parse(parent)),
                path,
                name_ar: ar.to_owned(),
                name_fr: fr.to_owned(),
                population,
            });
        }
        Gazetteer::new(places)
    }

    fn codes(found: Vec<&Place>) -> Vec<&str> {
        found.into_iter().map(|p| p.code.as_str()).collect()
    }

    #[test]
    fn search_folds_both_scripts_and_ranks_starts_first() {
        let g = sample();
        assert_eq!(codes(g.search("taou", 10)), ["03.531", "03.531.01.05"]);
        assert_eq!(codes(g.search("TAOUNATE", 10)), ["03.531", "03.531.01.05"]);
        assert_eq!(codes(g.search("تاونا", 10)), ["03.531", "03.531.01.05"]);
        // Exact names first (the prefecture above its commune), then the region that
        // starts with it, then the arrondissement, then a name holding it inside.
        assert_eq!(
            codes(g.search("فاس", 10)),
            [
                "03.231",
                "03.231.01.0",
                "03",
                "03.231.01.07",
                "05.311.05.11"
            ]
        );
        assert_eq!(codes(g.search("fes", 2)), ["03.231", "03.231.01.0"]);
        // Hamza, ta marbuta, diacritics and accents do not matter.
        assert_eq!(codes(g.search("قصبه", 10)), ["05.091.01.07"]);
        assert_eq!(codes(g.search("اولاد", 10)), ["05.091.05.01"]);
        assert_eq!(codes(g.search("بَنِي مَلّال", 10)), ["05.091", "05"]);
        assert_eq!(codes(g.search("béni", 10)), ["05", "05.091"]);
        // A word of the name, without its article.
        assert_eq!(codes(g.search("مدينة", 10)), ["03.231.01.07"]);
        assert_eq!(codes(g.search("مفاسيس", 10)), ["05.311.05.11"]);
        // Codes as typed.
        assert_eq!(codes(g.search("03.5", 10)), ["03.531", "03.531.01.05"]);
        assert!(g.search("  ", 10).is_empty());
        assert!(g.search("xyzzy", 10).is_empty());
    }

    #[test]
    fn a_misspelling_is_found_by_its_consonants_last() {
        let g = sample();
        // ث for ت: the same consonants as تاونات and Taounate.
        assert_eq!(codes(g.search("ثاونات", 10)), ["03.531", "03.531.01.05"]);
        assert_eq!(distance("ثاونات", "تاونات"), 1);
        assert_eq!(distance("kitten", "sitting"), 3);
        // Two consonants are too few to go by sound.
        assert!(g.search("ثا", 10).is_empty());
    }

    #[test]
    fn a_long_query_is_cut_to_the_bound() {
        let g = sample();
        let long = format!("taou{}", "x".repeat(10_000));
        assert!(g.search(&long, 10).is_empty());
        let long_input = "ت".repeat(MAX_INPUT_CHARS + 1);
        assert_eq!(
            g.resolve(&long_input, Lookup::exact(Field::Territory))
                .map_err(|e| e.code),
            Err("territory-name-unknown")
        );
    }

    #[test]
    fn a_unique_name_or_a_code_resolves() {
        let g = sample();
        let exact = Lookup::exact(Field::Territory);
        let code = |r: Result<&Place, DomainError>| r.map(|p| p.code.as_str().to_owned());
        assert_eq!(
            code(g.resolve("قصبة تادلة", exact)).as_deref(),
            Ok("05.091.01.07")
        );
        assert_eq!(
            code(g.resolve(" kasba-tadla ", exact)).as_deref(),
            Ok("05.091.01.07")
        );
        assert_eq!(code(g.resolve("05.091", exact)).as_deref(), Ok("05.091"));
        assert_eq!(
            code(g.resolve("تاونات (03.531)", exact)).as_deref(),
            Ok("03.531")
        );
        assert_eq!(
            code(g.resolve("Taounate (03.531.01.05)", exact)).as_deref(),
            Ok("03.531.01.05")
        );
        assert_eq!(
            g.resolve("09.999", exact).map_err(|e| (e.field, e.code)),
            Err((Some(Field::Territory), "territory-unknown"))
        );
        assert_eq!(
            g.resolve("الرباط", Lookup::exact(Field::Scope))
                .map_err(|e| (e.field, e.code)),
            Err((Some(Field::Scope), "territory-name-unknown"))
        );
        // A name edited after a suggestion was chosen is read as typed.
        assert_eq!(
            g.resolve("قصبة تادلة (03.531)", exact)
                .map(|p| p.code.as_str()),
            Ok("05.091.01.07")
        );
    }

    #[test]
    fn a_name_of_several_territories_names_them_or_takes_the_fitting_level() {
        let g = sample();
        let ambiguous = g
            .resolve("تاونات", Lookup::exact(Field::Scope))
            .map(|p| p.code.as_str());
        let e = ambiguous.err();
        assert_eq!(
            e.as_ref().map(|e| (e.field, e.code)),
            Some((Some(Field::Scope), "territory-name-ambiguous"))
        );
        let candidates: Vec<&str> = e
            .iter()
            .flat_map(|e| e.candidates.iter().map(TerritoryCode::as_str))
            .collect();
        assert_eq!(candidates, ["03.531", "03.531.01.05"]);
        // The level the field wants decides.
        let province = Lookup::exact(Field::Territory).at(&[Level::Province]);
        assert_eq!(
            g.resolve("تاونات", province).map(|p| p.code.as_str()),
            Ok("03.531")
        );
        let commune = Lookup::exact(Field::Commune).at(&[Level::Commune, Level::Arrondissement]);
        assert_eq!(
            g.resolve("Taounate", commune).map(|p| p.code.as_str()),
            Ok("03.531.01.05")
        );
        // No match at the wanted level: the name's only territory, for the caller to refuse.
        assert_eq!(
            g.resolve("قصبة تادلة", province).map(|p| p.code.as_str()),
            Ok("05.091.01.07")
        );
        // A filter takes the widest of nested matches: the prefecture holds its commune.
        assert_eq!(
            g.resolve("فاس", Lookup::filter(Field::Territory))
                .map(|p| p.code.as_str()),
            Ok("03.231")
        );
        assert_eq!(
            g.resolve("fes", Lookup::exact(Field::Territory))
                .map_err(|e| e.candidates.len()),
            Err(2)
        );
    }
}
