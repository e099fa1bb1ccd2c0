app-name = Tanzim
footer-data = Données territoriales : Haut-Commissariat au Plan, RGPH 2024 (CC BY 4.0)

## Navigation
nav-home = Accueil
nav-territories = Territoires
nav-bodies = Instances
nav-users = Utilisateurs
nav-audit = Journal d'audit
nav-account = Mon compte
nav-logout = Se déconnecter
nav-language = Langue
nav-main = Menu principal
nav-breadcrumbs = Fil d'Ariane
nav-pages = Pages
pager-prev = Précédent
pager-next = Suivant
pager-position = Page { $page } sur { $pages }

## Actions
action-back-home = Retour à l'accueil
action-cancel = Annuler
action-confirm = Je confirme
action-create = Créer
action-filter = Filtrer
action-save = Enregistrer
action-search = Rechercher

## Page titles
error-title = La demande n'a pas abouti
login-title = Connexion
home-title = Accueil
territories-title = Territoires
territory-title = Territoire
bodies-title = Instances
bodies-new-title = Créer une instance
body-title = Instance
users-title = Utilisateurs
users-new-title = Ajouter un utilisateur
user-title = Utilisateur
account-title = Mon compte
audit-title = Journal d'audit

## Login and home
login-submit = Se connecter
home-welcome = Bienvenue, { $name }
home-your-roles = Vos rôles et votre périmètre
home-territories-hint = Régions, provinces et communes

## Fields
field-username = Identifiant
field-password = Mot de passe
field-password-hint = Au moins douze caractères ; une phrase facile à retenir est idéale.
field-display-name = Nom complet
field-role = Rôle
field-scope = Périmètre territorial
field-scope-hint = Code de la région, de la province ou de la commune ; vide pour le niveau national.
field-organization = Organisation
field-organization-all = Toutes les organisations
field-territory = Territoire
field-parent = Instance supérieure
field-parent-none = Aucune
field-body-kind = Type d'instance
field-body-name = Nom de l'instance
field-body-name-hint = Laisser vide pour le nom tiré du type et du territoire.
field-token-name = Nom de la clé

## Territories
territories-country = Maroc
territories-search-placeholder = Chercher une région, une province ou une commune
territories-none-found = Aucun territoire de ce nom.
territories-found = { PLURAL($count) ->
    [one] { $count } résultat
   *[other] { $count } résultats
}
territory-level = Type
territory-code = Code
territory-population = Population (2024)
territory-adults = Population de 18 ans et plus
territory-bodies = Instances établies ici
territory-no-bodies = Aucune instance de votre périmètre dans ce territoire pour l'instant.
territory-children = { PLURAL($count) ->
    [one] { $count } subdivision
   *[other] { $count } subdivisions
}
kind-region = Région
kind-province = Province
kind-prefecture = Préfecture
kind-prefecture_of_arrondissements = Préfecture d'arrondissements
kind-urban_commune = Commune urbaine
kind-rural_commune = Commune rurale
kind-arrondissement = Arrondissement

## Bodies
bodies-empty = Aucune instance dans votre périmètre pour l'instant.
bodies-create-here = Créer une instance dans ce territoire
bodies-show-dissolved = Afficher les instances dissoutes
bodies-hide-dissolved = Masquer les instances dissoutes
count-bodies = { PLURAL($count) ->
    [one] { $count } instance
   *[other] { $count } instances
}
body-created = Créée le
body-children = Instances rattachées
body-rename = Renommer
body-dissolve = Dissoudre l'instance
body-dissolve-confirm = L'instance sera dissoute et restera dans l'historique avec sa date de dissolution. Confirmez-vous ?
body-status-dissolved = Dissoute
body-level-national = national
body-level-region = régional
body-level-province = provincial
body-level-commune = local

## Users, roles and tokens
users-empty = Aucun utilisateur dans votre périmètre.
user-created = Créé le
user-status = État
user-active = Actif
user-disabled = Désactivé
user-roles = Rôles
user-no-roles = Aucun rôle attribué.
user-grant = Attribuer un rôle
user-revoke = Retirer
user-revoke-confirm = Retirer ce rôle ?
user-disable = Désactiver le compte
user-disable-explain = La désactivation empêche toute nouvelle connexion et ferme les sessions ouvertes.
user-enable = Réactiver le compte
role-administrator = Administrateur
role-officer = Responsable organisationnel
role-committee_member = Membre de commission
role-communication_officer = Chargé de communication
role-analyst = Analyste
tokens-title = Clés d'API
tokens-explain = Une clé permet à un programme d'agir en votre nom, avec vos droits. Elle peut être retirée à tout moment.
tokens-create = Créer une clé
tokens-shown-once = Copiez cette clé maintenant, elle ne sera plus affichée :
tokens-empty = Aucune clé.
tokens-revoke = Retirer
tokens-revoked = Retirée
token-never-used = jamais utilisée

## Audit log
audit-when = Date
audit-actor = Utilisateur
audit-action = Opération
audit-target = Objet
audit-address = Adresse
audit-from = Du
audit-to = Au
audit-empty = Aucune opération ne correspond.
audit-any-action = Toutes les opérations
audit-login-succeeded = Connexion réussie
audit-login-failed = Échec de connexion
audit-login-throttled = Connexion refusée (trop de tentatives)
audit-logout = Déconnexion
audit-user-created = Utilisateur créé
audit-user-disabled = Utilisateur désactivé
audit-user-enabled = Utilisateur réactivé
audit-user-viewed = Fiche utilisateur consultée
audit-role-granted = Rôle attribué
audit-role-revoked = Rôle retiré
audit-token-created = Clé créée
audit-token-revoked = Clé retirée
audit-body-created = Instance créée
audit-body-renamed = Instance renommée
audit-body-dissolved = Instance dissoute
audit-member-created = Membre inscrit
audit-member-viewed = Fiche de membre consultée
audit-member-status-changed = Statut de membre modifié
audit-member-transferred = Membre transféré
audit-member-updated = Fiche de membre mise à jour
audit-consent-recorded = Consentement enregistré ou retiré
audit-application-submitted = Demande d'adhésion déposée
audit-application-accepted = Demande d'adhésion acceptée
audit-application-rejected = Demande d'adhésion rejetée
audit-campaign-created = Campagne de renouvellement lancée
audit-campaign-closed = Campagne de renouvellement clôturée
audit-campaign-reopened = Campagne de renouvellement rouverte
audit-payment-recorded = Cotisation enregistrée
audit-members-exported = Liste de membres exportée

## Months
month-1 = janvier
month-2 = février
month-3 = mars
month-4 = avril
month-5 = mai
month-6 = juin
month-7 = juillet
month-8 = août
month-9 = septembre
month-10 = octobre
month-11 = novembre
month-12 = décembre

## Errors
error-unauthenticated = Veuillez vous connecter.
error-forbidden = Vos droits ne permettent pas cette opération.
error-not-found = La page ou la fiche demandée n'existe pas.
error-csrf = Le formulaire a expiré. Rechargez la page puis réessayez.
error-throttled = Trop de tentatives. Patientez un quart d'heure puis réessayez.
error-internal = Une erreur inattendue s'est produite. Elle a été journalisée pour l'équipe technique.
error-login-failed = Identifiant ou mot de passe incorrect.
error-malformed-input = Les données envoyées sont illisibles.
error-body-too-large = Les données envoyées sont trop volumineuses.
error-confirmation-required = Cette opération doit être confirmée.
error-body-has-children = Impossible de dissoudre une instance dont dépendent des instances actives ; dissolvez-les d'abord.
error-cannot-disable-self = Vous ne pouvez pas désactiver votre propre compte.
error-username-taken = Cet identifiant est déjà pris.
error-territory-code-invalid = Code territorial invalide (exemple : 05.091).
error-territory-unknown = Aucun territoire ne porte ce code.
error-role-unknown = Rôle inconnu.
error-username-invalid = Identifiant : 3 à 64 lettres latines minuscules, chiffres ou . _ -, commençant par une lettre.
error-display-name-invalid = Le nom complet est requis (120 caractères au plus).
error-password-too-short = Mot de passe trop court : douze caractères au moins.
error-password-too-long = Mot de passe trop long.
error-password-is-username = Le mot de passe ne peut pas être l'identifiant.
error-token-name-invalid = Le nom de la clé est requis (80 caractères au plus).
error-organization-unknown = Organisation inconnue.
error-body-kind-unknown = Type d'instance inconnu.
error-body-kind-not-for-organization = Ce type d'instance n'appartient pas à cette organisation.
error-body-level-mismatch = Le niveau de l'instance ne correspond pas à celui du territoire.
error-parent-other-organization = L'instance supérieure doit appartenir à la même organisation.
error-parent-not-above = Le périmètre de l'instance supérieure doit contenir celui de la nouvelle instance.
error-parent-unknown = L'instance supérieure n'existe pas dans votre périmètre.
error-body-name-invalid = Le nom de l'instance est requis (200 caractères au plus).
error-last-administrator = Impossible de retirer le dernier rôle d'administrateur national ou de désactiver son titulaire.
error-body-dissolved = Cette instance est dissoute ; elle ne peut plus être modifiée.
