//! The app's wasm for `dist/`, cut into parts (route splitting: src/parts.rs). Trunk 0.21 runs
//! wasm-bindgen straight after cargo, but the splitter needs rustc's own output, so this is done
//! here: cargo (linked with relocations) → wasm-split → wasm-bindgen → wasm-opt on every part.
//! Trunk still builds the page, the stylesheets and `public/`; this writes the boot script and
//! the preloads into its `index.html`.
//!
//! Every file is named with one hash of rustc's output (`klaim-<hash>.js`, `split_journey-<hash>.wasm`…):
//! the main module and the parts' loader import each other, so no file can be named by its own
//! bytes, and the server caches a hashed name as immutable.

use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{Context, bail};

use crate::build::{fnv1a, target_dir};
use crate::proc;
use crate::tools::{Tools, WASM_TARGET};

/// What the first load needs, as written into `index.html` (the parts come later).
struct Entry {
    js: String,
    wasm: String,
    loader: String,
}

pub fn build(root: &Path, tools: &Tools, dist: &Path) -> anyhow::Result<()> {
    let input = compile(root)?;
    let bytes = std::fs::read(&input).with_context(|| format!("reading {}", input.display()))?;
    let hash = format!("{:016x}", fnv1a(&bytes));
    let work = target_dir(root).join("wasm-parts");
    if work.exists() {
        std::fs::remove_dir_all(&work)?;
    }
    std::fs::create_dir_all(&work)?;

    let entry = Entry {
        js: format!("klaim-{hash}.js"),
        wasm: format!("klaim-{hash}_bg.wasm"),
        loader: format!("parts-{hash}.js"),
    };
    let main = work.join("main.wasm");
    let link_name = format!("./{}", entry.loader);
    let main_module = format!("./{}", entry.js);
    let split = wasm_split_cli_support::transform({
        let mut options = wasm_split_cli_support::Options::new(&bytes);
        options.output_dir = &work;
        options.main_out_path = &main;
        options.link_name = &link_name;
        options.main_module = &main_module;
        options
    })
    .map_err(|e| anyhow::anyhow!("wasm-split: {e:#}"))?;
    if split.split_modules.is_empty() {
        bail!("wasm-split found no split point: was the app built with the feature `split`?");
    }

    // The main module: its JS glue and wasm, through wasm-bindgen. The parts reach the main
    // module's functions through the names the linker gave them, hence `--keep-lld-exports`.
    let bindgen = work.join("bindgen");
    proc::run(
        tools
            .command("wasm-bindgen", root)
            .args([
                "--target",
                "web",
                "--keep-lld-exports",
                "--no-demangle",
                "--no-typescript",
            ])
            .arg("--out-name")
            .arg(format!("klaim-{hash}"))
            .arg("--out-dir")
            .arg(&bindgen)
            .arg(&main),
    )?;
    std::fs::copy(bindgen.join(&entry.js), dist.join(&entry.js))?;
    optimise(
        root,
        tools,
        &bindgen.join(&entry.wasm),
        &dist.join(&entry.wasm),
    )?;

    // The parts, and the loader that fetches them by the names they get here.
    let mut loader =
        std::fs::read_to_string(work.join(&entry.loader)).context("wasm-split wrote no loader")?;
    for part in &split.split_modules {
        let name = file_name(part)?;
        let hashed = hashed_part_name(&name, &hash)?;
        loader = rename_in_loader(&loader, &name, &hashed)?;
        optimise(root, tools, part, &dist.join(&hashed))?;
    }
    std::fs::write(dist.join(&entry.loader), loader)?;

    let boot = boot_script(&entry);
    let boot_name = format!("boot-{:016x}.js", fnv1a(boot.as_bytes()));
    std::fs::write(dist.join(&boot_name), boot)?;
    let index = dist.join("index.html");
    let html = std::fs::read_to_string(&index).context("trunk wrote no dist/index.html")?;
    std::fs::write(&index, with_entry(&html, &entry, &boot_name)?)?;
    println!(
        "wasm: the first load's module and {} parts, named by {hash}",
        split.split_modules.len()
    );
    Ok(())
}

/// The release wasm with its split points, linked with the relocations wasm-split reads.
fn compile(root: &Path) -> anyhow::Result<PathBuf> {
    let mut cargo = Command::new("cargo");
    cargo.current_dir(root).args([
        "build",
        "--release",
        "--package",
        "klaim",
        "--bin",
        "klaim",
        "--features",
        "split",
        "--target",
        WASM_TARGET,
    ]);
    // RUSTFLAGS replaces the flags of .cargo/config.toml, so `erase_components` is repeated.
    cargo.env(
        "RUSTFLAGS",
        "--cfg erase_components -C link-arg=--emit-relocs",
    );
    proc::run(&mut cargo)?;
    Ok(target_dir(root)
        .join(WASM_TARGET)
        .join("release")
        .join("klaim.wasm"))
}

/// binaryen's size optimisation, with the wasm features rustc's target enables by default.
fn optimise(root: &Path, tools: &Tools, from: &Path, to: &Path) -> anyhow::Result<()> {
    proc::run(
        tools
            .command("wasm-opt", root)
            .args([
                "-Oz",
                "--enable-bulk-memory",
                "--enable-mutable-globals",
                "--enable-nontrapping-float-to-int",
                "--enable-sign-ext",
                "--enable-reference-types",
                "--enable-multivalue",
            ])
            .arg(from)
            .arg("-o")
            .arg(to),
    )
}

fn file_name(path: &Path) -> anyhow::Result<String> {
    path.file_name()
        .and_then(|n| n.to_str())
        .map(str::to_owned)
        .with_context(|| format!("{}: not a file name", path.display()))
}

/// `split_journey.wasm` → `split_journey-<hash>.wasm`.
fn hashed_part_name(name: &str, hash: &str) -> anyhow::Result<String> {
    let stem = name
        .strip_suffix(".wasm")
        .with_context(|| format!("{name}: a part that is not .wasm"))?;
    Ok(format!("{stem}-{hash}.wasm"))
}

/// The loader fetches each part as `"./<name>"`; it must do so exactly once, or a part would be
/// fetched by a name that is not in dist/.
fn rename_in_loader(loader: &str, name: &str, hashed: &str) -> anyhow::Result<String> {
    let quoted = format!("\"./{name}\"");
    match loader.matches(&quoted).count() {
        1 => Ok(loader.replace(&quoted, &format!("\"./{hashed}\""))),
        n => bail!("the parts' loader names {quoted} {n} times, not once"),
    }
}

/// Starts the app; a file, since the Content-Security-Policy allows no inline script.
fn boot_script(entry: &Entry) -> String {
    format!(
        "import init from \"/{}\";\ninit({{ module_or_path: \"/{}\" }});\n",
        entry.js, entry.wasm
    )
}

/// Trunk leaves the app's `<link data-trunk rel="rust" data-trunk-skip …>` in the page (it must
/// not build the wasm); the boot script and the preloads of the first load's files take its
/// place, so the three are asked for at once instead of one after the other.
fn with_entry(html: &str, entry: &Entry, boot: &str) -> anyhow::Result<String> {
    const PLACEHOLDER: &str = "<link data-trunk rel=\"rust\" data-trunk-skip";
    if html.matches(PLACEHOLDER).count() != 1 {
        bail!("dist/index.html must hold Trunk's skipped rust link once, where the app starts");
    }
    if html.contains("<script") {
        bail!("dist/index.html already has a script; only the boot script may start the app");
    }
    let start = html.find(PLACEHOLDER).unwrap_or_default();
    let end = start
        + html[start..]
            .find('>')
            .context("the rust link is not closed")?
        + 1;
    let tags = format!(
        "<link rel=\"modulepreload\" href=\"/{js}\" />\n    \
         <link rel=\"modulepreload\" href=\"/{loader}\" />\n    \
         <link rel=\"preload\" href=\"/{wasm}\" as=\"fetch\" type=\"application/wasm\" crossorigin=\"anonymous\" />\n    \
         <script type=\"module\" src=\"/{boot}\"></script>",
        js = entry.js,
        loader = entry.loader,
        wasm = entry.wasm,
    );
    let mut out = html.to_owned();
    out.replace_range(start..end, &tags);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry() -> Entry {
        Entry {
            js: "klaim-0123456789abcdef.js".into(),
            wasm: "klaim-0123456789abcdef_bg.wasm".into(),
            loader: "parts-0123456789abcdef.js".into(),
        }
    }

    #[test]
    fn parts_are_named_by_the_build() {
        let hashed = hashed_part_name("split_office.wasm", "0123456789abcdef").unwrap();
        assert_eq!(hashed, "split_office-0123456789abcdef.wasm");
        assert!(hashed_part_name("parts.js", "0123456789abcdef").is_err());
    }

    #[test]
    fn the_loader_fetches_each_part_by_its_new_name() {
        let loader = r#"fetch(new URL("./chunk_5.wasm", import.meta.url)); fetch(new URL("./chunk_50.wasm", import.meta.url));"#;
        let renamed = rename_in_loader(loader, "chunk_5.wasm", "chunk_5-ab.wasm").unwrap();
        assert_eq!(
            renamed,
            r#"fetch(new URL("./chunk_5-ab.wasm", import.meta.url)); fetch(new URL("./chunk_50.wasm", import.meta.url));"#
        );
        assert!(
            rename_in_loader(loader, "chunk_6.wasm", "x").is_err(),
            "a part it never fetches"
        );
        let twice = r#""./a.wasm" "./a.wasm""#;
        assert!(rename_in_loader(twice, "a.wasm", "x").is_err());
    }

    #[test]
    fn the_page_starts_the_app_from_its_boot_script() {
        let html = r#"<html><head><title>Klaim</title><link data-trunk rel="rust" data-trunk-skip data-trunk-id="3" /></head><body></body></html>"#;
        let out = with_entry(html, &entry(), "boot-1.js").unwrap();
        assert!(out.contains(r#"<script type="module" src="/boot-1.js"></script>"#));
        assert!(out.contains(r#"<link rel="modulepreload" href="/klaim-0123456789abcdef.js" />"#));
        assert!(out.contains(r#"<link rel="modulepreload" href="/parts-0123456789abcdef.js" />"#));
        assert!(out.contains(r#"href="/klaim-0123456789abcdef_bg.wasm" as="fetch""#));
        assert!(out.find("<script").unwrap() < out.find("</head>").unwrap());
        assert!(!out.contains("data-trunk"), "{out}");
        let boot = boot_script(&entry());
        assert!(boot.contains(r#"import init from "/klaim-0123456789abcdef.js";"#));
        assert!(boot.contains(r#"module_or_path: "/klaim-0123456789abcdef_bg.wasm""#));
    }

    #[test]
    fn a_page_that_already_starts_something_is_refused() {
        let link = r#"<link data-trunk rel="rust" data-trunk-skip />"#;
        let scripted = format!("<html><head>{link}<script>x()</script></head></html>");
        assert!(with_entry(&scripted, &entry(), "boot-1.js").is_err());
        assert!(with_entry("<html><head></head></html>", &entry(), "boot-1.js").is_err());
        let twice = format!("<html><head>{link}{link}</head></html>");
        assert!(with_entry(&twice, &entry(), "boot-1.js").is_err());
    }
}
