//! Who is asking: passwords (Argon2id), session and API tokens, and the middleware that
//! resolves each request's identity and language once, checks CSRF on every state-changing
//! request, and renders errors for pages and the API.

use crate::ctx::{Ctx, CurrentUser, Via};
use crate::error::AppError;
use crate::i18n::{Lang, Tr};
use crate::state::AppState;
use crate::views::render_error;
use axum::extract::{ConnectInfo, Request, State};
use axum::http::{Method, header};
use axum::middleware::Next;
use axum::response::Response;
use axum_extra::extract::cookie::{Cookie, CookieJar, SameSite};
use base64::Engine;
use std::net::{IpAddr, SocketAddr};
use tanzim_store::accounts;

pub const SESSION_COOKIE: &str = "tanzim_session";
pub const PRE_SESSION_CSRF_COOKIE: &str = "tanzim_csrf";
pub const LANG_COOKIE: &str = "tanzim_lang";

pub use tanzim_commands::secrets::{new_api_token, random_token, token_hash};

/// Argon2id with OWASP's parameters, off the async threads.
pub async fn hash_password(password: String) -> Result<String, AppError> {
    Ok(tanzim_commands::secrets::hash_password(password).await?)
}

/// The client's address as the throttles, rate limits, sessions and audit log see it.
fn client_address(req: &Request, trusted_proxies: &[IpAddr]) -> String {
    let Some(ConnectInfo(peer)) = req.extensions().get::<ConnectInfo<SocketAddr>>() else {
        return "unknown".to_owned();
    };
    let forwarded: Vec<&str> = req
        .headers()
        .get_all("x-forwarded-for")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .collect();
    client_ip(peer.ip(), &forwarded, trusted_proxies).to_string()
}

/// The peer's address, or when the peer is a trusted proxy, the right-most address of
/// `X-Forwarded-For` that is not itself one: each proxy appends the address it was reached
/// from, so whatever stands left of that was written by the client and proves nothing.
/// A hop that does not read as an address stops the walk at the proxy that wrote it.
pub fn client_ip(peer: IpAddr, forwarded_for: &[&str], trusted_proxies: &[IpAddr]) -> IpAddr {
    let trusted = |ip: &IpAddr| trusted_proxies.iter().any(|t| t.to_canonical() == *ip);
    let mut client = peer.to_canonical();
    if !trusted(&client) {
        return client;
    }
    for hop in forwarded_for.iter().flat_map(|v| v.split(',')).rev() {
        let hop = hop.trim();
        let Some(ip) = hop
            .parse::<IpAddr>()
            .ok()
            .or_else(|| hop.parse::<SocketAddr>().ok().map(|a| a.ip()))
        else {
            break;
        };
        client = ip.to_canonical();
        if !trusted(&client) {
            break;
        }
    }
    client
}

/// Arabic until the user picks another language (remembered in a cookie): the product is
/// Arabic first whatever language the phone's browser advertises.
fn request_lang(jar: &CookieJar) -> Lang {
    jar.get(LANG_COOKIE)
        .and_then(|c| Lang::parse(c.value()))
        .unwrap_or(Lang::Ar)
}

async fn resolve_user(
    state: &AppState,
    bearer: Option<String>,
    session_token: Option<String>,
) -> Result<Option<CurrentUser>, AppError> {
    let (user_id, via) = if let Some(token) = bearer {
        match accounts::token_user(&state.db, &token_hash(token.trim())).await? {
            Some(id) => (id, Via::Bearer),
            // A wrong token is an error, not an anonymous request.
            None => return Err(AppError::Unauthenticated),
        }
    } else if let Some(cookie) = session_token {
        let hash = token_hash(&cookie);
        let Some(session) = tanzim_commands::sessions::resume(&state.app(), &hash).await? else {
            return Ok(None);
        };
        (
            session.user_id,
            Via::Session {
                csrf: session.csrf_token,
                token_hash: hash,
                reauthenticated_at: session.reauthenticated_at,
            },
        )
    } else {
        return Ok(None);
    };
    let Some((principal, display_name)) = accounts::principal(&state.db, user_id).await? else {
        return match via {
            Via::Bearer => Err(AppError::Unauthenticated),
            Via::Session { .. } => Ok(None),
        };
    };
    Ok(Some(CurrentUser {
        principal,
        display_name,
        via,
    }))
}

/// Reads the `csrf` field of a urlencoded form body without consuming it for the handler.
async fn form_csrf(req: Request) -> Result<(Request, Option<String>), AppError> {
    let is_form = req
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/x-www-form-urlencoded"));
    let header_token = req
        .headers()
        .get("x-csrf-token")
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    let boundary = req
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| multer::parse_boundary(v).ok());
    if let Some(boundary) = boundary {
        // A file upload: the token is a field of the multipart body.
        let (parts, body) = req.into_parts();
        let bytes = axum::body::to_bytes(body, crate::MAX_UPLOAD_BYTES)
            .await
            .map_err(|_| AppError::BadRequest("body-too-large"))?;
        let stream = futures_util::stream::once({
            let bytes = bytes.clone();
            async move { Ok::<_, std::convert::Infallible>(bytes) }
        });
        let mut multipart = multer::Multipart::new(stream, boundary);
        let mut token = None;
        while let Ok(Some(field)) = multipart.next_field().await {
            if field.name() == Some("csrf") {
                token = field.text().await.ok();
                break;
            }
        }
        return Ok((
            Request::from_parts(parts, axum::body::Body::from(bytes)),
            token.or(header_token),
        ));
    }
    if !is_form {
        return Ok((req, header_token));
    }
    let (parts, body) = req.into_parts();
    let bytes = axum::body::to_bytes(body, crate::MAX_FORM_BYTES)
        .await
        .map_err(|_| AppError::BadRequest("body-too-large"))?;
    let token = url::form_urlencoded::parse(&bytes)
        .find(|(k, _)| k == "csrf")
        .map(|(_, v)| v.into_owned());
    Ok((
        Request::from_parts(parts, axum::body::Body::from(bytes)),
        token.or(header_token),
    ))
}

fn same_token(a: &[u8], b: &[u8]) -> bool {
    // Constant-time comparison of equal-length tokens.
    a.len() == b.len()
        && !a.is_empty()
        && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// Whether a token sent with a form is `expected` once unmasked.
fn token_matches(sent: &str, expected: &str) -> bool {
    let Ok(bytes) = base64::engine::general_purpose::URL_SAFE_NO_PAD.decode(sent.trim()) else {
        return false;
    };
    if bytes.len() != 2 * expected.len() {
        return false;
    }
    let (pad, masked) = bytes.split_at(expected.len());
    let token: Vec<u8> = pad.iter().zip(masked).map(|(p, m)| p ^ m).collect();
    same_token(&token, expected.as_bytes())
}

/// The middleware around every route: context in, CSRF checked, errors rendered.
pub async fn context(
    State(state): State<AppState>,
    jar: CookieJar,
    req: Request,
    next: Next,
) -> Response {
    let lang = request_lang(&jar);
    let tr = Tr::new(state.i18n.clone(), lang);
    let path = req.uri().path().to_owned();
    let api = path.starts_with("/api/");
    let secure = state.config.secure_cookies
        || req
            .headers()
            .get("x-forwarded-proto")
            .is_some_and(|v| v.as_bytes() == b"https");
    let address = client_address(&req, &state.config.trusted_proxies);
    let mut ctx = Ctx {
        tr,
        address,
        user: None,
        pre_session_csrf: String::new(),
        path: req
            .uri()
            .path_and_query()
            .map(|p| p.to_string())
            .unwrap_or_default(),
        api,
        secure,
    };
    let result = async {
        let bearer = req
            .headers()
            .get(header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "))
            .map(str::to_owned);
        let session_token = jar.get(SESSION_COOKIE).map(|c| c.value().to_owned());
        ctx.user = resolve_user(&state, bearer, session_token).await?;
        let existing_pre = jar
            .get(PRE_SESSION_CSRF_COOKIE)
            .map(|c| c.value().to_owned());
        ctx.pre_session_csrf = existing_pre.clone().unwrap_or_else(random_token);
        let mut req = req;
        if !matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS) {
            let expected = match &ctx.user {
                Some(CurrentUser {
                    via: Via::Bearer, ..
                }) => None,
                Some(CurrentUser {
                    via: Via::Session { csrf, .. },
                    ..
                }) => Some(csrf.clone()),
                // Without credentials there is nothing to forge except a sign-in (login
                // CSRF); other anonymous requests are refused as unauthenticated.
                None if path == "/login" || path == "/apply" => {
                    Some(existing_pre.unwrap_or_default())
                }
                None => None,
            };
            if let Some(expected) = expected {
                let (r, sent) = form_csrf(req).await?;
                req = r;
                if !sent.is_some_and(|s| token_matches(&s, &expected)) {
                    return Err(AppError::Csrf);
                }
            }
        }
        Ok(req)
    }
    .await;
    // Only pages need the pre-session token (the login form); the API and assets do not.
    let needs_pre_cookie = !api
        && !path.starts_with("/assets/")
        && path != "/healthz"
        && jar.get(PRE_SESSION_CSRF_COOKIE).is_none()
        && ctx.user.is_none();
    let mut response = match result {
        Ok(mut req) => {
            req.extensions_mut().insert(ctx.clone());
            next.run(req).await
        }
        Err(e) => axum::response::IntoResponse::into_response(e),
    };
    // Axum's own rejections (a path id that is not a number, a bad query) are plain text:
    // give them the same localized page or JSON body as every other error.
    let plain_rejection = response.extensions().get::<AppError>().is_none()
        && matches!(response.status().as_u16(), 400 | 415 | 422)
        && response
            .headers()
            .get(header::CONTENT_TYPE)
            .is_some_and(|v| v.as_bytes().starts_with(b"text/plain"));
    if plain_rejection {
        response = render_error(&state, &ctx, AppError::BadRequest("malformed-input"));
    }
    if let Some(error) = response.extensions_mut().remove::<AppError>() {
        response = render_error(&state, &ctx, error);
    }
    // Browsers keep to HTTPS once told over HTTPS (and ignore the header over plain HTTP).
    if ctx.secure {
        response.headers_mut().insert(
            header::STRICT_TRANSPORT_SECURITY,
            axum::http::HeaderValue::from_static("max-age=31536000"),
        );
    }
    if needs_pre_cookie {
        let cookie = Cookie::build((PRE_SESSION_CSRF_COOKIE, ctx.pre_session_csrf.clone()))
            .path("/")
            .http_only(true)
            .secure(ctx.secure)
            .same_site(SameSite::Strict)
            .build();
        if let Ok(v) = cookie.to_string().parse() {
            response.headers_mut().append(header::SET_COOKIE, v);
        }
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ctx::mask_token;

    fn ip(s: &str) -> IpAddr {
        s.parse().unwrap_or(IpAddr::from([0, 0, 0, 0]))
    }

    #[test]
    fn csrf_tokens_are_masked_afresh_and_checked_unmasked() {
        let token = "tok3n-of-the-session";
        let (a, b) = (mask_token(token), mask_token(token));
        assert_ne!(a, b);
        assert!(!a.contains(token) && a.len() == 54, "{a}");
        assert!(token_matches(&a, token) && token_matches(&b, token));
        assert!(!token_matches(&a, "another-token-of-20c"));
        assert!(
            !token_matches(token, token),
            "the bare token is not a masked one"
        );
        assert!(!token_matches("", ""));
        // One bit changed anywhere is another token.
        let mut bytes = base64::engine::general_purpose::URL_SAFE_NO_PAD
            .decode(&a)
            .unwrap_or_default();
        bytes[30] ^= 1;
        let tampered = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes);
        assert!(!token_matches(&tampered, token));
    }

    #[test]
    fn forwarded_for_is_believed_only_from_trusted_proxies() {
        let proxies = [ip("10.0.0.2"), ip("10.0.0.3")];
        // No proxy configured, or a peer that is not one: the header is ignored.
        assert_eq!(
            client_ip(ip("192.0.2.9"), &["198.51.100.4"], &[]),
            ip("192.0.2.9")
        );
        assert_eq!(
            client_ip(ip("192.0.2.9"), &["198.51.100.4"], &proxies),
            ip("192.0.2.9")
        );
        // Behind one proxy: the address it appended, not what the client put before it.
        assert_eq!(
            client_ip(ip("10.0.0.2"), &["198.51.100.4, 203.0.113.7"], &proxies),
            ip("203.0.113.7")
        );
        // Behind two, over two header lines: the trusted hops are skipped.
        assert_eq!(
            client_ip(
                ip("10.0.0.2"),
                &["198.51.100.4, 203.0.113.7", "10.0.0.3"],
                &proxies
            ),
            ip("203.0.113.7")
        );
        // No header, or a hop that is no address: the last proxy that can be believed.
        assert_eq!(client_ip(ip("10.0.0.2"), &[], &proxies), ip("10.0.0.2"));
        assert_eq!(
            client_ip(ip("10.0.0.2"), &["203.0.113.7, unknown"], &proxies),
            ip("10.0.0.2")
        );
        assert_eq!(
            client_ip(
                ip("10.0.0.2"),
                &["203.0.113.7:4711", "[2001:db8::1]:80"],
                &proxies
            ),
            ip("2001:db8::1")
        );
        // An IPv4 peer seen through an IPv6 socket is the same proxy.
        assert_eq!(
            client_ip(ip("::ffff:10.0.0.2"), &["203.0.113.7"], &proxies),
            ip("203.0.113.7")
        );
    }
}
