//! Handlers of the documents API (docs/claims-api.md): `PUT /documents/{id}` streams an upload
//! into [`crate::documents`]; the list, one document's record, and its content for its owner.

use axum::body::Body;
use axum::extract::{Path, Request, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::{Json, Router, routing};
use klaim_core::api::ApiErrors;
use klaim_core::api::claim::{DocumentInfo, DocumentList};
use klaim_core::claim::DocumentKind;
use klaim_core::message::Finding;
use klaim_core::{DocumentError, FileType};

use super::participant;
use crate::app::AppState;
use crate::auth::SignedIn;
use crate::documents::{self, ClientId, DocumentsError, Sha256Hex, Stored, Upload, UploadRefusal};
use crate::error::ApiFailure;
use crate::metrics::Counter;

pub const KIND_HEADER: &str = "x-klaim-document-kind";
pub const SHA256_HEADER: &str = "x-klaim-sha256";

/// Routes relative to `/api`.
pub fn router() -> Router<AppState> {
    Router::new()
        .route("/v1/documents", routing::get(list))
        .route("/v1/documents/{id}", routing::put(upload).get(info))
        .route("/v1/documents/{id}/content", routing::get(content))
}

/// Whether a request is an upload, which has its own body limit (the document limit, enforced
/// while streaming) instead of the API's JSON limit.
pub fn is_upload(method: &Method, path: &str) -> bool {
    method == Method::PUT
        && path
            .strip_prefix("/v1/documents/")
            .is_some_and(|rest| !rest.contains('/'))
}

impl From<DocumentsError> for ApiFailure {
    fn from(e: DocumentsError) -> ApiFailure {
        match e {
            DocumentsError::Content(error) => {
                let status = match error {
                    DocumentError::TooLarge { .. } => StatusCode::PAYLOAD_TOO_LARGE,
                    _ => StatusCode::UNPROCESSABLE_ENTITY,
                };
                crate::metrics::count(Counter::DocumentsRefused);
                ApiFailure::Explained {
                    status,
                    findings: vec![Finding::of(None, &error)],
                }
            }
            DocumentsError::Refused(refusal) => {
                let finding = Finding::of(refusal.field(), &refusal);
                let status = match refusal {
                    UploadRefusal::HeaderInvalid { .. } => StatusCode::BAD_REQUEST,
                    UploadRefusal::SizeMismatch { .. }
                    | UploadRefusal::HashMismatch
                    | UploadRefusal::TypeMismatch { .. } => {
                        crate::metrics::count(Counter::DocumentsRefused);
                        StatusCode::UNPROCESSABLE_ENTITY
                    }
                    UploadRefusal::IdTaken | UploadRefusal::InProgress => StatusCode::CONFLICT,
                    UploadRefusal::NotFound => StatusCode::NOT_FOUND,
                };
                ApiFailure::Explained {
                    status,
                    findings: vec![finding],
                }
            }
            DocumentsError::RateLimited(wait) => {
                crate::metrics::count(Counter::RateLimited);
                ApiFailure::RateLimited {
                    retry_after_secs: Some(u64::try_from(wait.0.max(1)).unwrap_or(1)),
                }
            }
            // Nobody is left to read the answer; the status keeps the log honest.
            DocumentsError::BodyBroken(_) => ApiFailure::Malformed,
            DocumentsError::TooSlow => ApiFailure::Refused(StatusCode::REQUEST_TIMEOUT),
            DocumentsError::Db(e) => ApiFailure::Internal(Box::new(e)),
            DocumentsError::Storage(e) => ApiFailure::Internal(Box::new(e)),
        }
    }
}

fn refuse(refusal: UploadRefusal) -> ApiFailure {
    DocumentsError::Refused(refusal).into()
}

/// The upload as its headers announce it; a missing or unreadable header is a 400 naming it.
fn upload_of(id: ClientId, headers: &HeaderMap) -> Result<Upload, ApiFailure> {
    let text = |name: &'static str| {
        headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .map(str::trim)
            .ok_or(refuse(UploadRefusal::HeaderInvalid { header: name }))
    };
    let invalid = |name: &'static str| refuse(UploadRefusal::HeaderInvalid { header: name });
    let length = text("content-length")?
        .parse::<u64>()
        .map_err(|_| invalid("content-length"))?;
    let declared = declared_type(text("content-type")?).ok_or(invalid("content-type"))?;
    let kind = DocumentKind::from_wire(text(KIND_HEADER)?).ok_or(invalid(KIND_HEADER))?;
    let sha256 = Sha256Hex::parse(text(SHA256_HEADER)?).ok_or(invalid(SHA256_HEADER))?;
    Ok(Upload {
        id,
        kind,
        declared,
        length,
        sha256,
    })
}

/// The words `X-Klaim-Document-Kind` takes: `DocumentKind::as_str`, the words the documents
/// table keeps. One differs from the kind's JSON name (`pension_form_7`, JSON `pension_form7`),
/// so the header is not declared as the `DocumentKind` schema.
struct KindHeader;

impl utoipa::PartialSchema for KindHeader {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        use utoipa::openapi::schema::{ObjectBuilder, Type};
        ObjectBuilder::new()
            .schema_type(Type::String)
            .enum_values(Some(DocumentKind::ALL.iter().map(|k| k.as_str())))
            .into()
    }
}

impl utoipa::ToSchema for KindHeader {}

/// `Some(Some(type))` for an accepted type (with the names browsers also use), `Some(None)` for
/// any other well-formed media type (the bytes then decide the answer), `None` when malformed.
fn declared_type(content_type: &str) -> Option<Option<FileType>> {
    let essence = content_type.split(';').next()?.trim().to_ascii_lowercase();
    let (kind, sub) = essence.split_once('/')?;
    let token = |s: &str| {
        !s.is_empty()
            && s.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"!#$&^_.+-".contains(&b))
    };
    if !token(kind) || !token(sub) {
        return None;
    }
    let accepted = match essence.as_str() {
        "image/jpeg" | "image/jpg" | "image/pjpeg" => Some(FileType::Jpeg),
        "image/png" => Some(FileType::Png),
        "application/pdf" | "application/x-pdf" => Some(FileType::Pdf),
        "image/bmp" | "image/x-bmp" | "image/x-ms-bmp" => Some(FileType::Bmp),
        _ => None,
    };
    Some(accepted)
}

#[utoipa::path(put, path = "/api/v1/documents/{id}", tag = "documents",
    security(("session" = [])),
    params(
        ("id" = String, Path, pattern = "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$", description = "A UUID made by the app for this document"),
        ("Content-Type" = String, Header, description = "image/jpeg, image/png, application/pdf or image/bmp: must agree with the bytes"),
        ("Content-Length" = u64, Header, description = "Required; at most 6 MiB (6291456 bytes)"),
        ("X-Klaim-Document-Kind" = inline(KindHeader), Header, description = "The kind of document, as its wire word (e.g. ktp)"),
        ("X-Klaim-Sha256" = String, Header, pattern = "^[0-9a-fA-F]{64}$", description = "SHA-256 of the content, 64 hex digits"),
    ),
    request_body(content = Vec<u8>, description = "The file's bytes, sent as they are", content_type = "application/octet-stream"),
    responses(
        (status = 201, description = "Stored", body = DocumentInfo),
        (status = 200, description = "The same id, content and kind were stored before (a retry)", body = DocumentInfo),
        (status = 400, description = "upload.header_invalid (field names the header); a non-UUID id", body = ApiErrors),
        (status = 401, description = "api.unauthenticated", body = ApiErrors),
        (status = 403, description = "api.request_header_missing; api.forbidden (staff accounts)", body = ApiErrors),
        (status = 409, description = "document.id_taken (other content, or not this account's id); document.upload_in_progress", body = ApiErrors),
        (status = 413, description = "document.too_large (Content-Length over 6 MiB: refused before reading)", body = ApiErrors),
        (status = 422, description = "document.* (klaim-core's checks); upload.size_mismatch; upload.type_mismatch; upload.hash_mismatch", body = ApiErrors),
        (status = 429, description = "api.rate_limited, with Retry-After", body = ApiErrors),
    ))]
pub(super) async fn upload(
    State(state): State<AppState>,
    session: SignedIn,
    Path(id): Path<String>,
    request: Request,
) -> Result<Response, ApiFailure> {
    let (account_id, _) = participant(&session)?;
    let id = ClientId::parse(&id).ok_or(ApiFailure::Malformed)?;
    let (parts, body) = request.into_parts();
    let upload = upload_of(id, &parts.headers)?;
    let answer = documents::upload(&state.documents, account_id, upload, body).await?;
    Ok(match answer {
        Stored::New(info) => {
            crate::metrics::count(Counter::DocumentsStored);
            (StatusCode::CREATED, Json(info)).into_response()
        }
        Stored::Again(info) => (StatusCode::OK, Json(info)).into_response(),
    })
}

#[utoipa::path(get, path = "/api/v1/documents", tag = "documents",
    security(("session" = [])),
    responses(
        (status = 200, description = "This participant's documents, newest first", body = DocumentList),
        (status = 401, description = "api.unauthenticated", body = ApiErrors),
        (status = 403, description = "api.forbidden (staff accounts)", body = ApiErrors),
    ))]
pub(super) async fn list(
    State(state): State<AppState>,
    session: SignedIn,
) -> Result<Json<DocumentList>, ApiFailure> {
    let (account_id, _) = participant(&session)?;
    let documents = documents::list(&state.documents, account_id).await?;
    Ok(Json(DocumentList { documents }))
}

/// One of the caller's documents; an id that is not a UUID cannot be one.
async fn own(state: &AppState, account_id: i64, id: &str) -> Result<DocumentInfo, ApiFailure> {
    let id = ClientId::parse(id).ok_or(refuse(UploadRefusal::NotFound))?;
    Ok(documents::find(&state.documents, account_id, &id).await?)
}

#[utoipa::path(get, path = "/api/v1/documents/{id}", tag = "documents",
    security(("session" = [])),
    params(("id" = String, Path, description = "The document's UUID")),
    responses(
        (status = 200, description = "The document's record", body = DocumentInfo),
        (status = 401, description = "api.unauthenticated", body = ApiErrors),
        (status = 403, description = "api.forbidden (staff accounts)", body = ApiErrors),
        (status = 404, description = "document.not_found (also another account's)", body = ApiErrors),
    ))]
pub(super) async fn info(
    State(state): State<AppState>,
    session: SignedIn,
    Path(id): Path<String>,
) -> Result<Json<DocumentInfo>, ApiFailure> {
    let (account_id, _) = participant(&session)?;
    Ok(Json(own(&state, account_id, &id).await?))
}

#[utoipa::path(get, path = "/api/v1/documents/{id}/content", tag = "documents",
    security(("session" = [])),
    params(("id" = String, Path, description = "The document's UUID")),
    responses(
        (status = 200, description = "The bytes, with their type; Cache-Control: private, no-store; Content-Disposition: inline", content_type = "application/octet-stream"),
        (status = 401, description = "api.unauthenticated", body = ApiErrors),
        (status = 403, description = "api.forbidden (staff accounts)", body = ApiErrors),
        (status = 404, description = "document.not_found (also another account's)", body = ApiErrors),
    ))]
pub(super) async fn content(
    State(state): State<AppState>,
    session: SignedIn,
    Path(id): Path<String>,
) -> Result<Response, ApiFailure> {
    let (account_id, _) = participant(&session)?;
    let info = own(&state, account_id, &id).await?;
    let id = ClientId::parse(&info.id).ok_or(ApiFailure::NotFound)?;
    stored_content(&state, &id, &info).await
}

/// A stored document's bytes as a response: its type and size, never cached, shown inline under
/// a name made of the kind and the id only (nothing anyone typed reaches a header).
pub(super) async fn stored_content(
    state: &AppState,
    id: &ClientId,
    info: &DocumentInfo,
) -> Result<Response, ApiFailure> {
    let stream = state
        .documents
        .storage
        .read(id)
        .await
        .map_err(|e| ApiFailure::Internal(Box::new(e)))?;
    let name = format!(
        "inline; filename=\"{}-{}.{}\"",
        info.kind.as_str(),
        &info.id[..8],
        extension(info.file_type)
    );
    let headers = [
        (
            header::CONTENT_TYPE,
            HeaderValue::from_static(info.file_type.mime()),
        ),
        (header::CONTENT_LENGTH, HeaderValue::from(info.bytes)),
        (
            header::CACHE_CONTROL,
            HeaderValue::from_static("private, no-store"),
        ),
        (
            header::CONTENT_DISPOSITION,
            HeaderValue::try_from(name).map_err(|e| ApiFailure::Internal(Box::new(e)))?,
        ),
    ];
    Ok((headers, Body::from_stream(stream)).into_response())
}

fn extension(file_type: FileType) -> &'static str {
    match file_type {
        FileType::Jpeg => "jpg",
        FileType::Png => "png",
        FileType::Pdf => "pdf",
        FileType::Bmp => "bmp",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_types_read_with_aliases_and_parameters() {
        assert_eq!(declared_type("image/jpeg"), Some(Some(FileType::Jpeg)));
        assert_eq!(declared_type("IMAGE/JPG; q=1"), Some(Some(FileType::Jpeg)));
        assert_eq!(declared_type("application/pdf"), Some(Some(FileType::Pdf)));
        assert_eq!(declared_type("image/x-ms-bmp"), Some(Some(FileType::Bmp)));
        assert_eq!(declared_type("image/heic"), Some(None));
        for bad in ["", "jpeg", "image/", "/png", "image/jp eg", "ïmage/png"] {
            assert_eq!(declared_type(bad), None, "{bad}");
        }
    }

    #[test]
    fn only_a_put_of_one_document_is_an_upload() {
        let id = "/v1/documents/3f2504e0-4f89-41d3-9a0c-0305e82c3301";
        assert!(is_upload(&Method::PUT, id));
        assert!(!is_upload(&Method::GET, id));
        assert!(!is_upload(&Method::PUT, &format!("{id}/content")));
        assert!(!is_upload(&Method::PUT, "/v1/claims/x"));
    }
}
