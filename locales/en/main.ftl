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
