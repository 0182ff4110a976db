//! Release builds: the app through Trunk into `dist/`, then the finishing steps the server relies
//! on; and klaim-server with its own native profile.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{Context, bail};

use crate::proc;
use crate::tools::Tools;

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
    move_inline_scripts(&dist)?;
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

/// Trunk writes its wasm loader as an inline `<script>`; the Content-Security-Policy allows no
/// inline script, so each one moves into a file named by its content hash (cached as immutable).
fn move_inline_scripts(dist: &Path) -> anyhow::Result<()> {
    let index = dist.join("index.html");
    let mut html = std::fs::read_to_string(&index).context("trunk wrote no dist/index.html")?;
    let mut from = 0;
    while let Some(start) = html[from..].find("<script").map(|i| i + from) {
        let open_end = start + html[start..].find('>').context("unclosed <script")? + 1;
        let close = open_end + html[open_end..].find("</script>").context("no </script>")?;
        let open_tag = &html[start..open_end];
        let body = html[open_end..close].trim();
        if open_tag.contains("src=") || body.is_empty() {
            from = close;
            continue;
        }
        let name = format!("boot-{:016x}.js", fnv1a(body.as_bytes()));
        std::fs::write(dist.join(&name), body)?;
        let is_module = open_tag.contains(r#"type="module""#);
        let tag = if is_module {
            format!(r#"<script type="module" src="/{name}"></script>"#)
        } else {
            format!(r#"<script src="/{name}"></script>"#)
        };
        html.replace_range(start..close + "</script>".len(), &tag);
        from = start + tag.len();
    }
    if html.contains("<script>") {
        bail!("an inline script is left in dist/index.html");
    }
    std::fs::write(&index, html)?;
    Ok(())
}

/// A stable 64-bit content hash for file names (cache busting, not security).
fn fnv1a(bytes: &[u8]) -> u64 {
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
