//! The claims API client: the only place in the app that knows URLs. Requests go through the
//! browser's fetch (gloo-net) with the session cookie (same origin only); every state-changing
//! request carries `X-Klaim-Request: 1`; every request asks for answers in the interface language.
//! A request that has not finished after [`TIMEOUT_MS`] is aborted, so a dead network ends in
//! [`Failure::Offline`] instead of an endless spinner. Every request tells the app's
//! [`connectivity`] whether an answer came, and whether the service worker gave it from its cache.

use gloo_net::http::{Method, RequestBuilder, Response};
use klaim_core::Lang;
use klaim_core::api::account::{
    CodeSent, Me, PasswordResetStarted, RegistrationStarted, SessionList,
};
use klaim_core::api::claim::{
    BankInquiry, BankInquiryAnswer, ClaimList, ClaimSubmission, ClaimView, DocumentInfo,
    DocumentList, Resubmission,
};
use klaim_core::api::notification::{MarkRead, NotificationList};
use klaim_core::api::{ApiError, ApiErrors};
use klaim_core::claim::{ClaimFacts, DocumentKind};
use klaim_core::forms::account::{
    Channel, CodeInput, LoginInput, NewPasswordInput, PasswordResetInput, RegistrationInput,
    SendCodeInput,
};
use klaim_core::{BankAccount, Kpj, Nik};
use serde::Serialize;
use serde::de::DeserializeOwned;
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;
use web_sys::{AbortController, RequestCredentials};

use crate::offline::{api_cache, connectivity};
use crate::upload::Prepared;

pub mod office;

const BASE: &str = "/api/v1";

/// Set by the service worker (sw/sw.js) on an answer it gave from its cache: when it was stored.
const CACHED_HEADER: &str = "x-klaim-cached";

/// How long a request may take, answer included, before it counts as a network failure.
pub const TIMEOUT_MS: i32 = 20_000;

/// Why a request did not give the answer asked for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Failure {
    /// The request never got an answer: no network, server unreachable, or the time ran out.
    Offline,
    /// The API refused, in its one error shape.
    Api { status: u16, errors: Vec<ApiError> },
    /// An answer that is neither what was asked for nor the error shape (e.g. a proxy's 502).
    Unexpected(u16),
}

impl Failure {
    /// The session is missing or ended: the person must sign in (again).
    pub fn is_unauthenticated(&self) -> bool {
        matches!(self, Failure::Api { status: 401, .. })
    }
}

/// `POST /registrations`: the registry knows the person; a code can be sent next.
pub async fn start_registration(
    lang: Lang,
    input: &RegistrationInput,
) -> Result<RegistrationStarted, Failure> {
    let url = format!("{BASE}/registrations");
    json(send(Method::POST, &url, lang, Some(input)).await?).await
}

/// `POST /registrations/{id}/code`: sends (or sends again) the one-time code.
pub async fn send_registration_code(
    lang: Lang,
    registration_id: &str,
    channel: Channel,
) -> Result<CodeSent, Failure> {
    let url = format!("{BASE}/registrations/{}/code", segment(registration_id));
    let body = SendCodeInput { channel };
    json(send(Method::POST, &url, lang, Some(&body)).await?).await
}

/// `POST /registrations/{id}/verify`: the code is right, the account exists, signed in.
pub async fn verify_registration(
    lang: Lang,
    registration_id: &str,
    input: &CodeInput,
) -> Result<Me, Failure> {
    let url = format!("{BASE}/registrations/{}/verify", segment(registration_id));
    let me = json(send(Method::POST, &url, lang, Some(input)).await?).await?;
    // Reads cached for whoever used this phone before must never show for this account.
    api_cache::clear().await;
    Ok(me)
}

/// `POST /sessions`: signs in.
pub async fn sign_in(lang: Lang, input: &LoginInput) -> Result<Me, Failure> {
    let url = format!("{BASE}/sessions");
    let me = json(send(Method::POST, &url, lang, Some(input)).await?).await?;
    // Reads cached for whoever used this phone before must never show for this account.
    api_cache::clear().await;
    Ok(me)
}

/// `GET /me`: who is signed in, with the participant's registry profile.
pub async fn me(lang: Lang) -> Result<Me, Failure> {
    let url = format!("{BASE}/me");
    json(send(Method::GET, &url, lang, None::<&()>).await?).await
}

/// `GET /sessions`: this account's signed-in devices.
pub async fn sessions(lang: Lang) -> Result<SessionList, Failure> {
    let url = format!("{BASE}/sessions");
    json(send(Method::GET, &url, lang, None::<&()>).await?).await
}

/// `DELETE /sessions/current`: signs out here (the server clears the cookie).
pub async fn sign_out(lang: Lang) -> Result<(), Failure> {
    let url = format!("{BASE}/sessions/current");
    empty(send(Method::DELETE, &url, lang, None::<&()>).await?).await
}

/// `DELETE /sessions/{id}`: signs another device out.
pub async fn end_session(lang: Lang, session_id: &str) -> Result<(), Failure> {
    let url = format!("{BASE}/sessions/{}", segment(session_id));
    empty(send(Method::DELETE, &url, lang, None::<&()>).await?).await
}

/// `POST /password-resets`: the same answer whether or not the account exists.
pub async fn start_password_reset(
    lang: Lang,
    input: &PasswordResetInput,
) -> Result<PasswordResetStarted, Failure> {
    let url = format!("{BASE}/password-resets");
    json(send(Method::POST, &url, lang, Some(input)).await?).await
}

/// `POST /password-resets/{id}/complete`: the code and the new password; every session ends.
pub async fn complete_password_reset(
    lang: Lang,
    reset_id: &str,
    input: &NewPasswordInput,
) -> Result<(), Failure> {
    let url = format!("{BASE}/password-resets/{}/complete", segment(reset_id));
    empty(send(Method::POST, &url, lang, Some(input)).await?).await
}

/// `GET /claims/facts`: what the registry knows about the signed-in participant, as the claim
/// rules read it.
pub async fn own_claim_facts(lang: Lang) -> Result<ClaimFacts, Failure> {
    let url = format!("{BASE}/claims/facts");
    json(send(Method::GET, &url, lang, None::<&()>).await?).await
}

/// `GET /claims/facts?deceased_nik=&deceased_kpj=`: the facts of a participant who died, for an
/// heir's claim (404 `claim.deceased_not_found` when they do not match a member).
pub async fn deceased_claim_facts(lang: Lang, nik: &Nik, kpj: &Kpj) -> Result<ClaimFacts, Failure> {
    let url = format!(
        "{BASE}/claims/facts?deceased_nik={}&deceased_kpj={}",
        segment(nik.as_str()),
        segment(kpj.as_str())
    );
    json(send(Method::GET, &url, lang, None::<&()>).await?).await
}

/// `POST /bank-inquiries`: the account holder's name (masked) and how it compares with the
/// claimant's.
pub async fn bank_inquiry(lang: Lang, account: &BankAccount) -> Result<BankInquiryAnswer, Failure> {
    let url = format!("{BASE}/bank-inquiries");
    let body = BankInquiry {
        bank_account: account.clone(),
    };
    json(send(Method::POST, &url, lang, Some(&body)).await?).await
}

/// `GET /documents`: the documents this account uploaded before (for reuse).
pub async fn documents(lang: Lang) -> Result<DocumentList, Failure> {
    let url = format!("{BASE}/documents");
    json(send(Method::GET, &url, lang, None::<&()>).await?).await
}

/// How long an upload may take: 6 MB over slow mobile data needs minutes, not seconds.
pub const UPLOAD_TIMEOUT_MS: u32 = 180_000;

/// `PUT /documents/{id}` through XMLHttpRequest, telling `progress` the fraction sent. The id is
/// made by the app: sending the same document again (a retry) stores it once.
pub async fn upload_document(
    lang: Lang,
    document_id: &str,
    kind: DocumentKind,
    prepared: &Prepared,
    progress: impl Fn(f64) + 'static,
) -> Result<DocumentInfo, Failure> {
    let url = format!("{BASE}/documents/{}", segment(document_id));
    let headers = [
        ("Content-Type", prepared.file_type.mime()),
        ("Accept", "application/json"),
        ("Accept-Language", lang.tag()),
        ("X-Klaim-Request", "1"),
        ("X-Klaim-Document-Kind", kind.as_str()),
        ("X-Klaim-Sha256", prepared.sha256.as_str()),
    ];
    let sent =
        crate::upload::put(&url, &headers, &prepared.bytes, UPLOAD_TIMEOUT_MS, progress).await;
    if sent.status == 0 {
        connectivity::no_answer();
    } else {
        connectivity::answered(None);
    }
    match sent.status {
        0 => Err(Failure::Offline),
        200..=299 => serde_json::from_str(&sent.body).map_err(|_| Failure::Unexpected(sent.status)),
        status => Err(match serde_json::from_str::<ApiErrors>(&sent.body) {
            Ok(body) if !body.errors.is_empty() => Failure::Api {
                status,
                errors: body.errors,
            },
            _ => Failure::Unexpected(status),
        }),
    }
}

/// `PUT /claims/{id}`: submits the claim under the id the app made for it; sending it again
/// returns the same claim.
pub async fn submit_claim(
    lang: Lang,
    claim_id: &str,
    submission: &ClaimSubmission,
) -> Result<ClaimView, Failure> {
    let url = format!("{BASE}/claims/{}", segment(claim_id));
    json(send(Method::PUT, &url, lang, Some(submission)).await?).await
}

/// `GET /claims`: this account's claims, newest first (revalidated by `ETag`, as [`claim`]).
/// The service worker's cached copy counts as offline: the page keeps its own last known list
/// with its time (`follow::known`) and shows it in grey.
pub async fn claims(lang: Lang) -> Result<ClaimList, Failure> {
    let url = format!("{BASE}/claims");
    json(live(send(Method::GET, &url, lang, None::<&()>).await?)?).await
}

/// `GET /claims/{id}`: one claim, read-only. Polled while its page is open: the server answers
/// with an `ETag` and `Cache-Control: no-cache`, and the browser's HTTP cache (left on: `send`
/// never sets a cache mode) revalidates, so an unchanged claim costs a 304 without a body.
///
/// The service worker's cached copy counts as offline, as for [`claims`].
pub async fn claim(lang: Lang, claim_id: &str) -> Result<ClaimView, Failure> {
    let url = format!("{BASE}/claims/{}", segment(claim_id));
    json(live(send(Method::GET, &url, lang, None::<&()>).await?)?).await
}

/// `POST /claims/{id}/resubmission`: the reopened items fixed; the claim is checked again.
pub async fn resubmit(
    lang: Lang,
    claim_id: &str,
    resubmission: &Resubmission,
) -> Result<ClaimView, Failure> {
    let url = format!("{BASE}/claims/{}/resubmission", segment(claim_id));
    json(send(Method::POST, &url, lang, Some(resubmission)).await?).await
}

/// `GET /claims/{id}/receipt.pdf`: the receipt to keep, made by the server. A plain link (the
/// browser downloads it with the session cookie), so only its address is needed.
pub fn receipt_url(claim_id: &str) -> String {
    format!("{BASE}/claims/{}/receipt.pdf", segment(claim_id))
}

/// `GET /notifications`: newest first, with the unread count (the header's badge).
pub async fn notifications(lang: Lang) -> Result<NotificationList, Failure> {
    let url = format!("{BASE}/notifications");
    json(send(Method::GET, &url, lang, None::<&()>).await?).await
}

/// `POST /notifications/read`.
pub async fn mark_read(lang: Lang, read: &MarkRead) -> Result<(), Failure> {
    let url = format!("{BASE}/notifications/read");
    empty(send(Method::POST, &url, lang, Some(read)).await?).await
}

/// `GET /health`: whether the server answers at all (asked while offline, to notice it is back).
pub async fn reachable() -> bool {
    let url = format!("{BASE}/health");
    send(Method::GET, &url, Lang::default(), None::<&()>)
        .await
        .is_ok_and(|answer| answer.cached_at.is_none())
}

/// An answer whose headers arrived; the timer keeps running until its body has been read.
struct Answer {
    response: Response,
    /// Given by the service worker from its cache, stored then (Unix seconds).
    cached_at: Option<i64>,
    _deadline: Deadline,
}

/// Only an answer from the server itself; the service worker's cached copy as offline.
fn live(answer: Answer) -> Result<Answer, Failure> {
    match answer.cached_at {
        Some(_) => Err(Failure::Offline),
        None => Ok(answer),
    }
}

async fn send<B: Serialize>(
    method: Method,
    url: &str,
    lang: Lang,
    body: Option<&B>,
) -> Result<Answer, Failure> {
    let deadline = Deadline::start()?;
    let state_changing = method != Method::GET;
    let mut builder = RequestBuilder::new(url)
        .method(method)
        .credentials(RequestCredentials::SameOrigin)
        .header("Accept", "application/json")
        .header("Accept-Language", lang.tag())
        .abort_signal(Some(&deadline.controller.signal()));
    if state_changing {
        builder = builder.header("X-Klaim-Request", "1");
    }
    let request = match body {
        Some(body) => builder.json(body),
        None => builder.build(),
    }
    .map_err(|_| Failure::Offline)?;
    // fetch rejects only when no answer came: network down, refused, or aborted by the deadline.
    let response = request.send().await.map_err(|_| {
        connectivity::no_answer();
        Failure::Offline
    })?;
    let cached_at = response
        .headers()
        .get(CACHED_HEADER)
        .and_then(|stored| stored.parse().ok());
    connectivity::answered(cached_at);
    Ok(Answer {
        response,
        cached_at,
        _deadline: deadline,
    })
}

/// Reads a 2xx answer as `T`, anything else as a failure.
async fn json<T: DeserializeOwned>(answer: Answer) -> Result<T, Failure> {
    let status = answer.response.status();
    if !answer.response.ok() {
        return Err(refusal(answer).await);
    }
    match answer.response.json::<T>().await {
        Ok(value) => Ok(value),
        Err(gloo_net::Error::SerdeError(_)) => Err(Failure::Unexpected(status)),
        // The body stopped arriving (network gone, or the deadline aborted it).
        Err(_) => Err(Failure::Offline),
    }
}

/// A 2xx answer without a body (204).
async fn empty(answer: Answer) -> Result<(), Failure> {
    if answer.response.ok() {
        Ok(())
    } else {
        Err(refusal(answer).await)
    }
}

async fn refusal(answer: Answer) -> Failure {
    let status = answer.response.status();
    match answer.response.json::<ApiErrors>().await {
        Ok(body) if !body.errors.is_empty() => Failure::Api {
            status,
            errors: body.errors,
        },
        Ok(_) | Err(gloo_net::Error::SerdeError(_)) => Failure::Unexpected(status),
        Err(_) => Failure::Offline,
    }
}

/// Aborts the request when the time is up; cancels its timer when dropped.
struct Deadline {
    controller: AbortController,
    timer: i32,
    /// Kept alive while the timer may still call it; freed with the deadline.
    _abort: Closure<dyn FnMut()>,
}

impl Deadline {
    fn start() -> Result<Deadline, Failure> {
        let window = web_sys::window().ok_or(Failure::Offline)?;
        let controller = AbortController::new().map_err(|_| Failure::Offline)?;
        let to_abort = controller.clone();
        let abort = Closure::<dyn FnMut()>::new(move || to_abort.abort());
        let timer = window
            .set_timeout_with_callback_and_timeout_and_arguments_0(
                abort.as_ref().unchecked_ref(),
                TIMEOUT_MS,
            )
            .map_err(|_| Failure::Offline)?;
        Ok(Deadline {
            controller,
            timer,
            _abort: abort,
        })
    }
}

impl Drop for Deadline {
    fn drop(&mut self) {
        if let Some(window) = web_sys::window() {
            window.clear_timeout_with_handle(self.timer);
        }
    }
}

/// An id from the server as one path segment.
fn segment(id: &str) -> String {
    js_sys::encode_uri_component(id).into()
}
