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
first-run-title = Premiers pas : structurer l'organisation
first-run-intro = Aucune instance n'existe encore. La structure de base peut être créée en une fois à partir du découpage territorial :
first-run-national = la direction nationale : { $kind }
first-run-regions = dans chaque région : { $kind }
first-run-provinces = dans chaque province et préfecture : { $kind }
first-run-action = Créer les instances nationale, régionales et provinciales
first-run-after = Les instances créées se complètent ensuite de leurs membres et de leurs bureaux. Ou :
first-run-one-by-one = créer une seule instance

## Fields
field-username = Identifiant
field-password = Mot de passe
field-password-hint = Au moins douze caractères ; une phrase facile à retenir est idéale.
field-display-name = Nom complet
field-role = Rôle
field-scope = Périmètre territorial
field-scope-hint = Nom ou code de la région, de la province ou de la commune ; vide pour le niveau national.
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
kind-diaspora = Organisation à l'étranger
kind-country = Pays
kind-city = Ville
kind-country_rest = Autres villes

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
audit-pair = { $label } : { $value }
audit-subject = { $kind } n° { $id }
audit-yes = oui
audit-no = non
audit-kind-member = membre
audit-kind-application = demande d'adhésion
audit-kind-body = instance
audit-kind-campaign = campagne
audit-kind-case = dossier disciplinaire
audit-kind-meeting = réunion
audit-kind-payment = paiement
audit-kind-user = utilisateur
audit-kind-token = clé
audit-kind-review = doublon probable
audit-field-rows = Lignes
audit-field-reason = Motif
audit-field-member = Membre
audit-field-decision = Décision
audit-field-year = Année
audit-field-to = Vers
audit-field-from = De
audit-field-status = Statut
audit-field-request = Demande
audit-field-kind = Type
audit-field-held_on = Tenue le
audit-field-file = Fichier
audit-field-body = Instance
audit-field-updated = Mis à jour
audit-field-territory = Territoire
audit-field-source = Source
audit-field-scope = Périmètre
audit-field-role = Rôle
audit-field-referred = Transmis
audit-field-organization = Organisation
audit-field-on = Le
audit-field-number = Numéro
audit-field-name = Nom
audit-field-format = Format
audit-field-event = Événement
audit-field-campaign = Campagne
audit-field-application = Demande d'adhésion
audit-field-category = Catégorie
audit-field-amount = Montant
audit-field-method = Mode de paiement
audit-field-receipt = Reçu
audit-field-position = Fonction
audit-field-rank = Rang
audit-field-holder = Titulaire
audit-field-username = Identifiant
audit-field-until = Jusqu'au
audit-field-title = Titre
audit-field-text = Texte
audit-field-summary = Résumé
audit-field-imported = Importés
audit-field-rejected = Rejetés
audit-field-review = Vérification
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
error-login-wait-seconds = { PLURAL($count) ->
    [one] Trop de tentatives. Réessayez dans { $count } seconde.
   *[other] Trop de tentatives. Réessayez dans { $count } secondes.
}
error-login-wait-minutes = { PLURAL($count) ->
    [one] Trop de tentatives. Réessayez dans { $count } minute.
   *[other] Trop de tentatives. Réessayez dans { $count } minutes.
}
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
receipt-generated-hint = Généré si laissé vide
field-consent = Consentement
field-consent-state = État
field-consent-source = Source

## Applications
apply-title = Demande d'adhésion
apply-intro = Remplissez ce formulaire pour demander votre adhésion ; la commission des adhésions de votre province statue.
apply-names = Nom (en arabe, en lettres latines, ou les deux)
apply-show-communes = Afficher les communes de la province
apply-country-elsewhere = Autre ville ({ $country })
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
campaign-closing = En cours de clôture
campaign-closing-note = La campagne est en cours de clôture : les renouvellements sont arrêtés et les membres non renouvelés passent en défaut par lots.
campaign-closing-refresh = Actualiser
campaign-body = Instance qui lance la campagne
campaign-opens = Ouverture
campaign-closes = Clôture
campaign-dates = Période
campaign-categories = Catégories de cotisation
campaign-categories-hint = Une catégorie par ligne : clé|libellé|montant en DH, par exemple standard|Normal|100
campaign-categories-rows-hint = Une catégorie par ligne : son nom tel que le reçu l'affiche, son montant en dirhams et une clé courte en lettres latines (standard, reduced…). Laissez vides les lignes en trop.
category-label = Nom
category-amount = Montant (MAD)
category-key = Clé
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
error-text-control-character = Le texte contient un caractère de contrôle refusé (par exemple un octet nul) ; supprimez-le et réessayez.
error-cin-taken = Cette CIN est déjà celle d'un membre.
error-phone-invalid = Numéro de téléphone marocain invalide.
error-email-invalid = Adresse électronique invalide.
error-sex-invalid = Choisissez le sexe.
error-joined-before-minimum-age = La date d'adhésion précède l'âge minimum fixé par les statuts.
error-campaign-dates-off-year = L'ouverture et la clôture d'une campagne doivent tomber entre l'année qui précède et celle qui suit son année.
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
error-campaign-closing = Cette campagne est en cours de clôture : elle n'accepte plus de renouvellement.
error-idempotency-key-invalid = Clé d'idempotence (Idempotency-Key) invalide : de 1 à 200 caractères visibles.
error-idempotency-key-running = Une requête avec la même clé est encore en cours ; réessayez dans un instant.
error-idempotency-key-reused = Cette clé a servi à une autre requête ; utilisez une clé nouvelle par requête.
error-campaign-exists = L'instance a déjà une campagne pour cette année.
error-campaign-not-for-member = Cette campagne ne couvre pas la section du membre.
error-year-invalid = Année invalide.
error-closes-before-opens = La clôture doit suivre l'ouverture.
error-category-invalid = Catégorie invalide : clé|libellé|montant.
error-category-duplicate = Clé de catégorie en double.
error-category-required = Ajoutez au moins une catégorie.
error-body-required = Choisissez l'instance.
audit-application-viewed = Demande d'adhésion consultée
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
stats-chart = Membres actifs par subdivision
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
import-referred-explain = Les lignes transmises au niveau supérieur correspondent à des fiches hors de votre périmètre ; elles sont tranchées par qui couvre les deux lieux.
import-unreadable-line = Le fichier est illisible à la ligne { $line } (cellule trop longue ou structure incorrecte).
import-too-large-file = Le fichier dépasse la taille permise.
import-too-large-expanded = Le classeur décompressé dépasse la taille permise.
import-too-large-parts = Le classeur a plus de parties que permis.
import-too-large-rows = Le fichier a plus de lignes que permis ; divisez-le en plusieurs fichiers.
import-too-large-columns = Le fichier a plus de colonnes que permis.
error-import-unreadable = Le fichier est illisible.
error-cin-referred = Cette CIN demande une vérification au niveau supérieur ; elle lui a été transmise.
reviews-reason-cin = La même CIN est celle de ce membre : impossible de l’ajouter une seconde fois.
import-unreadable = Le fichier est illisible.
error-import-done = Ce fichier a déjà été importé.
error-commune-out-of-scope = Commune hors de votre périmètre.
error-cin-repeated-in-file = CIN répétée dans le fichier.
error-import-expired = Ce fichier envoyé a expiré ; envoyez-le de nouveau.
receipt-member-link = Lien du membre pour voir et imprimer son reçu :
import-summary-preview = Aperçu : { $imported } à importer, { $updated } à mettre à jour, { $rejected } rejetées, { $review } à revoir, { $referred } transmises au niveau supérieur.
import-summary-done = Fait : { $imported } importés, { $updated } mis à jour, { $rejected } rejetées, { $review } à revoir, { $referred } transmises au niveau supérieur.

## Probable duplicates of imports
audit-review-decided = Doublon probable tranché
audit-review-filed = CIN transmise au niveau supérieur
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

## Meetings and communiqués
audit-position-assigned = Poste attribué
audit-meeting-created = Réunion programmée
audit-meeting-recorded = Compte rendu de réunion complété
audit-minutes-drafted = Procès-verbal rédigé
audit-minutes-approved = Procès-verbal approuvé
audit-communique-drafted = Communiqué rédigé
audit-communique-edited = Communiqué modifié
audit-communique-published = Communiqué publié
audit-communique-unpublished = Communiqué retiré
error-minutes-approved = Le procès-verbal est approuvé : le compte rendu ne peut plus être modifié.
error-minutes-not-drafted = Le procès-verbal doit être rédigé avant d'être approuvé.
error-position-unknown = Ce poste est inconnu des statuts.
error-rank-invalid = Le rang doit être compris entre 1 et 9.
error-vote-not-carried = La décision n'a pas obtenu la majorité.
error-meeting-kind-unknown = Type de réunion inconnu.
error-presence-invalid = La présence doit être : présent, excusé ou absent.
error-text-required = Ce champ est obligatoire.
meeting-title = Réunion
meeting-chair = Présidence
meeting-agenda = Ordre du jour
meeting-agenda-empty = Pas d'ordre du jour.
meeting-attendance = Présences
meeting-quorum-met = Quorum atteint
meeting-quorum-not-met = Quorum non atteint
presence-present = Présent
presence-excused = Excusé
presence-absent = Absent
meeting-decisions = Décisions
meeting-decisions-empty = Aucune décision enregistrée.
meeting-decision-applied = En vigueur
meeting-minutes = Procès-verbal
minutes-none = Non rédigé
minutes-draft = Brouillon
minutes-approved = Approuvé
meeting-draft-minutes = Rédiger le procès-verbal
meeting-approve-minutes = Approuver le procès-verbal
meeting-communiques = Communiqués de presse
communique-draft = Brouillon
communique-published = Publié
communique-unpublished = Retiré
communique-publish = Publier le communiqué
communique-title = Communiqué
communique-back-to-meeting = Retour à la réunion
communique-edit = Texte du communiqué
field-headline = Titre
field-communique-body = Texte
communique-preview = Aperçu tel que le public le verra
communique-preview-hint = La carte apparaîtra ainsi sur la page publique des actualités.
communique-review = Relire et publier
communique-publish-warning = Une fois publié, ce communiqué est visible par tous les visiteurs de la page des actualités et dans le flux Atom, et chacun peut le partager. Relisez l'aperçu ci-dessus avant de confirmer.
communique-publish-confirm = Confirmer la publication
communique-unpublish = Retirer le communiqué de la page publique
communique-unpublish-warning = Le communiqué disparaît de la page des actualités et du flux ; son historique est conservé.
meeting-draft-communique = Rédiger un communiqué
news-title = Actualités
news-empty = Aucun communiqué publié pour l'instant.
meetings-of-body = Réunions
positions-title = Postes
positions-empty = Aucun poste enregistré pour l'instant.
committees-title = Commissions
positions-add = Enregistrer un titulaire
field-position = Poste
field-rank = Rang (adjoints)
field-holder-name = Nom complet
field-started-on = Depuis le
meetings-empty = Aucune réunion pour l'instant.
meeting-new = Programmer une réunion
field-meeting-kind = Type de réunion
field-starts-at = Heure
field-place = Lieu
field-slogan = Slogan
meeting-agenda-hint = Un point par ligne, dans l'ordre
meeting-take-attendance = Relever les présences
meeting-one-per-line = Un nom par ligne
meeting-guests = Invités
meeting-guest-hint = Qualité | nom, un par ligne
meeting-interventions = Interventions
field-speaker = Intervenant (nom, ou le groupe)
field-summary = Teneur de l'intervention
meeting-add-intervention = Ajouter une intervention
field-decision-kind = Type de décision
decision-appoint = Désignation à un poste
decision-create-committee = Création d'une commission
decision-resolution = Résolution ou recommandation
field-committee = Commission
committee-membership = Commission des adhésions
committee-ethics = Commission d'éthique
field-committee-members = Membres de la commission
field-vote = Vote (vide : par consensus)
vote-for = Pour
vote-against = Contre
vote-abstentions = Abstentions
meeting-add-decision = Enregistrer la décision
meeting-kind-organizational = Réunion organisationnelle
meeting-kind-communication = Rencontre de communication
meeting-kind-consultative = Réunion consultative
meeting-kind-congress = Congrès
meeting-kind-council_session = Session du conseil
home-upcoming-meetings = Prochaines réunions
calendar-title = Mon agenda
calendar-explain = Un lien personnel à ajouter à l'agenda de votre téléphone pour y voir les réunions des instances de votre ressort. Ne le partagez pas.
calendar-shown-once = Ce lien ne s'affiche qu'une fois : copiez-le maintenant.
calendar-create = Créer le lien d'agenda
calendar-renew = Renouveler le lien (l'ancien cesse de fonctionner)
nav-calendar = Agenda
coverage-title = Couverture territoriale
coverage-constituted = Constituées
coverage-forming = En formation
coverage-none = Sans instance
coverage-without-body = Territoires sans instance constituée
error-body-constituted = Cette instance est déjà constituée.
decision-constitute = Constitution de l'instance
audit-body-founding = Instance mise en formation
error-campaign-invalid = Le plan de la campagne n’est plus valable.
decision-launch-campaign = Lancement de la campagne d’adhésion et de renouvellement
minutes-amendments = Rectificatifs
minutes-amend = Rectifier le procès-verbal approuvé
minutes-amendment-text = Texte rectifié
audit-minutes-amended = Procès-verbal approuvé rectifié
error-minutes-not-approved = Le procès-verbal n'est pas encore approuvé : modifiez le brouillon.

# Meeting record: leads from other levels, arrivals and departures, proxies, weights, programmes
meeting-present-hint = Une ligne par personne : nom | arrivée | départ | poids (facultatifs, par ex. : Ahmed | 10:30 | 12:00).
meeting-proxy-hint = Procuration : nom | nom du membre présent qui vote pour lui.
meeting-arrived = arrivé à
meeting-left = parti à
meeting-proxy-to = procuration à
meeting-voters = { $count ->
    [one] { $count } voix au moment du vote
   *[other] { $count } voix au moment du vote
}
decision-adopt-programme = Adopter un programme
decision-renew-office = Renouveler le bureau
decision-renew-office-hint = Tous les membres actuels du bureau quittent leurs fonctions le jour où le procès-verbal est approuvé ; les élus ci-dessous prennent leurs postes (une ligne par membre).
field-programme-title = Titre du programme
field-period-from = Du
field-period-to = Au
field-activities = Activités
field-taken-at = Heure de la décision
meeting-lead-chair = Présidence
meeting-lead-co_chair = Coprésidence
meeting-lead-host = Hôte
field-public-title = Qualité publiée
meeting-lead-title-hint = ex. : membre du comité exécutif
meeting-leads-outside = Présidence ou hôte hors de l'instance ou d'un autre niveau
programmes-title = Programmes d'action
programmes-empty = Aucun programme adopté.
error-times-inverted = L'heure de départ doit suivre l'heure d'arrivée.
error-times-for-absent = Les heures d'arrivée et de départ ne valent que pour les présents.
error-weight-not-allowed = Les règles de cette instance ne prévoient pas de poids de vote (ou le poids est invalide).
error-proxies-not-allowed = Les règles de cette instance n'admettent pas les procurations.
error-proxy-from-present = Seul un membre absent ou excusé donne procuration.
error-proxy-holder-absent = Le mandataire doit être un membre présent.
error-proxy-twice = Un membre ne porte qu'une procuration.
error-vote-exceeds-voters = Le vote compte plus de voix que de votants présents à ce moment.
error-period-inverted = La fin de la période doit suivre son début.
error-time-invalid = L'heure s'écrit ainsi : 10:30.
error-name-twice = Ce nom figure deux fois.
error-tree-national-only = Seul un compte de portée nationale crée la structure du pays en une fois ; créez les instances de votre périmètre une à une.
presence-remote = Présent à distance
error-remote-not-present = Seul un présent peut l'être à distance.
error-chair-twice = Une seule présidence : un titulaire de l'instance ou une personne extérieure, chaque rôle une fois.
calendar-body-link = Lien d'agenda de cette instance
meeting-invitations = Invitations
meeting-invitations-empty = Aucune invitation pour l'instant.
meeting-invite = Inviter
meeting-invite-holders = Inviter les titulaires de postes de l'instance
meeting-guest = invité
meeting-draft-communique-fr = Rédiger le communiqué en français
home-reminders = À faire
reminder-draft-minutes = Procès-verbal à rédiger
reminder-approve-minutes = Procès-verbal à approuver
reminder-publish-communique = Communiqué à publier
application-committee = Commission compétente
application-no-committee = Aucune commission des adhésions n'est encore constituée à ce niveau.
committee-record = Enregistrer une commission telle qu'elle est
committee-record-hint = Cette liste remplace les membres actuels. Pour constituer une commission par décision, enregistrez-la dans une réunion.
error-committee-member-unknown = Ce membre n'est pas un membre actif dans le ressort de cette instance.
audit-committee-recorded = Commission enregistrée
# Disciplinary cases
error-case-outcome-invalid = Décision inconnue.
error-case-grounds-required = Indiquez les faits reprochés au membre.
error-case-reasons-required = Indiquez les motifs de la décision.
error-case-date-before-opening = La date précède l'ouverture du dossier.
error-member-already-expelled = Ce membre est déjà exclu.
error-case-heard-required = Indiquez qui a été entendu.
error-case-summary-required = Résumez ce qui a été dit lors de l'audition.
error-case-document-title-required = Le titre de la pièce est obligatoire.
error-case-document-empty = Choisissez un fichier non vide.
error-case-document-too-large = Fichier trop volumineux : 5 Mo au plus.
error-ethics-committee-missing = Cette instance n'a pas de commission d'éthique : elle doit la constituer par une décision de l'une de ses réunions avant d'ouvrir un dossier disciplinaire.
error-case-decided = Ce dossier a été tranché : il ne peut plus être modifié.
error-case-member-unknown = Aucun membre de ce numéro dans le ressort de cette instance.
audit-case-opened = Dossier disciplinaire ouvert
audit-case-viewed = Dossier disciplinaire consulté
audit-case-hearing-recorded = Audition enregistrée
audit-case-document-added = Pièce ajoutée à un dossier disciplinaire
audit-case-document-downloaded = Pièce d'un dossier disciplinaire téléchargée
audit-case-decided = Dossier disciplinaire tranché
nav-cases = Dossiers disciplinaires
cases-title = Dossiers disciplinaires
cases-of-body = Dossiers disciplinaires de l'instance
cases-empty = Aucun dossier disciplinaire.
count-cases = { PLURAL($count) ->
    [one] { $count } dossier
   *[other] { $count } dossiers
}
cases-tab-all = Tous
cases-tab-open = En cours
cases-tab-decided = Tranchés
case-status-open = En cours
case-status-decided = Tranché
case-outcome-no_action = Classement sans suite
case-outcome-warning = Avertissement
case-outcome-suspension = Suspension
case-outcome-expulsion = Exclusion
case-title = Dossier disciplinaire
case-member = Membre concerné
case-member-status = Situation actuelle
case-committee = Commission d'éthique de
case-opened-on = Ouvert le
case-grounds = Faits reprochés
case-decision = Décision
case-outcome = Décision
case-decided-on = Date de la décision
case-until = Suspendu jusqu'au
case-reasons = Motifs
case-notify-phone-email = À notifier : téléphone et e-mail au dossier du membre.
case-notify-phone = À notifier : téléphone au dossier du membre.
case-notify-email = À notifier : e-mail au dossier du membre.
case-notify-none = Aucun moyen de contact au dossier du membre.
case-notify-explain = tanzim n'envoie pas encore de notifications : la commission notifie elle-même la décision au membre.
case-confirm-title = Confirmer la décision
case-confirm-suspension = Suspension de { $member } jusqu'au { $until }.
case-confirm-expulsion = Exclusion de { $member } du parti.
case-confirm-explain = Cette décision change la situation du membre dès qu'elle est enregistrée, et son historique renverra à ce dossier. Elle ne peut pas être annulée depuis cette page.
case-confirm-submit = Confirmer la décision
case-hearings = Auditions
case-hearings-empty = Aucune audition enregistrée.
case-add-hearing = Enregistrer une audition
case-heard = Personne entendue
case-heard-hint = Le membre concerné, le plaignant, un témoin…
case-documents = Pièces
case-documents-empty = Aucune pièce au dossier.
case-add-document = Ajouter une pièce
case-document-title = Titre de la pièce
case-document-file = Fichier
case-document-limit = { $mb } Mo au plus : PDF, image ou texte.
case-document-size = { $kb } Ko
case-decide = Trancher le dossier
case-until-hint = Fin de la suspension (suspension seulement)
case-decide-explain = Une suspension ou une exclusion vous est présentée pour confirmation avant d'être enregistrée.
case-open = Ouvrir un dossier disciplinaire
case-member-number = Numéro d'adhérent
case-history-reason = Décision de la commission d'éthique de { $body }
case-history-decision = Dossier disciplinaire n° { $id }
member-cases = Dossiers disciplinaires
pdf-page = Page
meeting-minutes-pdf = Télécharger le procès-verbal (PDF)
audit-minutes-exported = Procès-verbal téléchargé
minutes-approved-on = Approuvé le { $date }
coverage-by-province = Par province
coverage-all-regions = Toutes les régions
field-region = Région
field-goals = Objectifs
meeting-edit = Corriger la réunion

## Password confirmation before sensitive actions
confirm-title = Confirmer le mot de passe
confirm-explain = Cette opération est sensible : saisissez à nouveau votre mot de passe pour continuer. La confirmation vaut dix minutes.
confirm-submit = Confirmer
error-password-wrong = Mot de passe incorrect.
error-session-required = Cette opération se fait depuis le navigateur, après connexion, pas avec une clé d'API.
error-reauth-required = Confirmez votre mot de passe avant cette opération (une fois toutes les dix minutes).
audit-password-confirmed = Mot de passe confirmé
audit-password-confirm-failed = Échec de confirmation du mot de passe
audit-password-confirm-throttled = Confirmation du mot de passe refusée (trop de tentatives)
audit-database-backed-up = Sauvegarde de la base de données
audit-database-restored = Base de données restaurée depuis une sauvegarde

## Statistics for those who see only counts
stats-withheld = <{ $min }
stats-protected = Pour protéger les membres : aucun effectif inférieur à { $min } n'est affiché, les autres sont arrondis au multiple de { $min } le plus proche, et les parts sont calculées sur les effectifs arrondis.

# Exports and jobs
export-title = Exporter la liste des membres
export-explain = Le fichier est préparé en arrière-plan ; vous le téléchargez ensuite une seule fois depuis sa page, dans la journée. Il contient des données personnelles : conservez-le en lieu sûr.
export-all = Tous les membres couverts par vos rôles.
export-format = Format du fichier
export-submit = Préparer le fichier
export-back = Retour à la liste des membres
job-title = Fichier d’export
job-state-queued = En attente
job-state-running = En préparation
job-state-done = Le fichier est prêt
job-state-failed = Le fichier n’a pas pu être préparé
job-state-cancelled = Préparation annulée
job-done-of = Traités : { $done } sur { $total }
job-done = Traités : { $done }
job-rate = { $count } par seconde
job-seconds-left = { $count ->
    [one] encore { $count } seconde
   *[other] encore { $count } secondes
}
job-failed = Cause :
job-download = Télécharger le fichier
job-download-once = Le fichier se télécharge une seule fois, puis il est supprimé du serveur.
job-downloaded = Ce fichier a été téléchargé et supprimé du serveur.
job-expired = Ce fichier a été supprimé un jour après sa préparation. Relancez l’export depuis la liste des membres.
job-cancel = Annuler la préparation
job-ready = Votre export est prêt à télécharger
error-job-ended = Cette tâche est déjà terminée.
error-job-downloaded = Ce fichier a déjà été téléchargé ; il ne se télécharge qu’une fois.
error-job-expired = Ce fichier a été supprimé un jour après sa préparation.
error-job-not-done = Ce fichier n’est pas encore prêt.
error-format-invalid = Format de fichier inconnu : CSV ou XLSX.

# Imports and campaign closes as jobs
job-import-title = Import d’une liste de membres
job-import-state-queued = En attente
job-import-state-running = Import en cours
job-import-state-done = Import terminé
job-import-state-failed = L’import s’est arrêté avant la fin ; il peut reprendre là où il s’est arrêté
job-import-state-cancelled = Import arrêté ; ce qui était importé avant l’arrêt reste importé
job-import-ready = L’import de votre liste est terminé
job-import-cancel = Arrêter l’import
job-close-title = Clôture d’une campagne de renouvellement
job-close-state-queued = En attente
job-close-state-running = Clôture en cours
job-close-state-done = La campagne est clôturée
job-close-state-failed = La clôture s’est arrêtée avant la fin ; elle reprend là où elle s’est arrêtée
job-close-state-cancelled = Clôture annulée
job-close-ready = La clôture de la campagne est terminée
job-close-cancel = Annuler
job-back-import = Résultat de l’import et lignes rejetées
job-back-campaign = Retour à la campagne
import-running = L’import se poursuit en arrière-plan, lot après lot.
import-follow = Suivre l’avancement
campaign-closing-follow = Suivre l’avancement
error-job-not-cancellable = Cette tâche ne peut pas être arrêtée en cours de route.
error-import-moved = Cet import a avancé pendant son exécution (une autre exécution du même fichier) ; réessayez.

# Meetings as the press reports them
meeting-lead-framer = Animation
meeting-lead-honour_guest = Invité d'honneur
field-meeting-mode = Mode de tenue
meeting-mode-in_person = En présentiel
meeting-mode-online = À distance (visioconférence)
meeting-mode-hybrid = En présentiel et à distance
field-video-link = Lien de la visioconférence (jamais publié)
field-city-abroad = Ville à l'étranger
field-country = Pays
field-members-present-count = Nombre de membres présents (au lieu des noms)
field-whole-body-present = Tous les membres de l'instance étaient présents
field-invited = Invités (pour l'annonce)
field-speaker-title = Qualité de l'intervenant
field-speaker-group = L'intervenant est un groupe (membres du bureau, militantes…)
field-say-verb = Verbe de l'intervention
say-verb-addressed = a abordé
say-verb-stressed = a insisté sur
say-verb-called_for = a appelé à
say-verb-praised = a salué
say-verb-reviewed = a passé en revue
say-verb-presented = a présenté un exposé sur
say-verb-commended = a apprécié
say-verb-demanded = a demandé
field-unanimous = À l'unanimité (tous les présents)
communique-kind-announcement = Annonce avant la réunion
communique-kind-report = Compte rendu après la réunion
error-organization-not-host = Seul l'accueil peut être le fait d'une organisation ; présidence et animation sont des personnes.
error-count-invalid = Le nombre doit être positif et ne pas dépasser le nombre de membres de l'instance.
error-place-twice = Choisissez une commune du Maroc ou une ville à l'étranger, pas les deux.
error-country-required = Une ville à l'étranger demande son pays, et un pays sa ville.
error-link-invalid = Le lien de visioconférence doit commencer par https://
error-count-and-whole = Soit le nombre de présents, soit l'instance au complet, pas les deux.
error-unanimous-without-attendance = L'unanimité ne peut être enregistrée avant les présences (nominatives ou par nombre).
field-host-organization = L'hôte est une organisation (parti, association, salle)
meeting-more-place = À distance, à l'étranger, nombre de présents et invités
meeting-sympathisers-present = Sympathisants présents (non membres)
field-congress = Dans le cadre du congrès
meeting-congress-none = Sans lien avec un congrès
error-body-not-in-formation = Seule une instance en cours de fondation peut être constituée ; celle-ci l'est déjà.
error-committee-unknown = Cette commission n'existe pas dans les statuts du parti.
# Imports: rolls as parties keep them
error-commune-ambiguous = Plusieurs communes portent ce nom ; ajoutez une colonne province ou écrivez le code de la commune.
error-province-unknown = Province ou préfecture inconnue.
error-commune-not-in-province = Cette commune n'est pas dans la province indiquée sur la ligne.
error-number-cin-mismatch = Ce numéro d'adhérent est celui d'un autre membre que le titulaire de cette CIN ; la CIN se corrige sur la fiche du membre.
import-lead-preview = Aperçu :
import-lead-done = Import terminé :
import-count-imported = { PLURAL($count) ->
    [one] { $count } nouveau membre
   *[other] { $count } nouveaux membres
}
import-count-updated = { PLURAL($count) ->
    [one] { $count } membre mis à jour
   *[other] { $count } membres mis à jour
}
import-count-unchanged = { PLURAL($count) ->
    [one] { $count } ligne inchangée
   *[other] { $count } lignes inchangées
}
import-count-rejected = { PLURAL($count) ->
    [one] { $count } ligne refusée
   *[other] { $count } lignes refusées
}
import-count-review = { PLURAL($count) ->
    [one] { $count } ligne à examiner (doublon probable)
   *[other] { $count } lignes à examiner (doublons probables)
}
import-count-referred = { PLURAL($count) ->
    [one] { $count } ligne transmise à un niveau supérieur
   *[other] { $count } lignes transmises à un niveau supérieur
}
import-mapping-title = Colonnes du fichier
import-mapping-explain = Choisissez ce que contient chaque colonne du fichier, puis relancez l'aperçu. Votre choix est retenu pour vos prochains fichiers.
import-mapping-column = Colonne du fichier
import-mapping-field = Lue comme
import-mapping-unknown = en-tête inconnu
import-mapping-apply = Relancer l'aperçu avec ces colonnes
import-field-ignored = — laissée de côté —
import-field-number = Numéro d'adhérent
import-field-first_name_ar = Prénom (arabe)
import-field-last_name_ar = Nom (arabe)
import-field-first_name_lat = Prénom (latin)
import-field-last_name_lat = Nom (latin)
import-field-sex = Sexe
import-field-birth_date = Date de naissance
import-field-cin = CIN
import-field-phone = Téléphone
import-field-email = Courriel
import-field-commune_code = Commune ou arrondissement
import-field-province = Province ou préfecture
import-field-address = Adresse
import-field-profession = Profession
import-field-joined_on = Date d'adhésion
import-field-status = Statut (non importé)
import-field-paid_year = Dernière année payée (non importée)
import-sample = Modèle de fichier avec les en-têtes acceptés :
import-sample-xlsx = Excel (xlsx)
import-sample-csv = CSV
import-accepted-title = En-têtes acceptés
import-accepted-field = Champ
import-accepted-header = En-tête du modèle
import-accepted-synonyms = Autres en-têtes acceptés
import-accepted-notes = Ni la hamza, ni la ta marbuta, ni les voyelles, ni la casse, ni les accents ne comptent dans les en-têtes. Commune : son code (comme 05.091.01.07) ou son nom en arabe ou en français ; si plusieurs communes portent le même nom, ajoutez une colonne province. Dates : 1990-03-12 ou 12/03/1990. Sexe : M ou F (ذكر, أنثى). La colonne du numéro d'adhérent (comme dans l'export) désigne le membre à mettre à jour.
import-no-cin-mapped = Aucune colonne n'est lue comme CIN : choisissez-la dans les colonnes du fichier ci-dessous, sinon toutes les lignes seront refusées.
error-mapping-invalid = Le choix des colonnes n'est pas valable ; rechargez la page.
# Contacts and sympathisers
contacts-title = Sympathisants et contacts
contacts-intro = Des personnes qui ne sont pas membres, enregistrées avec leur consentement, invitées aux réunions et aux activités. Elles ne sont jamais comptées parmi les membres.
contacts-search = Rechercher par nom ou téléphone
contacts-export = Exporter la liste (CSV)
contacts-new = Enregistrer un sympathisant
contacts-add = Enregistrer
contacts-empty = Aucun sympathisant enregistré dans votre périmètre pour l’instant.
contacts-none-found = Aucun sympathisant de votre périmètre ne correspond à cette recherche.
count-contacts = { PLURAL($count) ->
    [one] { $count } sympathisant
   *[other] { $count } sympathisants
}
contact-title = Sympathisant
contact-erased-title = Sympathisant effacé
contact-organization = Sympathisant de
contact-consent = Consentement
contact-consent-on = Date du consentement
contact-consent-source = Recueilli
contact-consent-wording = Texte du consentement
contact-source-meeting = lors d’une réunion
contact-source-activity = lors d’une activité
contact-source-form = par formulaire
contact-source-referral = par un membre
contact-source-import = liste importée
contact-status-active = Sympathisant
contact-status-converted = Devenu demande d’adhésion
contact-status-erased = Effacé
contact-created = Enregistré le
contact-application = Demande d’adhésion
contact-convert = Transformer en demande d’adhésion
contact-convert-explain = Une demande d’adhésion en attente de la commission est déposée avec les données du sympathisant ; complétez ce qui manque.
contact-erase = Effacer les données personnelles
contact-erase-confirm = Je confirme l’effacement définitif du nom, du téléphone et de toutes les données personnelles de cette personne.
audit-contact-created = Sympathisant enregistré
audit-contact-viewed = Sympathisant consulté
audit-contact-converted = Sympathisant transformé en demande d’adhésion
audit-contact-erased = Sympathisant effacé
audit-contacts-exported = Liste des sympathisants exportée
error-contact-consent-required = Personne n’est enregistré sans son consentement : sa date, la façon dont il a été recueilli et son texte sont requis.
error-contact-consent-source-invalid = Façon de recueillir le consentement inconnue.
error-contact-converted = Ce sympathisant est déjà devenu une demande d’adhésion.
error-contact-erased = Les données de ce sympathisant ont été effacées.
error-contact-not-active = Ce sympathisant ne peut plus être transformé.
nav-contacts = Sympathisants
error-congress-unknown = Le congrès lié doit être un congrès de cette instance ou d'une instance au-dessus.
error-position-twice = Un poste (et un rang) n'a qu'un titulaire dans le bureau élu.
error-office-empty = Le bureau élu doit compter au moins un poste.
# Territory picker
picker-placeholder = Nom en arabe ou en français, ou code
picker-hint = Tapez le nom du territoire en arabe ou en français et choisissez parmi les suggestions, ou tapez son code.
picker-place = { $name } — { $parent } ({ $kind }, { $code })
picker-place-top = { $name } ({ $kind }, { $code })
picker-or = ou
picker-none = Aucun territoire ne porte ce nom.
picker-found = { PLURAL($count) ->
    [one] { $count } suggestion
   *[other] { $count } suggestions
}
body-kinds-refresh = Afficher les types d'instance qui conviennent à l'organisation et au territoire choisis
error-territory-name-unknown = { $field } : aucun territoire ne porte ce nom ou ce code. Tapez le nom du découpage administratif, en arabe ou en français, ou le code (exemple : 03.531).
error-territory-name-ambiguous = { $field } : plusieurs territoires portent ce nom : { $candidates }. Choisissez-en un ou tapez son code.
error-body-exists = Type d'instance : cette organisation a déjà une instance active de ce type sur ce territoire ; une seconde n'est pas créée.
field-body-name-fr = Nom en français (facultatif)
field-body-name-fr-hint = Utilisé dans les communiqués en français ; par défaut : le type d'instance et le territoire.
news-dates = Réunion : { $meeting } · publié le { $published }
## Requests raised at meetings
meeting-requests = Demandes formulées
meeting-requests-empty = Aucune demande formulée lors de cette réunion.
meeting-request-answers = Réponses aux demandes antérieures
meeting-add-request = Enregistrer une demande
request-by = à la demande de
request-to = adressée à
request-due = échéance
request-answered = répondue le
request-overdue = échéance dépassée
request-open = en attente de réponse
request-title = Demande
request-raised-at = Formulée lors de la réunion
request-answer = Réponse
request-give-answer = Enregistrer la réponse
request-correct = Corriger la demande
request-remove = Supprimer la demande
request-remove-confirm = Je confirme la suppression de cette demande
requests-of-body = Demandes adressées à l'instance
requests-empty = Aucune demande adressée à cette instance.
count-requests = { PLURAL($count) ->
    [one] { $count } demande
   *[other] { $count } demandes
}
home-requests-awaiting = Demandes en attente de réponse
field-request-text = Demande
field-requested-by = Auteur de la demande (personne ou groupe, facultatif)
field-addressed-body = Instance destinataire
field-addressed-to = Responsable destinataire (facultatif)
field-due-on = Échéance (facultative)
field-answer = Réponse
field-answered-on = Date de la réponse
audit-request-answered = Réponse à une demande
error-request-text-required = Demande : le texte de la demande est obligatoire.
error-request-text-too-long = Demande : texte trop long (1000 caractères au plus).
error-requested-by-too-long = Auteur de la demande : texte trop long (200 caractères au plus).
error-addressed-to-too-long = Responsable destinataire : texte trop long (200 caractères au plus).
error-due-before-meeting = Échéance : elle ne peut précéder la date de la réunion.
error-due-on-invalid = Échéance : date invalide.
error-request-body-required = Instance destinataire : choisissez l'instance à laquelle la demande est adressée.
error-request-body-unknown = Instance destinataire : ce n'est pas une instance active de l'organisation à laquelle la demande peut être adressée.
error-request-answered = Réponse : cette demande a déjà reçu une réponse ; elle ne peut plus recevoir de réponse, être corrigée ni supprimée.
error-answer-required = Réponse : le texte de la réponse est obligatoire.
error-answer-too-long = Réponse : texte trop long (4000 caractères au plus).
error-answer-before-meeting = Date de la réponse : elle ne peut précéder la réunion où la demande a été formulée.
error-answered-on-invalid = Date de la réponse : date invalide ou absente.

## The meeting page that leads (issue 14, item 4)
meeting-step-preparation = Préparation
meeting-step-agenda-count = { PLURAL($count) ->
    [one] { $count } point à l'ordre du jour
   *[other] { $count } points à l'ordre du jour
}
meeting-step-not-taken = pas encore relevée
meeting-step-present = { PLURAL($count) ->
    [one] { $count } présent
   *[other] { $count } présents
}
meeting-step-interventions-count = { PLURAL($count) ->
    [one] { $count } intervention
   *[other] { $count } interventions
}
meeting-step-decisions-count = { PLURAL($count) ->
    [one] { $count } décision
   *[other] { $count } décisions
}
meeting-step-communiques-count = { PLURAL($count) ->
    [one] { $count } communiqué
   *[other] { $count } communiqués
}
meeting-warning-holder-after = Attention : { $name } ({ $title }) n'occupe ce poste que depuis le { $since }, après la date de la réunion ({ $held }). Si cette date de début est erronée, corrigez-la dans le bureau de l'instance.
intervention-edit = Corriger l'intervention
intervention-remove = Supprimer l'intervention
intervention-remove-confirm = Je confirme la suppression de cette intervention
decision-edit = Corriger la décision
decision-edit-hint = La nature de la décision et ses données restent telles qu'enregistrées ; on corrige ici le vote et son heure. Pour changer le reste, supprimez la décision et enregistrez-la de nouveau.
decision-remove = Supprimer la décision
decision-remove-confirm = Je confirme la suppression de cette décision
field-resolution-text = Texte de la décision
body-office = Bureau
body-office-empty = Aucun membre du bureau de cette instance n'est enregistré.
error-started-on-required = Date de prise de fonction : la date est obligatoire (elle n'est pas supposée être aujourd'hui).
