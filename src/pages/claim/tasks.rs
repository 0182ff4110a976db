//! The task list of a multi-part claim (JKM, JKK, claims by heirs): each part with its status —
//! Selesai, Belum selesai, Belum dapat dimulai, Ada masalah.

use klaim_core::Explain;
use klaim_core::claim::{ClaimProblem, Question, questions};
use leptos::prelude::*;

use super::{Ready, back_link, journey_page, page_title, with_facts};
use crate::browser::today;
use crate::claim::steps::{self, DOCUMENTS_FIELD, Step};
use crate::claim::words::question_label;
use crate::claim::{ClaimDraft, check_ready};
use crate::components::{Task, TaskStatus, task_list};
use crate::i18n::use_i18n;

#[component]
pub fn TasksPage() -> impl IntoView {
    journey_page(|programme, reason| {
        let i18n = use_i18n();
        let draft = expect_context::<ClaimDraft>();
        page_title(None, move |t, _| (t.tasks_title)(programme.abbreviation()));
        view! {
            {back_link(steps::path(programme, reason, Step::Results))}
            <h1>{move || (i18n.t().tasks_title)(programme.abbreviation())}</h1>
            <p>{move || i18n.t().tasks_lead}</p>
            {with_facts(
                programme,
                reason,
                move |Ready { facts, claimant }| {
                    view! {
                        {move || {
                            let t = i18n.t();
                            let lang = i18n.lang();
                            let answers = draft.answers_for(programme, reason);
                            let attached = draft.attached_kinds();
                            let problems = check_ready(
                                    &facts,
                                    &claimant,
                                    &answers,
                                    &attached,
                                    draft.inquiry.get().as_ref(),
                                    today(),
                                )
                                .err()
                                .unwrap_or_default();
                            let has_problem = |field: &str| {
                                problems
                                    .iter()
                                    .any(|p| {
                                        p.field() == Some(field)
                                            && !matches!(
                                                p,
                                                ClaimProblem::Unanswered(_)
                                                | ClaimProblem::DocumentMissing(_)
                                                | ClaimProblem::PhkProofMissing
                                            )
                                    })
                            };
                            let pages = questions(&facts, &answers);
                            let waiting_for_deceased = pages.contains(&Question::Deceased)
                                && answers.deceased.is_none();
                            let mut tasks: Vec<Task> = pages
                                .iter()
                                .map(|q| {
                                    let status = if q.answered(&answers) {
                                        if has_problem(q.as_str()) {
                                            TaskStatus::Problem
                                        } else {
                                            TaskStatus::Done
                                        }
                                    } else if waiting_for_deceased && *q != Question::Deceased {
                                        TaskStatus::CannotStart
                                    } else {
                                        TaskStatus::ToDo
                                    };
                                    Task {
                                        name: question_label(*q, reason, lang).to_owned(),
                                        href: steps::path(programme, reason, Step::Question(*q)),
                                        status,
                                        key: q.as_str(),
                                    }
                                })
                                .collect();
                            let all_answered = pages.iter().all(|q| q.answered(&answers));
                            let documents_missing = problems
                                .iter()
                                .any(|p| p.field() == Some(DOCUMENTS_FIELD));
                            tasks.push(Task {
                                name: t.task_documents.to_owned(),
                                href: steps::path(programme, reason, Step::Documents),
                                status: match (all_answered, documents_missing) {
                                    (false, _) => TaskStatus::CannotStart,
                                    (true, true) => TaskStatus::ToDo,
                                    (true, false) => TaskStatus::Done,
                                },
                                key: DOCUMENTS_FIELD,
                            });
                            let ready = tasks.iter().all(|t| t.status == TaskStatus::Done);
                            let done = tasks.iter().filter(|t| t.status == TaskStatus::Done).count();
                            let total = tasks.len() + 1;
                            tasks.push(Task {
                                name: t.task_review.to_owned(),
                                href: steps::path(programme, reason, Step::Review),
                                status: if ready { TaskStatus::ToDo } else { TaskStatus::CannotStart },
                                key: "review",
                            });
                            let blockers = problems
                                .iter()
                                .filter(|p| matches!(p, ClaimProblem::Blocked(_)))
                                .map(|p| {
                                    view! {
                                        <li data-testid="blocker" data-code=p.code()>
                                            {p.message(lang)} " " {p.hint(lang)}
                                        </li>
                                    }
                                })
                                .collect::<Vec<_>>();
                            let blockers = (!blockers.is_empty())
                                .then(|| {
                                    view! {
                                        <div class="problem-hint" data-testid="blockers">
                                            <ul>{blockers}</ul>
                                        </div>
                                    }
                                });
                            view! {
                                {blockers}
                                <p data-testid="tasks-progress">{(t.tasks_progress)(done, total)}</p>
                                {task_list(tasks, t)}
                            }
                        }}
                    }
                        .into_any()
                },
            )}
        }
        .into_any()
    })
}
