//! One document of a claim: what to upload and why, the file chooser and the camera, the checks
//! on the phone (klaim-core's byte checks, downscaling, SHA-256), the bytes kept in the account's
//! vault, the upload with its progress bar, and reuse of an earlier upload. When the upload gets
//! no answer, a document kept in the vault counts as attached ("Tersimpan di perangkat ini") and
//! goes with the claim through the outbox; without a vault, a retry sends the same id again.

use klaim_core::api::ApiError;
use klaim_core::api::claim::DocumentInfo;
use klaim_core::claim::{DocumentKind, Necessity};
use klaim_core::message::Finding;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;
use web_sys::{Blob, HtmlInputElement};

use crate::api::{self, Failure};
use crate::claim::words::{day_words, size_words};
use crate::claim::{Attached, ClaimDraft};
use crate::form::{Trouble, findings};
use crate::format::now_unix_seconds;
use crate::i18n::{OutboxTexts, Texts, tr, use_i18n};
use crate::offline::outbox::{judge, passing};
use crate::offline::{Delivery, Drafts};
use crate::upload::{Prepared, blob_of, prepare, uuid_v4};

/// Where this row's file is.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Phase {
    /// Nothing under way: empty, refused, or attached (the draft says which).
    Idle,
    Checking,
    /// Percent sent.
    Uploading(u32),
    /// The upload got no usable answer; the file waits for a retry.
    Failed(Trouble),
}

/// A prepared file waiting to be sent, with the id it is sent under (kept for a retry).
struct Pending {
    id: String,
    prepared: Prepared,
    blob: Option<Blob>,
    /// Its bytes are in the vault: it can wait on the phone for the outbox.
    kept: bool,
}

#[component]
pub fn DocumentUpload(
    kind: DocumentKind,
    necessity: Necessity,
    /// This account's earlier uploads; those of this kind are offered when it is reusable.
    earlier: Signal<Vec<DocumentInfo>>,
    /// The page's finding about this document (not attached when Lanjutkan was pressed).
    page_error: Signal<Option<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let draft = expect_context::<ClaimDraft>();
    let drafts = expect_context::<Drafts>();
    let id = kind.as_str();
    let phase = RwSignal::new(Phase::Idle);
    let refusal = RwSignal::new(None::<Finding>);
    let pending = StoredValue::new_local(None::<Pending>);
    let attached = move || {
        draft
            .documents
            .with(|d| d.iter().find(|a| a.info.kind == kind).cloned())
    };

    // The thumbnail: an object URL of what was (or is being) sent, revoked when replaced and when
    // the row goes away (cleanups run before the row's signals are dropped).
    let preview = RwSignal::new(None::<String>);
    let show = move |blob: Option<&Blob>| {
        let url = blob.and_then(|b| web_sys::Url::create_object_url_with_blob(b).ok());
        if let Some(old) = preview.try_update(|p| std::mem::replace(p, url)).flatten() {
            let _ = web_sys::Url::revoke_object_url(&old);
        }
    };
    if let Some(a) = untrack(attached).filter(|a| a.info.file_type.is_image()) {
        match a.content {
            Some(content) => show(Some(&content)),
            // Restored from the vault after a reload: the bytes are there too.
            None => spawn_local(async move {
                if let Some(bytes) = drafts.kept_document(&a.info.id).await
                    && let Ok(blob) = blob_of(&bytes, a.info.file_type.mime())
                    && preview.try_get_untracked().is_some_and(|p| p.is_none())
                {
                    show(Some(&blob));
                }
            }),
        }
    }
    on_cleanup(move || show(None));

    let upload = move || {
        let Some((document_id, prepared)) =
            pending.with_value(|p| p.as_ref().map(|p| (p.id.clone(), p.prepared.clone())))
        else {
            return;
        };
        phase.set(Phase::Uploading(0));
        refusal.set(None);
        let lang = i18n.lang_untracked();
        spawn_local(async move {
            let progress = move |fraction: f64| {
                let _ = phase.try_set(Phase::Uploading((fraction * 100.0).floor() as u32));
            };
            let answer = api::upload_document(lang, &document_id, kind, &prepared, progress).await;
            match answer {
                Ok(info) => {
                    let blob = pending
                        .try_update_value(|p| p.take().and_then(|p| p.blob))
                        .flatten();
                    let sent = prepared.bytes.len() as u64;
                    // The draft outlives this row: an upload finished after leaving the page
                    // still counts.
                    draft.attach(Attached {
                        info,
                        content: blob,
                        original_bytes: (prepared.original_bytes != sent)
                            .then_some(prepared.original_bytes),
                        sent: true,
                    });
                    let _ = phase.try_set(Phase::Idle);
                }
                Err(failure) if kept_for_later(&failure) && keep_waiting(pending, draft, kind) => {
                    let _ = phase.try_set(Phase::Idle);
                }
                Err(Failure::Offline) => {
                    let _ = phase.try_set(Phase::Failed(Trouble::Offline));
                }
                Err(Failure::Api { status, errors }) if refused(status, &errors) => {
                    let _ = pending.try_update_value(|p| *p = None);
                    let found = findings(&errors, &[]).into_iter().next();
                    let _ = refusal.try_set(found);
                    let _ = phase.try_set(Phase::Idle);
                }
                Err(_) => {
                    let _ = phase.try_set(Phase::Failed(Trouble::Server));
                }
            }
        });
    };

    let chosen = move |ev: leptos::ev::Event| {
        let input: HtmlInputElement = event_target(&ev);
        let Some(file) = input.files().and_then(|f| f.get(0)) else {
            return;
        };
        // Choosing the same file again must fire `change` again.
        input.set_value("");
        if matches!(phase.get_untracked(), Phase::Checking | Phase::Uploading(_)) {
            return;
        }
        phase.set(Phase::Checking);
        refusal.set(None);
        spawn_local(async move {
            match prepare(&file).await {
                Ok(prepared) => {
                    let blob = blob_of(&prepared.bytes, prepared.file_type.mime()).ok();
                    if prepared.file_type.is_image() {
                        show(blob.as_ref());
                    } else {
                        show(None);
                    }
                    let id = uuid_v4().unwrap_or_default();
                    let kept = drafts.keep_document(&id, &prepared.bytes).await;
                    let _ = pending.try_set_value(Some(Pending {
                        id,
                        prepared,
                        blob,
                        kept,
                    }));
                    upload();
                }
                Err(e) => {
                    let _ = refusal.try_set(Some(e.finding(kind.as_str())));
                    let _ = phase.try_set(Phase::Idle);
                }
            }
        });
    };

    let reuse = move |info: DocumentInfo| {
        show(None);
        pending.set_value(None);
        refusal.set(None);
        draft.attach(Attached {
            info,
            content: None,
            original_bytes: None,
            sent: true,
        });
    };

    let error = Signal::derive(move || {
        let lang = i18n.lang();
        refusal
            .with(|r| r.as_ref().map(|f| f.message(lang).to_owned()))
            .or_else(|| page_error.get())
    });
    let has_error = move || error.with(Option::is_some);
    let busy = move || matches!(phase.get(), Phase::Checking | Phase::Uploading(_));
    let state = move || match phase.get() {
        Phase::Checking => "checking",
        Phase::Uploading(_) => "uploading",
        Phase::Failed(_) => "failed",
        Phase::Idle if attached().is_some_and(|a| !a.sent) => "kept",
        Phase::Idle if attached().is_some() => "done",
        Phase::Idle if refusal.with(Option::is_some) => "refused",
        Phase::Idle => "empty",
    };
    let described_by = move || {
        if has_error() {
            format!("{id}-hint {id}-error")
        } else {
            format!("{id}-hint")
        }
    };

    view! {
        <section
            class="upload field"
            class:field--error=has_error
            data-testid="document"
            data-kind=id
            data-state=state
        >
            <h2 class="upload__name">
                {move || kind.name(i18n.lang())} " "
                <span class="tag tag--quiet">{move || necessity_words(i18n.t(), necessity)}</span>
            </h2>
            <p>{move || kind.purpose(i18n.lang())}</p>
            <p class="hint" id=format!("{id}-hint")>
                {tr(|t| t.upload_formats)}
            </p>
            <Show when=has_error>
                <p class="error-message" id=format!("{id}-error") data-testid="upload-error">
                    <span class="visually-hidden">{tr(|t| t.error_prefix)} " "</span>
                    {move || error.get()}
                </p>
                {move || {
                    refusal
                        .get()
                        .map(|f| {
                            view! { <p class="hint">{f.hint(i18n.lang()).to_owned()}</p> }
                        })
                }}
            </Show>
            {move || {
                let t = i18n.t();
                let lang = i18n.lang();
                match phase.get() {
                    Phase::Checking => {
                        view! {
                            <p class="upload__status" role="status" data-testid="upload-status">
                                {t.upload_checking}
                            </p>
                        }
                            .into_any()
                    }
                    Phase::Uploading(percent) => {
                        view! {
                            <progress
                                class="upload__progress"
                                max="100"
                                value=percent
                                aria-labelledby=format!("{id}-progress")
                                data-testid="upload-progress"
                            ></progress>
                            <p id=format!("{id}-progress") role="status">
                                {(t.upload_progress)(percent)}
                            </p>
                        }
                            .into_any()
                    }
                    Phase::Failed(trouble) => {
                        let message = match trouble {
                            Trouble::Offline => t.upload_offline,
                            Trouble::Server => t.upload_server_trouble,
                        };
                        view! {
                            <p class="offline" role="status" data-testid="upload-failed">
                                {message}
                            </p>
                            <button
                                type="button"
                                class="button button--secondary"
                                data-testid="upload-retry"
                                on:click=move |_| upload()
                            >
                                {t.upload_retry}
                            </button>
                        }
                            .into_any()
                    }
                    Phase::Idle => {
                        match attached() {
                            Some(a) => attached_view(a, t, lang).into_any(),
                            None => reuse_view(kind, earlier.get(), t, lang, reuse).into_any(),
                        }
                    }
                }
            }}
            {move || {
                preview
                    .get()
                    .map(|src| {
                        view! {
                            <img
                                class="upload__thumbnail"
                                src=src
                                alt=move || (i18n.t().preview_alt)(kind.name(i18n.lang()))
                                data-testid="upload-thumbnail"
                            />
                        }
                    })
            }}
            <div class="upload__inputs">
                <label class="label" for=id>
                    {move || {
                        let t = i18n.t();
                        if attached().is_some() { t.upload_change } else { t.upload_choose }
                    }}
                </label>
                <input
                    class="upload__input"
                    type="file"
                    id=id
                    name=id
                    accept="image/*,application/pdf"
                    aria-describedby=described_by
                    aria-invalid=move || has_error().then_some("true")
                    disabled=busy
                    data-testid="upload-input"
                    on:change=chosen
                />
                <label class="label" for=format!("{id}-camera")>
                    {tr(|t| t.upload_camera)}
                </label>
                <input
                    class="upload__input"
                    type="file"
                    id=format!("{id}-camera")
                    accept="image/*"
                    capture="environment"
                    aria-describedby=format!("{id}-hint")
                    disabled=busy
                    data-testid="upload-camera"
                    on:change=chosen
                />
            </div>
        </section>
    }
}

/// Refusals about the file itself (wrong, too large, damaged): choosing another file helps,
/// sending the same again does not (see the outbox's `passing` for what a retry helps).
fn refused(status: u16, errors: &[ApiError]) -> bool {
    (400..500).contains(&status) && !passing(status, errors)
}

/// Failures the outbox gets past later: no answer, or a passing server trouble.
fn kept_for_later(failure: &Failure) -> bool {
    matches!(judge(failure.clone()), Delivery::Later)
}

/// Attaches the pending file as kept on the phone, when its bytes are in the vault.
fn keep_waiting(
    pending: StoredValue<Option<Pending>, LocalStorage>,
    draft: ClaimDraft,
    kind: DocumentKind,
) -> bool {
    let Some(p) = pending
        .try_update_value(|p| p.take_if(|p| p.kept))
        .flatten()
    else {
        return false;
    };
    draft.attach(Attached {
        info: DocumentInfo {
            id: p.id,
            kind,
            file_type: p.prepared.file_type,
            bytes: p.prepared.bytes.len() as u64,
            sha256: p.prepared.sha256,
            uploaded_at: now_unix_seconds(),
            in_claims: 0,
        },
        content: p.blob,
        original_bytes: (p.prepared.original_bytes != p.prepared.bytes.len() as u64)
            .then_some(p.prepared.original_bytes),
        sent: false,
    });
    true
}

fn event_target(ev: &leptos::ev::Event) -> HtmlInputElement {
    ev.target()
        .expect("a change event has a target")
        .unchecked_into()
}

pub fn necessity_words(t: &'static Texts, necessity: Necessity) -> &'static str {
    match necessity {
        Necessity::Required | Necessity::OneOfPhkProofs => t.necessity_required,
        Necessity::Recommended => t.necessity_recommended,
    }
}

fn attached_view(a: Attached, t: &'static Texts, lang: klaim_core::Lang) -> impl IntoView {
    let status = if a.sent {
        view! { <strong>"✓ " {t.upload_done}</strong> }.into_any()
    } else {
        view! { <span>{OutboxTexts::of(lang).upload_kept}</span> }.into_any()
    };
    let sent = size_words(a.info.bytes, lang);
    let resized = a
        .original_bytes
        .map(|original| (t.upload_resized)(&size_words(original, lang), &sent));
    let kind_of_file = if a.info.file_type.is_image() {
        a.info.file_type.as_str().to_uppercase()
    } else {
        t.upload_pdf.to_owned()
    };
    view! {
        <p class="upload__done" role="status" data-testid="upload-status">
            {status}
        </p>
        <p data-testid="upload-size">{kind_of_file} " · " {(t.upload_sent_size)(&sent)}</p>
        {resized.map(|r| view! { <p class="hint">{r}</p> })}
    }
}

fn reuse_view(
    kind: DocumentKind,
    earlier: Vec<DocumentInfo>,
    t: &'static Texts,
    lang: klaim_core::Lang,
    reuse: impl Fn(DocumentInfo) + Copy + 'static,
) -> impl IntoView {
    if !kind.reusable() {
        return None;
    }
    let mut same: Vec<DocumentInfo> = earlier.into_iter().filter(|d| d.kind == kind).collect();
    same.sort_by_key(|d| std::cmp::Reverse(d.uploaded_at));
    let newest = same.into_iter().next()?;
    let line = format!(
        "{} · {} · {}",
        newest.file_type.as_str().to_uppercase(),
        size_words(newest.bytes, lang),
        (t.uploaded_on)(&day_words(newest.uploaded_at, lang))
    );
    Some(view! {
        <div class="upload__reuse" data-testid="upload-reuse">
            <p>{t.upload_reuse_lead} " " {line}</p>
            <button
                type="button"
                class="button button--secondary"
                data-testid="upload-reuse-button"
                on:click=move |_| reuse(newest.clone())
            >
                {t.upload_reuse_button}
            </button>
        </div>
    })
}
