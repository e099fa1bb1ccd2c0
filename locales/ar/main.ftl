app-name = تنظيم
footer-data = المعطيات الترابية: المندوبية السامية للتخطيط، الإحصاء العام للسكان والسكنى 2024 (CC BY 4.0)

## Navigation
nav-home = الرئيسية
nav-territories = التقسيم الترابي
nav-bodies = الهيئات
nav-users = المستخدمون
nav-audit = سجل التدقيق
nav-account = حسابي
nav-logout = تسجيل الخروج
nav-language = اللغة
nav-main = القائمة الرئيسية
nav-breadcrumbs = مسار التنقل
nav-pages = الصفحات
pager-prev = السابق
pager-next = التالي
pager-position = الصفحة { $page } من { $pages }

## Actions
action-back-home = العودة إلى الرئيسية
action-cancel = إلغاء
action-confirm = أؤكد
action-create = إنشاء
action-filter = تصفية
action-save = حفظ
action-search = بحث

## Page titles
error-title = تعذر إتمام الطلب
login-title = تسجيل الدخول
home-title = الرئيسية
territories-title = التقسيم الترابي
territory-title = الوحدة الترابية
bodies-title = الهيئات
bodies-new-title = إحداث هيئة
body-title = الهيئة
users-title = المستخدمون
users-new-title = إضافة مستخدم
user-title = المستخدم
account-title = حسابي
audit-title = سجل التدقيق

## Login and home
login-submit = دخول
home-welcome = مرحبا، { $name }
home-your-roles = أدواركم ونطاق عملكم
home-territories-hint = الجهات والأقاليم والجماعات
first-run-title = البداية: هيكلة التنظيم
first-run-intro = لا توجد أي هيئة بعد. يمكن إحداث الهيكل الأساسي دفعة واحدة انطلاقا من التقسيم الترابي:
first-run-national = القيادة الوطنية: { $kind }
first-run-regions = في كل جهة: { $kind }
first-run-provinces = في كل إقليم وعمالة: { $kind }
first-run-action = إحداث الهيئات الوطنية والجهوية والإقليمية
first-run-after = تُحدَث الهيئات في طور التأسيس ثم تُستكمل بأعضائها ومهامها. أو:
first-run-one-by-one = إحداث هيئة واحدة

## Fields
field-username = اسم المستخدم
field-password = كلمة المرور
field-password-hint = اثنا عشر حرفا على الأقل؛ يفضل جملة يسهل تذكرها.
field-display-name = الاسم الكامل
field-role = الدور
field-scope = النطاق الترابي
field-scope-hint = اسم الجهة أو الإقليم أو الجماعة أو رمزها؛ يترك فارغا للنطاق الوطني.
field-organization = التنظيم
field-organization-all = كل التنظيمات
field-territory = الوحدة الترابية
field-parent = الهيئة الأعلى
field-parent-none = بدون
field-body-kind = نوع الهيئة
field-body-name = اسم الهيئة
field-body-name-hint = يترك فارغا ليقترح الاسم من النوع والوحدة الترابية.
field-token-name = اسم المفتاح

## Territories
territories-country = المغرب
territories-search-placeholder = ابحث باسم جهة أو إقليم أو جماعة
territories-none-found = لا توجد وحدة ترابية بهذا الاسم.
territories-found = { PLURAL($count) ->
    [zero] لا نتيجة
    [one] نتيجة واحدة
    [two] نتيجتان
    [few] { $count } نتائج
    [many] { $count } نتيجة
   *[other] { $count } نتيجة
}
territory-level = الصنف
territory-code = الرمز
territory-population = عدد السكان (2024)
territory-adults = السكان البالغون 18 سنة فما فوق
territory-bodies = الهيئات المحدثة هنا
territory-no-bodies = لا توجد هيئة في نطاقكم بهذه الوحدة بعد.
territory-children = { PLURAL($count) ->
    [zero] لا توجد وحدات تابعة
    [one] وحدة تابعة واحدة
    [two] وحدتان تابعتان
    [few] { $count } وحدات تابعة
    [many] { $count } وحدة تابعة
   *[other] { $count } وحدة تابعة
}
kind-region = جهة
kind-province = إقليم
kind-prefecture = عمالة
kind-prefecture_of_arrondissements = عمالة مقاطعات
kind-urban_commune = جماعة حضرية
kind-rural_commune = جماعة قروية
kind-arrondissement = مقاطعة
kind-diaspora = التنظيم بالخارج
kind-country = بلد
kind-city = مدينة
kind-country_rest = مدن أخرى

## Bodies
bodies-empty = لا توجد هيئات في نطاقكم بعد.
bodies-create-here = إحداث هيئة في هذه الوحدة
bodies-show-dissolved = إظهار الهيئات المحلولة
bodies-hide-dissolved = إخفاء الهيئات المحلولة
count-bodies = { PLURAL($count) ->
    [zero] لا توجد أي هيئة
    [one] هيئة واحدة
    [two] هيئتان
    [few] { $count } هيئات
    [many] { $count } هيئة
   *[other] { $count } هيئة
}
body-created = تاريخ الإحداث
body-children = الهيئات التابعة
body-rename = تغيير الاسم
body-dissolve = حل الهيئة
body-dissolve-confirm = ستحل هذه الهيئة وتبقى في السجل مع تاريخ حلها. هل تؤكدون؟
body-status-dissolved = محلولة
body-level-national = وطني
body-level-region = جهوي
body-level-province = إقليمي
body-level-commune = محلي

## Users, roles and tokens
users-empty = لا يوجد مستخدمون في نطاقكم.
user-created = تاريخ الإنشاء
user-status = الحالة
user-active = نشط
user-disabled = معطل
user-roles = الأدوار
user-no-roles = لا دور مسند.
user-grant = إسناد دور
user-revoke = سحب
user-revoke-confirm = سحب هذا الدور؟
user-disable = تعطيل الحساب
user-disable-explain = يمنع التعطيل أي دخول جديد وينهي الجلسات المفتوحة.
user-enable = إعادة تفعيل الحساب
role-administrator = مدير النظام
role-officer = مسؤول تنظيمي
role-committee_member = عضو لجنة
role-communication_officer = مسؤول التواصل
role-analyst = محلل
tokens-title = مفاتيح الواجهة البرمجية
tokens-explain = مفتاح يسمح لبرنامج بالعمل باسمكم وبصلاحياتكم نفسها. يمكن سحبه في أي وقت.
tokens-create = إنشاء مفتاح
tokens-shown-once = انسخوا هذا المفتاح الآن، فلن يعرض مرة أخرى:
tokens-empty = لا مفاتيح.
tokens-revoke = سحب
tokens-revoked = مسحوب
token-never-used = لم يستعمل بعد

## Audit log
audit-when = التاريخ
audit-actor = المستخدم
audit-action = العملية
audit-target = الموضوع
audit-address = العنوان
audit-from = من
audit-to = إلى
audit-empty = لا توجد عمليات مطابقة.
audit-any-action = كل العمليات
audit-pair = { $label }: { $value }
audit-subject = { $kind } رقم { $id }
audit-yes = نعم
audit-no = لا
audit-kind-member = عضو
audit-kind-application = طلب انخراط
audit-kind-body = هيئة
audit-kind-campaign = حملة تجديد
audit-kind-case = ملف تأديبي
audit-kind-meeting = اجتماع
audit-kind-payment = أداء
audit-kind-user = مستخدم
audit-kind-token = مفتاح
audit-kind-review = تكرار محتمل
audit-kind-report = تقرير
audit-field-rows = عدد الأسطر
audit-field-reason = السبب
audit-field-member = العضو
audit-field-decision = القرار
audit-field-year = السنة
audit-field-to = إلى
audit-field-from = من
audit-field-status = الوضعية
audit-field-request = الطلب
audit-field-kind = النوع
audit-field-held_on = تاريخ الانعقاد
audit-field-file = الملف
audit-field-body = الهيئة
audit-field-updated = المحيَّنون
audit-field-territory = الوحدة الترابية
audit-field-source = المصدر
audit-field-scope = النطاق
audit-field-role = الدور
audit-field-referred = المحالون
audit-field-organization = التنظيم
audit-field-on = بتاريخ
audit-field-number = الرقم
audit-field-name = الاسم
audit-field-format = الصيغة
audit-field-event = الحدث
audit-field-campaign = الحملة
audit-field-application = طلب الانخراط
audit-field-category = الفئة
audit-field-amount = المبلغ
audit-field-method = طريقة الأداء
audit-field-receipt = الوصل
audit-field-position = المهمة
audit-field-rank = الرتبة
audit-field-holder = المكلف
audit-field-username = اسم المستخدم
audit-field-until = إلى غاية
audit-field-title = العنوان
audit-field-text = النص
audit-field-summary = الملخص
audit-field-imported = المستوردون
audit-field-rejected = المرفوضون
audit-field-review = المراجعة
audit-field-parent = الهيئة الأعلى
audit-field-report = التقرير
audit-field-seat = نقطة جدول الأعمال
audit-login-succeeded = دخول ناجح
audit-login-failed = محاولة دخول فاشلة
audit-login-throttled = محاولة دخول مرفوضة (تجاوز الحد)
audit-logout = خروج
audit-user-created = إنشاء مستخدم
audit-user-disabled = تعطيل مستخدم
audit-user-enabled = تفعيل مستخدم
audit-user-viewed = اطلاع على مستخدم
audit-role-granted = إسناد دور
audit-role-revoked = سحب دور
audit-token-created = إنشاء مفتاح
audit-token-revoked = سحب مفتاح
audit-body-created = إحداث هيئة
audit-body-renamed = تغيير اسم هيئة
audit-body-dissolved = حل هيئة
audit-member-created = تسجيل عضو
audit-member-viewed = اطلاع على ملف عضو
audit-member-status-changed = تغيير وضعية عضو
audit-member-transferred = نقل عضو
audit-member-updated = تحيين معطيات عضو
audit-consent-recorded = تسجيل موافقة أو سحبها
audit-application-submitted = إيداع طلب انخراط
audit-application-accepted = قبول طلب انخراط
audit-application-rejected = رفض طلب انخراط
audit-campaign-created = إطلاق حملة تجديد
audit-campaign-closed = اختتام حملة تجديد
audit-campaign-reopened = إعادة فتح حملة تجديد
audit-payment-recorded = تسجيل أداء واجب الانخراط
audit-members-exported = تصدير لائحة الأعضاء

## Months (Moroccan usage)
month-1 = يناير
month-2 = فبراير
month-3 = مارس
month-4 = أبريل
month-5 = ماي
month-6 = يونيو
month-7 = يوليوز
month-8 = غشت
month-9 = شتنبر
month-10 = أكتوبر
month-11 = نونبر
month-12 = دجنبر

## Errors
error-unauthenticated = يرجى تسجيل الدخول.
error-forbidden = لا تخول لكم صلاحياتكم القيام بهذه العملية.
error-not-found = الصفحة أو السجل المطلوب غير موجود.
error-csrf = انتهت صلاحية الاستمارة. أعيدوا تحميل الصفحة ثم حاولوا مجددا.
error-throttled = محاولات كثيرة. انتظروا ربع ساعة ثم حاولوا مجددا.
error-login-wait-seconds = { PLURAL($count) ->
    [one] محاولات كثيرة. أعيدوا المحاولة بعد ثانية واحدة.
    [two] محاولات كثيرة. أعيدوا المحاولة بعد ثانيتين.
    [few] محاولات كثيرة. أعيدوا المحاولة بعد { $count } ثوان.
   *[other] محاولات كثيرة. أعيدوا المحاولة بعد { $count } ثانية.
}
error-login-wait-minutes = { PLURAL($count) ->
    [one] محاولات كثيرة. أعيدوا المحاولة بعد دقيقة واحدة.
    [two] محاولات كثيرة. أعيدوا المحاولة بعد دقيقتين.
    [few] محاولات كثيرة. أعيدوا المحاولة بعد { $count } دقائق.
   *[other] محاولات كثيرة. أعيدوا المحاولة بعد { $count } دقيقة.
}
error-internal = حدث خطأ غير متوقع. سجل الخطأ ليطلع عليه المسؤول التقني.
error-login-failed = اسم المستخدم أو كلمة المرور غير صحيح.
error-malformed-input = المعطيات المرسلة غير مقروءة.
error-body-too-large = المعطيات المرسلة كبيرة جدا.
error-confirmation-required = يلزم تأكيد هذه العملية.
error-body-has-children = لا يمكن حل هيئة تتبعها هيئات قائمة؛ تحل هذه أولا.
error-cannot-disable-self = لا يمكنكم تعطيل حسابكم بأنفسكم.
error-username-taken = اسم المستخدم هذا مستعمل.
error-territory-code-invalid = رمز الوحدة الترابية غير صحيح (مثال: 05.091).
error-territory-unknown = لا توجد وحدة ترابية بهذا الرمز.
error-role-unknown = دور غير معروف.
error-username-invalid = اسم المستخدم: من 3 إلى 64 حرفا لاتينيا صغيرا أو رقما أو . _ - ويبدأ بحرف.
error-display-name-invalid = الاسم الكامل مطلوب (120 حرفا على الأكثر).
error-password-too-short = كلمة المرور قصيرة: اثنا عشر حرفا على الأقل.
error-password-too-long = كلمة المرور طويلة جدا.
error-password-is-username = لا يجوز أن تكون كلمة المرور هي اسم المستخدم.
error-token-name-invalid = اسم المفتاح مطلوب (80 حرفا على الأكثر).
error-organization-unknown = تنظيم غير معروف.
error-body-kind-unknown = نوع هيئة غير معروف.
error-body-kind-not-for-organization = هذا النوع من الهيئات لا يخص هذا التنظيم.
error-body-level-mismatch = مستوى الهيئة لا يوافق مستوى الوحدة الترابية.
error-parent-other-organization = يجب أن تنتمي الهيئة الأعلى إلى نفس التنظيم.
error-parent-not-above = يجب أن يشمل نطاق الهيئة الأعلى نطاق الهيئة الجديدة.
error-parent-unknown = الهيئة الأعلى غير موجودة في نطاقكم.
error-body-name-invalid = اسم الهيئة مطلوب (200 حرف على الأكثر).
error-last-administrator = لا يمكن سحب آخر صلاحية مدير وطني أو تعطيل صاحبها.
error-body-dissolved = هذه الهيئة محلولة؛ لا يمكن تعديلها.

## Members
nav-members = الأعضاء
nav-applications = طلبات الانخراط
nav-campaigns = حملات التجديد
members-title = الأعضاء
member-title = العضو
action-back = رجوع
currency = درهم
members-search = الاسم أو رقم البطاقة أو رقم العضوية
members-any-status = كل الوضعيات
members-as-of = في وضعية سليمة بتاريخ
members-as-of-explain = الأعضاء في وضعية سليمة بتاريخ { $date }، في الفرع الذي كانوا ينتمون إليه يومئذ.
members-empty = لا يوجد أعضاء مطابقون.
members-export = تصدير (CSV)
members-export-xlsx = تصدير (Excel)
members-capped = أكثر من { $count } عضو مطابق: دقّق البحث لتضييق النتائج.
count-members = { PLURAL($count) ->
    [zero] لا يوجد أي عضو
    [one] عضو واحد
    [two] عضوان
    [few] { $count } أعضاء
    [many] { $count } عضوا
   *[other] { $count } عضو
}
status-active = نشيط
status-lapsed = منقطع
status-suspended = موقوف
status-expelled = مطرود
status-resigned = مستقيل
status-deceased = متوفى
event-join = انخراط
event-renew = تجديد
event-lapse = انقطاع
event-transfer = انتقال
event-suspend = توقيف
event-reinstate = رفع التوقيف
event-expel = طرد
event-resign = استقالة
event-decease = وفاة
event-readmit = إعادة القبول
sex-F = أنثى
sex-M = ذكر
education-none = بدون مستوى
education-primary = ابتدائي
education-lower_secondary = إعدادي
education-upper_secondary = ثانوي
education-higher = عال
education-other = آخر
method-cash = نقدا
method-transfer = تحويل بنكي
method-card = بطاقة بنكية
method-other = طريقة أخرى
member-branch = الفرع
member-joined = تاريخ الانخراط
member-paid-year = آخر سنة مؤداة
member-suspended-until = موقوف إلى غاية
member-renew = تجديد الانخراط
member-renew-submit = تسجيل التجديد وطبع الوصل
member-no-open-campaign = لا توجد حملة تجديد مفتوحة لهذا الفرع.
member-payments = الأداءات
member-no-payments = لا أداءات مسجلة.
member-history = سجل الوضعيات
member-consents = الموافقات
member-change-status = تغيير الوضعية
member-transfer = نقل إلى جماعة أخرى
member-record-consent = تسجيل موافقة أو سحبها
member-edit-contact = تحيين معطيات الاتصال
history-from = من
history-to = إلى
history-event = الحدث
consent-contact = الموافقة على التواصل
consent-public_lists = الموافقة على الظهور في اللوائح العمومية
consent-given = ممنوحة
consent-withdrawn = مسحوبة
source-paper = استمارة ورقية
source-form = الاستمارة الإلكترونية
source-phone = الهاتف
source-email = البريد الإلكتروني
field-first-name-ar = الاسم الشخصي (بالعربية)
field-last-name-ar = الاسم العائلي (بالعربية)
field-first-name-lat = الاسم الشخصي (بالحروف اللاتينية)
field-last-name-lat = الاسم العائلي (بالحروف اللاتينية)
field-sex = الجنس
field-birth-date = تاريخ الازدياد
field-cin = رقم البطاقة الوطنية
field-phone = الهاتف
field-email = البريد الإلكتروني
field-province = الإقليم أو العمالة
field-commune = الجماعة أو المقاطعة
field-address = العنوان
field-profession = المهنة أو القطاع
field-education = المستوى الدراسي
field-affiliations = المنظمات الموازية
field-notes = ملاحظات
field-status = الوضعية
field-date = التاريخ
field-reason = السبب
field-decision = مرجع القرار
field-year = السنة
field-category = الفئة
field-method = طريقة الأداء
field-receipt = رقم الوصل
receipt-generated-hint = يُولَّد تلقائيا إن تُرك فارغا
field-consent = الموافقة
field-consent-state = الحالة
field-consent-source = المصدر

## Applications
apply-title = طلب الانخراط
apply-intro = املؤوا هذه الاستمارة لطلب الانخراط؛ تبت فيه لجنة الانخراطات بإقليمكم.
apply-names = الاسم (بالعربية أو بالحروف اللاتينية أو بهما معا)
apply-show-communes = عرض جماعات الإقليم
apply-country-elsewhere = مدينة أخرى في { $country }
apply-join-women = أرغب في الانضمام إلى منظمة النساء
apply-join-youth = أرغب في الانضمام إلى منظمة الشبيبة
apply-consent-title = حماية المعطيات الشخصية
apply-consent-statement = تعالج معطياتكم لتدبير العضوية وحدها، طبقا للقانون 09.08، ولا يطلع عليها إلا المسؤولون المكلفون بفرعكم. يمكنكم الاطلاع عليها وتصحيحها وسحب موافقاتكم.
apply-consent-required = أوافق على معالجة معطياتي لتدبير طلب انخراطي وعضويتي
apply-consent-contact = أوافق على أن يتواصل معي الحزب
apply-consent-public = أوافق على ظهور اسمي في اللوائح العمومية للحزب
apply-submit = إرسال الطلب
apply-done-title = تم استلام طلبكم
apply-done-explain = احتفظوا بهذا المرجع لتتبع طلبكم:
apply-status-title = تتبع طلب الانخراط
apply-reference = مرجع الطلب
apply-reference-unknown = لا يوجد طلب بهذا المرجع.
applications-title = طلبات الانخراط
applications-new-title = إدخال طلب انخراط
applications-empty = لا توجد طلبات.
applications-tab-pending = في انتظار البت
applications-tab-accepted = مقبولة
applications-tab-rejected = مرفوضة
applications-tab-all = الكل
count-applications = { PLURAL($count) ->
    [zero] لا يوجد أي طلب
    [one] طلب واحد
    [two] طلبان
    [few] { $count } طلبات
    [many] { $count } طلبا
   *[other] { $count } طلب
}
application-title = طلب انخراط
application-pending = في انتظار البت
application-accepted = مقبول
application-rejected = مرفوض
application-source-public = عبر الاستمارة الإلكترونية
application-source-officer = أدخله مسؤول
application-submitted = تاريخ الإيداع
application-member = العضو المسجل
application-duplicates = تكرارات محتملة
application-no-duplicates = لا يوجد عضو أو طلب آخر بنفس رقم البطاقة أو بنفس الاسم وتاريخ الازدياد.
application-accept = قبول الطلب
application-reject = رفض الطلب

## Campaigns and receipts
campaigns-title = حملات التجديد
campaigns-new-title = إطلاق حملة تجديد
campaigns-empty = لا توجد حملات.
campaign-title = حملة التجديد
campaign-open = مفتوحة
campaign-closed = مختتمة
campaign-closing = قيد الاختتام
campaign-closing-note = تُختتم هذه الحملة الآن: توقف التجديد، ويُسجَّل الأعضاء الذين لم يجددوا منقطعين دفعةً بعد دفعة.
campaign-closing-refresh = تحديث الصفحة
campaign-body = الهيئة المطلقة للحملة
campaign-opens = تاريخ الافتتاح
campaign-closes = تاريخ الاختتام
campaign-dates = المدة
campaign-categories = فئات واجب الانخراط
campaign-categories-hint = فئة في كل سطر: المفتاح|الاسم|المبلغ بالدرهم، مثلا standard|عادي|100
campaign-categories-rows-hint = فئة في كل سطر: اسمها كما يظهر في الوصل، ومبلغها بالدرهم، ومفتاح قصير بالحروف اللاتينية (standard، reduced…). اتركوا الأسطر الزائدة فارغة.
category-label = الاسم
category-amount = المبلغ (درهم)
category-key = المفتاح
campaign-launch = إطلاق الحملة
campaign-payments = الأداءات
campaign-lapsed = الأعضاء المنقطعون عند الاختتام
campaign-close = اختتام الحملة
campaign-close-confirm-yearly = عند الاختتام يصبح كل عضو لم يجدد انخراطه منقطعا. هل تؤكدون؟
campaign-close-confirm = ستختتم الحملة. هل تؤكدون؟
campaign-reopen = إعادة فتح الحملة
campaign-extend = تمديد الحملة
campaign-bulk = تسجيل تجديدات دفعة واحدة
campaign-bulk-hint = سطر لكل تجديد: رقم العضوية ثم رقم الوصل.
campaign-bulk-submit = تسجيل
count-payments = { PLURAL($count) ->
    [zero] لا أداء
    [one] أداء واحد
    [two] أداءان
    [few] { $count } أداءات
    [many] { $count } أداء
   *[other] { $count } أداء
}
bulk-line-done = السطر { $line }: تم تسجيل تجديد { $number }.
bulk-line-failed = السطر { $line }: لم يسجل تجديد { $number }: { $why }
bulk-line-unknown = السطر { $line }: لا يوجد عضو برقم { $number } في نطاقكم.
bulk-line-malformed = السطر { $line }: يلزم رقم العضوية ورقم الوصل.
receipt-title = وصل الأداء
receipt-body = الهيئة
receipt-member = العضو
receipt-number = رقم العضوية
receipt-amount = المبلغ
receipt-paid-on = تاريخ الأداء
receipt-recorded = تاريخ التسجيل
card-title = بطاقة العضوية
card-print-hint = اطبعوا هذه الصفحة من المتصفح.
verify-title = التحقق من بطاقة العضوية
verify-valid = رقم العضوية { $number } صالح لسنة { $year }.
verify-invalid = رقم العضوية { $number } غير صالح لسنة { $year }.
verify-unknown = هذه البطاقة غير معروفة.

## Member errors
error-cin-invalid = رقم البطاقة الوطنية غير صحيح: حرف أو حرفان ثم أرقام.
error-text-control-character = يحتوي النص على رمز تحكم غير مقبول (مثل البايت الصفري)؛ احذفه ثم أعد المحاولة.
error-cin-taken = هذا الرقم مسجل لعضو آخر.
error-phone-invalid = رقم هاتف مغربي غير صحيح.
error-email-invalid = عنوان بريد إلكتروني غير صحيح.
error-sex-invalid = اختاروا الجنس.
error-joined-before-minimum-age = تاريخ الانخراط يسبق بلوغ السن الدنيا التي ينص عليها النظام الأساسي.
error-campaign-dates-off-year = تاريخا فتح الحملة وإغلاقها يجب أن يقعا بين السنة السابقة لسنتها والسنة التالية.
error-date-invalid = تاريخ غير صحيح.
error-birth-date-future = تاريخ الازدياد في المستقبل.
error-too-young = السن أقل من الحد الأدنى الذي يحدده النظام الأساسي.
error-name-required = الاسم الشخصي والعائلي مطلوبان، بالعربية أو بالحروف اللاتينية.
error-commune-unknown = اختاروا جماعة أو مقاطعة موجودة.
error-education-invalid = مستوى دراسي غير معروف.
error-affiliation-unknown = منظمة موازية غير معروفة.
error-text-too-long = النص طويل جدا.
error-transition-not-allowed = لا يمكن هذا التغيير انطلاقا من الوضعية الحالية للعضو.
error-reason-required = السبب مطلوب.
error-decision-required = مرجع القرار مطلوب لهذا التغيير.
error-event-invalid = تغيير غير معروف.
error-status-invalid = وضعية غير معروفة.
error-until-required = حددوا تاريخ نهاية التوقيف.
error-until-before-date = يجب أن تكون نهاية التوقيف بعد تاريخ بدايته.
error-transfer-same-commune = العضو ينتمي أصلا إلى هذه الجماعة.
error-member-changed = تغيرت وضعية العضو في الأثناء؛ أعيدوا تحميل الصفحة.
error-consent-required = الموافقة على معالجة المعطيات ضرورية لدراسة الطلب.
error-consent-kind-unknown = نوع موافقة غير معروف.
error-consent-source-invalid = مصدر غير معروف.
error-application-pending = يوجد طلب قيد الدراسة بنفس رقم البطاقة الوطنية.
error-application-decided = تم البت في هذا الطلب من قبل.
error-amount-invalid = مبلغ غير صحيح.
error-method-invalid = طريقة أداء غير معروفة.
error-receipt-invalid = رقم وصل غير صحيح.
error-receipt-taken = رقم الوصل هذا مستعمل في هذه الهيئة.
error-already-renewed = جدد هذا العضو انخراطه لهذه السنة من قبل.
error-campaign-unknown = حملة غير معروفة.
error-campaign-closed = هذه الحملة مختتمة.
error-campaign-closing = هذه الحملة قيد الاختتام: لم تعد تقبل التجديد.
error-idempotency-key-invalid = مفتاح منع التكرار (Idempotency-Key) غير صالح: من 1 إلى 200 حرف مرئي.
error-idempotency-key-running = طلب سابق بالمفتاح نفسه ما زال قيد التنفيذ؛ أعد المحاولة بعد قليل.
error-idempotency-key-reused = استُعمل هذا المفتاح لطلب آخر؛ استعمل مفتاحا جديدا لكل طلب.
error-campaign-exists = للهيئة حملة لهذه السنة من قبل.
error-campaign-not-for-member = لا تشمل هذه الحملة فرع العضو.
error-year-invalid = سنة غير صحيحة.
error-closes-before-opens = يجب أن يأتي تاريخ الاختتام بعد تاريخ الافتتاح.
error-category-invalid = فئة غير صحيحة: المفتاح|الاسم|المبلغ.
error-category-duplicate = مفتاح فئة مكرر.
error-category-required = أضيفوا فئة واحدة على الأقل.
error-body-required = اختاروا الهيئة.
audit-application-viewed = اطلاع على طلب انخراط
error-date-in-future = لا يمكن أن يكون التاريخ في المستقبل.
error-date-before-current-period = التاريخ سابق لآخر تغيير في وضعية العضو.
nav-stats = الإحصائيات
stats-title = إحصائيات العضوية
stats-up = المستوى الأعلى
stats-active = أعضاء نشيطون
stats-women = نسبة النساء
stats-under-35 = نسبة من هم دون 35 سنة
stats-density = لكل ألف من السكان البالغين
stats-renewals = تجديدات السنة الجارية ونسبتها
stats-total = مجموع المسجلين
stats-ages = الفئات العمرية (النشيطون)
stats-children = التوزيع حسب الوحدات التابعة
stats-chart = الأعضاء النشيطون حسب الوحدات التابعة
audit-members-imported = استيراد لائحة أعضاء
import-title = استيراد لائحة أعضاء
import-explain = ملف Excel (xlsx) أو CSV (UTF-8 أو Windows-1256، بفواصل , أو ;) بعناوين أعمدة بالعربية أو الفرنسية. تعرض المعاينة ما سيقع قبل أي تسجيل.
import-file = الملف
import-existing = الأعضاء المسجلون من قبل (نفس رقم البطاقة)
import-existing-report = تركهم والإشارة إليهم
import-existing-update = تحيين معطيات الاتصال
import-preview = معاينة
import-first-rows = الأسطر الأولى
import-confirm = تأكيد الاستيراد
import-rejected = الأسطر المرفوضة
import-rejected-file = تحميل الأسطر المرفوضة لتصحيحها
import-line = السطر { $line }
import-unknown-column = عمود غير معروف: { $column }
import-no-cin = لا يحتوي الملف على عمود رقم البطاقة الوطنية.
import-referred-explain = الأسطر المحالة على مستوى أعلى تطابق سجلات خارج نطاقك؛ يبت فيها من يشمل نطاقه المكانين.
import-unreadable-line = تعذرت قراءة الملف في السطر { $line } (خلية طويلة جدا أو بنية غير سليمة).
import-too-large-file = الملف أكبر من الحد المسموح به.
import-too-large-expanded = محتوى المصنف بعد فك ضغطه أكبر من الحد المسموح به.
import-too-large-parts = يحتوي المصنف على أجزاء أكثر من المسموح به.
import-too-large-rows = يحتوي الملف على أسطر أكثر من المسموح به؛ قسمه إلى عدة ملفات.
import-too-large-columns = يحتوي الملف على أعمدة أكثر من المسموح به.
error-import-unreadable = تعذرت قراءة الملف.
error-cin-referred = رقم البطاقة الوطنية هذا يحتاج إلى تحقق على مستوى أعلى، وقد أحيل عليه.
reviews-reason-cin = رقم البطاقة نفسه مسجل لهذا العضو: لا يمكن إضافته عضوا ثانيا.
import-unreadable = تعذرت قراءة الملف.
error-import-done = تم استيراد هذا الملف من قبل.
error-commune-out-of-scope = الجماعة خارج نطاقكم.
error-cin-repeated-in-file = رقم البطاقة مكرر في الملف.
error-import-expired = انتهت صلاحية هذا الملف المرفوع؛ ارفعوه من جديد.
receipt-member-link = رابط العضو للاطلاع على وصله وطبعه:
import-summary-preview = المعاينة: سيستورد { $imported } وسيحين { $updated } ويرفض { $rejected } ويحال { $review } على المراجعة، ويحال { $referred } على مستوى أعلى.
import-summary-done = تم: استورد { $imported } وحين { $updated } ورفض { $rejected } وأحيل { $review } على المراجعة، وأحيل { $referred } على مستوى أعلى.

## Probable duplicates of imports
audit-review-decided = البت في تكرار محتمل
audit-review-filed = إحالة رقم بطاقة على مستوى أعلى
error-review-decided = سبق البت في هذه الحالة.
reviews-title = التكرارات المحتملة
reviews-explain = صفوف من ملفات الاستيراد تشبه عضوا مسجلا (نفس الاسم وتاريخ الازدياد، ببطاقة وطنية مختلفة). لا يدمج أي شيء دون قرارك.
reviews-empty = لا توجد تكرارات محتملة في انتظار القرار.
reviews-link = التكرارات المحتملة ({ $count })
reviews-file-row = صف الملف (السطر { $line })
reviews-existing = العضو المسجل
reviews-same = نفس الشخص: لا تضف شيئا
reviews-distinct = شخص مختلف: أضفه عضوا
reviews-confirm-distinct = سيضاف هذا الصف عضوا جديدا برقم عضوية جديد. هل تؤكد؟

## Meetings and communiqués
audit-position-assigned = تعيين في مهمة
audit-meeting-created = برمجة اجتماع
audit-meeting-recorded = تسجيل في محضر اجتماع
audit-minutes-drafted = تحرير مسودة المحضر
audit-minutes-approved = المصادقة على المحضر
audit-communique-drafted = تحرير مسودة بلاغ
audit-communique-edited = تعديل بلاغ
audit-communique-published = نشر بلاغ
audit-communique-unpublished = سحب بلاغ
error-minutes-approved = صودق على المحضر: لم يعد السجل قابلا للتعديل.
error-minutes-not-drafted = يجب تحرير مسودة المحضر قبل المصادقة عليه.
error-position-unknown = هذه المهمة غير معروفة في النظام الأساسي.
error-rank-invalid = الرتبة يجب أن تكون بين 1 و9.
error-vote-not-carried = لم يحصل القرار على الأغلبية.
error-meeting-kind-unknown = نوع الاجتماع غير معروف.
error-presence-invalid = الحضور يجب أن يكون: حاضر أو معتذر أو غائب.
error-text-required = هذا الحقل مطلوب.
meeting-title = اجتماع
meeting-chair = الرئاسة
meeting-agenda = جدول الأعمال
meeting-agenda-empty = لا يوجد جدول أعمال.
meeting-attendance = الحضور
meeting-quorum-met = النصاب القانوني مكتمل
meeting-quorum-not-met = النصاب القانوني غير مكتمل
presence-present = حاضر
presence-excused = معتذر
presence-absent = غائب
meeting-decisions = القرارات
meeting-decisions-empty = لم تسجل أي قرارات.
meeting-decision-applied = نافذ
meeting-minutes = المحضر
minutes-none = لم يحرر
minutes-draft = مسودة
minutes-approved = مصادق عليه
meeting-draft-minutes = تحرير المحضر من السجل
meeting-approve-minutes = المصادقة على المحضر
meeting-communiques = البلاغات الصحفية
communique-draft = مسودة
communique-published = منشور
communique-unpublished = مسحوب
communique-publish = نشر البلاغ
communique-title = البلاغ
communique-back-to-meeting = العودة إلى الاجتماع
communique-edit = نص البلاغ
field-headline = العنوان
field-communique-body = النص
communique-preview = معاينة كما سيظهر للعموم
communique-preview-hint = هكذا ستظهر البطاقة في صفحة الأخبار العمومية.
communique-review = مراجعة ونشر
communique-publish-warning = بعد النشر يظهر هذا البلاغ لكل زوار صفحة الأخبار وفي خلاصة Atom، ويمكن لأي كان مشاركته. راجعوا المعاينة أعلاه قبل التأكيد.
communique-publish-confirm = تأكيد النشر للعموم
communique-unpublish = سحب البلاغ من الصفحة العمومية
communique-unpublish-warning = يختفي البلاغ من صفحة الأخبار ومن الخلاصة؛ ويبقى سجله محفوظا.
meeting-draft-communique = تحرير بلاغ صحفي
news-title = المستجدات
news-empty = لا توجد بلاغات منشورة بعد.
meetings-of-body = الاجتماعات
positions-title = المهام
positions-empty = لم تسجل أي مهمة بعد.
committees-title = اللجان
positions-add = تسجيل مسؤول في مهمة
field-position = المهمة
field-rank = الرتبة (للنواب)
field-holder-name = الاسم الكامل
field-started-on = منذ
meetings-empty = لا توجد اجتماعات بعد.
meeting-new = برمجة اجتماع
field-meeting-kind = نوع الاجتماع
field-starts-at = الساعة
field-place = المكان
field-slogan = الشعار
meeting-agenda-hint = نقطة واحدة في كل سطر، بالترتيب
meeting-take-attendance = تسجيل الحضور
meeting-one-per-line = اسم واحد في كل سطر
meeting-guests = الضيوف
meeting-guest-hint = الصفة | الاسم، في كل سطر
meeting-interventions = المداخلات
field-speaker = المتدخل (الاسم، أو المجموعة)
field-summary = مضمون المداخلة
meeting-add-intervention = إضافة مداخلة
field-decision-kind = نوع القرار
decision-appoint = اختيار مسؤول في مهمة
decision-create-committee = تشكيل لجنة
decision-resolution = قرار أو توصية
field-committee = اللجنة
committee-membership = لجنة البت في الانخراطات
committee-ethics = لجنة الأخلاقيات
field-committee-members = أعضاء اللجنة
field-vote = التصويت (فارغ: بالتوافق)
vote-for = مع
vote-against = ضد
vote-abstentions = امتناع
meeting-add-decision = تسجيل القرار
meeting-kind-organizational = اجتماع تنظيمي
meeting-kind-communication = لقاء تواصلي
meeting-kind-consultative = اجتماع تشاوري
meeting-kind-congress = مؤتمر
meeting-kind-council_session = دورة المجلس
home-upcoming-meetings = الاجتماعات المقبلة
calendar-title = مفكرتي
calendar-explain = رابط شخصي تضيفه إلى تطبيق المفكرة في هاتفك لترى فيه اجتماعات الهيئات التي تشملها مسؤوليتك. لا تشاركه مع أحد.
calendar-shown-once = هذا الرابط يظهر مرة واحدة: انسخه الآن.
calendar-create = إنشاء رابط المفكرة
calendar-renew = تجديد الرابط (يبطل القديم)
nav-calendar = المفكرة
coverage-title = التغطية التنظيمية
coverage-constituted = مؤسسة
coverage-forming = في طور التأسيس
coverage-none = بدون هيئة
coverage-without-body = وحدات ترابية بدون هيئة مؤسسة
error-body-constituted = هذه الهيئة مؤسسة بالفعل.
decision-constitute = الإعلان عن تأسيس الهيئة
audit-body-founding = وضع هيئة في طور التأسيس
error-campaign-invalid = خطة الحملة لم تعد صالحة.
decision-launch-campaign = إطلاق حملة الانخراط وتجديده
minutes-amendments = التعديلات اللاحقة
minutes-amend = تعديل المحضر المصادق عليه
minutes-amendment-text = النص المصحح
audit-minutes-amended = تعديل محضر مصادق عليه
error-minutes-not-approved = المحضر لم يصادق عليه بعد: عدّل المسودة مباشرة.

# Meeting record: leads from other levels, arrivals and departures, proxies, weights, programmes
meeting-present-hint = سطر لكل شخص: الاسم | ساعة الالتحاق | ساعة المغادرة | الوزن (اختياري، مثلا: أحمد | 10:30 | 12:00).
meeting-proxy-hint = للوكالة: الاسم | اسم العضو الحاضر الذي يصوت عنه.
meeting-arrived = التحق
meeting-left = غادر
meeting-proxy-to = وكالة لـ
meeting-voters = { PLURAL($count) ->
    [zero] لا صوت عند التصويت
    [one] صوت واحد عند التصويت
    [two] صوتان عند التصويت
    [few] { $count } أصوات عند التصويت
    [many] { $count } صوتا عند التصويت
   *[other] { $count } صوت عند التصويت
}
decision-adopt-programme = المصادقة على برنامج عمل
decision-renew-office = تجديد المكتب
decision-renew-office-hint = يغادر كل أعضاء المكتب الحاليين مهامهم يوم المصادقة على المحضر، ويتولى المنتخبون أدناه مناصبهم (سطر لكل عضو).
field-taken-at = ساعة اتخاذ القرار
meeting-lead-chair = الرئاسة
meeting-lead-co_chair = الرئاسة المشتركة
meeting-lead-host = الاستضافة
field-public-title = الصفة كما تنشر
meeting-lead-title-hint = مثلا: عضو اللجنة التنفيذية
meeting-leads-outside = رئاسة أو استضافة من خارج الهيئة أو من مستوى آخر
programmes-title = برامج العمل
programmes-empty = لا يوجد أي برنامج عمل بعد.
programme-title = برنامج العمل
programme-field-title = العنوان
programme-default-title = برنامج العمل برسم سنة
programme-new = إعداد مشروع برنامج
decision-programme-none = لا يوجد مشروع برنامج للهيئة في انتظار المصادقة.
programme-draft = مشروع
programme-adopted = مصادق عليه
programme-adopt-hint = يصادق على البرنامج باجتماع للهيئة: قرار «المصادقة على برنامج العمل» يسري عند المصادقة على المحضر، وبعدها لا يعدل البرنامج إلا بتعديل معلل.
programme-history = سجل التعديلات
field-starts-on = من
field-ends-on = إلى
field-programme = برنامج العمل
activities-title = الأنشطة
activities-empty = لا يتضمن البرنامج أي نشاط بعد.
activity-title = النشاط
activity-add = إضافة نشاط
activity-amend = تعديل النشاط
activity-postpone = تأجيل النشاط
activity-cancel = إلغاء النشاط
activity-remove = حذف النشاط
activity-remove-confirm = أؤكد حذف هذا النشاط من مشروع البرنامج.
activity-mark-held = تسجيل انعقاد النشاط
activity-photos = الصور
activity-photos-empty = لا صورة لهذا النشاط بعد.
activity-photo-file = صورة (JPEG أو PNG، 5 ميغابايت على الأكثر)
activity-photo-add = إضافة الصورة
activity-communiques = البلاغات
activity-communiques-empty = لم يحرر بعد أي بلاغ عن هذا النشاط.
activity-communique-lang = اللغة
activity-communique-draft = تحرير مشروع بلاغ
error-activity-not-held = النشاط لم ينجز بعد: تضاف الصور ويحرر البلاغ بعد تسجيل انعقاده.
error-photo-not-image = الملف: صورة بصيغة JPEG أو PNG فقط.
error-photo-too-large = الملف: تتجاوز الصورة 5 ميغابايت.
activity-online = عن بعد
activity-folded = مدرج في برمجة هيئة أعلى
activity-first-set = كان مقررا في
activity-move-asked = مطلوب تغيير موعده
activity-attendance = الحضور
activity-speakers = المتدخلون
activity-attendees = الحاضرون
activity-women = النساء
activity-men = الرجال
activity-under35 = أقل من 35 سنة
activity-above = الهيئة الأعلى
activity-fold = إدراج في برمجة الهيئة
activity-fold-into = الهيئة
activity-unfold = سحب من برمجة الهيئة الأعلى
activity-ask-move = طلب تغيير الموعد
activity-ask-move-text = ما يطلب (السبب والموعد المقترح)
activity-status-planned = مبرمج
activity-status-scheduled = محدد الموعد
activity-status-held = منجز
activity-status-postponed = مؤجل
activity-status-cancelled = ملغى
activity-change-added = إضافة
activity-change-amended = تعديل
activity-change-postponed = تأجيل
activity-change-cancelled = إلغاء
activity-change-held = إنجاز
activity-change-folded = إدراج في برمجة هيئة أعلى
activity-change-unfolded = سحب من برمجة هيئة أعلى
activity-change-move-asked = طلب تغيير الموعد
activity-col-when = الموعد
activity-col-title = النشاط
activity-col-body = الهيئة
activity-col-place = المكان
field-activity-kind = نوع النشاط
field-themes = المحاور
field-audience = الفئة المستهدفة
field-when = الموعد
field-when-help = يوم (2023-03-18) أو أسبوع (2023-W11) أو شهر (2023-03).
field-commune-code = رمز الجماعة (اختياري)
field-responsible = المسؤول عن النشاط
field-guests = الضيوف (واحد في كل سطر)
field-budget = الميزانية (بالدرهم)
field-amendment-reason = سبب التعديل
field-held-on = تاريخ الانعقاد
field-speakers = المتدخلون (واحد في كل سطر)
field-attendees = الحاضرون بالاسم من الأعضاء والضيوف (واحد في كل سطر، اختياري)
timetable-title = الجدولة الزمنية للأنشطة
timetable-territory = الإقليم أو الجماعة
timetable-empty = لا نشاط في هذه الفترة.
timetable-xlsx = تحميل الجدولة (XLSX)
timetable-ics = التقويم (iCalendar)
timetable-feed-title = الاشتراك في الرزنامة من تطبيق التقويم
timetable-feed-intro = عنوان سري يضيفه تطبيق التقويم في الهاتف فيعرض أنشطة هذه الرزنامة ويحدّثها: ثلاثة أشهر مضت والاثنا عشر شهرا القادمة، بما تخوله لك صلاحياتك عند كل تحديث.
timetable-feed-live = لك عنوان اشتراك صادر يوم { $day }.
timetable-feed-issue = إصدار عنوان الاشتراك
timetable-feed-reissue = إصدار عنوان جديد (يتوقف العنوان السابق)
timetable-feed-revoke = إلغاء عنوان الاشتراك
timetable-feed-once = هذا عنوان اشتراكك. لن يُعرض مرة أخرى: انسخه الآن أو افتحه في تطبيق التقويم.
timetable-feed-address = عنوان الاشتراك
timetable-feed-open = فتح في تطبيق التقويم
timetable-feed-secret = من يملك هذا العنوان يرى هذه الأنشطة دون كلمة مرور. لا تشاركه، وألغه إن ضاع الهاتف.
month-previous = الشهر السابق
month-next = الشهر الموالي
weekday-short-0 = الإثنين
weekday-short-1 = الثلاثاء
weekday-short-2 = الأربعاء
weekday-short-3 = الخميس
weekday-short-4 = الجمعة
weekday-short-5 = السبت
weekday-short-6 = الأحد
clashes-title = تعارضات في البرمجة
clash-same-day = نشاطان أو أكثر يوم { $day } في الإقليم { $province }: { $activities }
clash-guest = الضيف { $guest } مبرمج في أكثر من نشاط يوم { $day }: { $activities }
clash-outside = نشاط خارج النفوذ الترابي لهيئته: { $activities }
count-activities = { PLURAL($count) ->
    [zero] لا نشاط
    [one] نشاط واحد
    [two] نشاطان
    [few] { $count } أنشطة
    [many] { $count } نشاطا
   *[other] { $count } نشاط
}
home-activities-week = أنشطة هذا الأسبوع
home-programmes-draft = برامج في انتظار المصادقة
audit-kind-programme = برنامج عمل
audit-kind-activity = نشاط
audit-programme-drafted = إعداد مشروع برنامج عمل
audit-activity-added = إضافة نشاط
audit-activity-amended = تعديل نشاط
audit-activity-removed = حذف نشاط
audit-activity-postponed = تأجيل نشاط
audit-activity-cancelled = إلغاء نشاط
audit-activity-held = تسجيل انعقاد نشاط
audit-activity-folded = إدراج نشاط في برمجة هيئة أعلى أو سحبه
audit-activity-move-asked = طلب تغيير موعد نشاط
audit-timetable-feed-issued = إصدار عنوان اشتراك في رزنامة الأنشطة
audit-timetable-feed-revoked = إلغاء عنوان اشتراك في رزنامة الأنشطة
audit-mandate-recorded = تسجيل انتداب
audit-mandate-ended = إنهاء انتداب
audit-activity-photo-added = إضافة صورة لنشاط
error-programme-title-required = العنوان: عنوان البرنامج مطلوب (200 حرف على الأكثر).
error-programme-ends-before-start = إلى: نهاية فترة البرنامج تسبق بدايتها.
error-programme-too-long = إلى: لا تتجاوز فترة البرنامج سنتين.
error-programme-unknown = برنامج العمل: لا يوجد مشروع برنامج بهذا الرقم لهذه الهيئة.
error-programme-not-draft = برنامج العمل: سبقت المصادقة على هذا البرنامج.
error-programme-empty = برنامج العمل: لا يتضمن البرنامج أي نشاط؛ أضف أنشطته قبل عرضه على المصادقة.
error-programme-adopted = البرنامج مصادق عليه: لا يحذف نشاطه، بل يلغى مع ذكر السبب.
error-activity-title-required = العنوان: عنوان النشاط مطلوب (300 حرف على الأكثر).
error-activity-kind-unknown = نوع النشاط: اختر نوعا من القائمة.
error-activity-theme-unknown = المحاور: اختر المحاور من القائمة.
error-activity-audience-unknown = الفئة المستهدفة: اختر فئة من القائمة.
error-activity-when-invalid = الموعد: اكتب يوما (2023-03-18) أو أسبوعا (2023-W11) أو شهرا (2023-03).
error-activity-outside-programme = الموعد: يقع خارج فترة البرنامج.
error-activity-budget-invalid = الميزانية: مبلغ موجب بالدرهم، مثل 15000 أو 1500,50.
error-activity-commune-outside = الجماعة: ليست من النفوذ الترابي للهيئة.
error-activity-reason-required = السبب: اذكر السبب (2000 حرف على الأكثر).
error-activity-closed = النشاط منجز أو ملغى: لا يغير بعد ذلك.
error-activity-postpone-same-date = الموعد: الموعد الجديد هو نفس الموعد الحالي.
error-activity-held-in-future = تاريخ الانعقاد: لا يكون في المستقبل.
error-activity-count-invalid = الحضور: عدد صحيح موجب.
error-activity-attendees-too-many = الحاضرون: لا يتجاوز السجل 3000 اسم.
error-mandate-kind-unknown = نوع الانتداب: اختر نوعا من القائمة.
error-mandate-ends-before-start = تاريخ النهاية: لا يسبق تاريخ بداية الانتداب.
error-mandate-territory-required = المقعد: حدد الجماعة أو الدائرة أو الإقليم أو الجهة.
error-mandate-territory-unknown = المقعد: رمز تراب غير معروف.
error-mandate-territory-level = المقعد: هذا النوع من الانتداب لا يكون في هذا المستوى الترابي.
error-mandate-territory-outside = المقعد: خارج النفوذ الترابي للهيئة التي يتبع لها المنتخب.
error-mandate-list-invalid = اللائحة: محلية أو جهوية.
error-mandate-body-required = الهيئة الناخبة أو الغرفة: حددها.
error-mandate-rank-invalid = الرتبة: عدد من 1 إلى 20.
error-mandate-already-held = نوع الانتداب: للعضو انتداب جار من هذا النوع في الفترة نفسها.
error-mandate-already-ended = انتهى هذا الانتداب من قبل.
error-mandate-ending-invalid = سبب النهاية: انتهاء الولاية أو الاستقالة أو الإلغاء أو الوفاة.
error-mandate-body-unknown = الهيئة: غير موجودة أو خارج نطاقك.
error-activity-under35-exceeds = الحضور: عدد من هم أقل من 35 سنة يفوق مجموع الحاضرين.
error-activity-meeting-unknown = الاجتماع: ليس من اجتماعات هيئة النشاط.
error-activity-fold-body-unknown = الهيئة: اختر هيئة أعلى من هيئة النشاط تسير اجتماعاتها.
error-activity-not-folded = النشاط غير مدرج في برمجة هيئة أعلى.
error-times-inverted = ساعة المغادرة يجب أن تكون بعد ساعة الالتحاق.
error-times-for-absent = ساعات الالتحاق والمغادرة للحاضرين فقط.
error-weight-not-allowed = قواعد هذه الهيئة لا تسمح بوزن للأصوات (أو الوزن غير صحيح).
error-proxies-not-allowed = قواعد هذه الهيئة لا تسمح بالتصويت بالوكالة.
error-proxy-from-present = الوكالة يمنحها عضو غائب أو معتذر فقط.
error-proxy-holder-absent = حامل الوكالة يجب أن يكون عضوا حاضرا.
error-proxy-twice = لا يحمل العضو أكثر من وكالة واحدة.
error-vote-exceeds-voters = عدد الأصوات يفوق عدد المصوتين الحاضرين عند التصويت.
error-period-inverted = نهاية الفترة يجب أن تكون بعد بدايتها.
error-time-invalid = الساعة تكتب هكذا: 10:30.
error-name-twice = هذا الاسم مذكور مرتين.
error-tree-national-only = لا يُحدث الهيكل الوطني دفعة واحدة إلا من له صلاحية على الصعيد الوطني؛ أحدثوا هيئات نطاقكم واحدة واحدة.
presence-remote = حاضر عن بعد
error-remote-not-present = لا يحضر عن بعد إلا من كان حاضرا.
error-chair-twice = لكل اجتماع رئاسة واحدة: اختر حامل منصب أو رئيسا من الخارج، وكل دور مرة واحدة.
calendar-body-link = رابط تقويم هذه الهيئة
meeting-invitations = الدعوات
meeting-invitations-empty = لم توجه أي دعوة بعد.
meeting-invite = توجيه الدعوات
meeting-invite-holders = دعوة أعضاء الهيئة حاملي المناصب
meeting-guest = ضيف
meeting-draft-communique-fr = تحرير البلاغ بالفرنسية
home-reminders = في انتظاركم
reminder-draft-minutes = محضر لم يحرر بعد
reminder-approve-minutes = محضر في انتظار المصادقة
reminder-publish-communique = بلاغ في انتظار النشر
application-committee = اللجنة المختصة
application-no-committee = لم تشكل بعد لجنة للبت في الانخراطات على هذا المستوى.
committee-record = تسجيل لجنة كما هي
committee-record-hint = تحل هذه اللائحة محل أعضاء اللجنة الحاليين. لتشكيل لجنة بقرار، سجله في اجتماع.
error-committee-member-unknown = العضو المشار إليه غير مسجل كعضو نشيط في نطاق هذه الهيئة.
audit-committee-recorded = تسجيل لجنة
# Disciplinary cases
error-case-outcome-invalid = نوع القرار غير معروف.
error-case-grounds-required = اذكر الأفعال المنسوبة إلى العضو.
error-case-reasons-required = اذكر حيثيات القرار.
error-case-date-before-opening = التاريخ سابق لفتح الملف.
error-member-already-expelled = هذا العضو مطرود أصلا.
error-case-heard-required = اذكر من تم الاستماع إليه.
error-case-summary-required = لخص ما قيل في جلسة الاستماع.
error-case-document-title-required = عنوان الوثيقة مطلوب.
error-case-document-empty = اختر ملفا غير فارغ.
error-case-document-too-large = الملف كبير جدا: 5 ميغابايت على الأكثر.
error-ethics-committee-missing = لا توجد لهذه الهيئة لجنة للأخلاقيات: تشكلها الهيئة بقرار في أحد اجتماعاتها قبل فتح أي ملف تأديبي.
error-case-decided = تم البت في هذا الملف: لم يعد بالإمكان تغييره.
error-case-member-unknown = لا يوجد عضو بهذا الرقم ضمن نفوذ هذه الهيئة.
audit-case-opened = فتح ملف تأديبي
audit-case-viewed = اطلاع على ملف تأديبي
audit-case-hearing-recorded = تسجيل جلسة استماع
audit-case-document-added = إضافة وثيقة إلى ملف تأديبي
audit-case-document-downloaded = تحميل وثيقة من ملف تأديبي
audit-case-decided = البت في ملف تأديبي
nav-cases = الملفات التأديبية
cases-title = الملفات التأديبية
cases-of-body = الملفات التأديبية للهيئة
cases-empty = لا توجد ملفات تأديبية.
count-cases = { PLURAL($count) ->
    [zero] لا يوجد أي ملف
    [one] ملف واحد
    [two] ملفان
    [few] { $count } ملفات
    [many] { $count } ملفا
   *[other] { $count } ملف
}
cases-tab-all = الكل
cases-tab-open = قيد الدراسة
cases-tab-decided = تم البت فيها
case-status-open = قيد الدراسة
case-status-decided = تم البت فيه
case-outcome-no_action = حفظ الملف دون جزاء
case-outcome-warning = إنذار
case-outcome-suspension = توقيف مؤقت
case-outcome-expulsion = طرد
case-title = ملف تأديبي
case-member = العضو المعني
case-member-status = وضعيته الحالية
case-committee = لجنة الأخلاقيات لدى
case-opened-on = تاريخ فتح الملف
case-grounds = الأفعال المنسوبة
case-decision = القرار
case-outcome = نوع القرار
case-decided-on = تاريخ القرار
case-until = موقوف إلى غاية
case-reasons = حيثيات القرار
case-notify-phone-email = للتبليغ: رقم الهاتف والبريد الإلكتروني مسجلان في ملف العضو.
case-notify-phone = للتبليغ: رقم الهاتف مسجل في ملف العضو.
case-notify-email = للتبليغ: البريد الإلكتروني مسجل في ملف العضو.
case-notify-none = لا توجد أي وسيلة اتصال مسجلة في ملف العضو.
case-notify-explain = لا يرسل تنظيم التبليغات بعد: تبلغ اللجنة العضو بالقرار بنفسها.
case-confirm-title = تأكيد القرار
case-confirm-suspension = توقيف { $member } إلى غاية { $until }.
case-confirm-expulsion = طرد { $member } من الحزب.
case-confirm-explain = يغير هذا القرار وضعية العضو فور تسجيله، ويحيل سجله على هذا الملف. لا يمكن التراجع عنه من هذه الصفحة.
case-confirm-submit = تأكيد القرار
case-hearings = جلسات الاستماع
case-hearings-empty = لم تسجل أي جلسة استماع بعد.
case-add-hearing = تسجيل جلسة استماع
case-heard = من تم الاستماع إليه
case-heard-hint = العضو المعني، المشتكي، شاهد...
case-documents = الوثائق
case-documents-empty = لا توجد وثائق في الملف.
case-add-document = إضافة وثيقة
case-document-title = عنوان الوثيقة
case-document-file = الملف
case-document-limit = { $mb } ميغابايت على الأكثر: PDF أو صورة أو نص.
case-document-size = { $kb } ك.ب
case-decide = البت في الملف
case-until-hint = نهاية التوقيف (للتوقيف المؤقت فقط)
case-decide-explain = يطلب منك تأكيد التوقيف أو الطرد قبل تسجيله.
case-open = فتح ملف تأديبي
case-member-number = رقم العضوية
case-history-reason = قرار لجنة الأخلاقيات لدى { $body }
case-history-decision = الملف التأديبي رقم { $id }
member-cases = الملفات التأديبية
pdf-page = الصفحة
meeting-minutes-pdf = تحميل المحضر (PDF)
audit-minutes-exported = تحميل محضر
minutes-approved-on = صودق عليه يوم { $date }
coverage-by-province = حسب الإقليم
coverage-all-regions = كل الجهات
field-region = الجهة
field-goals = الأهداف
meeting-edit = تصحيح معطيات الاجتماع

## Password confirmation before sensitive actions
confirm-title = تأكيد كلمة المرور
confirm-explain = هذه العملية حساسة: أدخلوا كلمة المرور مرة أخرى للمتابعة. يبقى التأكيد ساريا عشر دقائق.
confirm-submit = تأكيد
error-password-wrong = كلمة المرور غير صحيحة.
error-session-required = لا تتم هذه العملية إلا من المتصفح بعد تسجيل الدخول، لا بمفتاح الواجهة البرمجية.
error-reauth-required = أكدوا كلمة المرور قبل هذه العملية (مرة كل عشر دقائق).
audit-password-confirmed = تأكيد كلمة المرور
audit-password-confirm-failed = محاولة فاشلة لتأكيد كلمة المرور
audit-password-confirm-throttled = تأكيد كلمة المرور مرفوض (تجاوز الحد)
audit-database-backed-up = نسخة احتياطية من قاعدة البيانات
audit-database-restored = استرجاع قاعدة البيانات من نسخة احتياطية

## Statistics for those who see only counts
stats-withheld = أقل من { $min }
stats-protected = حماية للأعضاء: لا يظهر أي عدد أقل من { $min }، وتقرب الأعداد الأخرى إلى أقرب مضاعف للعدد { $min }، وتحسب النسب من الأعداد المقربة.

# Exports and jobs
export-title = تصدير لائحة الأعضاء
export-explain = يُعَدّ الملف في الخلفية، ثم تنزّله مرة واحدة من صفحته خلال يوم. يتضمن الملف معطيات شخصية: احفظه في مكان آمن.
export-all = جميع الأعضاء المشمولين بصلاحياتك.
export-format = صيغة الملف
export-submit = إعداد الملف
export-back = العودة إلى لائحة الأعضاء
job-title = ملف التصدير
job-state-queued = في الانتظار
job-state-running = قيد الإعداد
job-state-done = الملف جاهز
job-state-failed = تعذر إعداد الملف
job-state-cancelled = أُلغي الإعداد
job-done-of = تمت معالجة { $done } من أصل { $total }
job-done = تمت معالجة { $done }
job-rate = { $count } في الثانية
job-seconds-left = { PLURAL($count) ->
    [zero] الوقت المتبقي: أقل من ثانية
    [one] الوقت المتبقي: ثانية واحدة
    [two] الوقت المتبقي: ثانيتان
    [few] الوقت المتبقي: { $count } ثوانٍ
    [many] الوقت المتبقي: { $count } ثانية
   *[other] الوقت المتبقي: { $count } ثانية
}
job-failed = السبب:
job-download = تنزيل الملف
job-download-once = يُنزَّل الملف مرة واحدة فقط، ثم يُحذف من الخادم.
job-downloaded = تم تنزيل هذا الملف، وحُذف من الخادم.
job-expired = انقضى يوم على إعداد هذا الملف فحُذف. أعد التصدير من لائحة الأعضاء.
job-cancel = إلغاء الإعداد
job-ready = ملف التصدير جاهز للتنزيل
error-job-ended = انتهت هذه المهمة من قبل.
error-job-downloaded = تم تنزيل هذا الملف من قبل، ولا يُنزَّل إلا مرة واحدة.
error-job-expired = حُذف هذا الملف بعد انقضاء يوم على إعداده.
error-job-not-done = لم يكتمل إعداد هذا الملف بعد.
error-format-invalid = صيغة الملف غير معروفة: CSV أو XLSX.

# Imports and campaign closes as jobs
job-import-title = استيراد لائحة الأعضاء
job-import-state-queued = في الانتظار
job-import-state-running = الاستيراد جارٍ
job-import-state-done = اكتمل الاستيراد
job-import-state-failed = توقف الاستيراد قبل نهايته، ويمكن استئنافه من حيث توقف
job-import-state-cancelled = أُوقف الاستيراد، وبقي ما أُدخل قبل الإيقاف
job-import-ready = اكتمل استيراد اللائحة
job-import-cancel = إيقاف الاستيراد
job-close-title = اختتام حملة التجديد
job-close-state-queued = في الانتظار
job-close-state-running = الاختتام جارٍ
job-close-state-done = اختُتمت الحملة
job-close-state-failed = توقف الاختتام قبل نهايته، ويُستأنف من حيث توقف
job-close-state-cancelled = أُلغي الاختتام
job-close-ready = اكتمل اختتام الحملة
job-close-cancel = إلغاء
job-back-import = نتيجة الاستيراد والأسطر المرفوضة
job-back-campaign = العودة إلى الحملة
import-running = الاستيراد جارٍ في الخلفية، دفعةً بعد دفعة.
import-follow = متابعة التقدم
campaign-closing-follow = متابعة التقدم
error-job-not-cancellable = لا يمكن إيقاف هذه المهمة في منتصفها.
error-import-moved = تغير موضع هذا الاستيراد أثناء تنفيذه (تشغيل آخر للملف نفسه)؛ أعد المحاولة.

# Meetings as the press reports them
meeting-lead-framer = التأطير
meeting-lead-honour_guest = ضيف الشرف
field-meeting-mode = طريقة الانعقاد
meeting-mode-in_person = حضوريا
meeting-mode-online = عن بعد (تناظر مرئي)
meeting-mode-hybrid = حضوريا وعن بعد
field-video-link = رابط التناظر المرئي (لا ينشر)
field-city-abroad = مدينة خارج المغرب
field-country = البلد
field-members-present-count = عدد الأعضاء الحاضرين (بدل الأسماء)
field-whole-body-present = حضر أعضاء الهيئة بأكملهم
field-invited = المدعوون (للإعلان)
field-speaker-title = صفة المتدخل
field-speaker-group = المتدخل مجموعة (أعضاء المكتب، المناضلات…)
field-say-verb = فعل المداخلة
say-verb-addressed = تطرق إلى
say-verb-stressed = أكد على
say-verb-called_for = دعا إلى
say-verb-praised = نوه بـ
say-verb-reviewed = استعرض
say-verb-presented = قدم عرضا حول
say-verb-commended = ثمن
say-verb-demanded = طالب بـ
field-unanimous = بالإجماع (كل الحاضرين)
communique-kind-announcement = إعلان قبل الانعقاد
communique-kind-report = بلاغ بعد الانعقاد
error-organization-not-host = وحدها الاستضافة يمكن أن تكون لهيئة أو منظمة؛ الرئاسة والتأطير لأشخاص.
error-count-invalid = العدد يجب أن يكون رقما موجبا لا يتجاوز عدد أعضاء الهيئة.
error-place-twice = اختر جماعة مغربية أو مدينة بالخارج، لا الاثنتين.
error-country-required = المدينة بالخارج تحتاج إلى بلدها، والبلد إلى مدينته.
error-link-invalid = رابط التناظر المرئي يجب أن يبدأ بـ https://
error-count-and-whole = إما عدد الحاضرين وإما حضور الهيئة بأكملها، لا الاثنان.
error-unanimous-without-attendance = لا يمكن تسجيل الإجماع قبل تسجيل الحضور (بالأسماء أو بالعدد).
field-host-organization = المستضيف هيئة أو منظمة (حزب، جمعية، قاعة)
meeting-more-place = عن بعد، بالخارج، عدد الحاضرين والمدعوون
meeting-sympathisers-present = المتعاطفون الحاضرون (ليسوا أعضاء)
field-congress = في إطار المؤتمر
meeting-congress-none = لا يرتبط بمؤتمر
error-body-not-in-formation = لا يعلن عن تأسيس إلا هيئة في طور التأسيس؛ هذه الهيئة قائمة.
error-committee-unknown = هذه اللجنة غير معروفة في نظام الحزب.
# Imports: rolls as parties keep them
error-commune-ambiguous = تحمل عدة جماعات هذا الاسم؛ أضيفوا عمود الإقليم أو اكتبوا رمز الجماعة.
error-province-unknown = الإقليم أو العمالة غير معروف.
error-commune-not-in-province = لا توجد هذه الجماعة في الإقليم المذكور في السطر.
error-number-cin-mismatch = رقم العضوية لعضو آخر غير صاحب رقم البطاقة الوطنية هذا؛ يصحح رقم البطاقة من صفحة العضو.
import-lead-preview = المعاينة:
import-lead-done = تم الاستيراد:
import-count-imported = { PLURAL($count) ->
    [zero] لا عضو جديد
    [one] عضو جديد واحد
    [two] عضوان جديدان
    [few] { $count } أعضاء جدد
    [many] { $count } عضوا جديدا
   *[other] { $count } عضو جديد
}
import-count-updated = { PLURAL($count) ->
    [zero] لا تحيين
    [one] عضو واحد حُيّنت معطياته
    [two] عضوان حُيّنت معطياتهما
    [few] { $count } أعضاء حُيّنت معطياتهم
    [many] { $count } عضوا حُيّنت معطياتهم
   *[other] { $count } عضو حُيّنت معطياتهم
}
import-count-unchanged = { PLURAL($count) ->
    [zero] لا سطر دون تغيير
    [one] سطر واحد دون تغيير
    [two] سطران دون تغيير
    [few] { $count } أسطر دون تغيير
    [many] { $count } سطرا دون تغيير
   *[other] { $count } سطر دون تغيير
}
import-count-rejected = { PLURAL($count) ->
    [zero] لا سطر مرفوض
    [one] سطر واحد مرفوض
    [two] سطران مرفوضان
    [few] { $count } أسطر مرفوضة
    [many] { $count } سطرا مرفوضا
   *[other] { $count } سطر مرفوض
}
import-count-review = { PLURAL($count) ->
    [zero] لا سطر للمراجعة
    [one] سطر واحد للمراجعة (تكرار محتمل)
    [two] سطران للمراجعة (تكرار محتمل)
    [few] { $count } أسطر للمراجعة (تكرار محتمل)
    [many] { $count } سطرا للمراجعة (تكرار محتمل)
   *[other] { $count } سطر للمراجعة (تكرار محتمل)
}
import-count-referred = { PLURAL($count) ->
    [zero] لا سطر محال على مستوى أعلى
    [one] سطر واحد محال على مستوى أعلى
    [two] سطران محالان على مستوى أعلى
    [few] { $count } أسطر محالة على مستوى أعلى
    [many] { $count } سطرا محالا على مستوى أعلى
   *[other] { $count } سطر محال على مستوى أعلى
}
import-mapping-title = أعمدة الملف
import-mapping-explain = اختاروا لكل عمود من أعمدة الملف ما يحمله، ثم أعيدوا المعاينة. يُحفظ اختياركم لملفاتكم القادمة.
import-mapping-column = العمود في الملف
import-mapping-field = يُقرأ على أنه
import-mapping-unknown = عنوان غير معروف
import-mapping-apply = إعادة المعاينة بهذه الأعمدة
import-field-ignored = — يُترك جانبا —
import-field-number = رقم العضوية
import-field-first_name_ar = الاسم الشخصي
import-field-last_name_ar = الاسم العائلي
import-field-first_name_lat = الاسم الشخصي بالحروف اللاتينية
import-field-last_name_lat = الاسم العائلي بالحروف اللاتينية
import-field-sex = الجنس
import-field-birth_date = تاريخ الازدياد
import-field-cin = رقم البطاقة الوطنية
import-field-phone = الهاتف
import-field-email = البريد الإلكتروني
import-field-commune_code = الجماعة أو المقاطعة
import-field-province = الإقليم أو العمالة
import-field-address = العنوان
import-field-profession = المهنة
import-field-joined_on = تاريخ الانخراط
import-field-status = الوضعية (لا تستورد)
import-field-paid_year = آخر سنة مؤداة (لا تستورد)
import-sample = نموذج ملف بالعناوين المقبولة:
import-sample-xlsx = Excel (xlsx)
import-sample-csv = CSV
import-accepted-title = العناوين المقبولة
import-accepted-field = الحقل
import-accepted-header = العنوان في النموذج
import-accepted-synonyms = عناوين أخرى مقبولة
import-accepted-notes = لا تهم الهمزة ولا التاء المربوطة ولا الشكل ولا حالة الأحرف ولا النبر في العناوين. الجماعة: رمزها (مثل 05.091.01.07) أو اسمها بالعربية أو بالفرنسية؛ إن حملت عدة جماعات الاسم نفسه فأضيفوا عمود الإقليم. التواريخ: 1990-03-12 أو 12/03/1990. الجنس: ذكر أو أنثى، أو M أو F. عمود رقم العضوية (كما في التصدير) يعين العضو الذي يُحيَّن.
import-no-cin-mapped = لم يُعيَّن أي عمود لرقم البطاقة الوطنية: اختاروه في أعمدة الملف أدناه، وإلا رُفضت كل الأسطر.
error-mapping-invalid = اختيار الأعمدة غير صالح؛ أعيدوا تحميل الصفحة.
# Contacts and sympathisers
contacts-title = المتعاطفون وجهات الاتصال
contacts-intro = أشخاص ليسوا أعضاء، مسجلون بموافقتهم، يدعون إلى الاجتماعات والأنشطة. لا يحتسبون أبدا ضمن الأعضاء.
contacts-search = البحث بالاسم أو الهاتف
contacts-export = تصدير القائمة (CSV)
contacts-new = تسجيل متعاطف
contacts-add = تسجيل
contacts-empty = لا يوجد أي متعاطف مسجل في نطاقكم بعد.
contacts-none-found = لا يوجد متعاطف يطابق هذا البحث في نطاقكم.
count-contacts = { PLURAL($count) ->
    [zero] لا يوجد أي متعاطف
    [one] متعاطف واحد
    [two] متعاطفان
    [few] { $count } متعاطفين
    [many] { $count } متعاطفا
   *[other] { $count } متعاطف
}
contact-title = متعاطف
contact-erased-title = متعاطف ممحو
contact-organization = متعاطف مع
contact-consent = الموافقة
contact-consent-on = تاريخ الموافقة
contact-consent-source = طريقة الموافقة
contact-consent-wording = نص الموافقة
contact-source-meeting = خلال اجتماع
contact-source-activity = خلال نشاط
contact-source-form = استمارة
contact-source-referral = بواسطة عضو
contact-source-import = قائمة مستوردة
contact-status-active = متعاطف
contact-status-converted = تحول إلى طلب انخراط
contact-status-erased = ممحو
contact-created = تاريخ التسجيل
contact-application = طلب الانخراط
contact-convert = تحويله إلى طلب انخراط
contact-convert-explain = يودع طلب انخراط في انتظار قرار اللجنة انطلاقا من معطيات المتعاطف؛ أكملوا ما ينقص منها.
contact-erase = محو المعطيات الشخصية
contact-erase-confirm = أؤكد محو اسم هذا الشخص وهاتفه وكل معطياته الشخصية نهائيا.
audit-contact-created = تسجيل متعاطف
audit-contact-viewed = الاطلاع على متعاطف
audit-contact-converted = تحويل متعاطف إلى طلب انخراط
audit-contact-erased = محو متعاطف
audit-contacts-exported = تصدير قائمة المتعاطفين
error-contact-consent-required = لا يسجل أي شخص دون موافقته: تاريخها وطريقتها ونصها مطلوبة.
error-contact-consent-source-invalid = طريقة موافقة غير معروفة.
error-contact-converted = تحول هذا المتعاطف إلى طلب انخراط من قبل.
error-contact-erased = محيت معطيات هذا المتعاطف.
error-contact-not-active = لم يعد هذا المتعاطف قابلا للتحويل.
nav-contacts = المتعاطفون
error-congress-unknown = المؤتمر المرتبط يجب أن يكون مؤتمرا لهذه الهيئة أو لهيئة أعلى منها.
error-position-twice = لكل منصب (ورتبة) شخص واحد في المكتب المنتخب.
error-office-empty = المكتب المنتخب يحتاج إلى منصب واحد على الأقل.
# Territory picker
picker-placeholder = الاسم بالعربية أو الفرنسية، أو الرمز
picker-hint = اكتبوا اسم الوحدة الترابية بالعربية أو الفرنسية واختاروا من الاقتراحات، أو اكتبوا رمزها.
picker-place = { $name } — { $parent } ({ $kind }، { $code })
picker-place-top = { $name } ({ $kind }، { $code })
picker-or = أو
picker-none = لا توجد وحدة ترابية بهذا الاسم.
picker-found = { PLURAL($count) ->
    [zero] لا اقتراح
    [one] اقتراح واحد
    [two] اقتراحان
    [few] { $count } اقتراحات
    [many] { $count } اقتراحا
   *[other] { $count } اقتراح
}
body-kinds-refresh = عرض أنواع الهيئات التي تناسب التنظيم والوحدة الترابية المختارين
error-territory-name-unknown = { $field }: لا توجد وحدة ترابية بهذا الاسم أو الرمز. اكتبوا الاسم كما في التقسيم الإداري، بالعربية أو الفرنسية، أو الرمز (مثال: 03.531).
error-territory-name-ambiguous = { $field }: هذا الاسم تحمله عدة وحدات ترابية: { $candidates }. اختاروا إحداها أو اكتبوا رمزها.
error-body-exists = نوع الهيئة: لهذا التنظيم هيئة قائمة من هذا النوع في هذه الوحدة الترابية، فلا تُنشأ ثانية.
field-body-name-fr = الاسم بالفرنسية (اختياري)
field-body-name-fr-hint = يستعمل في البلاغات بالفرنسية؛ افتراضيا: نوع الهيئة والوحدة الترابية.
news-dates = الاجتماع: { $meeting } · النشر: { $published }
## Requests raised at meetings
meeting-requests = المطالب المرفوعة
meeting-requests-empty = لم ترفع أي مطالب في هذا الاجتماع.
meeting-request-answers = الأجوبة على المطالب السابقة
meeting-add-request = تسجيل مطلب
request-by = بطلب من
request-to = موجه إلى
request-due = في أجل أقصاه
request-answered = أجيب عنه بتاريخ
request-overdue = تجاوز الأجل
request-open = في انتظار الجواب
request-title = مطلب
request-raised-at = رفع في اجتماع
request-answer = الجواب
request-give-answer = تسجيل الجواب
request-correct = تصحيح المطلب
request-remove = حذف المطلب
request-remove-confirm = أؤكد حذف هذا المطلب
requests-of-body = المطالب الموجهة إلى الهيئة
requests-empty = لا توجد مطالب موجهة إلى هذه الهيئة.
count-requests = { PLURAL($count) ->
    [zero] لا يوجد أي مطلب
    [one] مطلب واحد
    [two] مطلبان
    [few] { $count } مطالب
    [many] { $count } مطلبا
   *[other] { $count } مطلب
}
home-requests-awaiting = مطالب في انتظار الجواب
field-request-text = المطلب
field-requested-by = صاحب المطلب (شخص أو جهة، اختياري)
field-addressed-body = الهيئة الموجه إليها
field-addressed-to = المسؤول الموجه إليه (اختياري)
field-due-on = الأجل (اختياري)
field-answer = الجواب
field-answered-on = تاريخ الجواب
audit-request-answered = الجواب على مطلب
error-request-text-required = المطلب: نص المطلب مطلوب.
error-request-text-too-long = المطلب: النص طويل جدا (1000 حرف على الأكثر).
error-requested-by-too-long = صاحب المطلب: النص طويل جدا (200 حرف على الأكثر).
error-addressed-to-too-long = المسؤول الموجه إليه: النص طويل جدا (200 حرف على الأكثر).
error-due-before-meeting = الأجل: لا يمكن أن يسبق تاريخ الاجتماع.
error-due-on-invalid = الأجل: تاريخ غير صحيح.
error-request-body-required = الهيئة الموجه إليها: اختاروا الهيئة التي يوجه إليها المطلب.
error-request-body-unknown = الهيئة الموجه إليها: ليست هيئة قائمة من هيئات التنظيم يمكن توجيه المطلب إليها.
error-request-answered = الجواب: سبق الجواب على هذا المطلب، فلا يجاب عنه مرة ثانية ولا يصحح ولا يحذف.
error-answer-required = الجواب: نص الجواب مطلوب.
error-answer-too-long = الجواب: النص طويل جدا (4000 حرف على الأكثر).
error-answer-before-meeting = تاريخ الجواب: لا يمكن أن يسبق تاريخ الاجتماع الذي رفع فيه المطلب.
error-answered-on-invalid = تاريخ الجواب: تاريخ غير صحيح أو غير مذكور.

## Periodic reports sent up the hierarchy
reports-title = التقارير
reports-of-body = التقارير
report-title = تقرير
home-reports-due = تقارير حان أجلها
reports-late-children = هيئات تأخرت في رفع تقاريرها
reports-received = التقارير الواردة من الهيئات التابعة
reports-filed = التقارير المرفوعة إلى الهيئة الأعلى
reports-none = لا توجد تقارير.
report-new = إعداد تقرير جديد
report-kind-quarterly = تقرير فصلي
report-kind-yearly = تقرير سنوي
report-kind-meeting = تقرير لاجتماع (فترة تنتهي يوم الاجتماع)
report-period-quarter = الفصل { $quarter } من سنة { $year }
report-period-year = سنة { $year }
report-period-days = من { $from } إلى { $to }
report-status-draft = مسودة
report-status-submitted = مرفوع
report-status-acknowledged = تم التوصل به
report-status-returned = مرجع للتعديل
report-body = الهيئة
report-sent-to = مرفوع إلى
report-period = الفترة
report-due = آخر أجل
report-late = متأخر
report-submitted = رفع بتاريخ
report-submitted-on = رفع بتاريخ { $date }
report-heard = عرض في
report-heard-item = النقطة { $seat } من جدول الأعمال
meeting-heard-report = تقرير { $body } ({ $period })
report-download-pdf = تحميل التقرير (PDF)
report-figures-as-of-day = الأرقام في
report-figures-as-of = الأرقام في { $date }:
report-narrative = نص التقرير
report-save = حفظ
report-submit = رفع التقرير
report-submit-confirm = أؤكد رفع هذا التقرير إلى الهيئة الأعلى، وتثبت أرقامه كما هي اليوم
report-review = التوصل بالتقرير أو إرجاعه
report-acknowledge = تأكيد التوصل
report-acknowledge-confirm = أؤكد التوصل بهذا التقرير
report-return = إرجاع التقرير للتعديل
report-return-comment = ملاحظات الهيئة الأعلى
report-hear = عرض التقرير في اجتماع
report-fig-members = الأعضاء ({ $status })
report-fig-change = { $end } في نهاية الفترة، مقابل { $start } في بدايتها
report-fig-new-members = المنخرطون الجدد خلال الفترة
report-fig-women = النساء من الأعضاء النشيطين
report-fig-under-35 = الأعضاء النشيطون دون 35 سنة
report-fig-renewal = نسبة تجديد الانخراط مقارنة بالسنة الماضية
report-fig-renewal-value = { $rate } ({ $renewed } من أصل { $last } أدوا واجب السنة الماضية)
report-fig-meetings = الاجتماعات المنعقدة
report-fig-of-expected = { $held } من أصل { $expected } ينص عليها النظام
report-fig-activities-planned = الأنشطة المبرمجة
report-fig-activities-held = الأنشطة المنجزة
report-fig-activities-postponed = الأنشطة المؤجلة
report-fig-activities-cancelled = الأنشطة الملغاة
report-fig-communiques = البلاغات المنشورة
report-fig-bodies-constituted = الهيئات التابعة المشكلة
report-fig-bodies-forming = الهيئات التابعة في طور التأسيس
field-report-kind = نوع التقرير
field-quarter = الفصل
field-period-start = بداية الفترة
field-period-end = نهاية الفترة
field-achievements = المنجزات
field-difficulties = الصعوبات
field-report-requests = المطالب
field-agenda-item = نقطة جدول الأعمال
audit-report-drafted = إعداد تقرير
audit-report-edited = تعديل نص تقرير
audit-report-submitted = رفع تقرير
audit-report-acknowledged = التوصل بتقرير
audit-report-returned = إرجاع تقرير
error-report-kind-invalid = نوع التقرير: اختاروا تقريرا فصليا أو سنويا أو تقريرا لاجتماع.
error-report-year-required = السنة: سنة التقرير مطلوبة.
error-report-year-invalid = السنة: سنة غير صحيحة.
error-report-quarter-required = الفصل: اختاروا الفصل (من 1 إلى 4).
error-report-quarter-invalid = الفصل: الفصل رقم من 1 إلى 4.
error-report-start-required = بداية الفترة: التاريخ مطلوب.
error-report-end-required = نهاية الفترة: التاريخ مطلوب.
error-report-start-invalid = بداية الفترة: تاريخ غير صحيح.
error-report-end-invalid = نهاية الفترة: تاريخ غير صحيح.
error-report-end-before-start = نهاية الفترة: لا يمكن أن تسبق بدايتها.
error-report-period-overlaps = بداية الفترة: هذه الفترة تتداخل مع تقرير من النوع نفسه سبق أن أعدته الهيئة.
error-report-no-parent = الهيئة الأعلى: لا توجد هيئة أعلى ترفع إليها هذه الهيئة تقاريرها.
error-report-section-too-long = النص طويل جدا (20000 حرف على الأكثر).
error-report-comment-required = ملاحظات الهيئة الأعلى: بينوا سبب إرجاع التقرير.
error-report-comment-too-long = ملاحظات الهيئة الأعلى: النص طويل جدا (4000 حرف على الأكثر).
error-report-submitted = التقرير: سبق رفعه، فلا يرفع مرة ثانية ولا يعدل ما لم ترجعه الهيئة الأعلى.
error-report-not-submitted = التقرير: لم يرفع بعد، أو سبق التوصل به أو إرجاعه.
error-report-unknown = التقرير: ليس تقريرا يمكن عرضه في اجتماع هذه الهيئة.
error-agenda-item-unknown = نقطة جدول الأعمال: ليست نقطة من جدول أعمال هذا الاجتماع.

## The meeting page that leads (issue 14, item 4)
meeting-step-preparation = التحضير
meeting-step-agenda-count = { PLURAL($count) ->
    [zero] بلا جدول أعمال
    [one] نقطة واحدة في جدول الأعمال
    [two] نقطتان في جدول الأعمال
    [few] { $count } نقط في جدول الأعمال
    [many] { $count } نقطة في جدول الأعمال
   *[other] { $count } نقطة في جدول الأعمال
}
meeting-step-not-taken = لم يسجل بعد
meeting-step-present = { PLURAL($count) ->
    [zero] لا أحد حاضر
    [one] حاضر واحد
    [two] حاضران
    [few] { $count } حاضرين
    [many] { $count } حاضرا
   *[other] { $count } حاضر
}
meeting-step-interventions-count = { PLURAL($count) ->
    [zero] لا مداخلة
    [one] مداخلة واحدة
    [two] مداخلتان
    [few] { $count } مداخلات
    [many] { $count } مداخلة
   *[other] { $count } مداخلة
}
meeting-step-decisions-count = { PLURAL($count) ->
    [zero] لا قرار
    [one] قرار واحد
    [two] قراران
    [few] { $count } قرارات
    [many] { $count } قرارا
   *[other] { $count } قرار
}
meeting-step-communiques-count = { PLURAL($count) ->
    [zero] لا بلاغ
    [one] بلاغ واحد
    [two] بلاغان
    [few] { $count } بلاغات
    [many] { $count } بلاغا
   *[other] { $count } بلاغ
}
meeting-warning-holder-after = تنبيه: { $name } ({ $title }) مسجل في هذا المنصب ابتداء من { $since } فقط، أي بعد تاريخ الاجتماع ({ $held }). إن كان تاريخ بداية المهمة خاطئا فصححوه في مكتب الهيئة.
intervention-edit = تصحيح المداخلة
intervention-remove = حذف المداخلة
intervention-remove-confirm = أؤكد حذف هذه المداخلة
decision-edit = تصحيح القرار
decision-edit-hint = يبقى نوع القرار ومعطياته كما سجلت؛ يصحح هنا التصويت ووقته. لتغيير غير ذلك احذفوا القرار وسجلوه من جديد.
decision-remove = حذف القرار
decision-remove-confirm = أؤكد حذف هذا القرار
field-resolution-text = نص القرار
body-office = المكتب
body-office-empty = لم يسجل أي عضو في مكتب هذه الهيئة.
error-started-on-required = تاريخ بداية المهمة: التاريخ مطلوب (لا يفترض أنه اليوم).
