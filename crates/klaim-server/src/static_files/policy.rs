//! Per-file answers that depend only on the name: content type and caching.

/// Hashed assets never change under their name; everything else must be revalidated so that a
/// new build (new `index.html`, new `sw.js`) reaches people at once.
pub const IMMUTABLE: &str = "public, max-age=31536000, immutable";
pub const NO_CACHE: &str = "no-cache";

pub fn cache_control(file_name: &str) -> &'static str {
    if is_hashed(file_name) {
        IMMUTABLE
    } else {
        NO_CACHE
    }
}

/// Trunk's content-hashed names: `-` and at least 16 hex digits right before the extension,
/// optionally followed by wasm-bindgen's `_bg`: `klaim-1a2b3c4d5e6f7a8b.js`,
/// `klaim-1a2b3c4d5e6f7a8b_bg.wasm`, `style-1a2b3c4d5e6f7a8b.css`.
pub fn is_hashed(file_name: &str) -> bool {
    let Some((stem, _extension)) = file_name.rsplit_once('.') else {
        return false;
    };
    let stem = stem.strip_suffix("_bg").unwrap_or(stem);
    let Some((_name, hash)) = stem.rsplit_once('-') else {
        return false;
    };
    hash.len() >= 16 && hash.bytes().all(|b| b.is_ascii_hexdigit())
}

/// The media type by extension; unknown ones are plain bytes, which `nosniff` keeps that way.
pub fn content_type(file_name: &str) -> &'static str {
    let extension = file_name
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    match extension.as_str() {
        "html" | "htm" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript",
        "wasm" => "application/wasm",
        "css" => "text/css",
        "json" | "map" => "application/json",
        "webmanifest" => "application/manifest+json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "webp" => "image/webp",
        "avif" => "image/avif",
        "gif" => "image/gif",
        "ico" => "image/x-icon",
        "woff2" => "font/woff2",
        "woff" => "font/woff",
        "txt" => "text/plain; charset=utf-8",
        "xml" => "application/xml",
        "pdf" => "application/pdf",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(name: &str, hashed: bool, content_type_: &str) {
        assert_eq!(is_hashed(name), hashed, "{name}");
        assert_eq!(
            cache_control(name),
            if hashed { IMMUTABLE } else { NO_CACHE },
            "{name}"
        );
        assert_eq!(content_type(name), content_type_, "{name}");
    }

    #[test]
    fn names_decide_type_and_caching() {
        check("index.html", false, "text/html; charset=utf-8");
        check("klaim-1a2b3c4d5e6f7a8b.js", true, "text/javascript");
        check("klaim-1a2b3c4d5e6f7a8b_bg.wasm", true, "application/wasm");
        check("style-0123456789abcdef0123.css", true, "text/css");
        check("boot-00ff00ff00ff00ff.js", true, "text/javascript");
        check("KLAIM-1A2B3C4D5E6F7A8B.JS", true, "text/javascript");
        check("sw.js", false, "text/javascript");
        check("manifest.webmanifest", false, "application/manifest+json");
        check("icon-192.png", false, "image/png");
        check("klaim-1a2b3c4d5e6f7a8.js", false, "text/javascript");
        check("klaim-1a2b3c4d5e6f7a8g.js", false, "text/javascript");
        check("klaim_bg.wasm", false, "application/wasm");
        check("1a2b3c4d5e6f7a8b9c", false, "application/octet-stream");
        check("-1a2b3c4d5e6f7a8b.js", true, "text/javascript");
    }
}
