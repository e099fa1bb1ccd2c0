//! Text as it crosses the boundary: control characters are not text, and bidirectional
//! overrides let a name display as something it is not.

use std::borrow::Cow;

/// A control character other than a tab or a line break (NUL among them), which no field
/// holds: PostgreSQL refuses NUL, and a bare carriage return breaks line-based formats.
pub fn is_refused_control(c: char) -> bool {
    c.is_control() && !matches!(c, '\t' | '\n' | '\r')
}

/// Embedding, override and isolate marks (U+202A–U+202E, U+2066–U+2069): they reorder what
/// follows them, so a name followed by U+202E and "txt.exe" shows as something else. The marks that only set a
/// direction (U+200E, U+200F, U+061C) are kept.
pub fn is_bidi_override(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// The text without bidirectional overrides, or `None` when it holds a refused control
/// character.
pub fn clean(s: &str) -> Option<Cow<'_, str>> {
    if s.chars().any(is_refused_control) {
        return None;
    }
    if s.chars().any(is_bidi_override) {
        return Some(s.chars().filter(|c| !is_bidi_override(*c)).collect());
    }
    Some(Cow::Borrowed(s))
}

/// A cell of a file: controls and overrides are dropped (a stray NUL or form feed in a roll
/// is noise, not a reason to refuse the row).
pub fn strip(s: &str) -> Cow<'_, str> {
    if s.chars()
        .any(|c| is_refused_control(c) || is_bidi_override(c))
    {
        s.chars()
            .filter(|c| !is_refused_control(*c) && !is_bidi_override(*c))
            .collect()
    } else {
        Cow::Borrowed(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_are_refused_and_overrides_dropped() {
        assert_eq!(clean("فاس\0").as_deref(), None);
        assert_eq!(clean("a\u{7}b").as_deref(), None);
        assert_eq!(clean("x\u{85}").as_deref(), None);
        assert_eq!(clean("سطر\r\nسطر\tثان").as_deref(), Some("سطر\r\nسطر\tثان"));
        assert_eq!(clean("محمد\u{202E}txt.exe").as_deref(), Some("محمدtxt.exe"));
        assert_eq!(clean("\u{2067}علي\u{2069}").as_deref(), Some("علي"));
        assert_eq!(clean("\u{200F}علي").as_deref(), Some("\u{200F}علي"));
        assert_eq!(strip("AB\u{0}123\u{C}").as_ref(), "AB123");
        assert_eq!(strip("Fès").as_ref(), "Fès");
    }
}
