//! Release builds: the app into `dist/` (Trunk for the page, stylesheets and `public/`; the wasm in
//! parts, see `wasm.rs`), then the finishing steps the server relies on; and klaim-server with its
//! own native profile.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{Context, bail};

use crate::tools::Tools;
use crate::{proc, wasm};

pub struct Built {
    pub dist: PathBuf,
    pub server: PathBuf,
}

pub fn all(root: &Path, tools: &Tools) -> anyhow::Result<Built> {
    let dist = app(root, tools)?;
    let server = server(root)?;
    Ok(Built { dist, server })
}

pub fn app(root: &Path, tools: &Tools) -> anyhow::Result<PathBuf> {
    proc::run(tools.command("trunk", root).args(["build", "--release"]))?;
    let dist = root.join("dist");
    wasm::build(root, tools, &dist)?;
    service_worker(root, &dist)?;
    precompress(&dist)?;
    Ok(dist)
}

pub fn server(root: &Path) -> anyhow::Result<PathBuf> {
    proc::run(Command::new("cargo").current_dir(root).args([
        "build",
        "--package",
        "klaim-server",
        "--profile",
        "server",
    ]))?;
    Ok(target_dir(root).join("server").join("klaim-server"))
}

pub fn target_dir(root: &Path) -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| root.join("target"))
}

/// Writes `dist/sw.js` from the template `sw/sw.js` with the shell this build actually made:
/// every file in `dist/` (hashed js/wasm/css, the boot script, index.html, manifest, icons) and
/// a version hashed from their names and bytes. Generated, because hashed names change with
/// every build and a hand-kept list would go stale.
fn service_worker(root: &Path, dist: &Path) -> anyhow::Result<()> {
    let template = std::fs::read_to_string(root.join("sw").join("sw.js"))
        .context("the service worker template sw/sw.js is missing")?;
    let mut files = Vec::new();
    shell_files(dist, dist, &mut files)?;
    files.sort();
    if !files.iter().any(|(url, _)| url == "/index.html") {
        bail!("no index.html in the shell");
    }
    let mut hashed = Vec::new();
    for (url, bytes) in &files {
        hashed.extend_from_slice(url.as_bytes());
        hashed.push(0);
        hashed.extend_from_slice(&fnv1a(bytes).to_le_bytes());
    }
    let version = format!("{:016x}", fnv1a(&hashed));
    let list = files
        .iter()
        .map(|(url, _)| format!("\"{url}\""))
        .collect::<Vec<_>>()
        .join(", ");
    let filled = fill(
        &template,
        "\"__KLAIM_VERSION__\"",
        &format!("\"{version}\""),
    )?;
    let filled = fill(&filled, "__KLAIM_SHELL__", &format!("[{list}]"))?;
    std::fs::write(dist.join("sw.js"), filled)?;
    Ok(())
}

/// The template's placeholder must be there exactly once, or the worker would be broken.
fn fill(template: &str, placeholder: &str, value: &str) -> anyhow::Result<String> {
    if template.matches(placeholder).count() != 1 {
        bail!("sw/sw.js must contain {placeholder} exactly once");
    }
    Ok(template.replace(placeholder, value))
}

/// Files the shell needs, as `/path` with their bytes: all of dist except the worker itself,
/// precompressed variants (the server picks those) and robots.txt (no page loads it).
fn shell_files(dir: &Path, dist: &Path, out: &mut Vec<(String, Vec<u8>)>) -> anyhow::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            shell_files(&path, dist, out)?;
            continue;
        }
        let relative = path.strip_prefix(dist)?;
        let url = format!(
            "/{}",
            relative
                .components()
                .map(|c| c.as_os_str().to_string_lossy())
                .collect::<Vec<_>>()
                .join("/")
        );
        let skipped =
            url == "/sw.js" || url == "/robots.txt" || url.ends_with(".br") || url.ends_with(".gz");
        if url.contains(['"', '\\']) {
            bail!("{url}: a name the worker's list cannot quote");
        }
        if !skipped {
            out.push((url, std::fs::read(&path)?));
        }
    }
    Ok(())
}

/// A stable 64-bit content hash for file names (cache busting, not security).
pub fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(*b)).wrapping_mul(0x100_0000_01b3)
    })
}

const COMPRESSIBLE: [&str; 8] = [
    "html",
    "js",
    "wasm",
    "css",
    "json",
    "webmanifest",
    "svg",
    "txt",
];

/// Writes `.br` (quality 11) and `.gz` (level 9) beside every compressible file, so the server
/// sends precompressed bytes without spending CPU per request.
fn precompress(dir: &Path) -> anyhow::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            precompress(&path)?;
            continue;
        }
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .unwrap_or_default();
        if !COMPRESSIBLE.contains(&ext) {
            continue;
        }
        let raw = std::fs::read(&path)?;
        std::fs::write(with_suffix(&path, "br"), brotli_bytes(&raw)?)?;
        std::fs::write(with_suffix(&path, "gz"), gzip_bytes(&raw)?)?;
    }
    Ok(())
}

fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(".");
    name.push(suffix);
    PathBuf::from(name)
}

pub fn brotli_bytes(raw: &[u8]) -> anyhow::Result<Vec<u8>> {
    let mut out = Vec::new();
    {
        let mut writer = brotli::CompressorWriter::new(&mut out, 64 * 1024, 11, 22);
        writer.write_all(raw)?;
    }
    Ok(out)
}

pub fn gzip_bytes(raw: &[u8]) -> anyhow::Result<Vec<u8>> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    encoder.write_all(raw)?;
    Ok(encoder.finish()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A fresh directory under the system's temp dir, as a tiny dist.
    fn dist_with(name: &str, files: &[(&str, &[u8])]) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("klaim-xtask-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        for (path, bytes) in files {
            let path = dir.join(path);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, bytes).unwrap();
        }
        dir
    }

    fn version_of(worker: &str) -> String {
        let start = worker.find("const VERSION = \"").unwrap() + "const VERSION = \"".len();
        worker[start..start + 16].to_owned()
    }

    #[test]
    fn the_worker_lists_the_build_and_its_version_follows_the_bytes() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap();
        let files: &[(&str, &[u8])] = &[
            ("index.html", b"<html>"),
            ("klaim-0123456789abcdef.js", b"js"),
            ("klaim-0123456789abcdef.js.br", b"br"),
            ("icons/icon-192.png", b"png"),
            ("robots.txt", b"User-agent: *"),
        ];
        let dist = dist_with("list", files);
        service_worker(root, &dist).unwrap();
        let worker = std::fs::read_to_string(dist.join("sw.js")).unwrap();
        assert!(
            worker.contains(
                r#"const SHELL = ["/icons/icon-192.png", "/index.html", "/klaim-0123456789abcdef.js"];"#
            ),
            "{worker}"
        );
        assert!(!worker.contains("__KLAIM_"));
        let first = version_of(&worker);
        assert!(first.bytes().all(|b| b.is_ascii_hexdigit()), "{first}");

        // The same names with other bytes: another version; the same bytes: the same one.
        std::fs::write(dist.join("klaim-0123456789abcdef.js"), b"js, changed").unwrap();
        service_worker(root, &dist).unwrap();
        let changed = version_of(&std::fs::read_to_string(dist.join("sw.js")).unwrap());
        assert_ne!(changed, first);
        service_worker(root, &dist).unwrap();
        let again = version_of(&std::fs::read_to_string(dist.join("sw.js")).unwrap());
        assert_eq!(again, changed, "sw.js itself is not part of the version");
        let _ = std::fs::remove_dir_all(&dist);
    }

    #[test]
    fn a_template_without_its_placeholder_is_refused() {
        assert!(fill("const VERSION = 1;", "\"__KLAIM_VERSION__\"", "\"x\"").is_err());
        let twice = "__KLAIM_SHELL__ __KLAIM_SHELL__";
        assert!(fill(twice, "__KLAIM_SHELL__", "[]").is_err());
    }
}
