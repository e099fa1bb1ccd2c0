#![allow(clippy::unwrap_used, clippy::expect_used)]

use typst::layout::{Frame, FrameItem, Transform};

use super::*;

const ORG: &str = "حزب المثال";
const TITLE: &str = "محضر اجتماع الأمانة الإقليمية بتاونات";
const HEADING: &str = "التعديلات";

fn doc<'a>(text: &'a str, amendments: &'a [Amendment<'a>]) -> MinutesDoc<'a> {
    MinutesDoc {
        lang: "ar",
        organization: ORG,
        title: TITLE,
        status_line: "صودق عليه يوم 08 دجنبر 2022",
        text,
        amendments_heading: HEADING,
        amendments,
        page_label: "الصفحة",
    }
}

/// A run of shaped text: its baseline, its left edge (in points from the
/// top left corner of the page) and its text.
type Run = (f64, f64, String);

/// The text runs of every page, top to bottom.
fn page_runs(document: &PagedDocument) -> Vec<Vec<Run>> {
    fn walk(frame: &Frame, ts: Transform, out: &mut Vec<Run>) {
        for (pos, item) in frame.items() {
            match item {
                FrameItem::Group(group) => {
                    let inner = ts
                        .pre_concat(Transform::translate(pos.x, pos.y))
                        .pre_concat(group.transform);
                    walk(&group.frame, inner, out);
                }
                FrameItem::Text(text) => {
                    let at = pos.transform(ts);
                    out.push((at.y.to_pt(), at.x.to_pt(), text.text.to_string()));
                }
                _ => {}
            }
        }
    }
    document
        .pages()
        .iter()
        .map(|page| {
            let mut runs = Vec::new();
            walk(&page.frame, Transform::identity(), &mut runs);
            runs.sort_by(|a, b| a.0.total_cmp(&b.0));
            runs
        })
        .collect()
}

/// The text of every page, line by line as a reader sees it: runs on the
/// same baseline are joined from the side where lines start.
fn page_lines(document: &PagedDocument, rtl: bool) -> Vec<Vec<String>> {
    page_runs(document)
        .into_iter()
        .map(|runs| {
            let mut lines: Vec<Vec<Run>> = Vec::new();
            for run in runs {
                match lines.last_mut() {
                    Some(line) if (line[0].0 - run.0).abs() < 1.0 => line.push(run),
                    _ => lines.push(vec![run]),
                }
            }
            lines
                .into_iter()
                .map(|mut line| {
                    line.sort_by(|a, b| {
                        if rtl {
                            b.1.total_cmp(&a.1)
                        } else {
                            a.1.total_cmp(&b.1)
                        }
                    });
                    line.into_iter()
                        .map(|r| r.2)
                        .collect::<String>()
                        .trim()
                        .to_owned()
                })
                .collect()
        })
        .collect()
}

/// All the text of the document, a line of text a line of the result.
fn all_text(document: &PagedDocument, rtl: bool) -> String {
    page_lines(document, rtl).concat().join("\n")
}

fn long_text() -> String {
    (1..=40)
        .map(|i| {
            format!(
                "{i}. ناقش الحاضرون النقطة رقم {i} من جدول الأعمال، وتداولوا في تفاصيلها \
                 وآثارها على عمل الفروع المحلية بالإقليم، ثم صادقوا على التوصيات المقترحة."
            )
        })
        .collect::<Vec<_>>()
        .join("\n\n")
}

fn count(haystack: &[u8], needle: &[u8]) -> usize {
    haystack
        .windows(needle.len())
        .filter(|w| *w == needle)
        .count()
}

#[test]
fn renders_a_pdf() {
    let pdf = minutes(&doc("افتتح الاجتماع على الساعة العاشرة صباحا.", &[])).unwrap();
    assert!(pdf.starts_with(b"%PDF-"), "not a PDF");
    assert!(
        pdf.ends_with(b"%%EOF\n") || pdf.ends_with(b"%%EOF"),
        "truncated PDF"
    );
}

#[test]
fn embeds_the_amiri_fonts() {
    let pdf = minutes(&doc("نص المحضر.", &[])).unwrap();
    // Subset fonts are named "ABCDEF+Amiri-Regular"; the title is bold.
    assert!(
        count(&pdf, b"+Amiri-Regular") > 0,
        "regular font not embedded"
    );
    assert!(count(&pdf, b"+Amiri-Bold") > 0, "bold font not embedded");
    assert!(
        count(&pdf, b"/FontFile2") > 0,
        "no embedded TrueType font program"
    );
}

#[test]
fn a_long_text_runs_over_several_pages() {
    let text = long_text();
    let document = typeset(&doc(&text, &[])).unwrap();
    let pages = document.pages().len();
    assert!(pages > 1, "{pages} page(s)");

    let pdf = minutes(&doc(&text, &[])).unwrap();
    // Page objects ("/Type/Page"), not the page tree ("/Type/Pages").
    let page_objects = [&b"/Type/Page"[..], b"/Type /Page"]
        .iter()
        .map(|n| count(&pdf, n) - count(&pdf, &[*n, b"s"].concat()))
        .sum::<usize>();
    assert_eq!(page_objects, pages, "page objects in the PDF");

    // The organization heads every page (the title block on the first, the
    // header on the others); the footer numbers them.
    for (i, lines) in page_lines(&document, true).iter().enumerate() {
        assert!(
            lines.iter().any(|l| l.contains(ORG)),
            "page {}: no organization in {lines:#?}",
            i + 1
        );
        let footer = format!("الصفحة {} / {pages}", i + 1);
        assert_eq!(lines.last(), Some(&footer), "page {}", i + 1);
    }
}

#[test]
fn footer_numbers_the_pages_left_to_right() {
    let text = long_text();
    let fr = MinutesDoc {
        lang: "fr",
        page_label: "Page",
        ..doc(&text, &[])
    };
    let document = typeset(&fr).unwrap();
    let pages = document.pages().len();
    assert!(pages > 1, "{pages} page(s)");
    for (i, lines) in page_lines(&document, false).iter().enumerate() {
        let footer = format!("Page {} / {pages}", i + 1);
        assert_eq!(lines.last(), Some(&footer), "page {}", i + 1);
    }
}

#[test]
fn user_text_is_never_evaluated() {
    let hostile = [
        "#panic(\"x\")",
        "*bold*",
        "$x$",
        "]",
        "#import \"@preview/x:0.1.0\"",
        "#read(\"secret.txt\")",
        "<label> @ref _under_ `raw` \\ [#sys.inputs]",
    ];
    let text = hostile.join("\n\n");
    let amendments = [Amendment {
        when: "#panic(\"when\")",
        author: "*author*",
        reason: "$reason$ ]",
        text: &text,
    }];
    for lang in ["en", "ar"] {
        let d = MinutesDoc {
            lang,
            organization: "#panic(\"org\")",
            title: "]#panic(\"title\")[",
            status_line: "$status",
            page_label: "#counter(page).display()",
            amendments_heading: "= heading",
            ..doc(&text, &amendments)
        };
        let pdf = minutes(&d).unwrap();
        assert!(pdf.starts_with(b"%PDF"));
        if lang == "en" {
            let lines = page_lines(&typeset(&d).unwrap(), false).concat();
            for s in hostile.iter().chain(&[
                "#panic(\"org\")",
                "]#panic(\"title\")[",
                "$status",
                "#panic(\"when\") — *author*",
                "$reason$ ]",
                "= heading",
                "#counter(page).display() 1 / 1",
            ]) {
                assert!(
                    lines.iter().any(|l| l == s),
                    "{s:?} not shown literally in {lines:#?}"
                );
            }
        }
    }
}

#[test]
fn amendments_section_only_when_there_are_amendments() {
    let none = typeset(&doc("نص المحضر.", &[])).unwrap();
    let text = all_text(&none, true);
    assert!(text.contains("نص المحضر."), "{text}");
    assert!(
        !text.contains(HEADING),
        "heading without amendments:\n{text}"
    );

    let amendments = [Amendment {
        when: "15 دجنبر 2022",
        author: "الكاتب الإقليمي",
        reason: "تصحيح خطأ مادي",
        text: "يقرأ البند الثالث كما يلي: عقد اللقاء يوم 20 دجنبر.",
    }];
    let some = typeset(&doc("نص المحضر.", &amendments)).unwrap();
    let lines = page_lines(&some, true).concat();
    for s in [
        HEADING,
        "15 دجنبر 2022 — الكاتب الإقليمي",
        "تصحيح خطأ مادي",
        "يقرأ البند الثالث كما يلي: عقد اللقاء يوم 20 دجنبر.",
    ] {
        assert!(
            lines.iter().any(|l| l == s),
            "{s:?} missing from {lines:#?}"
        );
    }
}

#[test]
fn lines_stay_lines() {
    let text = "جدول الأعمال:\n1. المصادقة على المحضر السابق\n2. تجديد الفروع\n- نقطة أخيرة";
    for (lang, rtl) in [("ar", true), ("en", false)] {
        let document = typeset(&MinutesDoc {
            lang,
            ..doc(text, &[])
        })
        .unwrap();
        let lines = page_lines(&document, rtl).concat();
        for line in text.lines() {
            assert!(
                lines.iter().any(|l| l == line),
                "{lang}: {line:?} not a line in {lines:#?}"
            );
        }
    }
}

#[test]
fn arabic_runs_right_to_left_and_french_left_to_right() {
    let text = "7. المصادقة على المحضر";
    for (lang, rtl) in [("ar", true), ("fr", false)] {
        let document = typeset(&MinutesDoc {
            lang,
            ..doc(text, &[])
        })
        .unwrap();
        let runs = page_runs(&document).concat();
        let x = |needle: &str| {
            runs.iter()
                .find(|r| r.2.contains(needle))
                .map(|r| r.1)
                .unwrap_or_else(|| panic!("{needle:?} not in {runs:#?}"))
        };
        let (number, words) = (x("7"), x("المصادقة"));
        if rtl {
            assert!(
                number > words,
                "{lang}: the number should stand right of the words"
            );
        } else {
            assert!(
                number < words,
                "{lang}: the number should stand left of the words"
            );
        }
    }
}

#[test]
fn a_short_paragraph_is_not_split_across_pages() {
    let pair = [
        "الكاتب الإقليمي: عبد الرحيم الإدريسي",
        "مقررة الأمانة: خديجة العلمي",
    ];
    let mut on_second_page = 0;
    // One paragraph of `fillers` lines pushes the pair down a line at a
    // time past the bottom of the first page.
    for fillers in 25..45 {
        let text = format!(
            "{}\n\n{}",
            vec!["سطر من نص المحضر."; fillers].join("\n"),
            pair.join("\n")
        );
        let document = typeset(&doc(&text, &[])).unwrap();
        let pages = page_lines(&document, true);
        let page_of = |line: &str| pages.iter().position(|p| p.iter().any(|l| l == line));
        let (first, second) = (page_of(pair[0]), page_of(pair[1]));
        assert!(first.is_some(), "{fillers}: {:?} missing", pair[0]);
        assert_eq!(first, second, "{fillers} fillers: the pair is split");
        if first == Some(1) {
            on_second_page += 1;
        }
    }
    assert!(
        on_second_page > 0,
        "the pair never reached the second page: the test proves nothing"
    );
}

#[test]
fn language_sets_direction() {
    assert_eq!(language("ar").unwrap(), ("ar".to_owned(), "rtl"));
    assert_eq!(language("FR").unwrap(), ("fr".to_owned(), "ltr"));
    assert_eq!(language("en").unwrap(), ("en".to_owned(), "ltr"));
    assert_eq!(language("ar-MA").unwrap(), ("ar".to_owned(), "rtl"));
    for bad in ["", "a", "arabic", "a\"r", "-ar", "#x"] {
        assert!(
            matches!(language(bad), Err(PdfError::Language(_))),
            "{bad:?}"
        );
    }
    let err = minutes(&MinutesDoc {
        lang: "x\"y",
        ..doc("", &[])
    })
    .unwrap_err();
    assert!(matches!(err, PdfError::Language(_)));
}

#[test]
fn empty_document_renders() {
    let d = MinutesDoc {
        lang: "ar",
        organization: "",
        title: "",
        status_line: "",
        text: "",
        amendments_heading: "",
        amendments: &[],
        page_label: "",
    };
    assert!(minutes(&d).unwrap().starts_with(b"%PDF"));
}

#[test]
fn renders_from_several_threads() {
    fn assert_sync<T: Send + Sync>(_: &T) {}
    assert_sync(&*ENGINE);
    let handles: Vec<_> = (0..4)
        .map(|i| {
            std::thread::spawn(move || {
                let text = format!("محضر رقم {i}");
                let document = typeset(&doc(&text, &[])).unwrap();
                all_text(&document, true).lines().any(|l| l == text)
            })
        })
        .collect();
    for h in handles {
        assert!(h.join().unwrap());
    }
}
