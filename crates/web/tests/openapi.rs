//! The OpenAPI document is generated from the code; the committed copy in
//! `docs/openapi.json` must match it, so an API change shows in review.
//! After changing the API: `TANZIM_UPDATE_OPENAPI=1 cargo test -p tanzim-web --test openapi`.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[test]
fn committed_openapi_document_matches_the_code() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/openapi.json");
    let generated = tanzim_web::api::openapi_document();
    if std::env::var_os("TANZIM_UPDATE_OPENAPI").is_some() {
        std::fs::write(&path, format!("{generated}\n")).unwrap();
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert_eq!(
        committed.trim_end(),
        generated,
        "docs/openapi.json is stale: rerun with TANZIM_UPDATE_OPENAPI=1"
    );
    // Every API route of the route table is documented.
    let doc: serde_json::Value = serde_json::from_str(&generated).unwrap();
    for route in tanzim_web::routes::table() {
        let spec = route.spec;
        if spec.path.starts_with("/api/v1/") && spec.path != "/api/v1/openapi.json" {
            let method = spec.method.to_ascii_lowercase();
            assert!(
                doc["paths"][spec.path][&method].is_object(),
                "{} {} is not in the OpenAPI document",
                spec.method,
                spec.path
            );
        }
    }
}
