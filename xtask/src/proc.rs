//! Running child processes: echo the command, stream its output, count the tests it ran.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};

use anyhow::{Context, bail};

/// Runs a command with inherited output; fails unless it exits 0.
pub fn run(cmd: &mut Command) -> anyhow::Result<()> {
    println!("$ {}", describe(cmd));
    let status = cmd
        .status()
        .with_context(|| format!("could not start {}", describe(cmd)))?;
    if !status.success() {
        bail!("`{}` failed ({status})", describe(cmd));
    }
    Ok(())
}

/// Runs a command and returns its stdout (stderr passes through).
pub fn output(cmd: &mut Command) -> anyhow::Result<String> {
    let out = cmd
        .stderr(Stdio::inherit())
        .output()
        .with_context(|| format!("could not start {}", describe(cmd)))?;
    if !out.status.success() {
        bail!("`{}` failed ({})", describe(cmd), out.status);
    }
    Ok(String::from_utf8_lossy(&out.stdout).into_owned())
}

/// Tests counted from libtest-style `test result:` lines.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub passed: u64,
    pub failed: u64,
}

impl std::ops::AddAssign for Counts {
    fn add_assign(&mut self, other: Counts) {
        self.passed += other.passed;
        self.failed += other.failed;
    }
}

/// Runs a test command, echoing its stdout while counting the results it reports.
/// Returns the counts even when the command failed, together with whether it succeeded.
pub fn run_tests(cmd: &mut Command) -> anyhow::Result<(Counts, bool)> {
    println!("$ {}", describe(cmd));
    let mut child = cmd
        .stdout(Stdio::piped())
        .spawn()
        .with_context(|| format!("could not start {}", describe(cmd)))?;
    let mut counts = Counts::default();
    let stdout = child.stdout.take().expect("stdout is piped");
    for line in BufReader::new(stdout).lines() {
        let line = line?;
        println!("{line}");
        if let Some(c) = parse_result_line(&line) {
            counts += c;
        }
    }
    let status = child.wait()?;
    Ok((counts, status.success()))
}

/// Reads `test result: ok. 12 passed; 0 failed; …` (libtest and wasm-bindgen-test-runner).
pub fn parse_result_line(line: &str) -> Option<Counts> {
    let rest = line.trim().strip_prefix("test result:")?;
    let number_before = |word: &str| -> Option<u64> {
        let words: Vec<&str> = rest
            .split(|c: char| c.is_whitespace() || c == ';')
            .collect();
        let at = words.iter().position(|w| *w == word)?;
        words[..at]
            .iter()
            .rev()
            .find(|w| !w.is_empty())?
            .parse()
            .ok()
    };
    Some(Counts {
        passed: number_before("passed")?,
        failed: number_before("failed")?,
    })
}

pub fn describe(cmd: &Command) -> String {
    let mut text = cmd.get_program().to_string_lossy().into_owned();
    for arg in cmd.get_args() {
        text.push(' ');
        text.push_str(&arg.to_string_lossy());
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(line: &str, expected: Option<(u64, u64)>) {
        let got = parse_result_line(line).map(|c| (c.passed, c.failed));
        assert_eq!(got, expected, "line: {line}");
    }

    #[test]
    fn reads_result_lines() {
        check(
            "test result: ok. 12 passed; 0 failed; 0 ignored; 0 measured; 0 filtered out; finished in 0.01s",
            Some((12, 0)),
        );
        check(
            "test result: FAILED. 3 passed; 2 failed; 0 ignored",
            Some((3, 2)),
        );
        check(
            "test result: ok. 0 passed; 0 failed; 0 ignored; 0 filtered out",
            Some((0, 0)),
        );
        check("running 12 tests", None);
        check("test nik::tests::parses ... ok", None);
    }
}
