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
first-run-title = Getting started: the organization's structure
first-run-intro = There is no body yet. The basic structure can be created at once from the territorial division:
first-run-national = the national leadership: { $kind }
first-run-regions = in every region: { $kind }
first-run-provinces = in every province and prefecture: { $kind }
first-run-action = Create the national, regional and provincial bodies
first-run-after = The bodies are then completed with their members and offices. Or:
first-run-one-by-one = create a single body

## Fields
field-username = Username
field-password = Password
field-password-hint = At least twelve characters; a sentence you can remember is best.
field-display-name = Full name
field-role = Role
field-scope = Territorial scope
field-scope-hint = Name or code of the region, province or commune; empty for national.
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
kind-diaspora = Organization abroad
kind-country = Country
kind-city = City
kind-country_rest = Other cities

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
audit-pair = { $label }: { $value }
audit-subject = { $kind } #{ $id }
audit-yes = yes
audit-no = no
audit-kind-member = member
audit-kind-application = application
audit-kind-body = body
audit-kind-campaign = campaign
audit-kind-case = case
audit-kind-meeting = meeting
audit-kind-payment = payment
audit-kind-user = user
audit-kind-token = token
audit-kind-review = probable duplicate
audit-field-rows = Rows
audit-field-reason = Reason
audit-field-member = Member
audit-field-decision = Decision
audit-field-year = Year
audit-field-to = To
audit-field-from = From
audit-field-status = Status
audit-field-request = Request
audit-field-kind = Kind
audit-field-held_on = Held on
audit-field-file = File
audit-field-body = Body
audit-field-updated = Updated
audit-field-territory = Territory
audit-field-source = Source
audit-field-scope = Scope
audit-field-role = Role
audit-field-referred = Referred
audit-field-organization = Organization
audit-field-on = On
audit-field-number = Number
audit-field-name = Name
audit-field-format = Format
audit-field-event = Event
audit-field-campaign = Campaign
audit-field-application = Application
audit-field-category = Category
audit-field-amount = Amount
audit-field-method = Method
audit-field-receipt = Receipt
audit-field-position = Position
audit-field-rank = Rank
audit-field-holder = Holder
audit-field-username = Username
audit-field-until = Until
audit-field-title = Title
audit-field-text = Text
audit-field-summary = Summary
audit-field-imported = Imported
audit-field-rejected = Rejected
audit-field-review = Review
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
error-login-wait-seconds = { PLURAL($count) ->
    [one] Too many attempts. Try again in { $count } second.
   *[other] Too many attempts. Try again in { $count } seconds.
}
error-login-wait-minutes = { PLURAL($count) ->
    [one] Too many attempts. Try again in { $count } minute.
   *[other] Too many attempts. Try again in { $count } minutes.
}
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
receipt-generated-hint = Generated when left blank
field-consent = Consent
field-consent-state = State
field-consent-source = Source

## Applications
apply-title = Apply for membership
apply-intro = Fill in this form to apply; the membership committee of your province decides.
apply-names = Name (in Arabic, in Latin letters, or both)
apply-show-communes = Show the province's communes
apply-country-elsewhere = Another city ({ $country })
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
campaign-closing = Closing
campaign-closing-note = The campaign is being closed: renewals have stopped and members who did not renew lapse batch by batch.
campaign-closing-refresh = Refresh
campaign-body = Body launching the campaign
campaign-opens = Opens
campaign-closes = Closes
campaign-dates = Period
campaign-categories = Dues categories
campaign-categories-hint = One category a line: key|label|amount in MAD, e.g. standard|Standard|100
campaign-categories-rows-hint = One category a row: its name as the receipt shows it, its amount in dirhams and a short key in Latin letters (standard, reduced…). Leave the extra rows blank.
category-label = Name
category-amount = Amount (MAD)
category-key = Key
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
error-text-control-character = The text holds a control character that is not accepted (such as a NUL byte); remove it and try again.
error-cin-taken = This CIN already belongs to a member.
error-phone-invalid = Invalid Moroccan phone number.
error-email-invalid = Invalid e-mail address.
error-sex-invalid = Choose the sex.
error-joined-before-minimum-age = The joining date comes before the minimum age the statutes set.
error-campaign-dates-off-year = A campaign's opening and closing must fall between the year before its year and the year after.
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
error-campaign-closing = This campaign is being closed: it no longer takes renewals.
error-idempotency-key-invalid = Invalid Idempotency-Key: 1 to 200 visible characters.
error-idempotency-key-running = A request with the same key is still running; try again in a moment.
error-idempotency-key-reused = This key was used for another request; use a new key for each request.
error-campaign-exists = The body already has a campaign for this year.
error-campaign-not-for-member = This campaign does not cover the member's branch.
error-year-invalid = Invalid year.
error-closes-before-opens = The closing date must follow the opening date.
error-category-invalid = Invalid category: key|label|amount.
error-category-duplicate = Duplicate category key.
error-category-required = Add at least one category.
error-body-required = Choose the body.
audit-application-viewed = Application viewed
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
stats-chart = Active members by subdivision
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
import-referred-explain = Rows referred to a higher level match records outside your scope; they are decided by someone who covers both places.
import-unreadable-line = The file cannot be read at line { $line } (a cell too long, or a broken structure).
import-too-large-file = The file is larger than allowed.
import-too-large-expanded = The workbook, once decompressed, is larger than allowed.
import-too-large-parts = The workbook has more parts than allowed.
import-too-large-rows = The file has more rows than allowed; split it into several files.
import-too-large-columns = The file has more columns than allowed.
error-import-unreadable = The file cannot be read.
error-cin-referred = This CIN needs a check at a higher level; it has been referred there.
reviews-reason-cin = The same CIN belongs to this member: it cannot be added a second time.
import-unreadable = The file cannot be read.
error-import-done = This file has already been imported.
error-commune-out-of-scope = Commune outside your scope.
error-cin-repeated-in-file = CIN repeated in the file.
error-import-expired = This upload has expired; upload the file again.
receipt-member-link = The member's link to see and print this receipt:
import-summary-preview = Preview: { $imported } to import, { $updated } to update, { $rejected } rejected, { $review } to review, { $referred } referred to a higher level.
import-summary-done = Done: { $imported } imported, { $updated } updated, { $rejected } rejected, { $review } to review, { $referred } referred to a higher level.

## Probable duplicates of imports
audit-review-decided = Probable duplicate decided
audit-review-filed = CIN referred to a higher level
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

## Meetings and communiqués
audit-position-assigned = Position assigned
audit-meeting-created = Meeting scheduled
audit-meeting-recorded = Meeting record updated
audit-minutes-drafted = Minutes drafted
audit-minutes-approved = Minutes approved
audit-communique-drafted = Communiqué drafted
audit-communique-edited = Communiqué edited
audit-communique-published = Communiqué published
audit-communique-unpublished = Communiqué unpublished
error-minutes-approved = The minutes are approved: the record can no longer change.
error-minutes-not-drafted = The minutes must be drafted before they are approved.
error-position-unknown = This position is not in the statutes.
error-rank-invalid = The rank must be between 1 and 9.
error-vote-not-carried = The decision did not carry a majority.
error-meeting-kind-unknown = Unknown meeting kind.
error-presence-invalid = Presence must be present, excused or absent.
error-text-required = This field is required.
meeting-title = Meeting
meeting-chair = Chair
meeting-agenda = Agenda
meeting-agenda-empty = No agenda.
meeting-attendance = Attendance
meeting-quorum-met = Quorum reached
meeting-quorum-not-met = No quorum
presence-present = Present
presence-excused = Excused
presence-absent = Absent
meeting-decisions = Decisions
meeting-decisions-empty = No decisions recorded.
meeting-decision-applied = In effect
meeting-minutes = Minutes
minutes-none = Not drafted
minutes-draft = Draft
minutes-approved = Approved
meeting-draft-minutes = Draft the minutes from the record
meeting-approve-minutes = Approve the minutes
meeting-communiques = Press communiqués
communique-draft = Draft
communique-published = Published
communique-unpublished = Withdrawn
communique-publish = Publish the communiqué
communique-title = Communiqué
communique-back-to-meeting = Back to the meeting
communique-edit = The communiqué's text
field-headline = Headline
field-communique-body = Text
communique-preview = Preview as the public will see it
communique-preview-hint = This is how the card will appear on the public news page.
communique-review = Review and publish
communique-publish-warning = Once published, this communiqué is shown to every visitor of the news page and in the Atom feed, and anyone can share it. Read the preview above before confirming.
communique-publish-confirm = Confirm publication
communique-unpublish = Withdraw from the public page
communique-unpublish-warning = The communiqué disappears from the news page and the feed; its history is kept.
meeting-draft-communique = Draft a communiqué
news-title = News
news-empty = No communiqués published yet.
meetings-of-body = Meetings
positions-title = Positions
positions-empty = No positions recorded yet.
committees-title = Committees
positions-add = Record a position holder
field-position = Position
field-rank = Rank (deputies)
field-holder-name = Full name
field-started-on = Since
meetings-empty = No meetings yet.
meeting-new = Schedule a meeting
field-meeting-kind = Kind of meeting
field-starts-at = Time
field-place = Place
field-slogan = Slogan
meeting-agenda-hint = One item a line, in order
meeting-take-attendance = Take attendance
meeting-one-per-line = One name a line
meeting-guests = Guests
meeting-guest-hint = Title | name, one a line
meeting-interventions = Interventions
field-speaker = Speaker (name, or the group)
field-summary = What was said
meeting-add-intervention = Add an intervention
field-decision-kind = Kind of decision
decision-appoint = Appointment to a position
decision-create-committee = A committee created
decision-resolution = Resolution or recommendation
field-committee = Committee
committee-membership = Membership committee
committee-ethics = Ethics committee
field-committee-members = Committee members
field-vote = Vote (empty: by consensus)
vote-for = For
vote-against = Against
vote-abstentions = Abstentions
meeting-add-decision = Record the decision
meeting-kind-organizational = Organizational meeting
meeting-kind-communication = Communication meeting
meeting-kind-consultative = Consultative meeting
meeting-kind-congress = Congress
meeting-kind-council_session = Council session
home-upcoming-meetings = Upcoming meetings
calendar-title = My calendar
calendar-explain = A personal link to add to your phone's calendar, showing the meetings of the bodies in your scope. Do not share it.
calendar-shown-once = This link is shown once: copy it now.
calendar-create = Create the calendar link
calendar-renew = Renew the link (the old one stops working)
nav-calendar = Calendar
coverage-title = Coverage
coverage-constituted = Constituted
coverage-forming = In formation
coverage-none = No body
coverage-without-body = Territories without a constituted body
error-body-constituted = This body is already constituted.
decision-constitute = Constitution of the body
audit-body-founding = Body put in formation
error-campaign-invalid = The campaign plan is no longer valid.
decision-launch-campaign = Launch of the membership renewal campaign
minutes-amendments = Amendments
minutes-amend = Amend the approved minutes
minutes-amendment-text = Corrected text
audit-minutes-amended = Approved minutes amended
error-minutes-not-approved = The minutes are not approved yet: edit the draft instead.

# Meeting record: leads from other levels, arrivals and departures, proxies, weights, programmes
meeting-present-hint = One line each: name | arrived | left | weight (optional, e.g. Ahmed | 10:30 | 12:00).
meeting-proxy-hint = Proxy: name | name of the member present who votes for them.
meeting-arrived = arrived
meeting-left = left
meeting-proxy-to = proxy to
meeting-voters = { $count ->
    [one] { $count } vote at the time of voting
   *[other] { $count } votes at the time of voting
}
decision-adopt-programme = Adopt a programme
decision-renew-office = Renew the office
decision-renew-office-hint = Every current officer leaves on the day the minutes are approved; those elected below take their positions (one line each).
field-programme-title = Programme title
field-period-from = From
field-period-to = To
field-activities = Activities
field-taken-at = Time of the decision
meeting-lead-chair = Chair
meeting-lead-co_chair = Co-chair
meeting-lead-host = Host
field-public-title = Public title
meeting-lead-title-hint = e.g. member of the executive committee
meeting-leads-outside = Chair or host from outside the body or another level
programmes-title = Work programmes
programmes-empty = No programme adopted yet.
error-times-inverted = The time of leaving must come after the time of arriving.
error-times-for-absent = Arrival and departure times are for those present only.
error-weight-not-allowed = This body's rules do not weigh votes (or the weight is invalid).
error-proxies-not-allowed = This body's rules do not allow proxies.
error-proxy-from-present = Only an absent or excused member gives a proxy.
error-proxy-holder-absent = The proxy holder must be a member present.
error-proxy-twice = A member holds one proxy at most.
error-vote-exceeds-voters = The vote counts more voices than the voters present at the time.
error-period-inverted = The period must end after it starts.
error-time-invalid = Write the time like this: 10:30.
error-name-twice = This name appears twice.
error-tree-national-only = Only a national account creates the country's structure at once; create the bodies of your scope one by one.
presence-remote = Present remotely
error-remote-not-present = Only someone present can be present remotely.
error-chair-twice = One chair only: a holder of the body or someone from outside, each role once.
calendar-body-link = This body's calendar link
meeting-invitations = Invitations
meeting-invitations-empty = No one invited yet.
meeting-invite = Invite
meeting-invite-holders = Invite the body's position holders
meeting-guest = guest
meeting-draft-communique-fr = Draft the communiqué in French
home-reminders = Waiting for you
reminder-draft-minutes = Minutes to draft
reminder-approve-minutes = Minutes to approve
reminder-publish-communique = Communiqué to publish
application-committee = Competent committee
application-no-committee = No membership committee has been constituted at this level yet.
committee-record = Record a committee as it stands
committee-record-hint = This list replaces the committee's current members. To form a committee by decision, record it in a meeting.
error-committee-member-unknown = That member is not an active member within this body's territory.
audit-committee-recorded = Committee recorded
# Disciplinary cases
error-case-outcome-invalid = Unknown decision.
error-case-grounds-required = State what the member is reproached with.
error-case-reasons-required = State the reasons for the decision.
error-case-date-before-opening = The date is before the case was opened.
error-member-already-expelled = This member is already expelled.
error-case-heard-required = State who was heard.
error-case-summary-required = Summarize what was said at the hearing.
error-case-document-title-required = The document's title is required.
error-case-document-empty = Choose a file that is not empty.
error-case-document-too-large = File too large: 5 MB at most.
error-ethics-committee-missing = This body has no ethics committee: one of its meetings must create it by a decision before a disciplinary case can be opened.
error-case-decided = This case has been decided: it can no longer change.
error-case-member-unknown = No member with this number in this body's jurisdiction.
audit-case-opened = Disciplinary case opened
audit-case-viewed = Disciplinary case read
audit-case-hearing-recorded = Hearing recorded
audit-case-document-added = Document added to a disciplinary case
audit-case-document-downloaded = Document of a disciplinary case downloaded
audit-case-decided = Disciplinary case decided
nav-cases = Disciplinary cases
cases-title = Disciplinary cases
cases-of-body = The body's disciplinary cases
cases-empty = No disciplinary cases.
count-cases = { PLURAL($count) ->
    [one] { $count } case
   *[other] { $count } cases
}
cases-tab-all = All
cases-tab-open = Open
cases-tab-decided = Decided
case-status-open = Open
case-status-decided = Decided
case-outcome-no_action = No action
case-outcome-warning = Warning
case-outcome-suspension = Suspension
case-outcome-expulsion = Expulsion
case-title = Disciplinary case
case-member = Member concerned
case-member-status = Current status
case-committee = Ethics committee of
case-opened-on = Opened on
case-grounds = Grounds
case-decision = Decision
case-outcome = Decision
case-decided-on = Date of the decision
case-until = Suspended until
case-reasons = Reasons
case-notify-phone-email = To notify: phone and e-mail on file.
case-notify-phone = To notify: phone on file.
case-notify-email = To notify: e-mail on file.
case-notify-none = No contact on file for this member.
case-notify-explain = tanzim does not send notifications yet: the committee notifies the member of the decision itself.
case-confirm-title = Confirm the decision
case-confirm-suspension = Suspension of { $member } until { $until }.
case-confirm-expulsion = Expulsion of { $member } from the party.
case-confirm-explain = This decision changes the member's status as soon as it is recorded, and their history will point to this case. It cannot be undone from this page.
case-confirm-submit = Confirm the decision
case-hearings = Hearings
case-hearings-empty = No hearing recorded yet.
case-add-hearing = Record a hearing
case-heard = Who was heard
case-heard-hint = The member concerned, the complainant, a witness…
case-documents = Documents
case-documents-empty = No documents in the case.
case-add-document = Add a document
case-document-title = Document title
case-document-file = File
case-document-limit = { $mb } MB at most: PDF, image or text.
case-document-size = { $kb } KB
case-decide = Decide the case
case-until-hint = End of the suspension (suspension only)
case-decide-explain = A suspension or an expulsion is shown back for confirmation before it is recorded.
case-open = Open a disciplinary case
case-member-number = Membership number
case-history-reason = Decision of the ethics committee of { $body }
case-history-decision = Disciplinary case no. { $id }
member-cases = Disciplinary cases
pdf-page = Page
meeting-minutes-pdf = Download the minutes (PDF)
audit-minutes-exported = Minutes downloaded
minutes-approved-on = Approved on { $date }
coverage-by-province = By province
coverage-all-regions = All regions
field-region = Region
field-goals = Goals
meeting-edit = Correct the meeting

## Password confirmation before sensitive actions
confirm-title = Confirm your password
confirm-explain = This action is sensitive: type your password again to continue. The confirmation holds for ten minutes.
confirm-submit = Confirm
error-password-wrong = Wrong password.
error-session-required = This action is done from the browser after signing in, not with an API key.
error-reauth-required = Confirm your password before this action (once every ten minutes).
audit-password-confirmed = Password confirmed
audit-password-confirm-failed = Failed password confirmation
audit-password-confirm-throttled = Password confirmation refused (too many attempts)
audit-database-backed-up = Database backed up
audit-database-restored = Database restored from a backup

## Statistics for those who see only counts
stats-withheld = <{ $min }
stats-protected = To protect members: no count below { $min } is shown, the others are rounded to the nearest multiple of { $min }, and shares are computed from the rounded counts.

# Exports and jobs
export-title = Export the member list
export-explain = The file is prepared in the background; you then download it once from its page, within a day. It holds personal data: keep it somewhere safe.
export-all = Every member your roles cover.
export-format = File format
export-submit = Prepare the file
export-back = Back to the member list
job-title = Export file
job-state-queued = Waiting
job-state-running = Being prepared
job-state-done = The file is ready
job-state-failed = The file could not be prepared
job-state-cancelled = Cancelled
job-done-of = Done: { $done } of { $total }
job-done = Done: { $done }
job-rate = { $count } a second
job-seconds-left = { $count ->
    [one] { $count } second left
   *[other] { $count } seconds left
}
job-failed = Why:
job-download = Download the file
job-download-once = The file downloads once, then it is removed from the server.
job-downloaded = This file was downloaded and removed from the server.
job-expired = This file was removed a day after it was prepared. Export again from the member list.
job-cancel = Cancel
job-ready = Your export is ready to download
error-job-ended = This job has already ended.
error-job-downloaded = This file has already been downloaded; it downloads only once.
error-job-expired = This file was removed a day after it was prepared.
error-job-not-done = This file is not ready yet.
error-format-invalid = Unknown file format: CSV or XLSX.

# Imports and campaign closes as jobs
job-import-title = Member list import
job-import-state-queued = Waiting
job-import-state-running = Importing
job-import-state-done = The import is done
job-import-state-failed = The import stopped before its end; it can go on from where it stopped
job-import-state-cancelled = The import was stopped; what was imported before stays imported
job-import-ready = Your list's import is done
job-import-cancel = Stop the import
job-close-title = Closing a renewal campaign
job-close-state-queued = Waiting
job-close-state-running = Closing
job-close-state-done = The campaign is closed
job-close-state-failed = The close stopped before its end; it goes on from where it stopped
job-close-state-cancelled = Close cancelled
job-close-ready = The campaign's close is done
job-close-cancel = Cancel
job-back-import = Import result and rejected lines
job-back-campaign = Back to the campaign
import-running = The import goes on in the background, batch after batch.
import-follow = Follow its progress
campaign-closing-follow = Follow its progress
error-job-not-cancellable = This job cannot be stopped half-way.
error-import-moved = This import moved on while it ran (another run of the same file); try again.

# Meetings as the press reports them
meeting-lead-framer = Framing
meeting-lead-honour_guest = Guest of honour
field-meeting-mode = How it is held
meeting-mode-in_person = In person
meeting-mode-online = Online (video conference)
meeting-mode-hybrid = In person and online
field-video-link = Video conference link (never published)
field-city-abroad = City abroad
field-country = Country
field-members-present-count = Members present (a count instead of names)
field-whole-body-present = The whole body attended
field-invited = Invited (for the announcement)
field-speaker-title = Speaker's title
field-speaker-group = The speaker is a group (bureau members, women activists…)
field-say-verb = Verb of the intervention
say-verb-addressed = addressed
say-verb-stressed = stressed
say-verb-called_for = called for
say-verb-praised = praised
say-verb-reviewed = reviewed
say-verb-presented = presented a report on
say-verb-commended = commended
say-verb-demanded = demanded
field-unanimous = Unanimously (everyone present)
communique-kind-announcement = Announcement before the meeting
communique-kind-report = Report after the meeting
error-organization-not-host = Only a host may be an organization; chairs and framers are people.
error-count-invalid = The count must be positive and no more than the body's members.
error-place-twice = Choose a Moroccan commune or a city abroad, not both.
error-country-required = A city abroad needs its country, and a country its city.
error-link-invalid = The video conference link must start with https://
error-count-and-whole = Either a count of members present or the whole body, not both.
error-unanimous-without-attendance = Unanimity cannot be recorded before attendance (by names or by count).
field-host-organization = The host is an organization (party, association, venue)
meeting-more-place = Online, abroad, members present and who is invited
meeting-sympathisers-present = Sympathisers present (not members)
field-congress = Part of the congress
meeting-congress-none = Not part of a congress
error-body-not-in-formation = Only a body being founded can be constituted; this one already is.
error-committee-unknown = This committee is not one of the party's.
# Imports: rolls as parties keep them
error-commune-ambiguous = Several communes bear this name; add a province column or write the commune's code.
error-province-unknown = Unknown province or prefecture.
error-commune-not-in-province = This commune is not in the province the line gives.
error-number-cin-mismatch = This membership number belongs to another member than this CIN's holder; a CIN is corrected on the member's page.
import-lead-preview = Preview:
import-lead-done = Imported:
import-count-imported = { PLURAL($count) ->
    [one] { $count } new member
   *[other] { $count } new members
}
import-count-updated = { PLURAL($count) ->
    [one] { $count } member updated
   *[other] { $count } members updated
}
import-count-unchanged = { PLURAL($count) ->
    [one] { $count } line unchanged
   *[other] { $count } lines unchanged
}
import-count-rejected = { PLURAL($count) ->
    [one] { $count } line rejected
   *[other] { $count } lines rejected
}
import-count-review = { PLURAL($count) ->
    [one] { $count } line to review (probable duplicate)
   *[other] { $count } lines to review (probable duplicates)
}
import-count-referred = { PLURAL($count) ->
    [one] { $count } line referred to a higher level
   *[other] { $count } lines referred to a higher level
}
import-mapping-title = The file's columns
import-mapping-explain = Choose what each column of the file holds, then preview again. Your choice is remembered for your next files.
import-mapping-column = Column in the file
import-mapping-field = Read as
import-mapping-unknown = unknown header
import-mapping-apply = Preview again with these columns
import-field-ignored = — left aside —
import-field-number = Membership number
import-field-first_name_ar = First name (Arabic)
import-field-last_name_ar = Last name (Arabic)
import-field-first_name_lat = First name (Latin)
import-field-last_name_lat = Last name (Latin)
import-field-sex = Sex
import-field-birth_date = Birth date
import-field-cin = CIN
import-field-phone = Phone
import-field-email = E-mail
import-field-commune_code = Commune or arrondissement
import-field-province = Province or prefecture
import-field-address = Address
import-field-profession = Profession
import-field-joined_on = Date joined
import-field-status = Status (not imported)
import-field-paid_year = Last year paid (not imported)
import-sample = A sample file with the accepted headers:
import-sample-xlsx = Excel (xlsx)
import-sample-csv = CSV
import-accepted-title = Accepted headers
import-accepted-field = Field
import-accepted-header = Header in the sample
import-accepted-synonyms = Other accepted headers
import-accepted-notes = Hamza, ta marbuta, vowel marks, case and accents do not count in headers. Commune: its code (such as 05.091.01.07) or its name in Arabic or French; when several communes bear the same name, add a province column. Dates: 1990-03-12 or 12/03/1990. Sex: M or F (ذكر, أنثى). The membership number column (as in the export) names the member to update.
import-no-cin-mapped = No column is read as the CIN: choose it among the file's columns below, or every line will be rejected.
error-mapping-invalid = The choice of columns is not valid; reload the page.
# Contacts and sympathisers
contacts-title = Sympathisers and contacts
contacts-intro = People who are not members, recorded with their consent, invited to meetings and activities. They are never counted as members.
contacts-search = Search by name or phone
contacts-export = Export the list (CSV)
contacts-new = Record a sympathiser
contacts-add = Record
contacts-empty = No sympathiser recorded in your scope yet.
contacts-none-found = No sympathiser in your scope matches this search.
count-contacts = { PLURAL($count) ->
    [one] { $count } sympathiser
   *[other] { $count } sympathisers
}
contact-title = Sympathiser
contact-erased-title = Erased sympathiser
contact-organization = Sympathiser of
contact-consent = Consent
contact-consent-on = Consent given on
contact-consent-source = Given
contact-consent-wording = Wording agreed to
contact-source-meeting = at a meeting
contact-source-activity = at an activity
contact-source-form = on a form
contact-source-referral = through a member
contact-source-import = in an imported list
contact-status-active = Sympathiser
contact-status-converted = Became a membership application
contact-status-erased = Erased
contact-created = Recorded on
contact-application = Membership application
contact-convert = Turn into a membership application
contact-convert-explain = A membership application waiting for the committee is filed from the sympathiser's details; complete what is missing.
contact-erase = Erase the personal data
contact-erase-confirm = I confirm erasing this person's name, phone and every personal detail for good.
audit-contact-created = Sympathiser recorded
audit-contact-viewed = Sympathiser viewed
audit-contact-converted = Sympathiser turned into an application
audit-contact-erased = Sympathiser erased
audit-contacts-exported = Sympathisers' list exported
error-contact-consent-required = No one is recorded without their consent: its date, how it was given and its wording are required.
error-contact-consent-source-invalid = Unknown way of giving consent.
error-contact-converted = This sympathiser has already become a membership application.
error-contact-erased = This sympathiser's data has been erased.
error-contact-not-active = This sympathiser can no longer be converted.
nav-contacts = Sympathisers
error-congress-unknown = The linked congress must be a congress of this body or of a body above it.
error-position-twice = Each position (and rank) has one holder in the elected office.
error-office-empty = The elected office needs at least one position.
# Territory picker
picker-placeholder = Name in Arabic or French, or code
picker-hint = Type the territory's name in Arabic or French and choose from the suggestions, or type its code.
picker-place = { $name } — { $parent } ({ $kind }, { $code })
picker-place-top = { $name } ({ $kind }, { $code })
picker-or = or
picker-none = No territory has this name.
picker-found = { PLURAL($count) ->
    [one] { $count } suggestion
   *[other] { $count } suggestions
}
body-kinds-refresh = Show the kinds of body that fit the chosen organization and territory
error-territory-name-unknown = { $field }: no territory has this name or code. Type the name as the administrative division spells it, in Arabic or French, or the code (e.g. 03.531).
error-territory-name-ambiguous = { $field }: several territories bear this name: { $candidates }. Choose one or type its code.
error-body-exists = Kind of body: this organization already has an active body of this kind in this territory; a second one is not created.
field-body-name-fr = French name (optional)
field-body-name-fr-hint = Used in the French communiqués; by default the body's kind and territory.
news-dates = Meeting: { $meeting } · published { $published }
## Requests raised at meetings
meeting-requests = Requests raised
meeting-requests-empty = No request was raised at this meeting.
meeting-request-answers = Answers to requests raised earlier
meeting-add-request = Record a request
request-by = asked by
request-to = addressed to
request-due = due
request-answered = answered on
request-overdue = overdue
request-open = awaiting an answer
request-title = Request
request-raised-at = Raised at the meeting
request-answer = Answer
request-give-answer = Record the answer
request-correct = Correct the request
request-remove = Remove the request
request-remove-confirm = I confirm removing this request
requests-of-body = Requests addressed to the body
requests-empty = No request is addressed to this body.
count-requests = { PLURAL($count) ->
    [one] { $count } request
   *[other] { $count } requests
}
home-requests-awaiting = Requests awaiting an answer
field-request-text = Request
field-requested-by = Asked by (a person or a group, optional)
field-addressed-body = Body addressed
field-addressed-to = Official addressed (optional)
field-due-on = Due date (optional)
field-answer = Answer
field-answered-on = Date of the answer
audit-request-answered = Request answered
error-request-text-required = Request: the text of the request is required.
error-request-text-too-long = Request: text too long (1000 characters at most).
error-requested-by-too-long = Asked by: text too long (200 characters at most).
error-addressed-to-too-long = Official addressed: text too long (200 characters at most).
error-due-before-meeting = Due date: it cannot be before the meeting.
error-due-on-invalid = Due date: invalid date.
error-request-body-required = Body addressed: choose the body the request is addressed to.
error-request-body-unknown = Body addressed: not an active body of the organization a request may be addressed to.
error-request-answered = Answer: this request has been answered already; it cannot be answered again, corrected or removed.
error-answer-required = Answer: the text of the answer is required.
error-answer-too-long = Answer: text too long (4000 characters at most).
error-answer-before-meeting = Date of the answer: it cannot be before the meeting where the request was raised.
error-answered-on-invalid = Date of the answer: invalid or missing date.

## The meeting page that leads (issue 14, item 4)
meeting-step-preparation = Preparation
meeting-step-agenda-count = { PLURAL($count) ->
    [one] { $count } agenda item
   *[other] { $count } agenda items
}
meeting-step-not-taken = not taken yet
meeting-step-present = { PLURAL($count) ->
    [one] { $count } present
   *[other] { $count } present
}
meeting-step-interventions-count = { PLURAL($count) ->
    [one] { $count } intervention
   *[other] { $count } interventions
}
meeting-step-decisions-count = { PLURAL($count) ->
    [one] { $count } decision
   *[other] { $count } decisions
}
meeting-step-communiques-count = { PLURAL($count) ->
    [one] { $count } communiqué
   *[other] { $count } communiqués
}
meeting-warning-holder-after = Warning: { $name } ({ $title }) holds this position only from { $since }, after the meeting's date ({ $held }). If that start date is wrong, correct it in the body's office.
intervention-edit = Correct the intervention
intervention-remove = Remove the intervention
intervention-remove-confirm = I confirm removing this intervention
decision-edit = Correct the decision
decision-edit-hint = The decision's kind and data stay as recorded; its vote and time are corrected here. To change anything else, remove the decision and record it again.
decision-remove = Remove the decision
decision-remove-confirm = I confirm removing this decision
field-resolution-text = Text of the decision
body-office = Office
body-office-empty = No member of this body's office is recorded.
error-started-on-required = Start date: the date is required (it is not assumed to be today).
