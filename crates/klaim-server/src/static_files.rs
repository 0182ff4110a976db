//! The built app from the dist directory: each file with its content type, cache policy and
//! precompressed variant, and the app shell (`index.html`) for the app's own routes (deep links).
//!
//! Served by hand rather than with `ServeDir` because the rules here are the app's contract:
//! immutable caching only for hashed names, `Vary` on every file, brotli preferred, a 404 in the
//! error shape for a missing asset but the app shell for a missing route.

pub(crate) mod negotiate;
mod path;
pub mod policy;

use std::fs::Metadata;
use std::io::ErrorKind;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::UNIX_EPOCH;

use axum::body::Body;
use axum::extract::State;
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, Uri, header};
use axum::response::{IntoResponse, Response};

use crate::error::ApiFailure;
use negotiate::Encoding;
use path::AssetPath;

const INDEX: &str = "index.html";

/// The dist directory, known to hold an `index.html`.
#[derive(Clone, Debug)]
pub struct Dist {
    root: Arc<Path>,
}

#[derive(Debug, thiserror::Error)]
#[error(
    "the built app is missing: {} was not found.\n\
     Run `cargo xtask run` to build the app and start the server, \
     or point --dist (KLAIM_DIST_DIR) at a directory built by `cargo xtask build`.",
    .index.display()
)]
pub struct DistMissing {
    pub index: PathBuf,
}

impl Dist {
    pub fn open(dir: &Path) -> Result<Dist, DistMissing> {
        let root = std::path::absolute(dir).unwrap_or_else(|_| dir.to_path_buf());
        let index = root.join(INDEX);
        if !index.is_file() {
            return Err(DistMissing { index });
        }
        Ok(Dist { root: root.into() })
    }

    pub fn root(&self) -> &Path {
        &self.root
    }
}

/// Fallback handler of the router: every path outside `/api`.
pub async fn serve(
    State(dist): State<Dist>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
) -> Result<Response, ApiFailure> {
    if method != Method::GET && method != Method::HEAD {
        let mut response = ApiFailure::MethodNotAllowed.into_response();
        response
            .headers_mut()
            .insert(header::ALLOW, HeaderValue::from_static("GET, HEAD"));
        return Ok(response);
    }
    let head = method == Method::HEAD;
    let asset = AssetPath::parse(uri.path()).ok_or(ApiFailure::AssetNotFound)?;
    if asset.first() == Some("api") {
        return Err(ApiFailure::NotFound);
    }
    if let Some(name) = asset.file_name() {
        if let Some(response) = send(&asset.under(dist.root()), name, &headers, head).await? {
            return Ok(response);
        }
        // A missing script or image must fail loudly, not arrive as HTML.
        if asset.has_extension() {
            return Err(ApiFailure::AssetNotFound);
        }
    }
    // `/` and the app's routes (`/klaim/baru`): the app shell, which routes in the browser.
    send(&dist.root().join(INDEX), INDEX, &headers, head)
        .await?
        .ok_or_else(|| ApiFailure::Internal("index.html is gone from the dist directory".into()))
}

/// The file at `path` (typed and cached by `name`), in the best encoding the request accepts
/// that exists beside it; `None` when there is no such file.
async fn send(
    path: &Path,
    name: &str,
    request: &HeaderMap,
    head: bool,
) -> Result<Option<Response>, ApiFailure> {
    let Some(plain) = file_metadata(path).await? else {
        return Ok(None);
    };
    let mut chosen = (None, path.to_path_buf(), plain);
    for encoding in negotiate::accepted(request) {
        let variant = with_suffix(path, encoding.suffix());
        if let Some(metadata) = file_metadata(&variant).await? {
            chosen = (Some(encoding), variant, metadata);
            break;
        }
    }
    let (encoding, file, metadata) = chosen;

    let etag = entity_tag(&metadata, encoding);
    let mut response = Response::builder()
        .header(header::CACHE_CONTROL, policy::cache_control(name))
        // Every file may have variants, so every answer depends on Accept-Encoding.
        .header(header::VARY, "accept-encoding")
        .header(header::ETAG, &etag);
    if is_not_modified(request, &etag) {
        return Ok(Some(build(
            response.status(StatusCode::NOT_MODIFIED),
            Body::empty(),
        )?));
    }
    response = response.header(header::CONTENT_TYPE, policy::content_type(name));
    if let Some(encoding) = encoding {
        response = response.header(header::CONTENT_ENCODING, encoding.token());
    }
    let (length, body) = if head {
        (metadata.len(), Body::empty())
    } else {
        match tokio::fs::read(&file).await {
            Ok(bytes) => (bytes.len() as u64, Body::from(bytes)),
            // Replaced by a new build between the two calls: as if it had never been there.
            Err(err) if is_absent(&err) => return Ok(None),
            Err(err) => return Err(ApiFailure::Internal(Box::new(err))),
        }
    };
    Ok(Some(build(
        response.header(header::CONTENT_LENGTH, length),
        body,
    )?))
}

fn build(builder: axum::http::response::Builder, body: Body) -> Result<Response, ApiFailure> {
    builder
        .body(body)
        .map_err(|err| ApiFailure::Internal(Box::new(err)))
}

/// Metadata of a regular file; `None` for anything else, including directories (no listings).
async fn file_metadata(path: &Path) -> Result<Option<Metadata>, ApiFailure> {
    match tokio::fs::metadata(path).await {
        Ok(metadata) if metadata.is_file() => Ok(Some(metadata)),
        Ok(_) => Ok(None),
        Err(err) if is_absent(&err) => Ok(None),
        Err(err) => Err(ApiFailure::Internal(Box::new(err))),
    }
}

/// Errors that only mean "no such file" (`/sw.js/x` is not-a-directory, a huge segment too long).
fn is_absent(err: &std::io::Error) -> bool {
    matches!(
        err.kind(),
        ErrorKind::NotFound | ErrorKind::NotADirectory | ErrorKind::InvalidFilename
    )
}

fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(".");
    name.push(suffix);
    PathBuf::from(name)
}

/// Changes whenever the served bytes do: modification time, length and encoding.
fn entity_tag(metadata: &Metadata, encoding: Option<Encoding>) -> String {
    let modified = metadata
        .modified()
        .ok()
        .and_then(|time| time.duration_since(UNIX_EPOCH).ok())
        .map_or(0, |since| since.as_nanos());
    let encoding = encoding.map_or("identity", Encoding::token);
    format!("\"{modified:x}-{:x}-{encoding}\"", metadata.len())
}

/// `If-None-Match` with weak comparison, as RFC 9110 §13.1.2 asks.
fn is_not_modified(request: &HeaderMap, etag: &str) -> bool {
    request
        .get_all(header::IF_NONE_MATCH)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(','))
        .map(|tag| tag.trim())
        .any(|tag| tag == "*" || tag.strip_prefix("W/").unwrap_or(tag) == etag)
}
