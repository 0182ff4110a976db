//! Page objects for the account screens: "Daftar", the code steps, "Masuk", "Lupa kata sandi",
//! "Akun saya" and "Perangkat yang masuk". They find things by input ids and `data-testid`s.

use std::time::{Duration, Instant};

use thirtyfour::prelude::*;

use crate::Browser;

/// The "Daftar" answers, as a person types them.
#[derive(Clone, Debug, Default)]
pub struct Registration {
    pub full_name: &'static str,
    pub nik: &'static str,
    pub kpj: &'static str,
    pub birth_day: &'static str,
    pub birth_month: &'static str,
    pub birth_year: &'static str,
    pub password: &'static str,
}

impl Registration {
    /// Pairs of input id and value, in form order.
    pub fn fields(&self) -> [(&'static str, &'static str); 7] {
        [
            ("full_name", self.full_name),
            ("nik", self.nik),
            ("kpj", self.kpj),
            ("birth_date", self.birth_day),
            ("birth_date_month", self.birth_month),
            ("birth_date_year", self.birth_year),
            ("password", self.password),
        ]
    }

    pub fn input(&self) -> klaim_core::forms::account::RegistrationInput {
        klaim_core::forms::account::RegistrationInput {
            full_name: self.full_name.into(),
            nik: self.nik.into(),
            kpj: self.kpj.into(),
            birth_day: self.birth_day.into(),
            birth_month: self.birth_month.into(),
            birth_year: self.birth_year.into(),
            password: self.password.into(),
        }
    }
}

/// Any screen of the app: what every account page object needs.
#[derive(Clone, Copy)]
pub struct Screen<'a> {
    pub browser: &'a Browser,
}

impl<'a> Screen<'a> {
    pub fn new(browser: &'a Browser) -> Screen<'a> {
        Screen { browser }
    }

    fn driver(&self) -> &WebDriver {
        &self.browser.driver
    }

    /// Opens a path and waits for the element with `testid`.
    pub async fn open(&self, path: &str, testid: &str) {
        self.browser.open(path).await;
        self.wait(testid).await;
    }

    /// Moves to a path inside the app without loading the page again (as a link in the app does),
    /// then waits for the element with `testid`; works when the server is gone.
    pub async fn go_within_app(&self, path: &str, testid: &str) {
        let script = format!(
            "const a = document.createElement('a'); a.href = {path:?}; \
             document.body.appendChild(a); a.click(); a.remove();"
        );
        self.driver()
            .execute(script, Vec::new())
            .await
            .expect("follow a link");
        self.wait(testid).await;
    }

    /// Waits (up to the driver's query timeout) for an element with this `data-testid`. When it
    /// never comes, the failure says where the browser was and what the page said.
    pub async fn wait(&self, testid: &str) -> WebElement {
        match self
            .driver()
            .query(By::Css(format!("[data-testid={testid}]")))
            .first()
            .await
        {
            Ok(element) => element,
            Err(e) => {
                let url = self.driver().current_url().await.map(|u| u.to_string());
                let text = self
                    .driver()
                    .execute("return document.body.innerText", Vec::new())
                    .await
                    .map(|r| r.json().to_string());
                // The API requests the page made, each with its answer's end (0: never answered).
                let requests = self
                    .driver()
                    .execute(
                        "return performance.getEntriesByType('resource')\
                           .filter(e => e.name.includes('/api/'))\
                           .map(e => `${e.name.split('/api/v1')[1]} @${Math.round(e.startTime)} \
                              end ${Math.round(e.responseEnd)}`).join('; ')",
                        Vec::new(),
                    )
                    .await
                    .map(|r| r.json().to_string());
                panic!(
                    "[data-testid={testid}] did not appear: {e}\nat {url:?}\nthe page said: {text:?}\nits API requests: {requests:?}"
                )
            }
        }
    }

    /// Whether an element with this `data-testid` is there now (no waiting).
    pub async fn has(&self, testid: &str) -> bool {
        !self
            .driver()
            .find_all(By::Css(format!("[data-testid={testid}]")))
            .await
            .expect("query")
            .is_empty()
    }

    pub async fn text(&self, testid: &str) -> String {
        self.wait(testid).await.text().await.expect("text")
    }

    /// The text of `testid` once it is no longer `old` (after a new answer from the server).
    pub async fn text_changed_from(&self, testid: &str, old: &str) -> String {
        let deadline = Instant::now() + Duration::from_secs(15);
        loop {
            let now = match self.has(testid).await {
                true => self.text(testid).await,
                false => String::new(),
            };
            if !now.is_empty() && now != old {
                return now;
            }
            assert!(
                Instant::now() < deadline,
                "[data-testid={testid}] still says {old:?}"
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Everything the page shows, as text.
    pub async fn body_text(&self) -> String {
        self.driver()
            .find(By::Tag("body"))
            .await
            .expect("body")
            .text()
            .await
            .expect("text")
    }

    /// Types into inputs by id, replacing what was there.
    pub async fn fill(&self, fields: &[(&str, &str)]) {
        for (id, value) in fields {
            let input = self.driver().find(By::Id(*id)).await.expect("input");
            input.clear().await.expect("clear");
            if !value.is_empty() {
                input.send_keys(*value).await.expect("type");
            }
        }
    }

    pub async fn press(&self, testid: &str) {
        self.wait(testid).await.click().await.expect("click");
    }

    pub async fn value(&self, id: &str) -> String {
        crate::pages::input_value(self.browser, id).await
    }

    pub async fn title(&self) -> String {
        self.driver().title().await.expect("title")
    }

    pub async fn heading(&self) -> String {
        self.driver()
            .query(By::Tag("h1"))
            .first()
            .await
            .expect("h1")
            .text()
            .await
            .expect("text")
    }

    /// The error summary's links as (target id, text); waits for it.
    pub async fn error_summary(&self) -> Vec<(String, String)> {
        crate::pages::error_summary(self.browser).await
    }

    /// The inline message under a field, without its screen-reader prefix.
    pub async fn inline_error(&self, field: &str) -> Option<String> {
        crate::pages::inline_error(self.browser, field).await
    }

    /// The path the app shows now.
    pub async fn path(&self) -> String {
        self.driver()
            .current_url()
            .await
            .expect("url")
            .path()
            .to_owned()
    }

    /// Waits up to 15 s for the app to be at `path`.
    pub async fn wait_path(&self, path: &str) {
        let deadline = Instant::now() + Duration::from_secs(15);
        loop {
            let now = self.path().await;
            if now == path {
                return;
            }
            assert!(Instant::now() < deadline, "still at {now}, expected {path}");
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Whether the button with `testid` can be pressed.
    pub async fn enabled(&self, testid: &str) -> bool {
        self.wait(testid).await.is_enabled().await.expect("enabled")
    }
}

/// "Daftar akun Klaim" through to "Akun saya", step by step.
pub struct RegisterFlow<'a> {
    pub screen: Screen<'a>,
}

impl<'a> RegisterFlow<'a> {
    pub async fn open(browser: &'a Browser) -> RegisterFlow<'a> {
        let screen = Screen::new(browser);
        screen.open("/daftar", "register-form").await;
        RegisterFlow { screen }
    }

    pub async fn submit(&self, answers: &Registration) {
        self.screen.fill(&answers.fields()).await;
        self.screen.press("continue").await;
    }

    /// On "Ke mana kode verifikasi dikirim?": the channels offered (`sms`, `email`).
    pub async fn channels(&self) -> Vec<String> {
        self.screen.wait("channel-form").await;
        let radios = self
            .screen
            .browser
            .driver
            .find_all(By::Css("input[name=channel]"))
            .await
            .expect("radios");
        let mut out = Vec::new();
        for radio in radios {
            out.push(radio.value().await.expect("value").unwrap_or_default());
        }
        out
    }

    pub async fn send_code(&self) {
        self.screen.wait("channel-form").await;
        self.screen.press("continue").await;
        self.screen.wait("verify-form").await;
    }

    pub async fn enter_code(&self, code: &str) {
        self.screen.fill(&[("code", code)]).await;
        self.screen.press("continue").await;
    }
}

/// "Masuk".
pub struct SignInPage<'a> {
    pub screen: Screen<'a>,
}

impl<'a> SignInPage<'a> {
    pub async fn open(browser: &'a Browser) -> SignInPage<'a> {
        let screen = Screen::new(browser);
        screen.open("/masuk", "sign-in-form").await;
        SignInPage { screen }
    }

    /// When the app has brought the person here itself.
    pub async fn wait(browser: &'a Browser) -> SignInPage<'a> {
        let screen = Screen::new(browser);
        screen.wait("sign-in-form").await;
        screen.wait_path("/masuk").await;
        SignInPage { screen }
    }

    /// Opens `path` in a browser that may have lost its session (restarted: the session cookie
    /// ends with it), signing in with `login` when asked; waits for `testid` on `path`.
    pub async fn open_signed_in(
        browser: &'a Browser,
        path: &str,
        testid: &str,
        login: &str,
        password: &str,
    ) {
        let screen = Screen::new(browser);
        browser.open(path).await;
        let signed_out = crate::claim_pages::poll(
            std::time::Duration::from_secs(15),
            "the page or sign-in",
            || async {
                if screen.has("sign-in-form").await {
                    Some(true)
                } else if screen.has(testid).await {
                    Some(false)
                } else {
                    None
                }
            },
        )
        .await;
        if signed_out {
            SignInPage::wait(browser)
                .await
                .sign_in(login, password)
                .await;
            screen.wait_path(path).await;
            screen.wait(testid).await;
        }
    }

    pub async fn sign_in(&self, login: &str, password: &str) {
        self.screen
            .fill(&[("login", login), ("password", password)])
            .await;
        self.screen.press("sign-in").await;
    }
}

/// "Akun saya".
pub struct AccountPage<'a> {
    pub screen: Screen<'a>,
}

impl<'a> AccountPage<'a> {
    /// Waits until the profile has loaded.
    pub async fn wait(browser: &'a Browser) -> AccountPage<'a> {
        let screen = Screen::new(browser);
        screen.wait("jht-total").await;
        screen.wait_path("/akun").await;
        AccountPage { screen }
    }

    pub async fn name(&self) -> String {
        self.screen.text("account-name").await
    }

    pub async fn nik(&self) -> String {
        self.screen.text("account-nik").await
    }

    pub async fn jht_total(&self) -> String {
        self.screen.text("jht-total").await
    }

    pub async fn jht_date(&self) -> String {
        self.screen.text("jht-total-date").await
    }

    /// The status line of every employment, in page order.
    pub async fn employment_statuses(&self) -> Vec<String> {
        let found = self
            .screen
            .browser
            .driver
            .find_all(By::Css("[data-testid=employment-status]"))
            .await
            .expect("query");
        let mut out = Vec::new();
        for el in found {
            out.push(el.text().await.expect("text"));
        }
        out
    }

    pub async fn open_sessions(&self) -> SessionsPage<'a> {
        self.screen.press("to-sessions").await;
        SessionsPage::wait(self.screen.browser).await
    }
}

/// "Perangkat yang masuk".
pub struct SessionsPage<'a> {
    pub screen: Screen<'a>,
}

impl<'a> SessionsPage<'a> {
    pub async fn wait(browser: &'a Browser) -> SessionsPage<'a> {
        let screen = Screen::new(browser);
        screen.wait("sessions").await;
        SessionsPage { screen }
    }

    /// Each session's text, and whether it is this device.
    pub async fn sessions(&self) -> Vec<(String, bool)> {
        let found = self
            .screen
            .browser
            .driver
            .find_all(By::Css("[data-testid=session]"))
            .await
            .expect("query");
        let mut out = Vec::new();
        for el in found {
            let current = el.attr("data-current").await.expect("attr").as_deref() == Some("true");
            out.push((el.text().await.expect("text"), current));
        }
        out
    }

    pub async fn sign_out(&self) {
        self.screen.press("sign-out").await;
    }
}
