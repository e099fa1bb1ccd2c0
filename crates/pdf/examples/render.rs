//! Renders sample minutes to a PDF file and prints how long it took.
//!
//! cargo run --release -p tanzim-pdf --example render -- OUT.pdf [ar|fr]

use std::time::Instant;

use tanzim_pdf::{Amendment, MinutesDoc, minutes};

const WARM_RUNS: u32 = 10;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let out = args.next().ok_or("usage: render OUT.pdf [ar|fr]")?;
    let lang = args.next().unwrap_or_else(|| "ar".to_owned());
    let doc = match lang.as_str() {
        "ar" => AR,
        "fr" => FR,
        other => return Err(format!("no sample in {other:?}").into()),
    };

    let start = Instant::now();
    let pdf = minutes(&doc)?;
    let first = start.elapsed();

    // The same document again: typst's memoized layout is reused whole.
    let same = time_runs(|_| minutes(&doc).map(|_| ()))?;

    // A new document each time (every line of the text differs), as when
    // one set of minutes after another is downloaded.
    let fresh = time_runs(|n| {
        let text: String = doc
            .text
            .lines()
            .map(|l| {
                if l.is_empty() {
                    "\n".to_owned()
                } else {
                    format!("{l} ({n})\n")
                }
            })
            .collect();
        minutes(&MinutesDoc { text: &text, ..doc }).map(|_| ())
    })?;

    std::fs::write(&out, &pdf)?;
    println!("wrote {out}: {} bytes", pdf.len());
    println!("first call (engine and fonts set up): {first:.1?}");
    println!("warm, same document:      {same}");
    println!("warm, different document: {fresh}");
    Ok(())
}

/// Runs `f` a few times, and tells the median, the fastest and the slowest.
fn time_runs(
    mut f: impl FnMut(u32) -> Result<(), tanzim_pdf::PdfError>,
) -> Result<String, tanzim_pdf::PdfError> {
    let mut times = Vec::new();
    for n in 0..WARM_RUNS {
        let start = Instant::now();
        f(n)?;
        times.push(start.elapsed());
    }
    times.sort();
    let (min, median, max) = (times[0], times[times.len() / 2], times[times.len() - 1]);
    Ok(format!(
        "median {median:.1?} (min {min:.1?}, max {max:.1?}, {WARM_RUNS} runs)"
    ))
}

const AR: MinutesDoc<'static> = MinutesDoc {
    lang: "ar",
    organization: "حزب الأفق الديمقراطي — الأمانة الإقليمية بتاونات",
    title: "محضر اجتماع الأمانة الإقليمية بتاونات",
    status_line: "صودق عليه يوم 15 دجنبر 2022",
    text: AR_TEXT,
    amendments_heading: "التعديلات",
    amendments: &[Amendment {
        when: "20 دجنبر 2022",
        author: "خديجة العلمي، مقررة الأمانة",
        reason: "تصحيح خطأ مادي في تاريخ اللقاء الجهوي بفاس",
        text: "يقرأ القرار رقم 3 كما يلي:\n3. المشاركة في اللقاء الجهوي بفاس يوم السبت 24 دجنبر 2022 بوفد من 12 عضوا، \
               على أن يتكفل أمين المال بمصاريف التنقل في حدود 3.500 درهم.",
    }],
    page_label: "الصفحة",
};

const AR_TEXT: &str = "\
بتاريخ الخميس 08 دجنبر 2022، وعلى الساعة الخامسة مساء، انعقد بمقر الحزب بمدينة تاونات اجتماع عادي \
للأمانة الإقليمية، برئاسة الكاتب الإقليمي السيد عبد الرحيم الإدريسي، وبحضور أغلبية أعضائها، \
طبقا لمقتضيات النظام الأساسي والنظام الداخلي للحزب، وبناء على الدعوة الموجهة إلى الأعضاء يوم 01 دجنبر 2022.

الحاضرون:
1. عبد الرحيم الإدريسي، الكاتب الإقليمي
2. فاطمة الزهراء بنعلي، نائبة الكاتب الإقليمي
3. محمد الوزاني، أمين المال
4. خديجة العلمي، مقررة الأمانة
5. يوسف الحسني، المكلف بالتنظيم
6. سعيد بوزيان، المكلف بالشباب
7. نادية الفاسي، المكلفة بالمرأة والأسرة

المعتذرون:
- حسن المرابط (لأسباب صحية)
- إدريس الشرقاوي (لالتزامات مهنية)

بعد التأكد من توفر النصاب القانوني (7 أعضاء من أصل 9)، افتتح الكاتب الإقليمي الاجتماع بكلمة رحب فيها \
بالحاضرين، وذكّر بالسياق التنظيمي الذي ينعقد فيه الاجتماع، خاصة ما يتعلق باستكمال تجديد هياكل الفروع \
المحلية قبل نهاية السنة، ثم عرض جدول الأعمال الذي صودق عليه بالإجماع.

جدول الأعمال:
1. المصادقة على محضر الاجتماع السابق المنعقد يوم 10 نونبر 2022
2. تتبع تجديد هياكل الفروع المحلية بدوائر تاونات وغفساي وتيسة وقرية با محمد
3. الإعداد للقاء الجهوي المرتقب بمدينة فاس
4. الوضعية المالية للأمانة الإقليمية وحملة تجديد الانخراطات لسنة 2023
5. ما يستجد من أمور

النقطة الأولى: المصادقة على محضر الاجتماع السابق
تلت مقررة الأمانة محضر الاجتماع المنعقد يوم 10 نونبر 2022، وبعد ملاحظات شكلية تقدم بها بعض الأعضاء \
وتم إدراجها، صودق على المحضر بالإجماع.

النقطة الثانية: تتبع تجديد هياكل الفروع المحلية
قدم المكلف بالتنظيم عرضا مفصلا حول سير عملية تجديد الفروع، أوضح فيه أن الجموع العامة انعقدت في 14 فرعا \
من أصل 19، وأن عدد المنخرطين الذين حضروا هذه الجموع بلغ 612 منخرطا، منهم 187 امرأة و143 شابا دون \
سن الخامسة والثلاثين. وأشار إلى أن الفروع المتبقية توجد أساسا بالجماعات القروية التابعة لدائرة غفساي، \
حيث تحول صعوبة التنقل وظروف الطقس دون عقد الجموع العامة في الآجال المحددة.

وفي المناقشة، نوه الأعضاء بالمجهود المبذول، وأكدوا على ضرورة احترام مقتضيات النظام الداخلي المتعلقة \
بتمثيلية النساء والشباب في المكاتب المحلية، كما طالبوا بتوثيق محاضر الجموع العامة وإيداعها لدى الأمانة \
الإقليمية داخل أجل لا يتعدى خمسة عشر يوما من تاريخ انعقادها. واقترحت المكلفة بالمرأة والأسرة تنظيم \
لقاءات تواصلية خاصة بالنساء في الجماعات التي تضعف فيها مشاركتهن.

النقطة الثالثة: الإعداد للقاء الجهوي بفاس
أخبر الكاتب الإقليمي الأعضاء بأن الكتابة الجهوية لجهة فاس مكناس دعت إلى لقاء جهوي يخصص لتقييم \
الحصيلة التنظيمية لسنة 2022 ووضع برنامج عمل سنة 2023. واتفق الحاضرون على أن يمثل الإقليم وفد يضم \
أعضاء الأمانة الإقليمية وكتاب الفروع المجددة، وعلى إعداد تقرير مكتوب عن وضعية التنظيم بالإقليم يقدم \
خلال اللقاء، تتكلف بصياغته لجنة تتكون من نائبة الكاتب الإقليمي والمكلف بالتنظيم ومقررة الأمانة.

النقطة الرابعة: الوضعية المالية وحملة تجديد الانخراطات
قدم أمين المال تقريرا عن الوضعية المالية للأمانة الإقليمية، جاء فيه أن رصيد الحساب البنكي في 30 نونبر \
2022 بلغ 18.450 درهما، وأن مداخيل الانخراطات خلال السنة بلغت 24.300 درهم، في حين بلغت المصاريف \
21.780 درهما، خصصت أساسا لكراء المقر وتنقل الأعضاء وتنظيم الجموع العامة. وبعد نقاش، صودق على التقرير \
المالي بالإجماع، مع التوصية بفتح سجل خاص بالمصاريف الصغرى ومسك وصولات الأداء.

وبخصوص حملة تجديد الانخراطات لسنة 2023، اقترح أمين المال أن تنطلق الحملة فاتح يناير 2023 وتستمر إلى غاية \
31 مارس 2023، مع الإبقاء على قيمة الانخراط السنوي في 100 درهم، و50 درهما للطلبة والعاطلين عن العمل.

النقطة الخامسة: ما يستجد من أمور
أثار المكلف بالشباب مسألة إحداث صفحة رسمية للأمانة الإقليمية على شبكات التواصل الاجتماعي، فتقرر \
تكليفه بإعداد تصور مكتوب يعرض في الاجتماع المقبل. كما تم التذكير بضرورة تحيين لوائح المنخرطين \
في المنصة الرقمية للحزب قبل انطلاق حملة تجديد الانخراطات.

القرارات:
1. المصادقة على محضر الاجتماع السابق بالإجماع.
2. استكمال تجديد الفروع الخمسة المتبقية قبل 31 دجنبر 2022، مع تكليف المكلف بالتنظيم بوضع جدولة زمنية \
لذلك وإخبار الأعضاء بها داخل أجل أسبوع.
3. المشاركة في اللقاء الجهوي بفاس يوم الأحد 25 دجنبر 2022 بوفد من 12 عضوا.
4. المصادقة على التقرير المالي، وإطلاق حملة تجديد الانخراطات لسنة 2023 من 01 يناير إلى 31 مارس 2023.
5. عقد الاجتماع المقبل للأمانة الإقليمية يوم الخميس 12 يناير 2023 على الساعة الخامسة مساء بمقر الحزب.

ورفع الاجتماع على الساعة الثامنة والنصف مساء في جو من المسؤولية والروح الرفاقية.

حرر بتاونات في 08 دجنبر 2022

الكاتب الإقليمي: عبد الرحيم الإدريسي
مقررة الأمانة: خديجة العلمي";

const FR: MinutesDoc<'static> = MinutesDoc {
    lang: "fr",
    organization: "Parti de l'Horizon démocratique — Secrétariat provincial de Taounate",
    title: "Procès-verbal de la réunion du secrétariat provincial de Taounate",
    status_line: "Approuvé le 15 décembre 2022",
    text: "\
Le jeudi 8 décembre 2022 à 17 heures, le secrétariat provincial s'est réuni au siège du parti à Taounate, \
sous la présidence de M. Abderrahim Idrissi, secrétaire provincial, le quorum étant atteint (7 membres sur 9).

Ordre du jour :
1. Approbation du procès-verbal de la réunion du 10 novembre 2022
2. Suivi du renouvellement des sections locales
3. Préparation de la rencontre régionale de Fès
4. Situation financière et campagne d'adhésion 2023

Décisions :
- Le procès-verbal du 10 novembre 2022 est approuvé à l'unanimité.
- Les cinq sections restantes seront renouvelées avant le 31 décembre 2022.
- Le rapport financier (solde au 30 novembre 2022 : 18 450 dirhams) est approuvé.

La séance est levée à 20 h 30.",
    amendments_heading: "Modifications",
    amendments: &[Amendment {
        when: "20 décembre 2022",
        author: "Khadija Alami, rapporteuse",
        reason: "Correction d'une erreur matérielle",
        text: "La rencontre régionale de Fès a lieu le samedi 24 décembre 2022.",
    }],
    page_label: "Page",
};
