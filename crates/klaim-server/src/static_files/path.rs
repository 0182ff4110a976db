//! Request paths made safe to join onto the dist directory.

use std::path::{Path, PathBuf};

use percent_encoding::percent_decode_str;

/// A decoded request path whose segments are plain names: no `.` or `..`, no hidden files, no
/// separators or drive letters smuggled in through percent-encoding.
#[derive(Debug, PartialEq, Eq)]
pub struct AssetPath {
    segments: Vec<String>,
}

impl AssetPath {
    /// `None` for any path that tries to leave the directory or name a hidden file; such a
    /// request is answered 404 without touching the disk.
    pub fn parse(raw: &str) -> Option<AssetPath> {
        // Decode first, then split: `%2e%2e%2f` must meet the same checks as `../`.
        let decoded = percent_decode_str(raw).decode_utf8().ok()?;
        let mut segments = Vec::new();
        for segment in decoded.split('/').filter(|s| !s.is_empty()) {
            let unsafe_char = |c: char| c == '\\' || c == ':' || c.is_control();
            if segment.starts_with('.') || segment.contains(unsafe_char) {
                return None;
            }
            segments.push(segment.to_owned());
        }
        Some(AssetPath { segments })
    }

    pub fn first(&self) -> Option<&str> {
        self.segments.first().map(String::as_str)
    }

    pub fn file_name(&self) -> Option<&str> {
        self.segments.last().map(String::as_str)
    }

    /// `/missing.js` has one, `/klaim/baru` does not: decides between 404 and the app's index.
    pub fn has_extension(&self) -> bool {
        self.file_name().is_some_and(|name| name.contains('.'))
    }

    pub fn under(&self, root: &Path) -> PathBuf {
        let mut path = root.to_path_buf();
        path.extend(&self.segments);
        path
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(raw: &str, expected: Option<&[&str]>) {
        let got = AssetPath::parse(raw);
        let expected = expected.map(|s| AssetPath {
            segments: s.iter().map(|s| s.to_string()).collect(),
        });
        assert_eq!(got, expected, "{raw}");
    }

    #[test]
    fn keeps_plain_paths() {
        check("/", Some(&[]));
        check("/index.html", Some(&["index.html"]));
        check("/klaim/baru/", Some(&["klaim", "baru"]));
        check("//a//b", Some(&["a", "b"]));
        check(
            "/snippets/klaim-1a2b/inline0.js",
            Some(&["snippets", "klaim-1a2b", "inline0.js"]),
        );
        check("/with%20space.txt", Some(&["with space.txt"]));
        check("/a..b", Some(&["a..b"]));
    }

    #[test]
    fn refuses_traversal_and_hidden_files() {
        for raw in [
            "/../Cargo.toml",
            "/a/../../Cargo.toml",
            "/%2e%2e/Cargo.toml",
            "/%2E%2E%2FCargo.toml",
            "/..%2f..%2fetc%2fpasswd",
            "/.%2e/Cargo.toml",
            "/..\\Cargo.toml",
            "/%5c..%5cCargo.toml",
            "/./index.html",
            "/.env",
            "/.git/config",
            "/C:/Windows/win.ini",
            "/c:%5cwindows",
            "/index.html%00.js",
            "/%ff%fe",
        ] {
            check(raw, None);
        }
    }
}
