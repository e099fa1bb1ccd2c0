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

/// Each operation lists the errors its route can answer whatever the handler does: 401
/// unless public, 403 when the policy or a session guard decides, 404 when the path names a
/// record, 400 when a path segment, a query parameter or a body may fail to parse. Every
/// error carries the one error body. (409 and 422 depend on the handler, and are listed
/// by hand.)
#[test]
fn every_operation_documents_the_errors_it_can_answer() {
    use tanzim_web::routes::{Access, Guard};
    let doc: serde_json::Value =
        serde_json::from_str(&tanzim_web::api::openapi_document()).unwrap();
    let mut missing = Vec::new();
    let mut operations = 0;
    for route in tanzim_web::routes::table() {
        let spec = route.spec;
        if !spec.path.starts_with("/api/v1/") || spec.path == "/api/v1/openapi.json" {
            continue;
        }
        operations += 1;
        let op = &doc["paths"][spec.path][spec.method.to_ascii_lowercase()];
        let takes_input = spec.path.contains('{')
            || op["parameters"].as_array().is_some_and(|p| !p.is_empty())
            || op["requestBody"].is_object();
        let expected = [
            ("400", takes_input),
            ("401", spec.access != Access::Public),
            (
                "403",
                matches!(spec.access, Access::Policy(..)) || spec.guard != Guard::Any,
            ),
            ("404", spec.path.contains('{')),
        ];
        for (code, needed) in expected {
            if needed && !op["responses"][code].is_object() {
                missing.push(format!("{} {} {code}", spec.method, spec.path));
            }
        }
        for (code, response) in op["responses"].as_object().unwrap() {
            if code.starts_with('4') {
                assert_eq!(
                    response["content"]["application/json"]["schema"]["$ref"],
                    "#/components/schemas/ApiError",
                    "{} {} {code}",
                    spec.method,
                    spec.path
                );
            }
        }
    }
    assert!(operations > 50, "only {operations} API operations");
    assert!(missing.is_empty(), "undocumented: {missing:#?}");
}
