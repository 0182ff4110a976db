use leptos::prelude::*;

use crate::i18n::Texts;

/// Where a part of a multi-part claim stands (ux.md: the four words people see).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TaskStatus {
    Done,
    ToDo,
    CannotStart,
    Problem,
}

impl TaskStatus {
    pub fn words(self, t: &'static Texts) -> &'static str {
        match self {
            TaskStatus::Done => t.status_done,
            TaskStatus::ToDo => t.status_todo,
            TaskStatus::CannotStart => t.status_blocked,
            TaskStatus::Problem => t.status_problem,
        }
    }

    /// Stable for tests and styling.
    pub fn as_str(self) -> &'static str {
        match self {
            TaskStatus::Done => "done",
            TaskStatus::ToDo => "todo",
            TaskStatus::CannotStart => "cannot_start",
            TaskStatus::Problem => "problem",
        }
    }
}

/// One part: its name, where it is done (no link while it cannot start), its status.
pub struct Task {
    pub name: String,
    pub href: String,
    pub status: TaskStatus,
    /// `data-task` value, e.g. `bank_account`.
    pub key: &'static str,
}

/// The list of parts, each with its status in words (and a tag, never colour alone).
pub fn task_list(tasks: Vec<Task>, t: &'static Texts) -> impl IntoView {
    let items = tasks
        .into_iter()
        .map(|task| {
            let status_id = format!("task-{}-status", task.key);
            let name = if task.status == TaskStatus::CannotStart {
                view! { <span class="task-list__name">{task.name}</span> }.into_any()
            } else {
                view! {
                    <a class="task-list__name" href=task.href aria-describedby=status_id.clone()>
                        {task.name}
                    </a>
                }
                .into_any()
            };
            view! {
                <li class="task-list__item" data-testid="task" data-task=task.key>
                    {name}
                    <strong
                        class=format!("task-list__status task-list__status--{}", task.status.as_str())
                        id=status_id
                        data-testid="task-status"
                        data-status=task.status.as_str()
                    >
                        {task.status.words(t)}
                    </strong>
                </li>
            }
        })
        .collect_view();
    view! { <ul class="task-list" data-testid="task-list">{items}</ul> }
}
