app-name = Tanzim
footer-data = Territorial data: Haut-Commissariat au Plan, 2024 census (CC BY 4.0)

## Navigation
nav-home = Home
nav-territories = Territories
nav-bodies = Bodies
nav-users = Users
nav-audit = Audit log
nav-account = My account
nav-logout = Sign out
nav-language = Language
nav-main = Main menu
nav-breadcrumbs = Breadcrumbs
nav-pages = Pages
pager-prev = Previous
pager-next = Next
pager-position = Page { $page } of { $pages }

## Actions
action-back-home = Back to home
action-cancel = Cancel
action-confirm = I confirm
action-create = Create
action-filter = Filter
action-save = Save
action-search = Search

## Page titles
error-title = The request could not be completed
login-title = Sign in
home-title = Home
territories-title = Territories
territory-title = Territory
bodies-title = Bodies
bodies-new-title = Create a body
body-title = Body
users-title = Users
users-new-title = Add a user
user-title = User
account-title = My account
audit-title = Audit log

## Login and home
login-submit = Sign in
home-welcome = Welcome, { $name }
home-your-roles = Your roles and scope
home-territories-hint = Regions, provinces and communes

## Fields
field-username = Username
field-password = Password
field-password-hint = At least twelve characters; a sentence you can remember is best.
field-display-name = Full name
field-role = Role
field-scope = Territorial scope
field-scope-hint = Code of the region, province or commune; empty for national.
field-organization = Organization
field-organization-all = All organizations
field-territory = Territory
field-parent = Parent body
field-parent-none = None
field-body-kind = Kind of body
field-body-name = Name of the body
field-body-name-hint = Leave empty for a name from the kind and the territory.
field-token-name = Key name

## Territories
territories-country = Morocco
territories-search-placeholder = Search a region, province or commune
territories-none-found = No territory by that name.
territories-found = { PLURAL($count) ->
    [one] { $count } result
   *[other] { $count } results
}
territory-level = Kind
territory-code = Code
territory-population = Population (2024)
territory-adults = Population aged 18 and over
territory-bodies = Bodies established here
territory-no-bodies = No body of your scope in this territory yet.
territory-children = { PLURAL($count) ->
    [one] { $count } subdivision
   *[other] { $count } subdivisions
}
kind-region = Region
kind-province = Province
kind-prefecture = Prefecture
kind-prefecture_of_arrondissements = Prefecture of arrondissements
kind-urban_commune = Urban commune
kind-rural_commune = Rural commune
kind-arrondissement = Arrondissement

## Bodies
bodies-empty = No bodies in your scope yet.
bodies-create-here = Create a body in this territory
bodies-show-dissolved = Show dissolved bodies
bodies-hide-dissolved = Hide dissolved bodies
count-bodies = { PLURAL($count) ->
    [one] { $count } body
   *[other] { $count } bodies
}
body-created = Created
body-children = Bodies under this one
body-rename = Rename
body-dissolve = Dissolve the body
body-dissolve-confirm = The body will be dissolved and kept in the record with the date. Do you confirm?
body-status-dissolved = Dissolved
body-level-national = national
body-level-region = regional
body-level-province = provincial
body-level-commune = local

## Users, roles and tokens
users-empty = No users in your scope.
user-created = Created
user-status = Status
user-active = Active
user-disabled = Disabled
user-roles = Roles
user-no-roles = No role assigned.
user-grant = Grant a role
user-revoke = Revoke
user-revoke-confirm = Revoke this role?
user-disable = Disable the account
user-disable-explain = Disabling prevents any new sign-in and ends open sessions.
user-enable = Enable the account again
role-administrator = Administrator
role-officer = Officer
role-committee_member = Committee member
role-communication_officer = Communication officer
role-analyst = Analyst
tokens-title = API keys
tokens-explain = A key lets a program act on your behalf, with your rights. It can be revoked at any time.
tokens-create = Create a key
tokens-shown-once = Copy this key now; it will not be shown again:
tokens-empty = No keys.
tokens-revoke = Revoke
tokens-revoked = Revoked
token-never-used = never used

## Audit log
audit-when = When
audit-actor = User
audit-action = Action
audit-target = Target
audit-address = Address
audit-from = From
audit-to = To
audit-empty = No matching entries.
audit-any-action = Any action
audit-login-succeeded = Signed in
audit-login-failed = Failed sign-in
audit-login-throttled = Sign-in refused (too many attempts)
audit-logout = Signed out
audit-user-created = User created
audit-user-disabled = User disabled
audit-user-enabled = User enabled
audit-user-viewed = User record viewed
audit-role-granted = Role granted
audit-role-revoked = Role revoked
audit-token-created = Key created
audit-token-revoked = Key revoked
audit-body-created = Body created
audit-body-renamed = Body renamed
audit-body-dissolved = Body dissolved
audit-member-created = Member registered
audit-member-viewed = Member record viewed
audit-member-status-changed = Member status changed
audit-member-transferred = Member transferred
audit-member-updated = Member record updated
audit-consent-recorded = Consent recorded or withdrawn
audit-application-submitted = Application submitted
audit-application-accepted = Application accepted
audit-application-rejected = Application rejected
audit-campaign-created = Renewal campaign launched
audit-campaign-closed = Renewal campaign closed
audit-campaign-reopened = Renewal campaign reopened
audit-payment-recorded = Dues payment recorded
audit-members-exported = Member list exported

## Months
month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December

## Errors
error-unauthenticated = Please sign in.
error-forbidden = Your rights do not allow this action.
error-not-found = The page or record does not exist.
error-csrf = The form has expired. Reload the page and try again.
error-throttled = Too many attempts. Wait a quarter of an hour and try again.
error-internal = Something unexpected went wrong. It has been logged for the technical team.
error-login-failed = Wrong username or password.
error-malformed-input = The data sent could not be read.
error-body-too-large = The data sent is too large.
error-confirmation-required = This action must be confirmed.
error-body-has-children = A body with active bodies under it cannot be dissolved; dissolve those first.
error-cannot-disable-self = You cannot disable your own account.
error-username-taken = This username is taken.
error-territory-code-invalid = Invalid territory code (for example 05.091).
error-territory-unknown = No territory has this code.
error-role-unknown = Unknown role.
error-username-invalid = Username: 3 to 64 lower-case Latin letters, digits or . _ -, starting with a letter.
error-display-name-invalid = The full name is required (at most 120 characters).
error-password-too-short = Password too short: at least twelve characters.
error-password-too-long = Password too long.
error-password-is-username = The password cannot be the username.
error-token-name-invalid = The key name is required (at most 80 characters).
error-organization-unknown = Unknown organization.
error-body-kind-unknown = Unknown kind of body.
error-body-kind-not-for-organization = This kind of body does not belong to this organization.
error-body-level-mismatch = The level of the body does not match the level of the territory.
error-parent-other-organization = The parent body must belong to the same organization.
error-parent-not-above = The parent body's jurisdiction must contain the new body's.
error-parent-unknown = The parent body does not exist in your scope.
error-body-name-invalid = The name of the body is required (at most 200 characters).
error-last-administrator = The last national administrator role cannot be revoked, nor its holder disabled.
error-body-dissolved = This body is dissolved; it can no longer be changed.

## Members
nav-members = Members
nav-applications = Applications
nav-campaigns = Renewals
members-title = Members
member-title = Member
action-back = Back
currency = MAD
members-search = Name, CIN or membership number
members-any-status = Any status
members-as-of = In good standing on
members-as-of-explain = Members in good standing on { $date }, in the branch they belonged to that day.
members-empty = No matching members.
members-export = Export (CSV)
members-export-xlsx = Export (Excel)
members-capped = More than { $count } members match: narrow the search.
count-members = { PLURAL($count) ->
    [one] { $count } member
   *[other] { $count } members
}
status-active = Active
status-lapsed = Lapsed
status-suspended = Suspended
status-expelled = Expelled
status-resigned = Resigned
status-deceased = Deceased
event-join = Joined
event-renew = Renewed
event-lapse = Lapsed
event-transfer = Transferred
event-suspend = Suspended
event-reinstate = Reinstated
event-expel = Expelled
event-resign = Resigned
event-decease = Deceased
event-readmit = Readmitted
sex-F = Woman
sex-M = Man
education-none = None
education-primary = Primary
education-lower_secondary = Lower secondary
education-upper_secondary = Upper secondary
education-higher = Higher
education-other = Other
method-cash = Cash
method-transfer = Bank transfer
method-card = Card
method-other = Other
member-branch = Branch
member-joined = Joined
member-paid-year = Last year paid
member-suspended-until = Suspended until
member-renew = Renew membership
member-renew-submit = Record and print the receipt
member-no-open-campaign = No renewal campaign is open for this branch.
member-payments = Payments
member-no-payments = No payments recorded.
member-history = History
member-consents = Consents
member-change-status = Change status
member-transfer = Transfer to another commune
member-record-consent = Record or withdraw a consent
member-edit-contact = Update contact details
history-from = From
history-to = To
history-event = Event
consent-contact = Consent to be contacted
consent-public_lists = Consent to appear in public lists
consent-given = given
consent-withdrawn = withdrawn
source-paper = Paper form
source-form = Online form
source-phone = Phone
source-email = E-mail
field-first-name-ar = First name (Arabic)
field-last-name-ar = Family name (Arabic)
field-first-name-lat = First name (Latin letters)
field-last-name-lat = Family name (Latin letters)
field-sex = Sex
field-birth-date = Date of birth
field-cin = National ID (CIN)
field-phone = Phone
field-email = E-mail
field-province = Province or prefecture
field-commune = Commune or arrondissement
field-address = Address
field-profession = Profession or sector
field-education = Education
field-affiliations = Affiliated organizations
field-notes = Notes
field-status = Status
field-date = Date
field-reason = Reason
field-decision = Decision reference
field-year = Year
field-category = Category
field-method = Payment method
field-receipt = Receipt number
field-consent = Consent
field-consent-state = State
field-consent-source = Source

## Applications
apply-title = Apply for membership
apply-intro = Fill in this form to apply; the membership committee of your province decides.
apply-names = Name (in Arabic, in Latin letters, or both)
apply-show-communes = Show the province's communes
apply-join-women = I wish to join the women's organization
apply-join-youth = I wish to join the youth organization
apply-consent-title = Personal data
apply-consent-statement = Your data serve membership management only, under law 09-08, and are seen only by the officers of your branch. You may consult and correct them and withdraw your consents.
apply-consent-required = I agree to the processing of my data to examine my application and manage my membership
apply-consent-contact = I agree to be contacted by the party
apply-consent-public = I agree to my name appearing in the party's public lists
apply-submit = Send the application
apply-done-title = Your application has been received
apply-done-explain = Keep this reference to follow your application:
apply-status-title = Follow an application
apply-reference = Application reference
apply-reference-unknown = No application has this reference.
applications-title = Applications
applications-new-title = Enter an application
applications-empty = No applications.
applications-tab-pending = Pending
applications-tab-accepted = Accepted
applications-tab-rejected = Rejected
applications-tab-all = All
count-applications = { PLURAL($count) ->
    [one] { $count } application
   *[other] { $count } applications
}
application-title = Application
application-pending = Awaiting decision
application-accepted = Accepted
application-rejected = Rejected
application-source-public = online form
application-source-officer = entered by an officer
application-submitted = Submitted
application-member = Member registered
application-duplicates = Possible duplicates
application-no-duplicates = No member or other application with the same CIN, or the same name and date of birth.
application-accept = Accept the application
application-reject = Reject the application

## Campaigns and receipts
campaigns-title = Renewal campaigns
campaigns-new-title = Launch a campaign
campaigns-empty = No campaigns.
campaign-title = Renewal campaign
campaign-open = Open
campaign-closed = Closed
campaign-body = Body launching the campaign
campaign-opens = Opens
campaign-closes = Closes
campaign-dates = Period
campaign-categories = Dues categories
campaign-categories-hint = One category a line: key|label|amount in MAD, e.g. standard|Standard|100
campaign-launch = Launch the campaign
campaign-payments = Payments
campaign-lapsed = Members lapsed at closing
campaign-close = Close the campaign
campaign-close-confirm-yearly = On closing, every member who has not renewed lapses. Do you confirm?
campaign-close-confirm = The campaign will be closed. Do you confirm?
campaign-reopen = Reopen the campaign
campaign-extend = Extend the campaign
campaign-bulk = Record renewals in bulk
campaign-bulk-hint = One line a renewal: membership number, then receipt number.
campaign-bulk-submit = Record
count-payments = { PLURAL($count) ->
    [one] { $count } payment
   *[other] { $count } payments
}
bulk-line-done = Line { $line }: renewal of { $number } recorded.
bulk-line-failed = Line { $line }: renewal of { $number } not recorded: { $why }
bulk-line-unknown = Line { $line }: no member { $number } in your scope.
bulk-line-malformed = Line { $line }: a membership number and a receipt number are needed.
receipt-title = Dues receipt
receipt-body = Body
receipt-member = Member
receipt-number = Membership number
receipt-amount = Amount
receipt-paid-on = Paid on
receipt-recorded = Recorded
card-title = Membership card
card-print-hint = Print this page from the browser.
verify-title = Membership card check
verify-valid = Membership number { $number } is valid for { $year }.
verify-invalid = Membership number { $number } is not valid for { $year }.
verify-unknown = This card is not known.

## Member errors
error-cin-invalid = Invalid CIN: one or two letters, then digits.
error-cin-taken = This CIN already belongs to a member.
error-phone-invalid = Invalid Moroccan phone number.
error-email-invalid = Invalid e-mail address.
error-sex-invalid = Choose the sex.
error-date-invalid = Invalid date.
error-birth-date-future = The date of birth is in the future.
error-too-young = Younger than the statutes' minimum age.
error-name-required = First and family names are required, in Arabic or in Latin letters.
error-commune-unknown = Choose an existing commune or arrondissement.
error-education-invalid = Unknown education level.
error-affiliation-unknown = Unknown affiliated organization.
error-text-too-long = Text too long.
error-transition-not-allowed = This change is not possible from the member's current status.
error-reason-required = A reason is required.
error-decision-required = This change needs the reference of its decision.
error-event-invalid = Unknown change.
error-status-invalid = Unknown status.
error-until-required = Give the date the suspension ends.
error-until-before-date = The suspension must end after it starts.
error-transfer-same-commune = The member already belongs to this commune.
error-member-changed = The member changed meanwhile; reload the page.
error-consent-required = Consent to the processing of data is needed to examine the application.
error-consent-kind-unknown = Unknown kind of consent.
error-consent-source-invalid = Unknown source.
error-application-pending = An application with this CIN is already being examined.
error-application-decided = This application has already been decided.
error-amount-invalid = Invalid amount.
error-method-invalid = Unknown payment method.
error-receipt-invalid = Invalid receipt number.
error-receipt-taken = This receipt number is already used in this body.
error-already-renewed = This member has already renewed for this year.
error-campaign-unknown = Unknown campaign.
error-campaign-closed = This campaign is closed.
error-campaign-exists = The body already has a campaign for this year.
error-campaign-not-for-member = This campaign does not cover the member's branch.
error-year-invalid = Invalid year.
error-closes-before-opens = The closing date must follow the opening date.
error-category-invalid = Invalid category: key|label|amount.
error-category-duplicate = Duplicate category key.
error-category-required = Add at least one category.
error-body-required = Choose the body.
audit-application-viewed = Application viewed
application-duplicates-elsewhere = { PLURAL($count) ->
    [one] { $count } member with the same details exists outside your scope.
   *[other] { $count } members with the same details exist outside your scope.
}
error-date-in-future = The date cannot be in the future.
error-date-before-current-period = The date is before the member's last change.
nav-stats = Statistics
stats-title = Membership statistics
stats-up = Level up
stats-active = Active members
stats-women = Share of women
stats-under-35 = Share under 35
stats-density = Per 1,000 adult inhabitants
stats-renewals = This year's renewals and rate
stats-total = Total registered
stats-ages = Age bands (active)
stats-children = Breakdown by subdivision
audit-members-imported = Member list imported
import-title = Import a member list
import-explain = An Excel workbook (xlsx) or a CSV file (UTF-8 or Windows-1256, , or ; separated) with Arabic or French headers. The preview shows what will happen before anything is written.
import-file = File
import-existing = Members already registered (same CIN)
import-existing-report = Leave them and report them
import-existing-update = Update their contact details
import-preview = Preview
import-first-rows = First rows
import-confirm = Confirm the import
import-rejected = Rejected lines
import-rejected-file = Download the rejected lines to fix them
import-line = Line { $line }
import-unknown-column = Unknown column: { $column }
import-no-cin = The file has no CIN column.
import-unreadable = The file cannot be read.
error-import-done = This file has already been imported.
error-commune-out-of-scope = Commune outside your scope.
error-cin-repeated-in-file = CIN repeated in the file.
error-import-expired = This upload has expired; upload the file again.
receipt-member-link = The member's link to see and print this receipt:
import-summary-preview = Preview: { $imported } to import, { $updated } to update, { $rejected } rejected, { $review } to review.
import-summary-done = Done: { $imported } imported, { $updated } updated, { $rejected } rejected, { $review } to review.

## Probable duplicates of imports
audit-review-decided = Probable duplicate decided
error-review-decided = This case has already been decided.
reviews-title = Probable duplicates
reviews-explain = Rows of imported files that resemble a registered member (same name and date of birth, another CIN). Nothing is merged without your decision.
reviews-empty = No probable duplicates are waiting.
reviews-link = Probable duplicates ({ $count })
reviews-file-row = Row of the file (line { $line })
reviews-existing = Registered member
reviews-same = Same person: add nothing
reviews-distinct = A different person: add as a member
reviews-confirm-distinct = This row will be added as a new member with a new number. Confirm?
