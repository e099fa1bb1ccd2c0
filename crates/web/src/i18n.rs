//! Localization: Fluent messages for ar (default), fr and en, loaded from the files under
//! `locales/` compiled into the binary, with ICU4X plural rules behind `PLURAL()`
//! (fluent's own rules put Arabic 103, 111 and 1003 in the wrong category).

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use icu_plurals::{PluralCategory, PluralRules};
use std::sync::Arc;
use unic_langid::LanguageIdentifier;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Lang {
    Ar,
    Fr,
    En,
}

impl Lang {
    pub const ALL: [Lang; 3] = [Lang::Ar, Lang::Fr, Lang::En];

    pub fn parse(s: &str) -> Option<Lang> {
        match s {
            "ar" => Some(Lang::Ar),
            "fr" => Some(Lang::Fr),
            "en" => Some(Lang::En),
            _ => None,
        }
    }
    pub fn code(self) -> &'static str {
        match self {
            Lang::Ar => "ar",
            Lang::Fr => "fr",
            Lang::En => "en",
        }
    }
    pub fn dir(self) -> &'static str {
        if self == Lang::Ar { "rtl" } else { "ltr" }
    }
    /// The language's own name, as the switcher shows it.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::Ar => "العربية",
            Lang::Fr => "Français",
            Lang::En => "English",
        }
    }
    fn sources(self) -> &'static str {
        match self {
            Lang::Ar => include_str!("../../../locales/ar/main.ftl"),
            Lang::Fr => include_str!("../../../locales/fr/main.ftl"),
            Lang::En => include_str!("../../../locales/en/main.ftl"),
        }
    }
}

/// The CLDR plural category of `n` in `lang`, by ICU4X.
pub fn plural_category(lang: Lang, n: u64) -> &'static str {
    let locale = match lang {
        Lang::Ar => icu_locale_core::locale!("ar"),
        Lang::Fr => icu_locale_core::locale!("fr"),
        Lang::En => icu_locale_core::locale!("en"),
    };
    let Ok(rules) = PluralRules::try_new_cardinal(locale.into()) else {
        return "other";
    };
    match rules.category_for(n) {
        PluralCategory::Zero => "zero",
        PluralCategory::One => "one",
        PluralCategory::Two => "two",
        PluralCategory::Few => "few",
        PluralCategory::Many => "many",
        PluralCategory::Other => "other",
    }
}

pub struct I18n {
    bundles: Vec<(Lang, FluentBundle<FluentResource>)>,
}

#[derive(Debug, thiserror::Error)]
#[error("locale {lang}: {message}")]
pub struct I18nError {
    lang: &'static str,
    message: String,
}

impl I18n {
    pub fn load() -> Result<I18n, I18nError> {
        let mut bundles = Vec::new();
        for lang in Lang::ALL {
            let err = |message: String| I18nError {
                lang: lang.code(),
                message,
            };
            let resource = FluentResource::try_new(lang.sources().to_owned())
                .map_err(|(_, errors)| err(format!("{errors:?}")))?;
            let langid: LanguageIdentifier =
                lang.code().parse().map_err(|e| err(format!("{e}")))?;
            let mut bundle = FluentBundle::new_concurrent(vec![langid]);
            // Bidi isolation marks would end up inside attribute values; templates wrap
            // mixed-direction values in <bdi> instead.
            bundle.set_use_isolating(false);
            bundle
                .add_function("PLURAL", move |positional, _named| {
                    match positional.first() {
                        Some(FluentValue::Number(n)) if n.value >= 0.0 => {
                            FluentValue::from(plural_category(lang, n.value as u64))
                        }
                        _ => FluentValue::from("other"),
                    }
                })
                .map_err(|e| err(format!("{e:?}")))?;
            bundle
                .add_resource(resource)
                .map_err(|e| err(format!("{e:?}")))?;
            bundles.push((lang, bundle));
        }
        Ok(I18n { bundles })
    }

    fn bundle(&self, lang: Lang) -> Option<&FluentBundle<FluentResource>> {
        self.bundles
            .iter()
            .find(|(l, _)| *l == lang)
            .map(|(_, b)| b)
    }

    /// The message `key` in `lang` with `args`; a missing key shows as itself, so a gap is
    /// visible on the page rather than hidden (the locale test keeps the files complete).
    pub fn format(&self, lang: Lang, key: &str, args: Option<&FluentArgs>) -> String {
        let Some(bundle) = self.bundle(lang) else {
            return key.to_owned();
        };
        let Some(pattern) = bundle.get_message(key).and_then(|m| m.value()) else {
            return key.to_owned();
        };
        let mut errors = Vec::new();
        bundle
            .format_pattern(pattern, args, &mut errors)
            .into_owned()
    }

    /// The message ids each locale defines.
    pub fn keys(&self, lang: Lang) -> Vec<String> {
        let mut keys: Vec<String> = fluent_syntax_keys(lang.sources());
        keys.sort();
        keys
    }
}

fn fluent_syntax_keys(source: &str) -> Vec<String> {
    source
        .lines()
        .filter(|l| l.chars().next().is_some_and(|c| c.is_ascii_alphabetic()))
        .filter_map(|l| l.split_once('=').map(|(k, _)| k.trim().to_owned()))
        .collect()
}

/// A translator for one request's language.
#[derive(Clone)]
pub struct Tr {
    pub lang: Lang,
    i18n: Arc<I18n>,
}

impl Tr {
    pub fn new(i18n: Arc<I18n>, lang: Lang) -> Tr {
        Tr { lang, i18n }
    }
    pub fn t(&self, key: &str) -> String {
        self.i18n.format(self.lang, key, None)
    }
    /// A message with a `$count` argument (plural-aware through `PLURAL($count)`).
    pub fn count(&self, key: &str, count: impl std::borrow::Borrow<i64>) -> String {
        let mut args = FluentArgs::new();
        args.set("count", *count.borrow());
        self.i18n.format(self.lang, key, Some(&args))
    }
    /// A message with named string arguments.
    pub fn with(&self, key: &str, named: &[(&str, &str)]) -> String {
        let mut args = FluentArgs::new();
        for (k, v) in named {
            args.set(*k, v.to_string());
        }
        self.i18n.format(self.lang, key, Some(&args))
    }
    /// A number with Western digits and the language's grouping (a thin space in ar and fr).
    pub fn number(&self, n: i64) -> String {
        let digits = n.unsigned_abs().to_string();
        let sep = if self.lang == Lang::En {
            ','
        } else {
            '\u{202F}'
        };
        let mut out = String::new();
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i).is_multiple_of(3) {
                out.push(sep);
            }
            out.push(c);
        }
        if n < 0 { format!("-{out}") } else { out }
    }
    /// A decimal number with `places` digits after a decimal comma in ar and fr (a point in
    /// en) and the thousands grouped as `number` groups them: `1 234,5`.
    pub fn decimal(&self, x: f64, places: usize) -> String {
        let text = format!("{:.*}", places, x.abs());
        let (whole, fraction) = text.split_once('.').unwrap_or((&text, ""));
        let whole = self.number(whole.parse::<i64>().unwrap_or(0));
        let sign = if x < 0.0 && text.chars().any(|c| ('1'..='9').contains(&c)) {
            "-"
        } else {
            ""
        };
        if fraction.is_empty() {
            return format!("{sign}{whole}");
        }
        let point = if self.lang == Lang::En { '.' } else { ',' };
        format!("{sign}{whole}{point}{fraction}")
    }
    /// An amount of dirhams from its centimes, two decimals: `1 250,00` (`1,250.00` in en).
    pub fn amount(&self, centimes: i64) -> String {
        let point = if self.lang == Lang::En { '.' } else { ',' };
        let sign = if centimes < 0 { "-" } else { "" };
        let c = centimes.unsigned_abs();
        format!(
            "{sign}{}{point}{:02}",
            self.number((c / 100) as i64),
            c % 100
        )
    }
    /// A share in per cent with one decimal: `12,5 %` in French (a narrow no-break space
    /// before the sign), `12,5%` in Arabic (the sign kept on the number's run, so that it
    /// stays beside it right to left), `12.5%` in English.
    pub fn percent(&self, x: f64) -> String {
        let n = self.decimal(x, 1);
        match self.lang {
            Lang::Fr => format!("{n}\u{202F}%"),
            Lang::Ar | Lang::En => format!("{n}%"),
        }
    }
    /// A date as Moroccans write it: day, month name (يناير ... دجنبر in Arabic), year,
    /// Western digits.
    pub fn date(&self, unix_seconds: i64) -> String {
        use chrono::Datelike;
        let Some(dt) = chrono::DateTime::from_timestamp(unix_seconds, 0) else {
            return String::new();
        };
        let month = self.t(&format!("month-{}", dt.month()));
        format!("{:02} {} {}", dt.day(), month, dt.year())
    }
    /// A calendar day (a meeting's date) as Moroccans write it.
    pub fn day(&self, day: chrono::NaiveDate) -> String {
        self.date(day.and_time(chrono::NaiveTime::MIN).and_utc().timestamp())
    }
    /// A date and time (UTC+1, Morocco's legal time), for the audit log and sessions.
    pub fn datetime(&self, unix_seconds: i64) -> String {
        let Some(dt) = chrono::DateTime::from_timestamp(unix_seconds + 3600, 0) else {
            return String::new();
        };
        format!("{} {}", self.date(unix_seconds + 3600), dt.format("%H:%M"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_written_as_in_morocco() -> Result<(), I18nError> {
        let i18n = Arc::new(I18n::load()?);
        let ar = Tr::new(i18n.clone(), Lang::Ar);
        let fr = Tr::new(i18n.clone(), Lang::Fr);
        let en = Tr::new(i18n, Lang::En);
        assert_eq!(ar.number(1234567), "1\u{202F}234\u{202F}567");
        assert_eq!(fr.decimal(1234.56, 1), "1\u{202F}234,6");
        assert_eq!(ar.decimal(0.25, 2), "0,25");
        assert_eq!(en.decimal(1234.5, 1), "1,234.5");
        assert_eq!(fr.decimal(-3.04, 1), "-3,0");
        assert_eq!(fr.decimal(-0.01, 1), "0,0");
        assert_eq!(fr.percent(12.5), "12,5\u{202F}%");
        assert_eq!(ar.percent(12.5), "12,5%");
        assert_eq!(en.percent(100.0), "100.0%");
        assert_eq!(ar.amount(125000), "1\u{202F}250,00");
        assert_eq!(fr.amount(5005), "50,05");
        assert_eq!(en.amount(-100), "-1.00");
        assert_eq!(
            ar.day(chrono::NaiveDate::from_ymd_opt(2026, 12, 7).unwrap_or_default()),
            "07 دجنبر 2026"
        );
        assert_eq!(
            fr.day(chrono::NaiveDate::from_ymd_opt(2026, 12, 7).unwrap_or_default()),
            "07 décembre 2026"
        );
        Ok(())
    }

    #[test]
    fn arabic_plural_categories_follow_cldr() {
        let cases = [
            (0, "zero"),
            (1, "one"),
            (2, "two"),
            (3, "few"),
            (11, "many"),
            (100, "other"),
            (101, "other"),
            (103, "few"),
            (111, "many"),
            (1003, "few"),
        ];
        for (n, expected) in cases {
            assert_eq!(plural_category(Lang::Ar, n), expected, "{n}");
        }
        assert_eq!(plural_category(Lang::Fr, 0), "one");
        assert_eq!(plural_category(Lang::En, 0), "other");
    }

    #[test]
    fn plural_messages_pick_the_arabic_form() -> Result<(), I18nError> {
        let tr = Tr::new(Arc::new(I18n::load()?), Lang::Ar);
        let forms: Vec<String> = [0, 1, 2, 3, 11, 100, 101, 103, 111, 1003]
            .iter()
            .map(|n| tr.count("count-bodies", *n))
            .collect();
        // few and many forms differ in Arabic: 3 and 103 share one, 11 and 111 another.
        assert_eq!(forms[3].replace('3', "N"), forms[7].replace("103", "N"));
        assert_eq!(forms[4].replace("11", "N"), forms[8].replace("111", "N"));
        assert_ne!(forms[3].replace('3', "N"), forms[4].replace("11", "N"));
        assert_eq!(forms[5].replace("100", "N"), forms[6].replace("101", "N"));
        assert!(
            !forms[0].contains('0'),
            "zero has its own words: {}",
            forms[0]
        );
        assert_eq!(forms[9].replace("1003", "N"), forms[3].replace('3', "N"));
        Ok(())
    }

    #[test]
    fn the_three_locales_define_the_same_keys() -> Result<(), I18nError> {
        let i18n = I18n::load()?;
        let ar = i18n.keys(Lang::Ar);
        assert!(ar.len() > 50);
        assert_eq!(ar, i18n.keys(Lang::Fr), "ar and fr differ");
        assert_eq!(ar, i18n.keys(Lang::En), "ar and en differ");
        Ok(())
    }

    /// Scans the templates and the code of web, store and domain for message keys and error
    /// codes, so that a string added anywhere cannot miss its translation.
    #[test]
    fn every_key_the_templates_and_code_use_is_defined() -> Result<(), I18nError> {
        let i18n = I18n::load()?;
        let defined = i18n.keys(Lang::Ar);
        let root = concat!(env!("CARGO_MANIFEST_DIR"), "/..");
        // (text before the key, prefix of the message id)
        let patterns = [
            ("tr.t(\"", ""),
            ("tr.count(\"", ""),
            ("tr.with(\"", ""),
            ("BadRequest(\"", "error-"),
            ("Conflict(\"", "error-"),
            ("unique_as(\"", "error-"),
            ("DomainError::general(\"", "error-"),
        ];
        let mut missing = Vec::new();
        let mut seen = 0;
        for dir in ["web/templates", "web/src", "store/src", "domain/src"] {
            let Ok(entries) = std::fs::read_dir(format!("{root}/{dir}")) else {
                continue;
            };
            // This file holds the patterns themselves.
            for entry in entries.flatten().filter(|e| !e.path().ends_with("i18n.rs")) {
                let text = std::fs::read_to_string(entry.path()).unwrap_or_default();
                let mut keys: Vec<String> = Vec::new();
                for (pattern, prefix) in patterns {
                    for part in text.split(pattern).skip(1) {
                        keys.push(format!(
                            "{prefix}{}",
                            part.split('"').next().unwrap_or_default()
                        ));
                    }
                }
                // DomainError::new(Field::X, "code")
                for part in text.split("DomainError::new(Field::").skip(1) {
                    // Only a literal code right after the field, not a variable.
                    let mut pieces = part.split('"');
                    let before = pieces.next().unwrap_or_default();
                    if let (false, Some(code)) = (before.contains(')'), pieces.next()) {
                        keys.push(format!("error-{code}"));
                    }
                }
                for key in keys {
                    seen += 1;
                    if !defined.contains(&key) {
                        missing.push(format!("{}: {key}", entry.path().display()));
                    }
                }
            }
        }
        assert!(seen > 100, "the scan found only {seen} keys");
        assert!(missing.is_empty(), "undefined message keys: {missing:#?}");
        for action in tanzim_domain::audit::AuditAction::ALL {
            assert!(
                defined.contains(&format!("audit-{}", action.as_str())),
                "{action:?}"
            );
        }
        for role in tanzim_domain::accounts::Role::ALL {
            assert!(
                defined.contains(&format!("role-{}", role.as_str())),
                "{role:?}"
            );
        }
        // Keys built from values at run time.
        use tanzim_domain::members::{EDUCATION_LEVELS, Event, PAYMENT_METHODS, Status};
        let built = Status::ALL
            .iter()
            .map(|x| format!("status-{}", x.as_str()))
            .chain(Event::ALL.iter().map(|x| format!("event-{}", x.as_str())))
            .chain(["event-join".to_owned(), "event-transfer".to_owned()])
            .chain(PAYMENT_METHODS.iter().map(|x| format!("method-{x}")))
            .chain(EDUCATION_LEVELS.iter().map(|x| format!("education-{x}")))
            .chain(
                ["pending", "accepted", "rejected"]
                    .iter()
                    .map(|x| format!("application-{x}")),
            )
            .chain(
                ["public", "officer"]
                    .iter()
                    .map(|x| format!("application-source-{x}")),
            )
            .chain(
                ["pending", "accepted", "rejected", "all"]
                    .iter()
                    .map(|x| format!("applications-tab-{x}")),
            )
            .chain(
                ["open", "closed", "closing"]
                    .iter()
                    .map(|x| format!("campaign-{x}")),
            )
            .chain(["F", "M"].iter().map(|x| format!("sex-{x}")))
            .chain(
                tanzim_domain::discipline::Outcome::KINDS
                    .iter()
                    .map(|x| format!("case-outcome-{x}")),
            )
            .chain(
                tanzim_domain::discipline::CaseStatus::ALL
                    .iter()
                    .map(|x| format!("case-status-{}", x.as_str())),
            )
            .chain(
                ["all", "open", "decided"]
                    .iter()
                    .map(|x| format!("cases-tab-{x}")),
            )
            .chain(
                [
                    "case-notify-phone-email",
                    "case-notify-phone",
                    "case-notify-email",
                    "case-notify-none",
                ]
                .iter()
                .map(|x| (*x).to_owned()),
            )
            .chain((1..=12).map(|m| format!("month-{m}")));
        for key in built {
            assert!(defined.contains(&key), "{key}");
        }
        for code in [
            "unauthenticated",
            "forbidden",
            "not-found",
            "csrf",
            "throttled",
            "internal",
            "login-failed",
            "session-required",
            "reauth-required",
        ] {
            assert!(defined.contains(&format!("error-{code}")), "{code}");
        }
        Ok(())
    }

    #[test]
    fn dates_use_moroccan_month_names() -> Result<(), I18nError> {
        let i18n = Arc::new(I18n::load()?);
        // 8 December 2022, 12:00 UTC (article 002's date).
        let t = 1_670_500_800;
        assert_eq!(Tr::new(i18n.clone(), Lang::Ar).date(t), "08 دجنبر 2022");
        assert_eq!(Tr::new(i18n.clone(), Lang::Fr).date(t), "08 décembre 2022");
        assert_eq!(Tr::new(i18n, Lang::En).number(1_234_567), "1,234,567");
        Ok(())
    }
}
