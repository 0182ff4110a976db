//! Layout at small widths and large zoom: nothing sticks out sideways and no two visible pieces
//! of text or controls cover each other. Read from the page's own boxes.

use crate::browser::Browser;

/// What overlaps, as "a × b" with each element's tag, test id or class and a few words.
const OVERLAPS: &str = r#"
const shown = (e) => {
  const r = e.getBoundingClientRect();
  const s = getComputedStyle(e);
  return r.width > 2 && r.height > 2 && s.visibility !== 'hidden' && s.display !== 'none'
    && !e.closest('.visually-hidden, [hidden], .skip-link');
};
const leaf = (e) => [...e.childNodes].some(n => n.nodeType === 3 && n.textContent.trim())
  || ['INPUT', 'SELECT', 'BUTTON', 'IMG', 'TEXTAREA', 'PROGRESS'].includes(e.tagName);
const name = (e) => e.tagName.toLowerCase()
  + (e.dataset.testid ? `[${e.dataset.testid}]` : e.className ? `.${String(e.className).split(' ')[0]}` : '')
  + ` "${(e.innerText || e.value || '').trim().slice(0, 30)}"`;
// Inline text that wraps has one box per line: its bounding box would cover its neighbours.
const boxes = (e) => getComputedStyle(e).display === 'inline'
  ? [...e.getClientRects()] : [e.getBoundingClientRect()];
const cover = (p, q) => Math.min(p.right, q.right) - Math.max(p.left, q.left) > 2
  && Math.min(p.bottom, q.bottom) - Math.max(p.top, q.top) > 2;
const all = [...document.body.querySelectorAll('*')].filter(e => leaf(e) && shown(e));
const found = [];
for (let i = 0; i < all.length; i++) {
  for (let j = i + 1; j < all.length; j++) {
    const a = all[i], b = all[j];
    if (a.contains(b) || b.contains(a)) continue;
    const qs = boxes(b);
    if (boxes(a).some(p => qs.some(q => cover(p, q)))) found.push(`${name(a)} × ${name(b)}`);
  }
}
return found.slice(0, 10);
"#;

/// Visible elements that cover each other, as "a × b" (at most ten).
pub async fn overlaps(browser: &Browser) -> Vec<String> {
    browser.script(OVERLAPS).await
}

/// Fails when the page scrolls sideways or when visible elements cover each other.
pub async fn assert_fits(browser: &Browser, what: &str) {
    let overflow = browser.horizontal_overflow().await;
    assert_eq!(overflow, 0, "{what}: sticks out {overflow} px sideways");
    let overlaps = overlaps(browser).await;
    assert!(
        overlaps.is_empty(),
        "{what}: elements cover each other:\n{}",
        overlaps.join("\n")
    );
}

/// Zooms the page as the browser's zoom does (CSS `zoom` on the root): at 200% a 412 px wide
/// phone lays the page out in 206 CSS pixels.
pub async fn zoom(browser: &Browser, percent: u32) {
    let _: bool = browser
        .script(&format!(
            "document.documentElement.style.zoom = '{percent}%'; return true;"
        ))
        .await;
}
