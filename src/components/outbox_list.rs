//! "Belum terkirim" on "Klaim saya": the claims waiting on this phone, each with its state in
//! words (waiting, being sent, or refused with the server's reasons and what to do), "Kirim
//! sekarang", changing a refused claim, deleting one after a confirmation; and, once delivered,
//! the claim number the server gave it, announced to screen readers.

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_navigate;

use crate::claim::ClaimDraft;
use crate::claim::steps::{self, Step};
use crate::form::findings;
use crate::format::wib_time;
use crate::i18n::{OutboxTexts, tr_outbox, use_i18n};
use crate::offline::{Outbox, QueuedClaim};

#[component]
pub fn OutboxList() -> impl IntoView {
    let i18n = use_i18n();
    let outbox = expect_context::<Outbox>();
    let any = move || outbox.items.with(|all| !all.is_empty());
    let waiting = move || outbox.waiting() > 0;
    // Said once, on the page the review page led to.
    on_cleanup(move || {
        let _ = outbox.just_queued.try_set(false);
    });
    let next_round = move || {
        let at = outbox.next_round_at.get()?;
        let lang = i18n.lang();
        Some((OutboxTexts::of(lang).next_round)(&wib_time(at, lang)))
    };
    view! {
        <div role="status" data-testid="outbox-delivered">
            {move || {
                let lang = i18n.lang();
                outbox
                    .delivered
                    .get()
                    .into_iter()
                    .map(|view| {
                        let s = view.summary;
                        let words = (OutboxTexts::of(lang).delivered)(
                            s.programme.abbreviation(),
                            &s.reference,
                        );
                        view! {
                            <p class="panel-success" data-testid="delivered" data-id=s.id.clone()>
                                <a href=format!("/klaim-saya/{}", s.id)>{words}</a>
                            </p>
                        }
                    })
                    .collect_view()
            }}
        </div>
        <Show when=any>
            <section class="outbox" data-testid="outbox" aria-labelledby="outbox-heading">
                <h2 id="outbox-heading">{tr_outbox(|t| t.heading)}</h2>
                <Show when=move || outbox.just_queued.get()>
                    <p class="notice" role="status" data-testid="just-queued">
                        {tr_outbox(|t| t.just_queued)}
                    </p>
                </Show>
                <p>{tr_outbox(|t| t.lead)}</p>
                <Show when=move || outbox.needs_sign_in.get()>
                    <p class="notice" data-testid="outbox-sign-in">
                        {tr_outbox(|t| t.sign_in_needed)} " "
                        <a href="/masuk">{tr_outbox(|t| t.sign_in_link)}</a>
                    </p>
                </Show>
                <ul class="claim-list">
                    <For
                        each=move || outbox.items.get()
                        key=|q| (q.claim_id.clone(), q.refused.len(), q.unsent().count())
                        children=move |q| queued_row(q, outbox)
                    />
                </ul>
                <Show when=waiting>
                    <p>
                        <SendNow />
                    </p>
                    <p class="hint" data-testid="next-round">
                        {next_round}
                    </p>
                </Show>
            </section>
        </Show>
    }
}

/// "Kirim sekarang": a delivery round now, while a claim waits (also in the offline banner).
#[component]
pub fn SendNow() -> impl IntoView {
    let outbox = expect_context::<Outbox>();
    view! {
        <Show when=move || outbox.waiting() != 0>
            <button
                type="button"
                class="button button--secondary"
                data-testid="send-now"
                disabled=move || outbox.sending.with(Option::is_some)
                on:click=move |_| outbox.deliver_soon()
            >
                {tr_outbox(|t| t.send_now)}
            </button>
        </Show>
    }
}

fn queued_row(q: QueuedClaim, outbox: Outbox) -> impl IntoView {
    let i18n = use_i18n();
    let id = q.claim_id.clone();
    let sending = {
        let id = id.clone();
        move || outbox.sending.with(|s| s.as_deref() == Some(id.as_str()))
    };
    let row_id = id.clone();
    let refused = !q.waiting();
    let unsent = q.unsent().count();
    let status = {
        let sending = sending.clone();
        move || {
            let t = OutboxTexts::of(i18n.lang());
            if refused {
                ("refused", t.status_refused)
            } else if sending() {
                ("sending", t.status_sending)
            } else {
                ("waiting", t.status_waiting)
            }
        }
    };
    let status_word = {
        let status = status.clone();
        move || status().1
    };
    let (programme, reason) = (q.draft.programme, q.draft.reason);
    let queued_at = q.queued_at;
    view! {
        <li
            class="claim-row"
            data-testid="queued-claim"
            data-id=row_id
            data-status=move || status().0
        >
            <p>
                <strong>
                    {move || (i18n.t().claim_title)(programme.abbreviation())} " — "
                    {move || reason.label(i18n.lang())}
                </strong>
            </p>
            <p>
                <strong class="status-tag status-tag--queued" data-testid="queued-status">
                    {status_word}
                </strong>
                " · "
                {move || {
                    let lang = i18n.lang();
                    (OutboxTexts::of(lang).queued_at)(&wib_time(queued_at, lang))
                }}
            </p>
            {(unsent > 0 && !refused)
                .then(|| {
                    view! {
                        <p class="hint">
                            {move || (OutboxTexts::of(i18n.lang()).documents_waiting)(unsent)}
                        </p>
                    }
                })}
            {refused.then(|| refused_view(q.clone(), outbox))}
            <DeleteQueued claim_id=id busy=Signal::derive(sending) />
        </li>
    }
}

/// The server's reasons, what to do, and the way back to the journey to change the claim.
fn refused_view(q: QueuedClaim, outbox: Outbox) -> impl IntoView {
    let i18n = use_i18n();
    let draft = expect_context::<ClaimDraft>();
    let navigate = use_navigate();
    let busy = RwSignal::new(false);
    // The server's codes beside their findings (a code the app does not know is kept as sent).
    let codes: Vec<String> = q.refused.iter().map(|e| e.code.clone()).collect();
    let reasons = findings(&q.refused, &[]);
    let change = move |_| {
        // Another journey under way would be overwritten: it comes first.
        if draft.answers.with_untracked(Option::is_some) {
            busy.set(true);
            return;
        }
        let claim_id = q.claim_id.clone();
        let navigate = navigate.clone();
        spawn_local(async move {
            let Some(taken) = outbox.take_back(&claim_id).await else {
                return;
            };
            let (programme, reason) = (taken.draft.programme, taken.draft.reason);
            let (snapshot, _) = taken.draft.migrate(&taken.submission.rules_version);
            draft.restore(snapshot);
            navigate(
                &steps::path(programme, reason, Step::Review),
                Default::default(),
            );
        });
    };
    view! {
        <div class="problem-hint" data-testid="queued-refused">
            <p>{tr_outbox(|t| t.refused_lead)}</p>
            <ul>
                {reasons
                    .into_iter()
                    .zip(codes)
                    .map(|(f, code)| {
                        let hint = f.clone();
                        view! {
                            <li data-testid="queued-reason" data-code=code>
                                {move || f.message(i18n.lang()).to_owned()} " "
                                <span class="hint">
                                    {move || hint.hint(i18n.lang()).to_owned()}
                                </span>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
            <p>{tr_outbox(|t| t.refused_todo)}</p>
            <Show when=move || busy.get()>
                <p class="notice" role="status">
                    {tr_outbox(|t| t.change_busy)}
                </p>
            </Show>
            <button
                type="button"
                class="button button--secondary"
                data-testid="queued-change"
                on:click=change
            >
                {tr_outbox(|t| t.change)}
            </button>
        </div>
    }
    .into_any()
}

/// "Hapus", then a confirmation that says what is lost (nothing on the server's side).
#[component]
fn DeleteQueued(claim_id: String, busy: Signal<bool>) -> impl IntoView {
    let outbox = expect_context::<Outbox>();
    let asking = RwSignal::new(false);
    let remove = move |_| {
        let claim_id = claim_id.clone();
        spawn_local(async move { outbox.remove(&claim_id).await });
    };
    view! {
        <Show
            when=move || asking.get()
            fallback=move || {
                view! {
                    <button
                        type="button"
                        class="button button--secondary"
                        data-testid="queued-delete"
                        disabled=move || busy.get()
                        on:click=move |_| asking.set(true)
                    >
                        {tr_outbox(|t| t.delete)}
                    </button>
                }
            }
        >
            <div class="confirm" role="alertdialog" aria-labelledby="delete-title" data-testid="delete-confirm">
                <h3 id="delete-title">{tr_outbox(|t| t.delete_title)}</h3>
                <p>{tr_outbox(|t| t.delete_body)}</p>
                <button
                    type="button"
                    class="button button--warning"
                    data-testid="delete-yes"
                    on:click=remove.clone()
                >
                    {tr_outbox(|t| t.delete_yes)}
                </button>
                " "
                <button
                    type="button"
                    class="button button--secondary"
                    data-testid="delete-no"
                    on:click=move |_| asking.set(false)
                >
                    {tr_outbox(|t| t.delete_no)}
                </button>
            </div>
        </Show>
    }
}
