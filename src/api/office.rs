//! The back office's calls (`/api/v1/office/…` for officers, `/api/v1/admin/audit` for admins):
//! a child of `api` so it shares the one request path (timeout, headers, error shape) and stays
//! in its own module for the later split of the office code by route.

use gloo_net::http::Method;
use klaim_core::Lang;
use klaim_core::api::office::{AuditTrail, OfficeClaim, OfficerStep, Queue, QueueFilter};

use super::{BASE, Failure, json, segment, send};

/// `GET /office/claims?…`: the queue, the earliest decision due date first.
pub async fn queue(lang: Lang, filter: &QueueFilter) -> Result<Queue, Failure> {
    let query = crate::pages::office::filter_query(filter);
    let url = if query.is_empty() {
        format!("{BASE}/office/claims")
    } else {
        format!("{BASE}/office/claims?{query}")
    };
    json(send(Method::GET, &url, lang, None::<&()>).await?).await
}

/// `GET /office/claims/{id}`: the claim beside the registry, with the automated checks.
pub async fn claim(lang: Lang, claim_id: &str) -> Result<OfficeClaim, Failure> {
    let url = format!("{BASE}/office/claims/{}", segment(claim_id));
    json(send(Method::GET, &url, lang, None::<&()>).await?).await
}

/// `POST /office/claims/{id}/steps`: one step; the answer is the claim's new state.
pub async fn take_step(
    lang: Lang,
    claim_id: &str,
    step: &OfficerStep,
) -> Result<OfficeClaim, Failure> {
    let url = format!("{BASE}/office/claims/{}/steps", segment(claim_id));
    json(send(Method::POST, &url, lang, Some(step)).await?).await
}

/// `GET /admin/audit?claim_id=`: the audit trail, newest first.
pub async fn audit(lang: Lang, claim_id: Option<&str>) -> Result<AuditTrail, Failure> {
    let url = match claim_id {
        Some(id) => format!("{BASE}/admin/audit?claim_id={}", segment(id)),
        None => format!("{BASE}/admin/audit"),
    };
    json(send(Method::GET, &url, lang, None::<&()>).await?).await
}

/// Where the browser loads a document's bytes itself (`<img>`, `<iframe>`, a new tab): the
/// session cookie goes along, and the server records the view in the audit trail.
pub fn document_url(claim_id: &str, document_id: &str) -> String {
    format!(
        "{BASE}/office/claims/{}/documents/{}/content",
        segment(claim_id),
        segment(document_id)
    )
}
