//! The pinned build tools and their idempotent installation. Every version lives here (and the
//! wasm-bindgen version in Cargo.lock). Trunk builds the page only; xtask runs wasm-bindgen and
//! wasm-opt itself (wasm.rs), so Trunk must never fetch a tool: Trunk.toml says `offline = true`,
//! which `bootstrap` checks.
//!
//! Facts behind the choices are in ../shared/toolchain.md: Trunk 0.22 needs a newer rustc;
//! wasm-bindgen-cli must equal the library and installs only without `--locked`; Debian's
//! binaryen 108 builds a wasm that shows a blank page, so ours comes from npm and is pinned.

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{Context, bail};

use crate::proc;

pub const TRUNK_VERSION: &str = "0.21.14";
/// binaryen from npm; `wasm-opt --version` then reports `version 132`.
pub const BINARYEN_NPM_VERSION: &str = "132.0.0";
pub const WASM_OPT_VERSION: &str = "version 132";
pub const CARGO_FUZZ_VERSION: &str = "0.13.2";
/// axe-core from npm, injected by the end-to-end tests to check every page's accessibility.
pub const AXE_CORE_VERSION: &str = "4.14.1";
/// schemathesis from PyPI, for `cargo xtask apifuzz` and its short run in `cargo xtask test`.
pub const SCHEMATHESIS_VERSION: &str = "4.32.5";

/// Lighthouse from npm, for `cargo xtask bench lighthouse`. 12.x is the last line that runs on
/// Debian 12's Node 20 (13.x wants Node ≥ 22.19); it drives Debian's Chromium through
/// `CHROME_PATH`.
pub const LIGHTHOUSE_VERSION: &str = "12.8.2";
pub const WASM_TARGET: &str = "wasm32-unknown-unknown";
pub const CHROMIUM: &str = "/usr/bin/chromium";
pub const CHROMEDRIVER: &str = "/usr/bin/chromedriver";

/// Where the installed tools are, and the PATH that puts them first.
pub struct Tools {
    pub path: OsString,
    /// axe-core's `axe.min.js`, for the end-to-end tests (`KLAIM_AXE_JS`).
    pub axe: PathBuf,
}

impl Tools {
    /// A command that finds the pinned tools before anything else on PATH.
    pub fn command(&self, program: &str, dir: &Path) -> Command {
        let mut cmd = Command::new(program);
        cmd.current_dir(dir);
        self.apply(cmd)
    }

    /// Gives a command the PATH with the pinned tools first, and what those tools read.
    pub fn apply(&self, mut cmd: Command) -> Command {
        cmd.env("PATH", &self.path)
            .env("TRUNK_SKIP_VERSION_CHECK", "true")
            .env("CHROMEDRIVER", CHROMEDRIVER)
            .env("KLAIM_AXE_JS", &self.axe);
        cmd
    }
}

pub fn bootstrap(root: &Path) -> anyhow::Result<Tools> {
    let wasm_bindgen = wasm_bindgen_version(root)?;
    check_trunk_toml(root)?;
    ensure_wasm_target()?;

    let cache = cache_dir();
    let trunk_bin = cargo_install(&cache, "trunk", TRUNK_VERSION, true, "trunk")?;
    let bindgen_bin = cargo_install(
        &cache,
        "wasm-bindgen-cli",
        &wasm_bindgen,
        false,
        "wasm-bindgen",
    )?;
    let fuzz_bin = cargo_install(&cache, "cargo-fuzz", CARGO_FUZZ_VERSION, true, "cargo-fuzz")?;
    let binaryen_bin = ensure_binaryen(root)?;
    let axe = ensure_axe(root)?;

    let mut dirs = vec![binaryen_bin, bindgen_bin, trunk_bin, fuzz_bin];
    dirs.extend(std::env::split_paths(
        &std::env::var_os("PATH").unwrap_or_default(),
    ));
    let path = std::env::join_paths(dirs).context("a tool directory has an unusable name")?;
    println!(
        "bootstrap: tools ready (Trunk {TRUNK_VERSION}, wasm-bindgen {wasm_bindgen}, binaryen {BINARYEN_NPM_VERSION})"
    );
    Ok(Tools { path, axe })
}

/// Tools built from crates.io are kept per user, outside the work tree, so that a fresh clone on
/// the same machine does not rebuild them; each version gets its own folder.
fn cache_dir() -> PathBuf {
    if let Some(dir) = std::env::var_os("KLAIM_TOOLS_DIR") {
        return PathBuf::from(dir);
    }
    let home = std::env::var_os("HOME")
        .map(PathBuf::from)
        .unwrap_or_else(|| "/tmp".into());
    home.join(".cache").join("klaim-tools")
}

/// `cargo install` into `<cache>/<crate>-<version>`, skipped when the binary is already there.
fn cargo_install(
    cache: &Path,
    krate: &str,
    version: &str,
    locked: bool,
    binary: &str,
) -> anyhow::Result<PathBuf> {
    let root = cache.join(format!("{krate}-{version}"));
    let bin = root.join("bin");
    if bin.join(binary).is_file() {
        return Ok(bin);
    }
    println!("bootstrap: installing {krate} {version} (a few minutes, once per machine)");
    let mut cmd = Command::new("cargo");
    cmd.args(["install", krate, "--version", version, "--root"])
        .arg(&root);
    if locked {
        cmd.arg("--locked");
    }
    proc::run(&mut cmd)?;
    Ok(bin)
}

fn ensure_wasm_target() -> anyhow::Result<()> {
    let installed = proc::output(Command::new("rustup").args(["target", "list", "--installed"]))?;
    if !installed.lines().any(|l| l.trim() == WASM_TARGET) {
        proc::run(Command::new("rustup").args(["target", "add", WASM_TARGET]))?;
    }
    Ok(())
}

/// wasm-opt from npm's binaryen, inside the project's ignored `.tools/`.
fn ensure_binaryen(root: &Path) -> anyhow::Result<PathBuf> {
    let prefix = root
        .join(".tools")
        .join(format!("binaryen-{BINARYEN_NPM_VERSION}"));
    let bin = prefix.join("node_modules").join(".bin");
    let wasm_opt = bin.join("wasm-opt");
    if !wasm_opt.is_file() {
        println!("bootstrap: installing binaryen {BINARYEN_NPM_VERSION} (wasm-opt) from npm");
        npm_install(&prefix, &format!("binaryen@{BINARYEN_NPM_VERSION}"))?;
    }
    let version = proc::output(Command::new(&wasm_opt).arg("--version"))?;
    let wanted = WASM_OPT_VERSION;
    if !version.contains(wanted) {
        bail!(
            "{} reports `{}`, expected {wanted}",
            wasm_opt.display(),
            version.trim()
        );
    }
    Ok(bin)
}

/// axe-core from npm, inside the project's ignored `.tools/`; the path of `axe.min.js`.
fn ensure_axe(root: &Path) -> anyhow::Result<PathBuf> {
    let prefix = root
        .join(".tools")
        .join(format!("axe-core-{AXE_CORE_VERSION}"));
    let script = prefix
        .join("node_modules")
        .join("axe-core")
        .join("axe.min.js");
    if !script.is_file() {
        println!("bootstrap: installing axe-core {AXE_CORE_VERSION} from npm");
        npm_install(&prefix, &format!("axe-core@{AXE_CORE_VERSION}"))?;
    }
    Ok(script)
}

/// schemathesis from PyPI in its own virtual environment inside the project's ignored `.tools/`;
/// the path of its `st` program. Installed only when asked for (the API fuzzing needs it), and
/// again when the program there reports another version.
pub fn ensure_schemathesis(root: &Path) -> anyhow::Result<PathBuf> {
    let venv = root
        .join(".tools")
        .join(format!("schemathesis-{SCHEMATHESIS_VERSION}"));
    let st = venv.join("bin").join("st");
    let wanted = format!("version {SCHEMATHESIS_VERSION}");
    let installed = |st: &Path| {
        st.is_file()
            && proc::output(Command::new(st).arg("--version")).is_ok_and(|v| v.contains(&wanted))
    };
    if !installed(&st) {
        println!("bootstrap: installing schemathesis {SCHEMATHESIS_VERSION} from PyPI");
        let make_venv = || {
            proc::run(
                Command::new("python3")
                    .args(["-m", "venv", "--clear"])
                    .arg(&venv),
            )
        };
        if make_venv().is_err() {
            // Debian keeps `venv` (and pip inside it) in a package of its own.
            install_debian_packages(
                &["python3", "python3-venv"],
                "the API fuzzing needs Python 3 with venv",
            )?;
            make_venv()?;
        }
        proc::run(
            Command::new(venv.join("bin").join("pip"))
                .args(["install", "--quiet", "--disable-pip-version-check"])
                .arg(format!("schemathesis=={SCHEMATHESIS_VERSION}")),
        )?;
        if !installed(&st) {
            bail!("{} does not report {wanted} after installing", st.display());
        }
    }
    Ok(st)
}

/// Lighthouse from npm, inside the project's ignored `.tools/`; that folder (its node_modules hold
/// Lighthouse and the puppeteer-core and chrome-launcher it brings). Only the Lighthouse bench
/// needs it, so `bootstrap` does not install it.
pub fn ensure_lighthouse(root: &Path) -> anyhow::Result<PathBuf> {
    let prefix = root
        .join(".tools")
        .join(format!("lighthouse-{LIGHTHOUSE_VERSION}"));
    let cli = prefix.join("node_modules").join(".bin").join("lighthouse");
    if !cli.is_file() {
        println!("bootstrap: installing lighthouse {LIGHTHOUSE_VERSION} from npm");
        npm_install(&prefix, &format!("lighthouse@{LIGHTHOUSE_VERSION}"))?;
    }
    Ok(std::path::absolute(&prefix)?)
}

/// `npm install` of one pinned package into `prefix`, nothing saved elsewhere.
fn npm_install(prefix: &Path, package: &str) -> anyhow::Result<()> {
    std::fs::create_dir_all(prefix)?;
    proc::run(
        Command::new("npm")
            .args([
                "install",
                "--no-audit",
                "--no-fund",
                "--no-save",
                "--prefix",
            ])
            .arg(prefix)
            .arg(package),
    )
}

/// The wasm-bindgen version the app links, from Cargo.lock; the CLI must be the same.
pub fn wasm_bindgen_version(root: &Path) -> anyhow::Result<String> {
    let lock = std::fs::read_to_string(root.join("Cargo.lock"))
        .context("Cargo.lock is missing; it is committed so wasm-bindgen versions stay equal")?;
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line.trim() == r#"name = "wasm-bindgen""#
            && let Some(v) = lines
                .next()
                .and_then(|l| l.trim().strip_prefix("version = "))
        {
            return Ok(v.trim_matches('"').to_owned());
        }
    }
    bail!("Cargo.lock has no wasm-bindgen package")
}

/// Trunk downloads a tool it misses (and would fail offline, or pick another version): it must
/// run offline.
fn check_trunk_toml(root: &Path) -> anyhow::Result<()> {
    let text = std::fs::read_to_string(root.join("Trunk.toml")).context("Trunk.toml is missing")?;
    if !text.lines().any(|l| l.trim() == "offline = true") {
        bail!("Trunk.toml must contain `offline = true`");
    }
    Ok(())
}

/// Chromium and ChromeDriver from Debian, for the browser tests.
pub fn ensure_chromium() -> anyhow::Result<()> {
    ensure_debian_packages(
        &[CHROMIUM, CHROMEDRIVER],
        &["chromium", "chromium-driver"],
        "the browser tests need Debian's Chromium",
    )
}

/// Installs Debian `packages` when one of `programs` is missing: as root with apt-get, otherwise
/// failing with the command to run. Nothing happens when every program is there.
pub fn ensure_debian_packages(
    programs: &[&str],
    packages: &[&str],
    why: &str,
) -> anyhow::Result<()> {
    if programs.iter().all(|p| Path::new(p).is_file()) {
        return Ok(());
    }
    install_debian_packages(packages, why)?;
    if let Some(missing) = programs.iter().find(|p| !Path::new(p).is_file()) {
        bail!(
            "{} installed, but {missing} is still missing",
            packages.join(" ")
        );
    }
    Ok(())
}

/// Installs Debian `packages` as root with apt-get; otherwise fails with the command to run.
fn install_debian_packages(packages: &[&str], why: &str) -> anyhow::Result<()> {
    let list = packages.join(" ");
    let uid = proc::output(Command::new("id").arg("-u")).unwrap_or_default();
    if uid.trim() != "0" {
        bail!("{why}: run `sudo apt-get update && sudo apt-get install -y {list}`");
    }
    println!("bootstrap: installing Debian's {list}");
    proc::run(Command::new("apt-get").arg("update"))?;
    proc::run(
        Command::new("apt-get")
            .args(["install", "-y"])
            .args(packages)
            .env("DEBIAN_FRONTEND", "noninteractive"),
    )?;
    Ok(())
}
