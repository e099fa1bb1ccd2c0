//! The generated Arabic and French, sentence by sentence, across chairs, speakers, hosts,
//! places, hours and attendance. Every expected sentence is written by hand from the
//! grammar (shared/arabic-press rules: agreement, number, place, punctuation).

use super::*;
use crate::meetings_fr::{announcement_fr, communique_fr};

fn person(title: &str, name: &str, sex: Sex) -> Named {
    Named {
        name: name.into(),
        title: title.into(),
        sex,
    }
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
}

/// The provincial secretariat of Taounate, 8 December 2022, nothing else said.
fn facts() -> CommuniqueFacts {
    let ar = Wording {
        body: "الأمانة الإقليمية بتاونات".into(),
        body_feminine: true,
        ..Wording::default()
    };
    let fr = Wording {
        body: "Secrétariat provincial de Taounate".into(),
        ..Wording::default()
    };
    CommuniqueFacts {
        ar,
        fr,
        date: day(2022, 12, 8),
        hour: None,
        kind: KindWords::builtin("organizational"),
        mode: MeetingMode::InPerson,
        slogan: None,
        goals: None,
        turnout: Turnout::default(),
        agenda: vec![],
        said: vec![],
        invited: None,
    }
}

fn taounate(f: &mut CommuniqueFacts) {
    f.ar.place.city = Some("تاونات".into());
    f.fr.place.city = Some("Taounate".into());
}

fn opening(f: &CommuniqueFacts) -> String {
    let (_, text) = communique_ar(f);
    text.split("\n\n").next().unwrap_or_default().to_owned()
}

fn said(speaker: Speaker, verb: SayVerb, summary: &str) -> Said {
    Said {
        speaker,
        verb,
        summary: summary.into(),
    }
}

#[test]
fn who_speaks_is_agreed_with() {
    use SayVerb::*;
    let woman = || Speaker::Person(person("النائبة البرلمانية", "فاطمة الزهراء العلوي", Sex::F));
    let man = || Speaker::Person(person("الكاتب الإقليمي", "محمد النجاري", Sex::M));
    let cases = [
        (
            said(woman(), Addressed, "قضايا التشغيل بالإقليم."),
            "وفي مداخلتها، تطرقت النائبة البرلمانية السيدة فاطمة الزهراء العلوي إلى قضايا التشغيل بالإقليم.",
        ),
        (
            said(man(), Stressed, "على ضرورة التعبئة"),
            "وفي مداخلته، أكد الكاتب الإقليمي السيد محمد النجاري على ضرورة التعبئة.",
        ),
        (
            said(
                Speaker::Group {
                    name: "أعضاء الأمانة الإقليمية".into(),
                    sex: Sex::M,
                },
                CalledFor,
                "تعزيز التواصل مع المواطنين..",
            ),
            "وفي مداخلاتهم، دعا أعضاء الأمانة الإقليمية إلى تعزيز التواصل مع المواطنين.",
        ),
        (
            said(
                Speaker::Group {
                    name: "عضوات المكتب المحلي".into(),
                    sex: Sex::F,
                },
                Demanded,
                "مقر للفرع",
            ),
            "وفي مداخلاتهن، طالبت عضوات المكتب المحلي بمقر للفرع.",
        ),
        (
            said(
                Speaker::Person(person("", "خيرة الهيري", Sex::F)),
                Praised,
                "المجهودات المبذولة",
            ),
            "وفي مداخلتها، نوهت السيدة خيرة الهيري بالمجهودات المبذولة.",
        ),
        (
            said(
                Speaker::Person(person("مقرر الأمانة الإقليمية", "جمال التودي", Sex::M)),
                Presented,
                "حصيلة السنة",
            ),
            "وفي مداخلته، قدم مقرر الأمانة الإقليمية السيد جمال التودي عرضا حول حصيلة السنة.",
        ),
        (
            said(woman(), Commended, "قرار المكتب السياسي"),
            "وفي مداخلتها، ثمنت النائبة البرلمانية السيدة فاطمة الزهراء العلوي قرار المكتب السياسي.",
        ),
        (
            said(man(), Reviewed, "حصيلة عمل الأمانة."),
            "وفي مداخلته، استعرض الكاتب الإقليمي السيد محمد النجاري حصيلة عمل الأمانة.",
        ),
        (
            said(
                Speaker::Group {
                    name: "الكتاب الإقليميون".into(),
                    sex: Sex::M,
                },
                Addressed,
                "إلى أوضاع التنظيم بالأقاليم",
            ),
            "وفي مداخلاتهم، تطرق الكتاب الإقليميون إلى أوضاع التنظيم بالأقاليم.",
        ),
        (
            said(
                Speaker::Unknown("عضو اللجنة التنفيذية عمر حجيرة".into()),
                Stressed,
                "الحوار المباشر مع القواعد الحزبية",
            ),
            "وتمحورت مداخلة عضو اللجنة التنفيذية عمر حجيرة حول الحوار المباشر مع القواعد الحزبية.",
        ),
        (
            said(
                Speaker::Committee("لجنة التنظيم".into()),
                Addressed,
                "هيكلة الفروع المحلية.",
            ),
            "وقدمت لجنة التنظيم تقريرها حول هيكلة الفروع المحلية.",
        ),
        (
            said(
                Speaker::Committee("المكتب التنفيذي للجنة".into()),
                Addressed,
                "المالية",
            ),
            "وقدم المكتب التنفيذي للجنة تقريره حول المالية.",
        ),
    ];
    for (s, expected) in cases {
        assert_eq!(said_ar(&s), expected);
    }
}

#[test]
fn chairs_places_and_hours_open_the_communique() {
    let najjari = person("الأمين الإقليمي", "محمد النجاري", Sex::M);
    let idrissi = person("الأمينة الجهوية", "نزهة الإدريسي", Sex::F);
    let hjira = person("عضو اللجنة التنفيذية", "عمر حجيرة", Sex::M);

    // One chair, the commune as the dateline.
    let mut f = facts();
    taounate(&mut f);
    f.ar.leads.chairs = vec![najjari.clone()];
    let (headline, _) = communique_ar(&f);
    assert_eq!(
        headline,
        "تاونات: الأمين الإقليمي محمد النجاري يترأس اجتماعا تنظيميا للأمانة الإقليمية بتاونات"
    );
    assert_eq!(
        opening(&f),
        "تاونات، يوم الخميس 08 دجنبر 2022، ترأس الأمين الإقليمي السيد محمد النجاري اجتماعا تنظيميا للأمانة الإقليمية بتاونات."
    );

    // No chair recorded, no place: the body holds the meeting, no city is invented.
    let f = facts();
    let (headline, _) = communique_ar(&f);
    assert_eq!(headline, "الأمانة الإقليمية بتاونات تعقد اجتماعا تنظيميا");
    assert_eq!(
        opening(&f),
        "يوم الخميس 08 دجنبر 2022، عقدت الأمانة الإقليمية بتاونات اجتماعا تنظيميا."
    );

    // A masculine body, no chair.
    let mut f = facts();
    f.ar.body = "المكتب المحلي بأزمور".into();
    f.ar.body_feminine = false;
    assert_eq!(
        communique_ar(&f).0,
        "المكتب المحلي بأزمور يعقد اجتماعا تنظيميا"
    );
    assert_eq!(
        opening(&f),
        "يوم الخميس 08 دجنبر 2022، عقد المكتب المحلي بأزمور اجتماعا تنظيميا."
    );

    // Two chairs: the verb agrees with the first; the headline gives the body.
    let mut f = facts();
    f.ar.leads.chairs = vec![idrissi.clone(), najjari.clone()];
    assert_eq!(
        opening(&f),
        "يوم الخميس 08 دجنبر 2022، ترأست الأمينة الجهوية السيدة نزهة الإدريسي والأمين الإقليمي السيد محمد النجاري اجتماعا تنظيميا للأمانة الإقليمية بتاونات."
    );
    assert_eq!(
        communique_ar(&f).0,
        "الأمانة الإقليمية بتاونات تعقد اجتماعا تنظيميا"
    );

    // A woman chairs beside a co-chair, at an hour, in a venue of the commune.
    let mut f = facts();
    taounate(&mut f);
    f.date = day(2025, 1, 12);
    f.hour = Some("10:00".into());
    f.ar.place.venue = Some("المقر الإقليمي للحزب".into());
    f.ar.leads.chairs = vec![idrissi.clone()];
    f.ar.leads.co_chairs = vec![hjira.clone()];
    assert_eq!(
        opening(&f),
        "تاونات، يوم الأحد 12 يناير 2025 على الساعة العاشرة صباحا، ترأست الأمينة الجهوية السيدة نزهة الإدريسي، بمعية عضو اللجنة التنفيذية السيد عمر حجيرة، اجتماعا تنظيميا للأمانة الإقليمية بتاونات بالمقر الإقليمي للحزب بتاونات."
    );
    assert_eq!(
        communique_ar(&f).0,
        "تاونات: الأمينة الجهوية نزهة الإدريسي تترأس اجتماعا تنظيميا للأمانة الإقليمية بتاونات"
    );

    // Online, in the evening, with a slogan.
    let mut f = facts();
    f.mode = MeetingMode::Online;
    f.hour = Some("18:00".into());
    f.slogan = Some("التنظيم أولا.".into());
    assert_eq!(
        opening(&f),
        "يوم الخميس 08 دجنبر 2022 على الساعة السادسة مساء، عقدت الأمانة الإقليمية بتاونات اجتماعا تنظيميا، عن بعد عبر تقنية التناظر المرئي، تحت شعار «التنظيم أولا»."
    );
    assert_eq!(
        communique_ar(&f).0,
        "الأمانة الإقليمية بتاونات تعقد اجتماعا تنظيميا عن بعد"
    );

    // Abroad, hybrid, a session (feminine).
    let mut f = facts();
    f.ar.body = "مكتب تنسيقية مغاربة العالم".into();
    f.ar.body_feminine = false;
    f.kind = KindWords::builtin("council_session");
    f.mode = MeetingMode::Hybrid;
    f.hour = Some("15:30".into());
    f.ar.place = Place {
        city: Some("باريس".into()),
        country: Some("فرنسا".into()),
        venue: Some("قاعة الجمعية المغربية".into()),
    };
    f.ar.leads.chairs = vec![person("المنسقة", "سعاد بنعلي", Sex::F)];
    assert_eq!(
        opening(&f),
        "باريس، يوم الخميس 08 دجنبر 2022 على الساعة الثالثة والنصف بعد الزوال، ترأست المنسقة السيدة سعاد بنعلي دورة لمكتب تنسيقية مغاربة العالم بقاعة الجمعية المغربية بباريس بفرنسا، حضوريا وعن بعد عبر تقنية التناظر المرئي."
    );
}

#[test]
fn hosts_framers_and_guests_of_honour() {
    let mut f = facts();
    f.ar.leads.hosts = vec![
        Host::Person(person("عضو اللجنة التنفيذية", "ماديحة خيير", Sex::F)),
        Host::Organization("حزب التقدم والاشتراكية".into()),
    ];
    f.ar.leads.framers = vec![person("عضو المكتب السياسي", "حسن الطالبي", Sex::M)];
    f.ar.leads.honour_guests = vec![
        person("النائبة البرلمانية", "ليلى أمزيان", Sex::F),
        person("رئيس المجلس الجهوي", "عبد الواحد الأنصاري", Sex::M),
    ];
    let (_, text) = communique_ar(&f);
    let sentences: Vec<&str> = text.split("\n\n").collect();
    assert_eq!(
        sentences[1..6],
        [
            "واستضافت الاجتماع السيدة ماديحة خيير، عضو اللجنة التنفيذية.",
            "وانعقد الاجتماع بضيافة حزب التقدم والاشتراكية.",
            "وأطر الاجتماع عضو المكتب السياسي السيد حسن الطالبي.",
            "وحلت النائبة البرلمانية السيدة ليلى أمزيان ضيفة شرف على الاجتماع.",
            "وحل رئيس المجلس الجهوي السيد عبد الواحد الأنصاري ضيف شرف على الاجتماع.",
        ]
    );
    // A seminar is feminine: the verbs that have it as their subject agree.
    let mut seminar = f.clone();
    seminar.kind = KindWords {
        ar_object: "ندوة".into(),
        ar_noun: "ندوة".into(),
        ar_definite: "الندوة".into(),
        feminine: true,
        fr_object: "un séminaire".into(),
        fr_definite: "Le séminaire".into(),
    };
    let (_, text) = communique_ar(&seminar);
    assert!(
        text.contains("وانعقدت الندوة بضيافة حزب التقدم والاشتراكية."),
        "{text}"
    );
    assert!(text.ends_with("واختتمت الندوة في جو من المسؤولية والتعبئة."));
}

#[test]
fn attendance_by_names_counts_and_groups() {
    let sentence = |t: Turnout, session: bool| {
        let mut f = facts();
        if session {
            f.kind = KindWords::builtin("council_session");
        }
        f.turnout = t;
        let (_, text) = communique_ar(&f);
        text.split("\n\n").nth(1).unwrap_or_default().to_owned()
    };
    let group = |category, label: &str, sex, count| AttendingGroup {
        category,
        label: label.into(),
        sex,
        count,
    };
    let cases = [
        (
            Turnout {
                members: MembersPresent::Count(12),
                ..Turnout::default()
            },
            false,
            "وعرف الاجتماع حضور 12 عضوا.",
        ),
        (
            Turnout {
                members: MembersPresent::Whole,
                ..Turnout::default()
            },
            false,
            "وعرف الاجتماع حضور أعضاء الأمانة الإقليمية بتاونات.",
        ),
        (
            Turnout {
                members: MembersPresent::Whole,
                groups: vec![group(
                    GroupCategory::Sympathisers,
                    "المتعاطفين",
                    Sex::M,
                    Some(25),
                )],
                guests: vec![],
            },
            false,
            "وعرف الاجتماع حضور أعضاء الأمانة الإقليمية بتاونات و25 من المتعاطفين.",
        ),
        (
            Turnout {
                members: MembersPresent::Count(2),
                groups: vec![
                    group(
                        GroupCategory::OtherBody,
                        "المستشارات الجماعيات",
                        Sex::F,
                        Some(1),
                    ),
                    group(GroupCategory::Press, "ممثلي وسائل الإعلام", Sex::M, None),
                ],
                guests: vec![],
            },
            false,
            "وعرف الاجتماع حضور عضوين، إحدى المستشارات الجماعيات وممثلي وسائل الإعلام.",
        ),
        (
            Turnout {
                members: MembersPresent::Count(100),
                groups: vec![],
                guests: vec!["مفتش الحزب بالإقليم عبد المنعم الصحصاح".into()],
            },
            true,
            "وعرفت الدورة حضور 100 عضو، كما حضرها مفتش الحزب بالإقليم عبد المنعم الصحصاح.",
        ),
        (
            Turnout {
                members: MembersPresent::Unsaid,
                groups: vec![group(
                    GroupCategory::OtherBody,
                    "أعضاء المكاتب المحلية",
                    Sex::M,
                    Some(2),
                )],
                guests: vec!["الأستاذ أحمد".into()],
            },
            false,
            "وعرف الاجتماع حضور اثنين من أعضاء المكاتب المحلية، كما حضره الأستاذ أحمد.",
        ),
        (
            Turnout {
                guests: vec!["مفتش الحزب بالإقليم عبد المنعم الصحصاح".into()],
                ..Turnout::default()
            },
            false,
            "وحضر الاجتماع مفتش الحزب بالإقليم عبد المنعم الصحصاح.",
        ),
    ];
    for (turnout, session, expected) in cases {
        assert_eq!(sentence(turnout, session), expected);
    }
    // Nobody said: no sentence about attendance, and never «لا أحد».
    let (_, text) = communique_ar(&facts());
    assert!(!text.contains("حضور") && !text.contains("لا أحد"), "{text}");
}

#[test]
fn votes_in_words() {
    let vote = |f, a, x, unanimous| Vote {
        votes_for: f,
        against: a,
        abstentions: x,
        unanimous,
    };
    assert_eq!(vote_ar(None), "بالتوافق");
    assert_eq!(vote_ar(Some(&vote(12, 0, 0, true))), "بالإجماع");
    assert_eq!(
        vote_ar(Some(&vote(9, 2, 1, false))),
        "بأغلبية 9 أصوات مقابل صوتين وامتناع عضو واحد"
    );
    assert_eq!(vote_ar(Some(&vote(12, 0, 0, false))), "بأغلبية 12 صوتا");
    assert_eq!(
        vote_ar(Some(&vote(5, 1, 3, false))),
        "بأغلبية 5 أصوات مقابل صوت واحد وامتناع 3 أعضاء"
    );
    assert_eq!(
        vote_ar(Some(&vote(100, 11, 2, false))),
        "بأغلبية 100 صوت مقابل 11 صوتا وامتناع عضوين"
    );
    // A resolution keeps its words; the vote follows when one was taken.
    let resolution = DecisionKind::Resolution {
        text: "المصادقة على التقرير الأدبي.".into(),
    };
    assert_eq!(
        decision_ar(&resolution, "", None).ok().as_deref(),
        Some("المصادقة على التقرير الأدبي.")
    );
    assert_eq!(
        decision_ar(&resolution, "", Some(&vote(9, 0, 0, true)))
            .ok()
            .as_deref(),
        Some("المصادقة على التقرير الأدبي بالإجماع")
    );
    // Unanimity with a vote against is a contradiction.
    assert_eq!(
        check_decision(&DecisionKind::Constitute, Some(&vote(0, 1, 0, true))).map_err(|e| e.code),
        Err("vote-not-carried")
    );
}

#[test]
fn hours_as_the_press_gives_them() {
    for (hhmm, expected) in [
        ("10:00", "على الساعة العاشرة صباحا"),
        ("15:30", "على الساعة الثالثة والنصف بعد الزوال"),
        ("18:00", "على الساعة السادسة مساء"),
        ("12:00", "على الساعة الثانية عشرة زوالا"),
        ("09:15", "على الساعة التاسعة والربع صباحا"),
        ("21:00", "على الساعة التاسعة ليلا"),
        ("10:20", "على الساعة 10:20"),
    ] {
        assert_eq!(hour_ar(hhmm).as_deref(), Some(expected));
    }
    assert_eq!(hour_ar("25:00"), None);
}

#[test]
fn an_announcement_is_in_the_present_with_every_practical_fact() {
    let mut f = facts();
    taounate(&mut f);
    f.kind = KindWords::builtin("congress");
    f.date = day(2025, 1, 12);
    f.hour = Some("10:00".into());
    f.ar.place.venue = Some("المقر الإقليمي للحزب".into());
    f.slogan = Some("جميعا من أجل التنمية".into());
    f.ar.leads.chairs = vec![person("الأمينة الجهوية", "نزهة الإدريسي", Sex::F)];
    f.invited = Some("كافة المناضلات والمناضلين بالإقليم".into());
    let (headline, text) = announcement_ar(&f);
    assert_eq!(
        headline,
        "تاونات: الأمانة الإقليمية بتاونات تعقد مؤتمرا يوم الأحد 12 يناير 2025"
    );
    let sentences: Vec<&str> = text.split("\n\n").collect();
    assert_eq!(
        sentences,
        [
            "تعقد الأمانة الإقليمية بتاونات مؤتمرا يوم الأحد 12 يناير 2025 على الساعة العاشرة صباحا بالمقر الإقليمي للحزب بتاونات، تحت شعار «جميعا من أجل التنمية».",
            "وتترأس المؤتمر الأمينة الجهوية السيدة نزهة الإدريسي.",
            "وبهذه المناسبة، تدعو الأمانة الإقليمية بتاونات كافة المناضلات والمناضلين بالإقليم إلى الحضور والمشاركة.",
        ]
    );
    // Without a venue, the announcement still says the commune; a masculine body invites.
    let mut f = facts();
    taounate(&mut f);
    f.ar.body = "المكتب الإقليمي لمنظمة الشبيبة بتاونات".into();
    f.ar.body_feminine = false;
    let (_, text) = announcement_ar(&f);
    assert_eq!(
        text,
        "يعقد المكتب الإقليمي لمنظمة الشبيبة بتاونات اجتماعا تنظيميا يوم الخميس 08 دجنبر 2022 بتاونات."
    );
}

#[test]
fn the_minutes_say_what_is_missing_and_leave_out_empty_sections() {
    let mut f = facts();
    taounate(&mut f);
    f.turnout.members = MembersPresent::Count(9);
    let text = minutes_ar(&f, &MinutesRecord::default());
    assert_eq!(
        text,
        "محضر اجتماع تنظيمي للأمانة الإقليمية بتاونات\n\nانعقد يوم الخميس 08 دجنبر 2022 بتاونات.\n\nلم يسجل في المحضر من ترأس الاجتماع.\n\nالحاضرون: 9 أعضاء"
    );
    f.ar.leads.chairs = vec![person("الأمين الإقليمي", "محمد النجاري", Sex::M)];
    f.ar.leads.hosts = vec![Host::Organization("جمعية الأمل".into())];
    f.agenda = vec!["تقييم الأداء".into()];
    let text = minutes_ar(&f, &MinutesRecord::default());
    assert!(
        text.contains("انعقد يوم الخميس 08 دجنبر 2022 بتاونات، برئاسة الأمين الإقليمي السيد محمد النجاري، وبضيافة جمعية الأمل."),
        "{text}"
    );
    assert!(text.contains("جدول الأعمال:\n1. تقييم الأداء"), "{text}");
    assert!(
        !text.contains("القرارات") && !text.contains("الغائبون"),
        "{text}"
    );
}

#[test]
fn minutes_without_agenda_or_decisions_print_neither_heading() {
    let mut f = facts();
    taounate(&mut f);
    f.ar.leads.chairs = vec![person("الأمين الإقليمي", "محمد النجاري", Sex::M)];
    f.said = vec![said(
        Speaker::Person(person("مقرر الأمانة الإقليمية", "جمال التودي", Sex::M)),
        SayVerb::Addressed,
        "الجانب التنظيمي للحزب",
    )];
    let record = MinutesRecord {
        present: vec!["محمد النجاري".into(), "جمال التودي".into()],
        excused: vec!["خيرة الهيري".into()],
        ..MinutesRecord::default()
    };
    let expected = "محضر اجتماع تنظيمي للأمانة الإقليمية بتاونات\n\n\
                    انعقد يوم الخميس 08 دجنبر 2022 بتاونات، برئاسة الأمين الإقليمي السيد محمد النجاري.\n\n\
                    الحاضرون (2): محمد النجاري، جمال التودي\n\n\
                    المعتذرون (1): خيرة الهيري\n\n\
                    مداخلة مقرر الأمانة الإقليمية السيد جمال التودي: الجانب التنظيمي للحزب.";
    assert_eq!(minutes_ar(&f, &record), expected);
    // Blank items are no items: still no heading.
    f.agenda = vec!["  ".into()];
    let blank = MinutesRecord {
        decisions: vec![String::new()],
        ..record
    };
    assert_eq!(minutes_ar(&f, &blank), expected);
    // With an agenda and a decision, both sections, in their place.
    f.agenda = vec!["تقييم الأداء".into()];
    let full = MinutesRecord {
        decisions: vec!["تنظيم لقاء تواصلي.".into()],
        ..blank
    };
    assert_eq!(
        minutes_ar(&f, &full),
        "محضر اجتماع تنظيمي للأمانة الإقليمية بتاونات\n\n\
         انعقد يوم الخميس 08 دجنبر 2022 بتاونات، برئاسة الأمين الإقليمي السيد محمد النجاري.\n\n\
         الحاضرون (2): محمد النجاري، جمال التودي\n\n\
         المعتذرون (1): خيرة الهيري\n\n\
         جدول الأعمال:\n1. تقييم الأداء\n\n\
         مداخلة مقرر الأمانة الإقليمية السيد جمال التودي: الجانب التنظيمي للحزب.\n\n\
         القرارات:\n- تنظيم لقاء تواصلي."
    );
}

#[test]
fn minutes_name_the_reports_heard_under_their_agenda_item() {
    let mut f = facts();
    taounate(&mut f);
    f.ar.leads.chairs = vec![person("الأمين الإقليمي", "محمد النجاري", Sex::M)];
    // The second item is blank: the third is numbered 2, and keeps its reports.
    f.agenda = vec![
        "الاستماع إلى تقارير الأمانات المحلية".into(),
        " ".into(),
        "تقييم الأداء".into(),
    ];
    let tissa = "الاستماع إلى تقرير الأمانة المحلية بتيسة عن الفصل الأول من سنة 2023، الذي رفعته بتاريخ 05 أبريل 2023.";
    let ourtzagh = "الاستماع إلى تقرير المكتب المحلي بغفساي عن الفصل الأول من سنة 2023، الذي رفعه بتاريخ 07 أبريل 2023.";
    let late = "الاستماع إلى تقرير الأمانة المحلية بقرية با محمد عن الفصل الأول من سنة 2023.";
    let record = MinutesRecord {
        heard: vec![
            (1, tissa.into()),
            (1, ourtzagh.into()),
            (3, late.into()),
            // Linked to the blank item, and to one the agenda no longer has.
            (2, "أ.".into()),
            (7, "ب.".into()),
        ],
        ..MinutesRecord::default()
    };
    assert_eq!(
        minutes_ar(&f, &record),
        "محضر اجتماع تنظيمي للأمانة الإقليمية بتاونات\n\n\
         انعقد يوم الخميس 08 دجنبر 2022 بتاونات، برئاسة الأمين الإقليمي السيد محمد النجاري.\n\n\
         جدول الأعمال:\n\
         1. الاستماع إلى تقارير الأمانات المحلية\n\
         \x20  - الاستماع إلى تقرير الأمانة المحلية بتيسة عن الفصل الأول من سنة 2023، الذي رفعته بتاريخ 05 أبريل 2023.\n\
         \x20  - الاستماع إلى تقرير المكتب المحلي بغفساي عن الفصل الأول من سنة 2023، الذي رفعه بتاريخ 07 أبريل 2023.\n\
         2. تقييم الأداء\n\
         \x20  - الاستماع إلى تقرير الأمانة المحلية بقرية با محمد عن الفصل الأول من سنة 2023.\n\n\
         التقارير المستمع إليها:\n- أ.\n- ب."
    );
}

#[test]
fn french_follows_the_same_facts() {
    let mut f = facts();
    taounate(&mut f);
    f.fr.leads.chairs = vec![person("secrétaire provincial", "Mohamed Najjari", Sex::M)];
    f.turnout.members = MembersPresent::Whole;
    f.hour = Some("10:30".into());
    let (headline, text) = communique_fr(&f);
    assert_eq!(
        headline,
        "Taounate : Mohamed Najjari, secrétaire provincial, préside une réunion organisationnelle du Secrétariat provincial de Taounate"
    );
    assert!(
        text.starts_with("Taounate, jeudi 8 décembre 2022 à 10 h 30 – M. Mohamed Najjari, secrétaire provincial, a présidé une réunion organisationnelle du Secrétariat provincial de Taounate."),
        "{text}"
    );
    assert!(
        text.contains("Y a pris part l'ensemble des membres de l'instance."),
        "{text}"
    );
    // No chair: the body held it.
    let mut f = facts();
    f.mode = MeetingMode::Online;
    let (headline, text) = communique_fr(&f);
    assert_eq!(
        headline,
        "Le Secrétariat provincial de Taounate tient une réunion organisationnelle"
    );
    assert!(
        text.starts_with("Le jeudi 8 décembre 2022, le Secrétariat provincial de Taounate a tenu une réunion organisationnelle, à distance par visioconférence."),
        "{text}"
    );
    let mut f = facts();
    taounate(&mut f);
    f.fr.place.venue = Some("siège provincial du parti".into());
    f.hour = Some("10:00".into());
    f.invited = Some("l'ensemble des militantes et militants".into());
    let (headline, text) = announcement_fr(&f);
    assert_eq!(
        headline,
        "Taounate : Le Secrétariat provincial de Taounate tiendra une réunion organisationnelle le jeudi 8 décembre 2022"
    );
    assert_eq!(
        text,
        "Le Secrétariat provincial de Taounate tiendra une réunion organisationnelle le jeudi 8 décembre 2022 à 10 h (siège provincial du parti) à Taounate.\n\nÀ cette occasion, le Secrétariat provincial de Taounate invite l'ensemble des militantes et militants à y prendre part."
    );
}
