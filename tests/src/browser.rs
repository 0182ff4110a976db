//! Debian's Chromium through Debian's ChromeDriver, headless, at a phone's size.

use std::net::TcpListener;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::{Duration, Instant};

use thirtyfour::prelude::*;

use crate::server::output_dir;

pub const CHROMIUM: &str = "/usr/bin/chromium";
pub const CHROMEDRIVER: &str = "/usr/bin/chromedriver";

/// A phone-sized window (a common cheap Android phone's CSS pixels).
pub const PHONE: (u32, u32) = (412, 915);

pub struct Browser {
    pub driver: WebDriver,
    pub base_url: String,
    test_name: String,
    shots: AtomicU32,
    chromedriver: Child,
}

impl Browser {
    pub async fn start(test_name: &str, base_url: &str) -> Browser {
        let profile = output_dir().join("profiles").join(test_name);
        let _ = std::fs::remove_dir_all(&profile);
        Browser::launch(test_name, base_url).await
    }

    /// Quits this browser and starts a new one with the same profile directory, as a person who
    /// closes the browser and opens it again: IndexedDB, localStorage and persistent cookies stay.
    pub async fn restart(self) -> Browser {
        let (test_name, base_url) = (self.test_name.clone(), self.base_url.clone());
        let shots = self.shots.load(Ordering::Relaxed);
        self.quit().await;
        let browser = Browser::launch(&test_name, &base_url).await;
        browser.shots.store(shots, Ordering::Relaxed);
        browser
    }

    /// A Chromium with the test's profile directory, as it is.
    async fn launch(test_name: &str, base_url: &str) -> Browser {
        let port = free_port();
        let chromedriver = Command::new(CHROMEDRIVER)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| {
                panic!("could not start {CHROMEDRIVER}: {e} (apt-get install chromium-driver)")
            });
        wait_for_port(port);

        let profile = output_dir().join("profiles").join(test_name);
        let mut caps = DesiredCapabilities::chrome();
        caps.set_binary(CHROMIUM).expect("binary capability");
        let size = format!("--window-size={},{}", PHONE.0, PHONE.1);
        let profile_arg = format!("--user-data-dir={}", profile.display());
        // Background networking flags keep Chromium from flooding the closed network.
        for arg in [
            "--headless=new",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-extensions",
            "--lang=id-ID",
            &size,
            &profile_arg,
        ] {
            caps.add_arg(arg).expect("chrome argument");
        }
        let driver = WebDriver::new(format!("http://127.0.0.1:{port}"), caps)
            .await
            .expect("a Chromium session through ChromeDriver");
        Browser {
            driver,
            base_url: base_url.to_owned(),
            test_name: test_name.to_owned(),
            shots: AtomicU32::new(0),
            chromedriver,
        }
    }

    pub async fn open(&self, path: &str) {
        self.driver
            .goto(format!("{}{path}", self.base_url))
            .await
            .expect("navigate");
    }

    /// Saves a screenshot as `<output>/screenshots/<test>-<n>-<label>.png`.
    pub async fn screenshot(&self, label: &str) -> PathBuf {
        let n = self.shots.fetch_add(1, Ordering::Relaxed) + 1;
        let dir = output_dir().join("screenshots");
        std::fs::create_dir_all(&dir).expect("screenshot folder");
        let file = dir.join(format!("{}-{:02}-{label}.png", self.test_name, n));
        self.driver.screenshot(&file).await.expect("screenshot");
        file
    }

    /// The id of the element that has keyboard focus.
    pub async fn focused_id(&self) -> String {
        let el = self.driver.active_element().await.expect("active element");
        el.attr("id")
            .await
            .expect("id attribute")
            .unwrap_or_default()
    }

    /// Resizes the window so that the page's viewport is `width` CSS pixels wide.
    pub async fn set_viewport_width(&self, width: u32) {
        let inner: i64 = self.script("return window.innerWidth").await;
        let outer: i64 = self.script("return window.outerWidth").await;
        let chrome = u32::try_from(outer - inner).unwrap_or(0);
        self.driver
            .set_window_rect(0, 0, width + chrome, PHONE.1)
            .await
            .expect("resize");
    }

    /// How many CSS pixels the page sticks out sideways (0 when nothing scrolls horizontally).
    pub async fn horizontal_overflow(&self) -> i64 {
        self.script("const d = document.documentElement; return d.scrollWidth - d.clientWidth")
            .await
    }

    pub async fn script<T: serde::de::DeserializeOwned>(&self, js: &str) -> T {
        let ret = self.driver.execute(js, Vec::new()).await.expect("script");
        ret.convert().expect("script result type")
    }

    /// `GET /api/v1{path}` from the page, with the browser's session cookie: the server's own
    /// record, read as the signed-in person. Panics unless the answer is 200 with JSON.
    pub async fn api<T: serde::de::DeserializeOwned>(&self, path: &str) -> T {
        let (status, body) = self.api_answer(path).await;
        assert_eq!(status, 200, "GET /api/v1{path} answered {status}: {body}");
        let ret = self
            .driver
            .execute(format!("return JSON.parse({body:?})"), Vec::new())
            .await
            .expect("parse the answer");
        ret.convert()
            .unwrap_or_else(|e| panic!("GET /api/v1{path}: unexpected JSON {body}: {e}"))
    }

    /// The status and body of `GET /api/v1{path}`, sent from the page with its cookie.
    pub async fn api_answer(&self, path: &str) -> (u16, String) {
        let script = format!(
            "const done = arguments[arguments.length - 1]; \
             fetch('/api/v1' + {path:?}, {{ credentials: 'same-origin', headers: \
               {{ 'Accept': 'application/json', 'X-Klaim-Request': '1' }} }}) \
               .then(r => r.text().then(body => done([r.status, body]))) \
               .catch(e => done([0, String(e)]));"
        );
        let ret = self
            .driver
            .execute_async(script, Vec::new())
            .await
            .expect("fetch from the page");
        ret.convert().expect("[status, body]")
    }

    pub async fn quit(mut self) {
        let _ = self.driver.clone().quit().await;
        let _ = self.chromedriver.kill();
        let _ = self.chromedriver.wait();
    }
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("a free port")
        .port()
}

fn wait_for_port(port: u16) {
    let deadline = Instant::now() + Duration::from_secs(20);
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(
            Instant::now() < deadline,
            "chromedriver did not start listening on {port}"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}
