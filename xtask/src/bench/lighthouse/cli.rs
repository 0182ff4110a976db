//! One Lighthouse run: its command line with the mobile preset (Lighthouse's default form factor
//! and simulated throttling), Debian's Chromium, and the HTML and JSON reports kept for people to
//! read, with the session cookie taken out of them.

use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{Context, bail};
use serde_json::Value;

use crate::{proc, tools};

/// Headless Chromium as the end-to-end tests start it (../shared/toolchain.md): without the
/// background-networking flags it floods the closed network with refused connections.
const CHROME_FLAGS: &str = "--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage \
--disable-quic --no-first-run --disable-background-networking --disable-component-update \
--disable-sync";

/// Where a run writes: `<stem>.report.json` and `<stem>.report.html`.
pub struct Reports {
    pub json: PathBuf,
    pub html: PathBuf,
}

impl Reports {
    fn at(stem: &Path) -> Reports {
        let with = |ext: &str| {
            let mut name = stem.as_os_str().to_owned();
            name.push(format!(".report.{ext}"));
            PathBuf::from(name)
        };
        Reports {
            json: with("json"),
            html: with("html"),
        }
    }

    /// Moves both files to `stem`'s names.
    pub fn rename(&self, stem: &Path) -> anyhow::Result<Reports> {
        let to = Reports::at(stem);
        std::fs::rename(&self.json, &to.json)?;
        std::fs::rename(&self.html, &to.html)?;
        Ok(to)
    }

    pub fn remove(&self) {
        let _ = std::fs::remove_file(&self.json);
        let _ = std::fs::remove_file(&self.html);
    }
}

/// Runs Lighthouse on `url` (with the `Cookie` header when given) and returns its report.
pub fn run(
    lighthouse: &Path,
    url: &str,
    cookie: Option<&str>,
    stem: &Path,
) -> anyhow::Result<(Value, Reports)> {
    let reports = Reports::at(stem);
    reports.remove();
    let mut cmd = Command::new(lighthouse);
    cmd.arg(url)
        .args([
            "--quiet",
            "--output=json",
            "--output=html",
            "--only-categories=performance,accessibility,best-practices",
        ])
        .arg(format!("--chrome-flags={CHROME_FLAGS}"))
        .arg("--output-path")
        .arg(stem)
        .env("CHROME_PATH", tools::CHROMIUM);
    if let Some(cookie) = cookie {
        cmd.arg("--extra-headers")
            .arg(serde_json::json!({ "Cookie": cookie }).to_string());
    }
    let output = cmd
        .output()
        .with_context(|| format!("could not start {}", lighthouse.display()))?;
    if let Some(cookie) = cookie {
        for file in [&reports.json, &reports.html] {
            redact(file, cookie)?;
        }
    }
    if !output.status.success() {
        bail!(
            "lighthouse {url} failed ({}): {}",
            output.status,
            String::from_utf8_lossy(&output.stderr).trim()
        );
    }
    let text = std::fs::read_to_string(&reports.json)
        .with_context(|| format!("lighthouse wrote no {}", reports.json.display()))?;
    let lhr = serde_json::from_str(&text)
        .with_context(|| format!("{} is not JSON", reports.json.display()))?;
    Ok((lhr, reports))
}

/// The report repeats its settings, the extra headers among them: the session's secret goes.
fn redact(file: &Path, cookie: &str) -> anyhow::Result<()> {
    let Ok(text) = std::fs::read_to_string(file) else {
        return Ok(());
    };
    let secret = cookie.split_once('=').map_or(cookie, |(_, value)| value);
    if !secret.is_empty() && text.contains(secret) {
        std::fs::write(file, text.replace(secret, "REDACTED"))?;
    }
    Ok(())
}

/// `lighthouse --version`, for the result file.
pub fn version(lighthouse: &Path) -> anyhow::Result<String> {
    Ok(proc::output(Command::new(lighthouse).arg("--version"))?
        .trim()
        .to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn takes_the_session_secret_out_of_a_report() {
        let dir = std::env::temp_dir().join(format!("klaim-lh-redact-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let file = dir.join("page.report.json");
        std::fs::write(
            &file,
            r#"{"configSettings":{"extraHeaders":{"Cookie":"klaim_session=s3cr3t.tok"}}}"#,
        )
        .unwrap();
        redact(&file, "klaim_session=s3cr3t.tok").unwrap();
        let text = std::fs::read_to_string(&file).unwrap();
        std::fs::remove_dir_all(&dir).unwrap();
        assert!(!text.contains("s3cr3t"), "{text}");
        assert!(text.contains("klaim_session=REDACTED"), "{text}");
    }

    #[test]
    fn report_names_follow_lighthouse() {
        let reports = Reports::at(Path::new("/x/start"));
        assert_eq!(reports.json, Path::new("/x/start.report.json"));
        assert_eq!(reports.html, Path::new("/x/start.report.html"));
    }
}
