//! Security headers on every response, app and API alike.

use axum::http::{HeaderName, HeaderValue, header};
use axum::response::Response;

/// Only our own origin; wasm needs `'wasm-unsafe-eval'`. No inline script or style: the build
/// starts the app from a hashed boot script file (see xtask/src/wasm.rs). The service worker
/// (`/sw.js`) and the web manifest are named explicitly rather than left to `default-src`, so
/// tightening the default later cannot silently turn off offline use or installing.
pub const CONTENT_SECURITY_POLICY: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; \
style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; worker-src 'self'; \
manifest-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'; object-src 'none'";

const HEADERS: [(HeaderName, &str); 4] = [
    (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
    (header::REFERRER_POLICY, "no-referrer"),
    (header::X_FRAME_OPTIONS, "DENY"),
    (header::CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY),
];

/// A document shown inside the back office's own page (a PDF in an `<iframe>`): framing by our
/// own origin only, and nothing else may load in it. Chromium's PDF viewer runs as a plugin in
/// the frame, so `object-src` must allow the document itself.
pub const FRAMED_DOCUMENT_POLICY: &str = "default-src 'none'; img-src 'self'; object-src 'self'; \
frame-ancestors 'self'; base-uri 'none'; form-action 'none'";

/// Put in a response's extensions by a handler whose body may be framed by the app itself.
#[derive(Clone, Copy, Debug)]
pub struct FramedBySameOrigin;

/// Middleware: sets the headers, replacing any a handler set.
pub async fn headers<B>(mut response: Response<B>) -> Response<B> {
    let framed = response.extensions().get::<FramedBySameOrigin>().is_some();
    let target = response.headers_mut();
    for (name, value) in HEADERS {
        target.insert(name, HeaderValue::from_static(value));
    }
    if framed {
        target.insert(
            header::X_FRAME_OPTIONS,
            HeaderValue::from_static("SAMEORIGIN"),
        );
        target.insert(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(FRAMED_DOCUMENT_POLICY),
        );
    }
    response
}

/// Two years, subdomains included: only set when the server is configured as served over HTTPS.
pub const STRICT_TRANSPORT_SECURITY: &str = "max-age=63072000; includeSubDomains";

/// Middleware (only when cookies are `Secure`): browsers must use HTTPS from now on.
pub async fn strict_transport<B>(mut response: Response<B>) -> Response<B> {
    response.headers_mut().insert(
        header::STRICT_TRANSPORT_SECURITY,
        HeaderValue::from_static(STRICT_TRANSPORT_SECURITY),
    );
    response
}
