//! How a territory is described to an officer (its name, the territory above it, its kind
//! and code), for the picker's suggestions and for the messages that name candidates. It
//! imports no page module, so views and the picker both use it.

use crate::i18n::Tr;
use tanzim_domain::gazetteer::{Gazetteer, Place};
use tanzim_domain::territory::TerritoryCode;
use tanzim_store::territory;

/// A territory as a list shows it: `تاونات — فاس-مكناس (إقليم، 03.531)`.
pub fn describe(tr: &Tr, gazetteer: &Gazetteer, place: &Place) -> String {
    let lang = tr.lang.code();
    let kind = tr.t(&format!("kind-{}", place.kind));
    let code = place.code.as_str();
    match gazetteer.parent(place) {
        Some(parent) => tr.with(
            "picker-place",
            &[
                ("name", place.name(lang)),
                ("parent", parent.name(lang)),
                ("kind", &kind),
                ("code", code),
            ],
        ),
        None => tr.with(
            "picker-place-top",
            &[("name", place.name(lang)), ("kind", &kind), ("code", code)],
        ),
    }
}

/// The territories a name could mean, described and joined for an error message.
pub fn candidates(tr: &Tr, codes: &[TerritoryCode]) -> String {
    let Ok(gazetteer) = territory::gazetteer() else {
        return codes
            .iter()
            .map(TerritoryCode::as_str)
            .collect::<Vec<_>>()
            .join(", ");
    };
    codes
        .iter()
        .filter_map(|c| gazetteer.get(c.as_str()))
        .map(|p| describe(tr, gazetteer, p))
        .collect::<Vec<_>>()
        .join(&format!(" {} ", tr.t("picker-or")))
}
