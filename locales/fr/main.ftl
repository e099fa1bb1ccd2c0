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

## Members
nav-members = Membres
nav-applications = Adhésions
nav-campaigns = Renouvellements
members-title = Membres
member-title = Membre
action-back = Retour
currency = DH
members-search = Nom, CIN ou numéro d'adhérent
members-any-status = Tous les statuts
members-as-of = En règle à la date du
members-as-of-explain = Membres en règle le { $date }, dans la section dont ils relevaient ce jour-là.
members-empty = Aucun membre ne correspond.
members-export = Exporter (CSV)
members-export-xlsx = Exporter (Excel)
members-capped = Plus de { $count } membres correspondent : précisez la recherche.
count-members = { PLURAL($count) ->
    [one] { $count } membre
   *[other] { $count } membres
}
status-active = Actif
status-lapsed = Non renouvelé
status-suspended = Suspendu
status-expelled = Exclu
status-resigned = Démissionnaire
status-deceased = Décédé
event-join = Adhésion
event-renew = Renouvellement
event-lapse = Non-renouvellement
event-transfer = Transfert
event-suspend = Suspension
event-reinstate = Levée de suspension
event-expel = Exclusion
event-resign = Démission
event-decease = Décès
event-readmit = Réadmission
sex-F = Femme
sex-M = Homme
education-none = Aucun
education-primary = Primaire
education-lower_secondary = Collège
education-upper_secondary = Lycée
education-higher = Supérieur
education-other = Autre
method-cash = Espèces
method-transfer = Virement
method-card = Carte bancaire
method-other = Autre
member-branch = Section
member-joined = Adhésion le
member-paid-year = Dernière année payée
member-suspended-until = Suspendu jusqu'au
member-renew = Renouveler l'adhésion
member-renew-submit = Enregistrer et imprimer le reçu
member-no-open-campaign = Aucune campagne de renouvellement ouverte pour cette section.
member-payments = Paiements
member-no-payments = Aucun paiement enregistré.
member-history = Historique
member-consents = Consentements
member-change-status = Changer le statut
member-transfer = Transférer vers une autre commune
member-record-consent = Enregistrer ou retirer un consentement
member-edit-contact = Mettre à jour les coordonnées
history-from = Du
history-to = Au
history-event = Événement
consent-contact = Consentement à être contacté
consent-public_lists = Consentement à figurer sur les listes publiques
consent-given = donné
consent-withdrawn = retiré
source-paper = Bulletin papier
source-form = Formulaire en ligne
source-phone = Téléphone
source-email = Courriel
field-first-name-ar = Prénom (en arabe)
field-last-name-ar = Nom (en arabe)
field-first-name-lat = Prénom (en lettres latines)
field-last-name-lat = Nom (en lettres latines)
field-sex = Sexe
field-birth-date = Date de naissance
field-cin = N° de CIN
field-phone = Téléphone
field-email = Courriel
field-province = Province ou préfecture
field-commune = Commune ou arrondissement
field-address = Adresse
field-profession = Profession ou secteur
field-education = Niveau d'études
field-affiliations = Organisations affiliées
field-notes = Notes
field-status = Statut
field-date = Date
field-reason = Motif
field-decision = Référence de la décision
field-year = Année
field-category = Catégorie
field-method = Mode de paiement
field-receipt = N° de reçu
field-consent = Consentement
field-consent-state = État
field-consent-source = Source

## Applications
apply-title = Demande d'adhésion
apply-intro = Remplissez ce formulaire pour demander votre adhésion ; la commission des adhésions de votre province statue.
apply-names = Nom (en arabe, en lettres latines, ou les deux)
apply-show-communes = Afficher les communes de la province
apply-join-women = Je souhaite rejoindre l'organisation des femmes
apply-join-youth = Je souhaite rejoindre l'organisation de la jeunesse
apply-consent-title = Protection des données personnelles
apply-consent-statement = Vos données servent uniquement à la gestion des adhésions, conformément à la loi 09-08, et ne sont vues que par les responsables de votre section. Vous pouvez les consulter, les rectifier et retirer vos consentements.
apply-consent-required = J'accepte le traitement de mes données pour l'examen de ma demande et la gestion de mon adhésion
apply-consent-contact = J'accepte d'être contacté(e) par le parti
apply-consent-public = J'accepte que mon nom figure sur les listes publiques du parti
apply-submit = Envoyer la demande
apply-done-title = Votre demande a été reçue
apply-done-explain = Conservez cette référence pour suivre votre demande :
apply-status-title = Suivre une demande d'adhésion
apply-reference = Référence de la demande
apply-reference-unknown = Aucune demande ne porte cette référence.
applications-title = Demandes d'adhésion
applications-new-title = Saisir une demande d'adhésion
applications-empty = Aucune demande.
applications-tab-pending = En attente
applications-tab-accepted = Acceptées
applications-tab-rejected = Rejetées
applications-tab-all = Toutes
count-applications = { PLURAL($count) ->
    [one] { $count } demande
   *[other] { $count } demandes
}
application-title = Demande d'adhésion
application-pending = En attente de décision
application-accepted = Acceptée
application-rejected = Rejetée
application-source-public = formulaire en ligne
application-source-officer = saisie par un responsable
application-submitted = Déposée le
application-member = Membre inscrit
application-duplicates = Doublons possibles
application-no-duplicates = Aucun membre ni autre demande avec la même CIN, ou le même nom et la même date de naissance.
application-accept = Accepter la demande
application-reject = Rejeter la demande

## Campaigns and receipts
campaigns-title = Campagnes de renouvellement
campaigns-new-title = Lancer une campagne
campaigns-empty = Aucune campagne.
campaign-title = Campagne de renouvellement
campaign-open = Ouverte
campaign-closed = Clôturée
campaign-body = Instance qui lance la campagne
campaign-opens = Ouverture
campaign-closes = Clôture
campaign-dates = Période
campaign-categories = Catégories de cotisation
campaign-categories-hint = Une catégorie par ligne : clé|libellé|montant en DH, par exemple standard|Normal|100
campaign-launch = Lancer la campagne
campaign-payments = Paiements
campaign-lapsed = Membres non renouvelés à la clôture
campaign-close = Clôturer la campagne
campaign-close-confirm-yearly = À la clôture, tout membre qui n'a pas renouvelé devient non renouvelé. Confirmez-vous ?
campaign-close-confirm = La campagne sera clôturée. Confirmez-vous ?
campaign-reopen = Rouvrir la campagne
campaign-extend = Prolonger la campagne
campaign-bulk = Saisir des renouvellements en lot
campaign-bulk-hint = Une ligne par renouvellement : numéro d'adhérent puis numéro de reçu.
campaign-bulk-submit = Enregistrer
count-payments = { PLURAL($count) ->
    [one] { $count } paiement
   *[other] { $count } paiements
}
bulk-line-done = Ligne { $line } : renouvellement de { $number } enregistré.
bulk-line-failed = Ligne { $line } : renouvellement de { $number } non enregistré : { $why }
bulk-line-unknown = Ligne { $line } : aucun membre n° { $number } dans votre périmètre.
bulk-line-malformed = Ligne { $line } : il faut le numéro d'adhérent et le numéro de reçu.
receipt-title = Reçu de cotisation
receipt-body = Instance
receipt-member = Membre
receipt-number = N° d'adhérent
receipt-amount = Montant
receipt-paid-on = Payé le
receipt-recorded = Enregistré le
card-title = Carte de membre
card-print-hint = Imprimez cette page depuis le navigateur.
verify-title = Vérification d'une carte de membre
verify-valid = Le numéro d'adhérent { $number } est valide pour { $year }.
verify-invalid = Le numéro d'adhérent { $number } n'est pas valide pour { $year }.
verify-unknown = Cette carte est inconnue.

## Member errors
error-cin-invalid = N° de CIN invalide : une ou deux lettres puis des chiffres.
error-cin-taken = Cette CIN est déjà celle d'un membre.
error-phone-invalid = Numéro de téléphone marocain invalide.
error-email-invalid = Adresse électronique invalide.
error-sex-invalid = Choisissez le sexe.
error-date-invalid = Date invalide.
error-birth-date-future = La date de naissance est dans le futur.
error-too-young = L'âge est inférieur au minimum fixé par les statuts.
error-name-required = Prénom et nom sont requis, en arabe ou en lettres latines.
error-commune-unknown = Choisissez une commune ou un arrondissement existant.
error-education-invalid = Niveau d'études inconnu.
error-affiliation-unknown = Organisation affiliée inconnue.
error-text-too-long = Texte trop long.
error-transition-not-allowed = Ce changement n'est pas possible depuis le statut actuel du membre.
error-reason-required = Le motif est requis.
error-decision-required = La référence de la décision est requise pour ce changement.
error-event-invalid = Changement inconnu.
error-status-invalid = Statut inconnu.
error-until-required = Indiquez la date de fin de la suspension.
error-until-before-date = La fin de la suspension doit suivre son début.
error-transfer-same-commune = Le membre relève déjà de cette commune.
error-member-changed = Le membre a changé entre-temps ; rechargez la page.
error-consent-required = Le consentement au traitement des données est nécessaire pour examiner la demande.
error-consent-kind-unknown = Type de consentement inconnu.
error-consent-source-invalid = Source inconnue.
error-application-pending = Une demande est déjà en cours d'examen pour cette CIN.
error-application-decided = Cette demande a déjà été tranchée.
error-amount-invalid = Montant invalide.
error-method-invalid = Mode de paiement inconnu.
error-receipt-invalid = N° de reçu invalide.
error-receipt-taken = Ce n° de reçu est déjà utilisé dans cette instance.
error-already-renewed = Ce membre a déjà renouvelé pour cette année.
error-campaign-unknown = Campagne inconnue.
error-campaign-closed = Cette campagne est clôturée.
error-campaign-exists = L'instance a déjà une campagne pour cette année.
error-campaign-not-for-member = Cette campagne ne couvre pas la section du membre.
error-year-invalid = Année invalide.
error-closes-before-opens = La clôture doit suivre l'ouverture.
error-category-invalid = Catégorie invalide : clé|libellé|montant.
error-category-duplicate = Clé de catégorie en double.
error-category-required = Ajoutez au moins une catégorie.
error-body-required = Choisissez l'instance.
audit-application-viewed = Demande d'adhésion consultée
application-duplicates-elsewhere = { PLURAL($count) ->
    [one] { $count } membre aux mêmes données existe hors de votre périmètre.
   *[other] { $count } membres aux mêmes données existent hors de votre périmètre.
}
error-date-in-future = La date ne peut pas être dans le futur.
error-date-before-current-period = La date précède le dernier changement du membre.
nav-stats = Statistiques
stats-title = Statistiques des adhérents
stats-up = Niveau supérieur
stats-active = Membres actifs
stats-women = Part des femmes
stats-under-35 = Part des moins de 35 ans
stats-density = Pour 1 000 habitants adultes
stats-renewals = Renouvellements de l'année et taux
stats-total = Total des inscrits
stats-ages = Tranches d'âge (actifs)
stats-children = Répartition par subdivision
audit-members-imported = Liste de membres importée
import-title = Importer une liste de membres
import-explain = Un classeur Excel (xlsx) ou un fichier CSV (UTF-8 ou Windows-1256, séparateur , ou ;) avec des en-têtes en arabe ou en français. L'aperçu montre ce qui se passera avant toute écriture.
import-file = Fichier
import-existing = Membres déjà inscrits (même CIN)
import-existing-report = Les laisser et les signaler
import-existing-update = Mettre à jour leurs coordonnées
import-preview = Aperçu
import-first-rows = Premières lignes
import-confirm = Confirmer l'import
import-rejected = Lignes rejetées
import-rejected-file = Télécharger les lignes rejetées pour les corriger
import-line = Ligne { $line }
import-unknown-column = Colonne inconnue : { $column }
import-no-cin = Le fichier n'a pas de colonne CIN.
import-unreadable = Le fichier est illisible.
error-import-done = Ce fichier a déjà été importé.
error-commune-out-of-scope = Commune hors de votre périmètre.
error-cin-repeated-in-file = CIN répétée dans le fichier.
error-import-expired = Ce fichier envoyé a expiré ; envoyez-le de nouveau.
receipt-member-link = Lien du membre pour voir et imprimer son reçu :
import-summary-preview = Aperçu : { $imported } à importer, { $updated } à mettre à jour, { $rejected } rejetées, { $review } à revoir.
import-summary-done = Fait : { $imported } importés, { $updated } mis à jour, { $rejected } rejetées, { $review } à revoir.

## Probable duplicates of imports
audit-review-decided = Doublon probable tranché
error-review-decided = Ce cas a déjà été tranché.
reviews-title = Doublons probables
reviews-explain = Des lignes de fichiers importés ressemblent à un membre inscrit (même nom et date de naissance, autre CIN). Rien n'est fusionné sans votre décision.
reviews-empty = Aucun doublon probable en attente.
reviews-link = Doublons probables ({ $count })
reviews-file-row = Ligne du fichier (ligne { $line })
reviews-existing = Membre inscrit
reviews-same = Même personne : ne rien ajouter
reviews-distinct = Personne différente : l'ajouter comme membre
reviews-confirm-distinct = Cette ligne sera ajoutée comme nouveau membre, avec un nouveau numéro. Confirmer ?
