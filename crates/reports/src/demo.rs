//! Synthetic members for demonstrations and benchmarks: Moroccan names in both scripts with
//! the spelling variants real rolls have, sexes and ages in census-like proportions, spread
//! over communes by population. Deterministic for a seed.

use crate::import::Row;
use tanzim_domain::members::PersonInput;

/// (Arabic, Latin spellings) of first names, women's then men's.
const WOMEN: [(&str, &[&str]); 24] = [
    ("فاطمة", &["Fatima", "Fatma", "Fatime"]),
    ("خديجة", &["Khadija", "Khadidja"]),
    ("مريم", &["Meryem", "Mariam", "Maryam"]),
    ("زينب", &["Zineb", "Zaynab"]),
    ("عائشة", &["Aicha", "Aïcha", "Aisha"]),
    ("نعيمة", &["Naima", "Naïma"]),
    ("سعاد", &["Souad", "Suad"]),
    ("حنان", &["Hanane", "Hanan"]),
    ("لطيفة", &["Latifa", "Latefa"]),
    ("نادية", &["Nadia"]),
    ("كريمة", &["Karima"]),
    ("سميرة", &["Samira"]),
    ("وفاء", &["Ouafae", "Wafae", "Wafa"]),
    ("إيمان", &["Imane", "Iman"]),
    ("هند", &["Hind"]),
    ("سلمى", &["Salma"]),
    ("أسماء", &["Asmae", "Asmaa"]),
    ("حفصة", &["Hafsa"]),
    ("رشيدة", &["Rachida", "Rashida"]),
    ("مليكة", &["Malika"]),
    ("ثورية", &["Touria", "Thouria"]),
    ("بشرى", &["Bouchra", "Bushra"]),
    (
        "فاطمة الزهراء",
        &["Fatima Zahra", "Fatima-Zahra", "Fatim Zohra"],
    ),
    ("سكينة", &["Sakina", "Soukaina"]),
];
const MEN: [(&str, &[&str]); 26] = [
    ("محمد", &["Mohamed", "Mohammed", "Muhammad", "Mhamed"]),
    ("أحمد", &["Ahmed", "Ahmad"]),
    ("يوسف", &["Youssef", "Yousef", "Youcef"]),
    ("عبد الرحيم", &["Abderrahim", "Abderahim", "Abdel Rahim"]),
    ("عبد القادر", &["Abdelkader", "Abdelkadir"]),
    ("عبد الله", &["Abdellah", "Abdallah"]),
    ("إدريس", &["Driss", "Idriss"]),
    ("حسن", &["Hassan", "Hasan"]),
    ("الحسين", &["El Houcine", "Houssine", "Hussein"]),
    ("رشيد", &["Rachid", "Rachide"]),
    ("كريم", &["Karim", "Kareem"]),
    ("سعيد", &["Said", "Saïd"]),
    ("مصطفى", &["Mustapha", "Moustafa", "Mustafa"]),
    ("عمر", &["Omar", "Omer"]),
    ("خالد", &["Khalid", "Khaled"]),
    ("هشام", &["Hicham", "Hisham"]),
    ("جمال", &["Jamal", "Djamal"]),
    ("نور الدين", &["Noureddine", "Nour Eddine"]),
    ("عبد العزيز", &["Abdelaziz", "Abdel Aziz"]),
    ("محمود", &["Mahmoud"]),
    ("إبراهيم", &["Brahim", "Ibrahim"]),
    ("إسماعيل", &["Ismail", "Smail"]),
    ("طارق", &["Tarik", "Tariq"]),
    ("أنس", &["Anas"]),
    ("أيوب", &["Ayoub"]),
    ("المهدي", &["El Mehdi", "Mehdi"]),
];
const FAMILIES: [(&str, &[&str]); 30] = [
    ("العلوي", &["Alaoui", "El Alaoui"]),
    ("بناني", &["Bennani", "Benani"]),
    ("التازي", &["Tazi", "Ettazi"]),
    ("الإدريسي", &["Idrissi", "El Idrissi"]),
    ("الفاسي", &["Fassi", "El Fassi"]),
    ("الشرقاوي", &["Cherkaoui", "Chergaoui", "Sharqawi"]),
    ("برادة", &["Berrada"]),
    ("بنجلون", &["Benjelloun", "Benjeloun"]),
    ("الحجيرة", &["Hjira", "El Hjira"]),
    ("الأمراني", &["Amrani", "El Amrani"]),
    ("الزياني", &["Zayani", "Ziani"]),
    ("بوعزة", &["Bouazza"]),
    ("أوحمو", &["Ouhammou", "Ouhamou"]),
    ("أيت علي", &["Ait Ali", "Aït Ali"]),
    ("الوزاني", &["Ouazzani", "El Ouazzani"]),
    ("الصقلي", &["Sekkali", "Seqqali"]),
    ("القادري", &["Kadiri", "Qadiri"]),
    ("المنصوري", &["Mansouri", "El Mansouri"]),
    ("الرحماني", &["Rahmani"]),
    ("بوزيدي", &["Bouzidi"]),
    ("الحسني", &["Hassani", "El Hassani"]),
    ("الكتاني", &["Kettani", "Kattani"]),
    ("الطاهري", &["Taheri", "Tahiri"]),
    ("السباعي", &["Sebbai", "Sbai"]),
    ("الناصري", &["Naciri", "Nassiri"]),
    ("أمزيان", &["Amzian", "Amziane"]),
    ("بوشعيب", &["Bouchaib"]),
    ("الخياري", &["Khiari", "Khayari"]),
    ("الجيراري", &["Jirari", "Guerrari"]),
    ("المرابط", &["Merabet", "Mrabet"]),
];

/// A small deterministic generator (no dependency for ten lines).
pub struct Lcg(u64);

impl Lcg {
    pub fn new(seed: u64) -> Lcg {
        Lcg(seed ^ 0x9E37_79B9_7F4A_7C15)
    }
    pub fn below(&mut self, n: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) % n.max(1)
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }
}

/// Family names: the listed ones, then those built from roots as Moroccan names are: the
/// nisba with and without the article (الفاسي, El Fassi, Fassi), بن…, أيت …, بو….
fn families() -> Vec<(String, Vec<String>)> {
    let owned = |(ar, lat): &(&str, &[&str])| {
        (
            (*ar).to_owned(),
            lat.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>(),
        )
    };
    let mut out: Vec<(String, Vec<String>)> = FAMILIES
        .iter()
        .chain(crate::demo_names::FAMILIES)
        .map(owned)
        .collect();
    for (ar, lat) in crate::demo_names::ROOTS {
        let mut letters = lat.chars();
        let cap: String = letters
            .next()
            .map(|c| c.to_uppercase().chain(letters).collect())
            .unwrap_or_default();
        out.push((
            format!("ال{ar}ي"),
            vec![format!("El {cap}i"), format!("{cap}i")],
        ));
        out.push((
            format!("بن{ar}"),
            vec![format!("Ben{lat}"), format!("Ben {cap}")],
        ));
        out.push((
            format!("أيت {ar}"),
            vec![format!("Ait {cap}"), format!("Aït {cap}")],
        ));
        out.push((format!("بو{ar}"), vec![format!("Bou{lat}")]));
    }
    out
}

/// `n` members over `communes` (code, population), the more populous the more members.
pub fn members(n: u64, seed: u64, communes: &[(String, i64)], year: i32) -> Vec<Row> {
    let mut rng = Lcg::new(seed);
    let total: i64 = communes.iter().map(|(_, p)| *p).sum::<i64>().max(1);
    // Cumulative populations, to draw a commune in proportion.
    let mut cumulative = Vec::with_capacity(communes.len());
    let mut acc = 0;
    for (code, p) in communes {
        acc += *p;
        cumulative.push((acc, code.as_str()));
    }
    let women: Vec<&(&str, &[&str])> = WOMEN.iter().chain(crate::demo_names::WOMEN).collect();
    let men: Vec<&(&str, &[&str])> = MEN.iter().chain(crate::demo_names::MEN).collect();
    let families = families();
    (0..n)
        .map(|i| {
            let woman = rng.below(100) < 37;
            let (first_ar, first_lat) = if woman {
                *rng.pick(&women)
            } else {
                *rng.pick(&men)
            };
            let (family_ar, family_lat) = rng.pick(&families);
            let draw = rng.below(total as u64) as i64;
            let commune = cumulative
                .iter()
                .find(|(c, _)| *c > draw)
                .map(|(_, code)| *code)
                .unwrap_or("05.091.01.07");
            // Younger members more often, as in the census' adult pyramid.
            let age = 18 + (rng.below(50) * rng.below(50) / 49) as i32 + rng.below(15) as i32;
            let scripts = rng.below(10);
            let (ar, lat) = (scripts < 8, scripts >= 3);
            let cin_letters = [
                "A", "B", "BE", "BK", "C", "CD", "D", "EE", "G", "H", "I", "J", "K", "L", "M", "N",
                "Q", "S", "T", "U", "W", "X", "Y", "Z",
            ];
            Row {
                line: i + 2,
                raw: Vec::new(),
                person: PersonInput {
                    first_name_ar: ar.then(|| (*first_ar).to_owned()),
                    last_name_ar: ar.then(|| family_ar.clone()),
                    first_name_lat: lat.then(|| (*rng.pick(first_lat)).to_owned()),
                    last_name_lat: lat.then(|| rng.pick(family_lat).clone()),
                    sex: if woman { "F".into() } else { "M".into() },
                    birth_date: format!(
                        "{}-{:02}-{:02}",
                        year - age,
                        1 + rng.below(12),
                        1 + rng.below(28)
                    ),
                    cin: format!("{}{:07}", rng.pick(&cin_letters), 1_000_000 + i),
                    phone: (rng.below(3) > 0).then(|| format!("06{:08}", rng.below(100_000_000))),
                    email: None,
                    commune: commune.to_owned(),
                    address: None,
                    profession: None,
                    education: None,
                    affiliations: None,
                },
                joined_on: Some(format!(
                    "{}-{:02}-{:02}",
                    year - 1 - rng.below(8) as i32,
                    1 + rng.below(12),
                    1 + rng.below(28)
                )),
                province: None,
                number: None,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn demo_members_are_valid_varied_and_deterministic() {
        let communes = vec![
            ("05.091.01.07".to_owned(), 48_172),
            ("03.531.01.03".to_owned(), 10_000),
        ];
        let rows = members(500, 7, &communes, 2026);
        let rules = tanzim_domain::org::MembershipRules::default();
        let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap_or_default();
        for r in &rows {
            assert!(
                r.person.validate(&rules, &[], today).is_ok(),
                "{:?}",
                r.person
            );
        }
        let distinct: std::collections::HashSet<_> = rows
            .iter()
            .map(|r| {
                (
                    r.person.first_name_lat.clone(),
                    r.person.last_name_lat.clone(),
                )
            })
            .collect();
        assert!(distinct.len() > 300, "{}", distinct.len());
        let families: std::collections::HashSet<_> =
            super::families().into_iter().map(|(ar, _)| ar).collect();
        assert!(families.len() > 1400, "{}", families.len());
        let women = rows.iter().filter(|r| r.person.sex == "F").count();
        assert!((120..250).contains(&women), "{women}");
        let kasba = rows
            .iter()
            .filter(|r| r.person.commune == "05.091.01.07")
            .count();
        assert!(kasba > 350, "by population: {kasba}");
        assert_eq!(
            members(50, 7, &communes, 2026)
                .iter()
                .map(|r| r.person.cin.clone())
                .collect::<Vec<_>>(),
            rows[..50]
                .iter()
                .map(|r| r.person.cin.clone())
                .collect::<Vec<_>>()
        );
    }
}
