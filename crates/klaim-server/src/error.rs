//! [`ApiFailure`]: every way a request can fail at this layer, answered in the API's one error
//! shape `{ "errors": [ { "code", "field", "message" } ] }` with the matching status.
//!
//! A handler returns `ApiFailure` without knowing the client's language; [`finish`], a middleware
//! over the whole router, rewrites the message in the language the request asked for and also
//! puts error responses made by lower layers (axum's 405, the body limit's 413, a caught panic)
//! into the same shape.

use std::error::Error as StdError;
use std::sync::Arc;

use axum::Json;
use axum::body::Body;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use klaim_core::api::{ApiError, ApiErrors};
use klaim_core::message::Finding;
use klaim_core::{AccountProblem, Lang};

use crate::lang::ClientLang;

#[derive(Debug, thiserror::Error)]
pub enum ApiFailure {
    /// The request could not be read (bad JSON, wrong shape, bad parameter).
    #[error("malformed request")]
    Malformed,
    #[error("not signed in")]
    Unauthenticated,
    /// Signing in failed; the finding says so without saying which part was wrong.
    #[error("credentials rejected")]
    CredentialsRejected(Box<Finding>),
    #[error("not allowed for this account")]
    Forbidden,
    /// A state-changing request without `X-Klaim-Request: 1` (see `auth`).
    #[error("the request header X-Klaim-Request is missing")]
    RequestHeaderMissing,
    #[error("no such API resource")]
    NotFound,
    /// A file of the built app that does not exist (a stale or broken asset link).
    #[error("no such file in the app")]
    AssetNotFound,
    #[error("method not allowed")]
    MethodNotAllowed,
    /// The request clashes with the current state; the finding says how.
    #[error("conflict: {0:?}")]
    Conflict(Box<Finding>),
    #[error("request body too large")]
    TooLarge,
    #[error("unsupported media type")]
    UnsupportedMediaType,
    /// Well-formed, but klaim-core's rules refuse it.
    #[error("{} rule finding(s)", .0.len())]
    RuleBroken(Vec<Finding>),
    /// A refusal explained by findings with its own status: a document too large (413), a
    /// claim or document that is not the caller's (404), a malformed upload header (400).
    #[error("refused with status {status}: {} finding(s)", .findings.len())]
    Explained {
        status: StatusCode,
        findings: Vec<Finding>,
    },
    #[error("rate limited")]
    RateLimited { retry_after_secs: Option<u64> },
    /// Any other refusal a lower layer produced, kept with its status.
    #[error("refused with status {0}")]
    Refused(StatusCode),
    /// Overloaded or shutting down; the client should retry later.
    #[error("service unavailable")]
    Unavailable,
    /// A fault on our side. The source is logged, never sent to the client.
    #[error("internal failure: {0}")]
    Internal(#[source] Box<dyn StdError + Send + Sync>),
}

impl ApiFailure {
    /// The answer for a status that a lower layer produced without our error shape.
    pub fn from_status(status: StatusCode) -> ApiFailure {
        match status {
            // 422 from axum's `Json` means the JSON did not fit the type: malformed, not a rule.
            StatusCode::BAD_REQUEST | StatusCode::UNPROCESSABLE_ENTITY => ApiFailure::Malformed,
            StatusCode::UNAUTHORIZED => ApiFailure::Unauthenticated,
            StatusCode::FORBIDDEN => ApiFailure::Forbidden,
            StatusCode::NOT_FOUND => ApiFailure::NotFound,
            StatusCode::METHOD_NOT_ALLOWED => ApiFailure::MethodNotAllowed,
            StatusCode::PAYLOAD_TOO_LARGE => ApiFailure::TooLarge,
            StatusCode::UNSUPPORTED_MEDIA_TYPE => ApiFailure::UnsupportedMediaType,
            StatusCode::TOO_MANY_REQUESTS => ApiFailure::RateLimited {
                retry_after_secs: None,
            },
            StatusCode::SERVICE_UNAVAILABLE => ApiFailure::Unavailable,
            s if s.is_server_error() => {
                ApiFailure::Internal(format!("status {s} from a lower layer").into())
            }
            s => ApiFailure::Refused(s),
        }
    }

    pub fn status(&self) -> StatusCode {
        match self {
            ApiFailure::Malformed => StatusCode::BAD_REQUEST,
            ApiFailure::Unauthenticated | ApiFailure::CredentialsRejected(_) => {
                StatusCode::UNAUTHORIZED
            }
            ApiFailure::Forbidden | ApiFailure::RequestHeaderMissing => StatusCode::FORBIDDEN,
            ApiFailure::NotFound | ApiFailure::AssetNotFound => StatusCode::NOT_FOUND,
            ApiFailure::MethodNotAllowed => StatusCode::METHOD_NOT_ALLOWED,
            ApiFailure::Conflict(_) => StatusCode::CONFLICT,
            ApiFailure::TooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            ApiFailure::UnsupportedMediaType => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            ApiFailure::RuleBroken(_) => StatusCode::UNPROCESSABLE_ENTITY,
            ApiFailure::Explained { status, .. } => *status,
            ApiFailure::RateLimited { .. } => StatusCode::TOO_MANY_REQUESTS,
            ApiFailure::Refused(status) => *status,
            ApiFailure::Unavailable => StatusCode::SERVICE_UNAVAILABLE,
            ApiFailure::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// The body: the list of errors, with messages in `lang`.
    pub fn to_errors(&self, lang: Lang) -> ApiErrors {
        if let ApiFailure::RateLimited {
            retry_after_secs: Some(secs),
        } = self
        {
            let minutes = u32::try_from(secs.div_ceil(60)).unwrap_or(u32::MAX).max(1);
            let problem = AccountProblem::TooManyAttempts { minutes };
            return ApiErrors {
                errors: vec![ApiError::from_finding(&problem, None, lang)],
            };
        }
        let errors = match self.text() {
            Some((code, id, en)) => {
                vec![ApiError {
                    code: code.to_owned(),
                    field: None,
                    message: lang.pick(id, en).to_owned(),
                }]
            }
            None => self
                .findings()
                .iter()
                .map(|f| ApiError::from_frozen(f, lang))
                .collect(),
        };
        ApiErrors { errors }
    }

    fn findings(&self) -> &[Finding] {
        match self {
            ApiFailure::Conflict(finding) | ApiFailure::CredentialsRejected(finding) => {
                std::slice::from_ref(&**finding)
            }
            ApiFailure::RuleBroken(findings) | ApiFailure::Explained { findings, .. } => findings,
            _ => &[],
        }
    }

    /// Code, Indonesian and English message; `None` for failures that carry klaim-core findings.
    fn text(&self) -> Option<(&'static str, &'static str, &'static str)> {
        let text = match self {
            ApiFailure::Malformed => (
                "api.malformed",
                "Permintaan tidak dapat dibaca. Muat ulang halaman, lalu coba lagi.",
                "The request could not be read. Reload the page, then try again.",
            ),
            ApiFailure::Unauthenticated => (
                "api.unauthenticated",
                "Silakan masuk terlebih dahulu.",
                "Please sign in first.",
            ),
            ApiFailure::Forbidden => (
                "api.forbidden",
                "Akun Anda tidak memiliki akses untuk tindakan ini.",
                "Your account does not have access to this action.",
            ),
            ApiFailure::NotFound => (
                "api.not_found",
                "Data atau alamat yang diminta tidak ditemukan.",
                "The requested item or address was not found.",
            ),
            ApiFailure::AssetNotFound => (
                "asset.not_found",
                "Berkas aplikasi ini tidak ditemukan. Muat ulang halaman untuk memakai versi terbaru.",
                "This file of the app was not found. Reload the page to use the latest version.",
            ),
            ApiFailure::RequestHeaderMissing => (
                "api.request_header_missing",
                "Permintaan ini harus dikirim dari aplikasi Klaim. Muat ulang halaman, lalu coba lagi.",
                "This request must come from the Klaim app. Reload the page, then try again.",
            ),
            ApiFailure::MethodNotAllowed => (
                "api.method_not_allowed",
                "Tindakan ini tidak tersedia di alamat ini.",
                "This action is not available at this address.",
            ),
            ApiFailure::TooLarge => (
                "api.too_large",
                "Data yang dikirim terlalu besar.",
                "The data sent is too large.",
            ),
            ApiFailure::UnsupportedMediaType => (
                "api.unsupported_media_type",
                "Format data yang dikirim tidak didukung.",
                "The format of the data sent is not supported.",
            ),
            ApiFailure::RateLimited { .. } => (
                "api.rate_limited",
                "Terlalu banyak permintaan. Tunggu sebentar, lalu coba lagi.",
                "Too many requests. Wait a moment, then try again.",
            ),
            ApiFailure::Refused(_) => (
                "api.refused",
                "Permintaan ini tidak dapat diproses. Muat ulang halaman, lalu coba lagi.",
                "This request cannot be processed. Reload the page, then try again.",
            ),
            ApiFailure::Unavailable => (
                "api.unavailable",
                "Layanan sedang sibuk. Silakan coba lagi beberapa saat lagi; \
                 jika masih gagal, hubungi call center BPJS Ketenagakerjaan di 175.",
                "The service is busy right now. Please try again in a few minutes; \
                 if it keeps failing, call the BPJS Ketenagakerjaan call centre on 175.",
            ),
            ApiFailure::Internal(_) => (
                "api.internal",
                "Maaf, ada gangguan di sistem kami. Silakan coba lagi beberapa saat lagi; \
                 jika masih gagal, hubungi call center BPJS Ketenagakerjaan di 175.",
                "Sorry, something went wrong on our side. Please try again in a few minutes; \
                 if it keeps failing, call the BPJS Ketenagakerjaan call centre on 175.",
            ),
            ApiFailure::Conflict(_)
            | ApiFailure::CredentialsRejected(_)
            | ApiFailure::RuleBroken(_)
            | ApiFailure::Explained { .. } => return None,
        };
        Some(text)
    }

    /// The full response in `lang`.
    pub fn render(&self, lang: Lang) -> Response {
        let mut response = (self.status(), Json(self.to_errors(lang))).into_response();
        let headers = response.headers_mut();
        headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
        if let ApiFailure::RateLimited {
            retry_after_secs: Some(secs),
        } = self
        {
            headers.insert(header::RETRY_AFTER, HeaderValue::from(*secs));
        }
        response
    }
}

/// Marks a response as an `ApiFailure`, so that [`finish`] can re-render it in the client's language.
#[derive(Clone)]
struct Rendered(Arc<ApiFailure>);

impl IntoResponse for ApiFailure {
    fn into_response(self) -> Response {
        if let ApiFailure::Internal(source) = &self {
            tracing::error!(error = %source, "request failed");
        }
        let mut response = self.render(Lang::default());
        response.extensions_mut().insert(Rendered(Arc::new(self)));
        response
    }
}

/// Middleware: error responses in the one shape, in the client's language.
pub async fn finish(ClientLang(lang): ClientLang, response: Response) -> Response {
    let failure = match response.extensions().get::<Rendered>() {
        Some(Rendered(_)) if lang == Lang::default() => return response,
        Some(Rendered(failure)) => failure.clone(),
        None if response.status().is_client_error() || response.status().is_server_error() => {
            if is_json(&response) {
                return response;
            }
            Arc::new(ApiFailure::from_status(response.status()))
        }
        None => return response,
    };
    // Keep the status and headers (`Allow`, `Retry-After`, …); only the body changes.
    let body = failure.render(lang).into_body();
    let (mut parts, _) = response.into_parts();
    parts.headers.remove(header::CONTENT_LENGTH);
    parts.headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    parts
        .headers
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    parts.status = failure.status();
    Response::from_parts(parts, Body::new(body))
}

fn is_json(response: &Response) -> bool {
    response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/json"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use klaim_core::{Explain, Severity};

    struct Taken;

    impl Explain for Taken {
        fn code(&self) -> &'static str {
            "claim.already_submitted"
        }
        fn severity(&self) -> Severity {
            Severity::Error
        }
        fn message(&self, lang: Lang) -> String {
            lang.pick("Sudah dikirim.", "Already submitted.").to_owned()
        }
        fn hint(&self, lang: Lang) -> String {
            lang.pick("Lihat status klaim.", "See the claim status.")
                .to_owned()
        }
    }

    #[test]
    fn every_status_has_its_code() {
        let check = |failure: ApiFailure, status: u16, code: &str| {
            assert_eq!(failure.status().as_u16(), status, "{failure:?}");
            assert_eq!(
                failure.to_errors(Lang::Id).errors[0].code,
                code,
                "{failure:?}"
            );
        };
        check(ApiFailure::Malformed, 400, "api.malformed");
        check(ApiFailure::Unauthenticated, 401, "api.unauthenticated");
        check(ApiFailure::Forbidden, 403, "api.forbidden");
        check(
            ApiFailure::RequestHeaderMissing,
            403,
            "api.request_header_missing",
        );
        check(
            ApiFailure::CredentialsRejected(Box::new(Finding::of(
                None,
                &AccountProblem::LoginFailed,
            ))),
            401,
            "login.failed",
        );
        check(ApiFailure::NotFound, 404, "api.not_found");
        check(ApiFailure::AssetNotFound, 404, "asset.not_found");
        check(ApiFailure::MethodNotAllowed, 405, "api.method_not_allowed");
        check(
            ApiFailure::Conflict(Box::new(Finding::of(None, &Taken))),
            409,
            "claim.already_submitted",
        );
        check(ApiFailure::TooLarge, 413, "api.too_large");
        check(
            ApiFailure::UnsupportedMediaType,
            415,
            "api.unsupported_media_type",
        );
        check(
            ApiFailure::RuleBroken(vec![Finding::of(Some("claim_id"), &Taken)]),
            422,
            "claim.already_submitted",
        );
        check(
            ApiFailure::Explained {
                status: StatusCode::PAYLOAD_TOO_LARGE,
                findings: vec![Finding::of(None, &Taken)],
            },
            413,
            "claim.already_submitted",
        );
        check(
            ApiFailure::RateLimited {
                retry_after_secs: None,
            },
            429,
            "api.rate_limited",
        );
        check(
            ApiFailure::Refused(StatusCode::NOT_ACCEPTABLE),
            406,
            "api.refused",
        );
        check(ApiFailure::Unavailable, 503, "api.unavailable");
        check(
            ApiFailure::Internal("disk full".into()),
            500,
            "api.internal",
        );
    }

    #[test]
    fn lower_layer_statuses_map_back_to_themselves_except_json_shape_errors() {
        for status in [400, 401, 403, 404, 405, 406, 408, 413, 415, 429, 500, 503] {
            let status = StatusCode::from_u16(status).unwrap();
            assert_eq!(ApiFailure::from_status(status).status(), status);
        }
        let check = |from: StatusCode, to: StatusCode| {
            assert_eq!(ApiFailure::from_status(from).status(), to)
        };
        check(StatusCode::UNPROCESSABLE_ENTITY, StatusCode::BAD_REQUEST);
        check(StatusCode::BAD_GATEWAY, StatusCode::INTERNAL_SERVER_ERROR);
    }

    #[test]
    fn findings_keep_their_field_and_language() {
        let failure = ApiFailure::RuleBroken(vec![Finding::of(Some("claim_id"), &Taken)]);
        let error = &failure.to_errors(Lang::En).errors[0];
        assert_eq!(error.field.as_deref(), Some("claim_id"));
        assert_eq!(error.message, "Already submitted.");
    }

    #[test]
    fn the_internal_message_is_calm_and_names_the_call_centre() {
        let failure = ApiFailure::Internal("database is locked".into());
        for lang in [Lang::Id, Lang::En] {
            let message = &failure.to_errors(lang).errors[0].message;
            assert!(message.contains("175"), "{message}");
            assert!(!message.to_lowercase().contains("internal"), "{message}");
            assert!(
                !message.contains("database"),
                "the cause must not leak: {message}"
            );
        }
    }

    #[tokio::test]
    async fn finish_puts_lower_layer_errors_into_the_shape() {
        use axum::Router;
        use axum::middleware::map_response;
        use axum::routing::get;
        use tower::ServiceExt;
        use tower_http::catch_panic::CatchPanicLayer;

        async fn boom() -> &'static str {
            panic!("a bug")
        }
        let app = Router::new()
            .route("/boom", get(boom))
            .route(
                "/teapot",
                get(|| async { (StatusCode::IM_A_TEAPOT, "short and stout") }),
            )
            .layer(CatchPanicLayer::new())
            .layer(map_response(finish));
        let check = async |uri: &str, lang: &str, status: StatusCode, code: &str, text: &str| {
            let request = axum::http::Request::get(uri)
                .header("accept-language", lang)
                .body(Body::empty())
                .unwrap();
            let response = app.clone().oneshot(request).await.unwrap();
            assert_eq!(response.status(), status, "{uri}");
            assert_eq!(
                response.headers()[header::CONTENT_TYPE],
                "application/json",
                "{uri}"
            );
            let body = axum::body::to_bytes(response.into_body(), usize::MAX)
                .await
                .unwrap();
            let errors: ApiErrors = serde_json::from_slice(&body).unwrap();
            assert_eq!(errors.errors[0].code, code, "{uri}");
            assert!(
                errors.errors[0].message.contains(text),
                "{uri}: {}",
                errors.errors[0].message
            );
        };
        check(
            "/boom",
            "id",
            StatusCode::INTERNAL_SERVER_ERROR,
            "api.internal",
            "coba lagi",
        )
        .await;
        check(
            "/boom",
            "en",
            StatusCode::INTERNAL_SERVER_ERROR,
            "api.internal",
            "try again",
        )
        .await;
        check(
            "/teapot",
            "en",
            StatusCode::IM_A_TEAPOT,
            "api.refused",
            "cannot be processed",
        )
        .await;
    }

    #[test]
    fn rate_limited_says_when_to_retry() {
        let response = ApiFailure::RateLimited {
            retry_after_secs: Some(30),
        }
        .render(Lang::Id);
        assert_eq!(response.headers()[header::RETRY_AFTER], "30");
        let errors = ApiFailure::RateLimited {
            retry_after_secs: Some(800),
        }
        .to_errors(Lang::Id);
        assert!(errors.errors[0].message.contains("14 menit"), "{errors:?}");
    }
}
