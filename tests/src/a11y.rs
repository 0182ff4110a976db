//! Accessibility checked inside the running page by axe-core (from npm, pinned in xtask and named
//! by `KLAIM_AXE_JS`): the WCAG 2.0, 2.1 and 2.2 rules at levels A and AA. A page with any
//! violation fails the test, with each rule, its impact and the elements it found.

use std::sync::OnceLock;

use serde::Deserialize;

use crate::browser::Browser;

#[derive(Debug, Deserialize)]
struct Violation {
    id: String,
    impact: Option<String>,
    help: String,
    nodes: Vec<String>,
}

fn axe_source() -> &'static str {
    static SOURCE: OnceLock<String> = OnceLock::new();
    SOURCE.get_or_init(|| {
        let path = std::env::var("KLAIM_AXE_JS").unwrap_or_else(|_| {
            panic!("KLAIM_AXE_JS is not set: run the tests through `cargo xtask test`")
        });
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {path}: {e}"))
    })
}

/// Runs axe on the page as it is now; `what` names the page and state in the failure.
pub async fn assert_accessible(browser: &Browser, what: &str) {
    let driver = &browser.driver;
    driver
        .execute(
            format!("if (!window.axe) {{ {} }} return true;", axe_source()),
            Vec::new(),
        )
        .await
        .expect("inject axe-core");
    let found = driver
        .execute_async(
            "const done = arguments[arguments.length - 1]; \
             axe.run(document, { runOnly: { type: 'tag', values: \
               ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } }) \
             .then(r => done(r.violations.map(v => ({ id: v.id, impact: v.impact, help: v.help, \
               nodes: v.nodes.slice(0, 5).map(n => n.target.join(' ')) })))) \
             .catch(e => done([{ id: 'axe-error', impact: null, help: String(e), nodes: [] }]));",
            Vec::new(),
        )
        .await
        .expect("run axe-core");
    let violations: Vec<Violation> = found.convert().expect("axe's violations");
    let listed: Vec<String> = violations
        .iter()
        .map(|v| {
            format!(
                "- {} ({}): {} — {}",
                v.id,
                v.impact.as_deref().unwrap_or("?"),
                v.help,
                v.nodes.join(", ")
            )
        })
        .collect();
    assert!(
        violations.is_empty(),
        "{what}: {} accessibility violation(s):\n{}",
        violations.len(),
        listed.join("\n")
    );
}
