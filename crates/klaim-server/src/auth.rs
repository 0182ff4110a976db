//! Who is calling: the session cookie, the custom header that state-changing requests must carry,
//! and the client's address for rate limits.
//!
//! Cross-site request forgery is stopped twice: the cookie is `SameSite=Strict` (a browser does
//! not send it from another site), and every `POST`/`PUT`/`PATCH`/`DELETE` must carry
//! `X-Klaim-Request: 1`, which a cross-site form cannot set and a cross-site `fetch` cannot set
//! without a CORS preflight that this server never grants.

use std::net::SocketAddr;

use axum::extract::{ConnectInfo, FromRequestParts, Request};
use axum::http::{HeaderValue, Method, header, request::Parts};
use axum::middleware::Next;
use axum::response::Response;

use crate::accounts::Caller;
use crate::accounts::sessions::{self, Session};
use crate::app::AppState;
use crate::error::ApiFailure;
use crate::lang;

pub const SESSION_COOKIE: &str = "klaim_session";
/// Set and cleared with the session cookie, but readable by the app and without a secret: it
/// only says that a session was made in this browser, so the app asks `GET /me` only then
/// (otherwise every signed-out page load logs the 401 as an error in the console).
pub const SIGNED_IN_COOKIE: &str = "klaim_signed_in";
pub const REQUEST_HEADER: &str = "x-klaim-request";

/// Middleware on the API: refuses state-changing requests without `X-Klaim-Request: 1`.
pub async fn require_request_header(request: Request, next: Next) -> Result<Response, ApiFailure> {
    let safe = matches!(
        *request.method(),
        Method::GET | Method::HEAD | Method::OPTIONS
    );
    let marked = request
        .headers()
        .get(REQUEST_HEADER)
        .is_some_and(|v| v.as_bytes() == b"1");
    if safe || marked {
        Ok(next.run(request).await)
    } else {
        Err(ApiFailure::RequestHeaderMissing)
    }
}

/// The cookie token sent with a request, if any.
fn cookie_token(parts: &Parts) -> Option<&str> {
    parts
        .headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(name, _)| *name == SESSION_COOKIE)
        .map(|(_, value)| value)
        // Tokens are 64 hex digits; anything else cannot be a session.
        .filter(|v| v.len() == 64 && v.bytes().all(|b| b.is_ascii_hexdigit()))
}

/// Extractor: the live session, or 401.
pub struct SignedIn(pub Session);

impl FromRequestParts<AppState> for SignedIn {
    type Rejection = ApiFailure;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiFailure> {
        let token = cookie_token(parts).ok_or(ApiFailure::Unauthenticated)?;
        let now = state.accounts.clock.now();
        match sessions::find(&state.accounts.db, token, now).await {
            Ok(Some(session)) => Ok(SignedIn(session)),
            Ok(None) => Err(ApiFailure::Unauthenticated),
            Err(e) => Err(ApiFailure::Internal(Box::new(e))),
        }
    }
}

/// Extractor: address, browser and language of the caller.
pub struct Client(pub Caller);

impl<S: Send + Sync> FromRequestParts<S> for Client {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        let address = parts
            .extensions
            .get::<ConnectInfo<SocketAddr>>()
            .map_or_else(|| "unknown".to_owned(), |ConnectInfo(a)| a.ip().to_string());
        let user_agent = parts
            .headers
            .get(header::USER_AGENT)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned);
        Ok(Client(Caller {
            address,
            user_agent,
            lang: lang::from_headers(&parts.headers),
        }))
    }
}

/// `Set-Cookie` for a new session. No `Max-Age`: the cookie ends with the browser, and the
/// server ends the session after idling or 12 hours regardless.
pub fn session_cookie(token: &str, secure: bool) -> HeaderValue {
    let secure = if secure { "; Secure" } else { "" };
    HeaderValue::try_from(format!(
        "{SESSION_COOKIE}={token}; Path=/; HttpOnly; SameSite=Strict{secure}"
    ))
    .expect("a hex token makes a valid header")
}

/// `Set-Cookie` that removes the session cookie.
pub fn cleared_cookie(secure: bool) -> HeaderValue {
    let secure = if secure { "; Secure" } else { "" };
    HeaderValue::try_from(format!(
        "{SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0{secure}"
    ))
    .expect("a valid header")
}

/// `Set-Cookie` for the app's sign that a session was made here (same lifetime, not HttpOnly).
pub fn signed_in_cookie(secure: bool) -> HeaderValue {
    let secure = if secure { "; Secure" } else { "" };
    HeaderValue::try_from(format!(
        "{SIGNED_IN_COOKIE}=1; Path=/; SameSite=Strict{secure}"
    ))
    .expect("a valid header")
}

/// `Set-Cookie` that removes the sign.
pub fn cleared_signed_in_cookie(secure: bool) -> HeaderValue {
    let secure = if secure { "; Secure" } else { "" };
    HeaderValue::try_from(format!(
        "{SIGNED_IN_COOKIE}=; Path=/; SameSite=Strict; Max-Age=0{secure}"
    ))
    .expect("a valid header")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts(cookie: &str) -> Parts {
        let (parts, ()) = axum::http::Request::get("/")
            .header(header::COOKIE, cookie)
            .body(())
            .unwrap()
            .into_parts();
        parts
    }

    #[test]
    fn reads_only_a_well_formed_session_cookie() {
        let token = "a".repeat(64);
        let p = parts(&format!("lang=id; {SESSION_COOKIE}={token}"));
        assert_eq!(cookie_token(&p), Some(token.as_str()));
        assert_eq!(
            cookie_token(&parts(&format!("{SESSION_COOKIE}=' OR 1=1 --"))),
            None
        );
        assert_eq!(cookie_token(&parts("other=1")), None);
    }

    #[test]
    fn cookies_are_http_only_strict_and_secure_when_asked() {
        let c = session_cookie("ab", true);
        let c = c.to_str().unwrap();
        assert!(c.contains("HttpOnly") && c.contains("SameSite=Strict") && c.ends_with("; Secure"));
        assert!(
            !session_cookie("ab", false)
                .to_str()
                .unwrap()
                .contains("Secure")
        );
        assert!(
            cleared_cookie(false)
                .to_str()
                .unwrap()
                .contains("Max-Age=0")
        );
    }

    #[test]
    fn the_sign_in_sign_is_readable_by_the_app_and_holds_no_secret() {
        let c = signed_in_cookie(true);
        let c = c.to_str().unwrap();
        assert!(
            c.starts_with("klaim_signed_in=1;") && c.ends_with("; Secure"),
            "{c}"
        );
        assert!(
            !c.contains("HttpOnly") && c.contains("SameSite=Strict"),
            "{c}"
        );
        let gone = cleared_signed_in_cookie(false);
        let gone = gone.to_str().unwrap();
        assert!(
            gone.starts_with("klaim_signed_in=;") && gone.contains("Max-Age=0"),
            "{gone}"
        );
    }
}
