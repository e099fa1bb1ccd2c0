//! iCalendar documents (RFC 5545) from plain data: the meeting feeds that calendar apps
//! subscribe to. Every text value is escaped and stripped of control characters, and every
//! line folded at 75 octets, so that nothing a user typed can end a line: a place holding
//! "\r\nBEGIN:VEVENT" must stay one LOCATION, not become an event in each subscriber's
//! calendar.

use chrono::{DateTime, NaiveDate, NaiveTime, Utc};

/// One event of a feed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event {
    /// Unique and stable across reads, so that apps update an event instead of adding one.
    pub uid: String,
    pub day: NaiveDate,
    /// Local (floating) time; a day-long event without it.
    pub time: Option<NaiveTime>,
    pub summary: String,
    pub description: Option<String>,
    pub location: Option<String>,
    pub url: Option<String>,
}

/// A whole VCALENDAR: CRLF line ends, folded lines, one VEVENT per event.
pub fn document(prodid: &str, stamp: DateTime<Utc>, events: &[Event]) -> String {
    let mut out = String::new();
    let mut line = |name: &str, value: &str| {
        out.push_str(&fold(&format!("{name}:{value}")));
        out.push_str("\r\n");
    };
    line("BEGIN", "VCALENDAR");
    line("VERSION", "2.0");
    line("PRODID", &text(prodid));
    line("CALSCALE", "GREGORIAN");
    let stamp = stamp.format("%Y%m%dT%H%M%SZ").to_string();
    for e in events {
        line("BEGIN", "VEVENT");
        line("UID", &text(&e.uid));
        line("DTSTAMP", &stamp);
        let day = e.day.format("%Y%m%d");
        match e.time {
            Some(t) => line("DTSTART", &format!("{day}T{}", t.format("%H%M%S"))),
            None => line("DTSTART;VALUE=DATE", &day.to_string()),
        }
        line("SUMMARY", &text(&e.summary));
        if let Some(url) = &e.url {
            line("URL", &uri(url));
        }
        if let Some(place) = &e.location {
            line("LOCATION", &text(place));
        }
        if let Some(description) = &e.description {
            line("DESCRIPTION", &text(description));
        }
        line("END", "VEVENT");
    }
    line("END", "VCALENDAR");
    out
}

/// A TEXT value (RFC 5545 §3.3.11): `\`, `;` and `,` escaped, every line break (CRLF, a
/// bare CR or LF, Unicode's separators) written `\n`, other control characters dropped: the
/// grammar allows none of them, and some readers end a line at a bare CR.
pub fn text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\r' => {
                chars.next_if_eq(&'\n');
                out.push_str("\\n");
            }
            '\n' | '\u{2028}' | '\u{2029}' | '\u{85}' => out.push_str("\\n"),
            '\t' => out.push(' '),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// A URI value: not escaped as text, but no control character or space may reach the line.
fn uri(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_control() && !c.is_whitespace())
        .collect()
}

/// Folds a content line (RFC 5545 §3.1): at most 75 octets a line, the continuation lines
/// starting with one space, never inside a UTF-8 character.
fn fold(line: &str) -> String {
    const LIMIT: usize = 75;
    let mut out = String::with_capacity(line.len() + line.len() / 24);
    let mut used = 0;
    for c in line.chars() {
        if used + c.len_utf8() > LIMIT {
            out.push_str("\r\n ");
            used = 1;
        }
        out.push(c);
        used += c.len_utf8();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stamp() -> DateTime<Utc> {
        DateTime::from_timestamp(1_733_050_800, 0).unwrap_or_default()
    }

    fn event(place: &str) -> Event {
        Event {
            uid: "meeting-7@tanzim".into(),
            day: NaiveDate::from_ymd_opt(2024, 12, 1).unwrap_or_default(),
            time: NaiveTime::from_hms_opt(10, 30, 0),
            summary: "لقاء تواصلي - الكتابة الإقليمية".into(),
            description: None,
            location: Some(place.into()),
            url: Some("https://members.example.ma/meetings/7".into()),
        }
    }

    #[test]
    fn text_values_are_escaped() {
        assert_eq!(text(r"a;b,c\d"), r"a\;b\,c\\d");
        assert_eq!(text("one\ntwo\r\nthree\rfour"), r"one\ntwo\nthree\nfour");
        assert_eq!(text("a\u{0}b\u{7}c\u{1b}d\u{7f}e\u{9b}f"), "abcdef");
        assert_eq!(text("tab\there\u{2028}next"), r"tab here\nnext");
        assert_eq!(text("فاس، المغرب"), "فاس، المغرب");
    }

    #[test]
    fn an_injected_event_stays_one_location() {
        let doc = document(
            "-//tanzim//meetings//AR",
            stamp(),
            &[event("Fès\r\nBEGIN:VEVENT\r\nSUMMARY:x")],
        );
        assert_eq!(
            doc,
            "BEGIN:VCALENDAR\r\n\
             VERSION:2.0\r\n\
             PRODID:-//tanzim//meetings//AR\r\n\
             CALSCALE:GREGORIAN\r\n\
             BEGIN:VEVENT\r\n\
             UID:meeting-7@tanzim\r\n\
             DTSTAMP:20241201T110000Z\r\n\
             DTSTART:20241201T103000\r\n\
             SUMMARY:لقاء تواصلي - الكتابة الإقليمية\r\n\
             URL:https://members.example.ma/meetings/7\r\n\
             LOCATION:Fès\\nBEGIN:VEVENT\\nSUMMARY:x\r\n\
             END:VEVENT\r\n\
             END:VCALENDAR\r\n"
        );
    }

    #[test]
    fn a_day_without_time_and_a_description() {
        let mut e = event("الرباط");
        e.time = None;
        e.url = None;
        e.description = Some("جميعا; من أجل, الوطن".into());
        let doc = document("p", stamp(), &[e]);
        assert!(doc.contains("\r\nDTSTART;VALUE=DATE:20241201\r\n"), "{doc}");
        assert!(
            doc.contains("\r\nLOCATION:الرباط\r\nDESCRIPTION:جميعا\\; من أجل\\, الوطن\r\n"),
            "{doc}"
        );
        assert!(!doc.contains("URL:"));
    }

    #[test]
    fn long_lines_fold_at_75_octets_between_characters() {
        let ascii = format!("SUMMARY:{}", "a".repeat(80));
        assert_eq!(
            fold(&ascii),
            "SUMMARY:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\r\n \
             aaaaaaaaaaaaa"
        );
        // Arabic letters take two octets: 8 + 33 × 2 = 74, and a 34th would make 76.
        let arabic = format!("SUMMARY:{}", "ب".repeat(40));
        assert_eq!(
            fold(&arabic),
            format!("SUMMARY:{}\r\n {}", "ب".repeat(33), "ب".repeat(7))
        );
        assert_eq!(fold("SUMMARY:short"), "SUMMARY:short");
        // Continuation lines hold 74 octets after their space.
        let long = "x".repeat(75 + 74 + 3);
        assert_eq!(
            fold(&long),
            format!("{}\r\n {}\r\n {}", "x".repeat(75), "x".repeat(74), "xxx")
        );
    }

    #[test]
    fn a_uri_keeps_no_control_character() {
        assert_eq!(uri("https://a.ma/m/1\r\nX:y z"), "https://a.ma/m/1X:yz");
    }
}
