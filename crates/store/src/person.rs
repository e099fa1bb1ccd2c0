//! The person as a member's record and an application keep them: one set of columns, read
//! and shown the same way for both (the birth date stays with each, since a member's is
//! withheld from some readers).

use serde::Serialize;
use tanzim_domain::policy::Target;
use tanzim_domain::sex::Sex;
use tanzim_domain::territory::TerritoryPath;

#[derive(Debug, Clone, Serialize, sqlx::FromRow, utoipa::ToSchema)]
pub struct PersonRecord {
    pub first_name_ar: Option<String>,
    pub last_name_ar: Option<String>,
    pub first_name_lat: Option<String>,
    pub last_name_lat: Option<String>,
    #[sqlx(try_from = "String")]
    #[schema(value_type = String)]
    pub sex: Sex,
    pub cin: String,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub address: Option<String>,
    pub commune_code: String,
    pub commune_name_ar: Option<String>,
    pub commune_name_fr: Option<String>,
    pub path: String,
    pub profession: Option<String>,
    pub education: Option<String>,
    /// Affiliated organizations joined, comma-separated keys.
    pub affiliations: String,
}

impl PersonRecord {
    /// Where the person lives, as the policy judges it.
    pub fn target(&self) -> Target {
        Target {
            path: TerritoryPath::from_stored(self.path.clone()),
            organization: None,
        }
    }

    /// The name as shown in `lang`, falling back on the other script.
    pub fn display_name(&self, lang: &str) -> String {
        tanzim_domain::members::display_name(
            [
                &self.first_name_ar,
                &self.last_name_ar,
                &self.first_name_lat,
                &self.last_name_lat,
            ],
            lang,
        )
    }
}
