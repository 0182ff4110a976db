//! An HTTP request through XMLHttpRequest: unlike fetch, it reports how much of the body has been
//! sent, which drives the progress bar of an upload. The URL comes from `api.rs`.

use js_sys::Promise;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{ProgressEvent, XmlHttpRequest};

/// What came back: the status and the body as text. Status 0 means no answer at all (network
/// down, refused, or timed out).
pub struct Sent {
    pub status: u16,
    pub body: String,
}

/// Sends `body` with `method` to `url`; `progress` is told the fraction sent (0.0–1.0) as the
/// upload goes. Never fails: a request that got no answer is `status: 0`.
pub async fn put(
    url: &str,
    headers: &[(&str, &str)],
    body: &[u8],
    timeout_ms: u32,
    progress: impl Fn(f64) + 'static,
) -> Sent {
    match send(url, headers, body, timeout_ms, progress).await {
        Ok(sent) => sent,
        Err(_) => Sent {
            status: 0,
            body: String::new(),
        },
    }
}

async fn send(
    url: &str,
    headers: &[(&str, &str)],
    body: &[u8],
    timeout_ms: u32,
    progress: impl Fn(f64) + 'static,
) -> Result<Sent, JsValue> {
    let xhr = XmlHttpRequest::new()?;
    xhr.open_with_async("PUT", url, true)?;
    for (name, value) in headers {
        xhr.set_request_header(name, value)?;
    }
    xhr.set_timeout(timeout_ms);
    let on_progress = Closure::<dyn FnMut(ProgressEvent)>::new(move |e: ProgressEvent| {
        if e.length_computable() && e.total() > 0.0 {
            progress((e.loaded() / e.total()).clamp(0.0, 1.0));
        }
    });
    xhr.upload()?
        .set_onprogress(Some(on_progress.as_ref().unchecked_ref()));
    // One promise settles on whichever of load / error / timeout / abort comes first; the
    // closures live until this function returns, after the request has ended.
    let mut finished: Option<Closure<dyn FnMut()>> = None;
    let mut wait = |resolve: js_sys::Function, _reject: js_sys::Function| {
        let end = Closure::<dyn FnMut()>::new(move || {
            let _ = resolve.call0(&JsValue::NULL);
        });
        let callback = end.as_ref().unchecked_ref();
        xhr.set_onload(Some(callback));
        xhr.set_onerror(Some(callback));
        xhr.set_ontimeout(Some(callback));
        xhr.set_onabort(Some(callback));
        finished = Some(end);
    };
    let done = Promise::new(&mut wait);
    xhr.send_with_opt_u8_array(Some(body))?;
    JsFuture::from(done).await?;
    drop(finished);
    drop(on_progress);
    Ok(Sent {
        status: xhr.status().unwrap_or(0),
        body: xhr.response_text().ok().flatten().unwrap_or_default(),
    })
}
