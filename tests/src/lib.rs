//! The end-to-end harness: start the real server and a real Chromium, then drive pages through
//! small page objects. Run by `cargo xtask test`, which builds the release app and the server and
//! passes their paths in `KLAIM_SERVER_BIN` and `KLAIM_DIST_DIR`.

pub mod a11y;
pub mod account_pages;
pub mod browser;
pub mod claim_pages;
pub mod fixtures;
pub mod follow_pages;
pub mod keyboard;
pub mod layout;
pub mod office_pages;
pub mod offline_pages;
pub mod outbox_pages;
pub mod pages;
pub mod server;

pub use browser::Browser;
pub use server::{Server, ServerOptions, Staff};

/// A started server and a browser pointed at it; dropped together at the end of a test.
pub struct Session {
    pub server: Server,
    pub browser: Browser,
}

impl Session {
    pub async fn start(test_name: &str) -> Session {
        Session::start_with(test_name, &ServerOptions::default()).await
    }

    pub async fn start_with(test_name: &str, options: &ServerOptions) -> Session {
        let server = Server::start_with(test_name, options);
        let browser = Browser::start(test_name, &server.url).await;
        Session { server, browser }
    }

    /// Ends the browser session cleanly (the server stops on drop).
    pub async fn finish(self) {
        self.browser.quit().await;
    }
}

/// Today's date (UTC) as klaim-core's `Date`, for computing what the rules expect.
pub fn today() -> klaim_core::date::Date {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .expect("clock after 1970")
        .as_secs();
    let days = i32::try_from(secs / 86_400).expect("days fit");
    klaim_core::date::Date::from_days_since_epoch(days).expect("a date the rules know")
}

/// Today's date in WIB (UTC+7), the server's calendar.
pub fn wib_today() -> klaim_core::date::Date {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .expect("clock after 1970")
        .as_secs()
        + 7 * 3600;
    let days = i32::try_from(secs / 86_400).expect("days fit");
    klaim_core::date::Date::from_days_since_epoch(days).expect("a date the rules know")
}

#[cfg(test)]
mod tests {
    #[test]
    fn reads_the_code_from_a_delivery_line() {
        let line = "2026-11-24T15:50:01.123456Z  INFO klaim::delivery: one-time code (development \
                    delivery: printed, not sent) kind=registration_code channel=sms \
                    to=0812****0001 text=Kode verifikasi Klaim: 654321. Berlaku 10 menit. code=654321";
        assert_eq!(
            crate::server::last_six_digits(line).as_deref(),
            Some("654321")
        );
        assert_eq!(crate::server::last_six_digits("code=12345"), None);
        assert_eq!(crate::server::last_six_digits("code=1234567"), None);
    }
}
