//! One Lighthouse run: the pinned Lighthouse's Node API (`run.mjs`, written beside its
//! node_modules) with its mobile preset (the default form factor and simulated throttling),
//! Debian's Chromium in a fresh profile, cookies put in that browser first, and the HTML and JSON
//! reports kept for people to read, with the session's secret taken out of them.

use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{Context, bail};
use serde_json::{Value, json};

use crate::{proc, tools};

/// Headless Chromium as the end-to-end tests start it (../shared/toolchain.md): without the
/// background-networking flags it floods the closed network with refused connections.
const CHROME_FLAGS: &str = "--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage \
--disable-quic --no-first-run --disable-background-networking --disable-component-update \
--disable-sync";

const SCRIPT: &str = include_str!("run.mjs");
const SCRIPT_NAME: &str = "klaim-run.mjs";

/// A cookie the browser holds before the page loads.
pub struct Cookie {
    pub name: String,
    pub value: String,
    pub http_only: bool,
}

impl Cookie {
    /// `name=value`, as the bench's sign-up returns the session cookie.
    pub fn parse(pair: &str, http_only: bool) -> anyhow::Result<Cookie> {
        let (name, value) = pair
            .split_once('=')
            .with_context(|| format!("not a cookie: {pair:?}"))?;
        Ok(Cookie {
            name: name.to_owned(),
            value: value.to_owned(),
            http_only,
        })
    }
}

/// The installed Lighthouse (`tools::ensure_lighthouse`'s prefix) with the run script in place.
pub struct Lighthouse {
    prefix: PathBuf,
}

impl Lighthouse {
    pub fn new(prefix: PathBuf) -> anyhow::Result<Lighthouse> {
        std::fs::write(prefix.join(SCRIPT_NAME), SCRIPT)?;
        Ok(Lighthouse { prefix })
    }

    /// `lighthouse --version`, for the result file.
    pub fn version(&self) -> anyhow::Result<String> {
        let cli = self
            .prefix
            .join("node_modules")
            .join(".bin")
            .join("lighthouse");
        Ok(proc::output(Command::new(cli).arg("--version"))?
            .trim()
            .to_owned())
    }

    /// Runs Lighthouse on `url` with `cookies` in the browser; its report.
    pub fn run(
        &self,
        url: &str,
        cookies: &[Cookie],
        stem: &Path,
    ) -> anyhow::Result<(Value, Reports)> {
        let reports = Reports::at(stem);
        reports.remove();
        let cookies_json = json!(
            cookies
                .iter()
                .map(|c| json!({ "name": c.name, "value": c.value, "httpOnly": c.http_only }))
                .collect::<Vec<_>>()
        );
        let output = Command::new("node")
            .current_dir(&self.prefix)
            .arg(SCRIPT_NAME)
            .arg(url)
            .arg(stem)
            .arg(cookies_json.to_string())
            .env("CHROME_PATH", tools::CHROMIUM)
            .env("KLAIM_CHROME_FLAGS", CHROME_FLAGS)
            .output()
            .context("could not start node")?;
        for cookie in cookies.iter().filter(|c| c.http_only) {
            for file in [&reports.json, &reports.html] {
                redact(file, &cookie.value)?;
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
}

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

/// Should a report repeat the session's secret anywhere, it goes.
fn redact(file: &Path, secret: &str) -> anyhow::Result<()> {
    let Ok(text) = std::fs::read_to_string(file) else {
        return Ok(());
    };
    if !secret.is_empty() && text.contains(secret) {
        std::fs::write(file, text.replace(secret, "REDACTED"))?;
    }
    Ok(())
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
        redact(&file, "s3cr3t.tok").unwrap();
        let text = std::fs::read_to_string(&file).unwrap();
        std::fs::remove_dir_all(&dir).unwrap();
        assert!(!text.contains("s3cr3t"), "{text}");
        assert!(text.contains("klaim_session=REDACTED"), "{text}");
    }

    #[test]
    fn a_cookie_is_read_from_its_pair() {
        let c = Cookie::parse("klaim_session=ab=c", true).unwrap();
        assert_eq!(
            (c.name.as_str(), c.value.as_str(), c.http_only),
            ("klaim_session", "ab=c", true)
        );
        assert!(Cookie::parse("nothing", false).is_err());
    }

    #[test]
    fn report_names_follow_lighthouse() {
        let reports = Reports::at(Path::new("/x/start"));
        assert_eq!(reports.json, Path::new("/x/start.report.json"));
        assert_eq!(reports.html, Path::new("/x/start.report.html"));
    }
}
