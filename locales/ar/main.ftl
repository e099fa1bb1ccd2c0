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

## Fields
field-username = اسم المستخدم
field-password = كلمة المرور
field-password-hint = اثنا عشر حرفا على الأقل؛ يفضل جملة يسهل تذكرها.
field-display-name = الاسم الكامل
field-role = الدور
field-scope = النطاق الترابي
field-scope-hint = رمز الجهة أو الإقليم أو الجماعة؛ يترك فارغا للنطاق الوطني.
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
