//! Accounts in real Chromium against klaim-server with a generated registry: registering a demo
//! persona with the one-time code from the server's log, "Akun saya", signing out (and that Back
//! shows nothing private), signing in again, a forgotten password, and what goes wrong on the way.

use klaim_core::forms::account::check_registration;
use klaim_core::{AccountProblem, Explain, Lang};
use klaim_e2e::Session;
use klaim_e2e::account_pages::{AccountPage, RegisterFlow, Registration, Screen, SignInPage};
use klaim_e2e::offline_pages::wait_for_service_worker;
use klaim_e2e::today;

/// Demo persona 1 (crates/klaim-server/src/registry/personas): resigned about three months ago,
/// JHT balance Rp 12.350.000 on one KPJ, a mobile number and an e-mail address on file.
const RINA: Registration = Registration {
    full_name: "Rina Wulandari",
    nik: "3374 0552 0591 9001",
    kpj: "99010000001",
    birth_day: "12",
    birth_month: "5",
    birth_year: "1991",
    password: "kopi hujan sepeda biru",
};
const RINA_NIK: &str = "3374055205919001";

/// Registers `who` through the pages, taking the code from the server's log; ends on "Akun saya".
async fn register<'a>(s: &'a Session, who: &Registration) -> AccountPage<'a> {
    let flow = RegisterFlow::open(&s.browser).await;
    flow.submit(who).await;
    assert_eq!(
        flow.channels().await,
        ["sms", "email"],
        "both contacts on file are offered"
    );
    let before = s.server.codes_printed();
    flow.send_code().await;
    let sent_to = flow.screen.text("code-sent-to").await;
    assert!(sent_to.contains("****"), "the number is masked: {sent_to}");
    let code = s.server.next_code(before).await;
    flow.enter_code(&code).await;
    AccountPage::wait(&s.browser).await
}

#[tokio::test(flavor = "multi_thread")]
async fn register_see_the_account_sign_out_and_sign_in_again() {
    let s = Session::start("account_journey").await;
    assert!(
        check_registration(&RINA.input(), today()).is_ok(),
        "the answers pass the shared rules"
    );
    let account = register(&s, &RINA).await;
    assert_eq!(account.name().await, "Rina Wulandari");
    let nik = account.nik().await;
    assert!(
        nik.ends_with("9001") && !nik.contains("33740552"),
        "NIK masked: {nik}"
    );
    assert_eq!(account.jht_total().await, "Rp 12.350.000");
    let date = account.jht_date().await;
    assert!(
        date.starts_with("per ") && date.chars().any(|c| c.is_ascii_digit()),
        "balance date: {date}"
    );
    let statuses = account.employment_statuses().await;
    assert_eq!(
        statuses,
        ["Mengundurkan diri. Kepesertaan sudah nonaktif."],
        "the job and the membership in words"
    );
    assert_eq!(account.screen.text("header-account").await, "Akun saya");
    s.browser.screenshot("akun-saya").await;

    let sessions = account.open_sessions().await;
    let list = sessions.sessions().await;
    assert_eq!(list.len(), 1, "one device: {list:?}");
    assert!(list[0].1 && list[0].0.contains("Perangkat ini"));
    assert!(list[0].0.contains("WIB"), "times in WIB: {}", list[0].0);
    s.browser.screenshot("perangkat").await;

    sessions.sign_out().await;
    let sign_in = SignInPage::wait(&s.browser).await;
    assert_eq!(
        sign_in.screen.text("notice").await,
        "Anda sudah keluar.",
        "says the person signed out"
    );
    assert_eq!(sign_in.screen.text("header-account").await, "Masuk");

    // Back, twice (to "Perangkat yang masuk", then to "Akun saya"): nothing private may show.
    for _ in 0..2 {
        s.browser.driver.back().await.expect("back");
        assert_nothing_private(&sign_in.screen).await;
        SignInPage::wait(&s.browser).await;
    }
    s.browser.screenshot("back-after-sign-out").await;

    // Registering again (reached inside the app, so nothing is reloaded) is refused kindly, with
    // the way to sign in; nothing typed before signing out is left in the form.
    sign_in.screen.press("to-register").await;
    let flow = RegisterFlow {
        screen: Screen::new(&s.browser),
    };
    flow.screen.wait("register-form").await;
    for (id, _) in RINA.fields() {
        assert_eq!(
            flow.screen.value(id).await,
            "",
            "{id} was forgotten at sign-out"
        );
    }
    flow.submit(&RINA).await;
    let summary = flow.screen.error_summary().await;
    assert_eq!(
        summary[0].1,
        AccountProblem::AlreadyRegistered.message(Lang::Id)
    );
    flow.screen.press("problem-link").await;
    sign_in.sign_in(RINA_NIK, RINA.password).await;
    let account = AccountPage::wait(&s.browser).await;
    assert_eq!(account.jht_total().await, "Rp 12.350.000");
    s.finish().await;
}

/// Watches the page for 3 s: no name, balance or NIK may appear at any moment.
async fn assert_nothing_private(screen: &Screen<'_>) {
    let until = std::time::Instant::now() + std::time::Duration::from_secs(3);
    while std::time::Instant::now() < until {
        let text = screen.body_text().await;
        for private in ["Rina", "12.350.000", "9001", "Wulandari", "99010000001"] {
            assert!(
                !text.contains(private),
                "{private:?} shows after signing out: {text}"
            );
        }
        tokio::time::sleep(std::time::Duration::from_millis(150)).await;
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_name_that_differs_from_the_registry_is_named_and_everything_is_kept() {
    let s = Session::start("account_name_differs").await;
    let flow = RegisterFlow::open(&s.browser).await;
    let answers = Registration {
        full_name: "Rina Kurniasih",
        ..RINA
    };
    flow.submit(&answers).await;

    let summary = flow.screen.error_summary().await;
    let message = AccountProblem::NameDiffers.message(Lang::Id);
    assert_eq!(summary, [("full_name".to_owned(), message.clone())]);
    assert_eq!(
        flow.screen.inline_error("full_name").await,
        Some(message),
        "the name field says it too"
    );
    let hint = flow.screen.text("problem-hint").await;
    assert_eq!(hint, AccountProblem::NameDiffers.hint(Lang::Id));
    assert!(flow.screen.title().await.starts_with("Kesalahan: "));
    for (id, typed) in answers.fields() {
        assert_eq!(flow.screen.value(id).await, typed, "{id} is kept");
    }
    s.browser.screenshot("name-differs").await;

    // Someone the registry does not know: the neutral message, with what to check and who helps.
    let stranger = Registration {
        kpj: "99010000009",
        ..RINA
    };
    flow.submit(&stranger).await;
    let guidance = flow.screen.text_changed_from("problem-hint", &hint).await;
    assert!(
        guidance.contains("Dukcapil") && guidance.contains("175") && guidance.contains("KPJ"),
        "guidance: {guidance}"
    );
    let summary = flow.screen.error_summary().await;
    assert_eq!(
        summary[0].1,
        AccountProblem::NotInRegistry.message(Lang::Id),
        "never says which part did not match"
    );
    s.browser.screenshot("not-found").await;
    s.finish().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn bad_input_on_register_is_listed_and_kept() {
    let s = Session::start("account_bad_input").await;
    let flow = RegisterFlow::open(&s.browser).await;
    let answers = Registration {
        nik: "3374 0552 0591 900",
        birth_month: "",
        password: "rina1991",
        ..RINA
    };
    let expected =
        check_registration(&answers.input(), today()).expect_err("these answers fail the rules");
    flow.submit(&answers).await;

    let summary = flow.screen.error_summary().await;
    let targets: Vec<&str> = summary.iter().map(|(t, _)| t.as_str()).collect();
    assert_eq!(targets, ["nik", "birth_date_month", "password"]);
    for ((target, text), finding) in summary.iter().zip(&expected) {
        assert_eq!(text, finding.message(Lang::Id), "summary text for {target}");
        assert_eq!(
            flow.screen
                .inline_error(finding.field.unwrap())
                .await
                .as_deref(),
            Some(text.as_str()),
            "inline text repeats the summary"
        );
    }
    assert!(flow.screen.title().await.starts_with("Kesalahan: "));
    assert_eq!(s.browser.focused_id().await, "error-summary");
    for (id, typed) in answers.fields() {
        assert_eq!(flow.screen.value(id).await, typed, "{id} is kept");
    }
    // The live checklist tells what the password lacks, in words.
    let checklist = flow.screen.text("password-checklist").await;
    assert!(
        checklist.contains("Paling sedikit 10 karakter (belum terpenuhi)"),
        "checklist: {checklist}"
    );
    assert!(
        checklist.contains("Tidak memuat NIK, tanggal lahir, atau nama Anda (belum terpenuhi)"),
        "the name in the password is caught: {checklist}"
    );
    assert_eq!(flow.screen.path().await, "/daftar", "nothing was sent");
    s.browser.screenshot("register-errors").await;
    let _: () = s
        .browser
        .script("document.getElementById('password').scrollIntoView(); return null")
        .await;
    s.browser.screenshot("password-checklist").await;
    s.finish().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn without_a_connection_the_message_is_plain_and_nothing_is_lost() {
    let mut s = Session::start("account_offline").await;
    let sign_in = SignInPage::open(&s.browser).await;
    // Once the worker keeps the app (with the parts of the other screens), pages open offline
    // and each says what it cannot do.
    wait_for_service_worker(&s.browser).await;
    s.server.stop();
    sign_in.sign_in(RINA_NIK, RINA.password).await;

    let offline = sign_in.screen.text("offline").await;
    assert_eq!(
        offline,
        "Tidak ada koneksi internet. Periksa koneksi Anda, lalu coba lagi."
    );
    assert!(
        !sign_in.screen.has("error-summary").await,
        "not shown as an error"
    );
    assert!(
        sign_in.screen.enabled("sign-in").await,
        "the button can be pressed again"
    );
    assert_eq!(sign_in.screen.text("sign-in").await, "Masuk");
    assert_eq!(sign_in.screen.value("login").await, RINA_NIK);
    assert_eq!(sign_in.screen.value("password").await, RINA.password);
    s.browser.screenshot("offline").await;

    // "Akun saya" cannot load either: the same plain message and a way to try again.
    let screen = Screen::new(&s.browser);
    screen.go_within_app("/akun", "offline").await;
    assert!(screen.has("try-again").await);
    s.finish().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_forgotten_password_is_replaced_with_a_code() {
    let s = Session::start("account_reset").await;
    let account = register(&s, &RINA).await;
    let sessions = account.open_sessions().await;
    sessions.sign_out().await;
    let sign_in = SignInPage::wait(&s.browser).await;

    sign_in.screen.press("to-forgot-password").await;
    let screen = Screen::new(&s.browser);
    screen.wait("reset-form").await;
    let before = s.server.codes_printed();
    screen.fill(&[("login", RINA_NIK)]).await;
    screen.press("continue").await;
    let neutral = screen.text("reset-sent").await;
    assert!(
        neutral.starts_with("Jika akun ditemukan, kode telah dikirim"),
        "{neutral}"
    );
    let code = s.server.next_code(before).await;

    // The checklist knows the NIK typed to find the account.
    screen
        .fill(&[("password", "rahasia 3374055205919001")])
        .await;
    let checklist = screen.text("password-checklist").await;
    assert!(
        checklist.contains("Tidak memuat NIK, tanggal lahir, atau nama Anda (belum terpenuhi)"),
        "checklist: {checklist}"
    );

    // A wrong code first: the server's count of tries left is shown at the code field.
    let wrong = if code == "000000" { "111111" } else { "000000" };
    let new_password = "layang layang merah jambu";
    screen
        .fill(&[("code", wrong), ("password", new_password)])
        .await;
    screen.press("continue").await;
    let summary = screen.error_summary().await;
    assert_eq!(summary[0].0, "code");
    assert!(summary[0].1.contains("sisa 4"), "tries left: {:?}", summary);
    assert_eq!(screen.value("password").await, new_password, "kept");

    screen.fill(&[("code", &code)]).await;
    screen.press("continue").await;
    screen.wait("reset-done").await;
    screen.press("to-sign-in").await;
    let sign_in = SignInPage::wait(&s.browser).await;
    assert!(
        sign_in
            .screen
            .text("notice")
            .await
            .contains("sudah diganti")
    );

    sign_in.sign_in(RINA_NIK, RINA.password).await;
    let summary = sign_in.screen.error_summary().await;
    assert_eq!(
        summary[0].1,
        AccountProblem::LoginFailed.message(Lang::Id),
        "the old password no longer works"
    );
    sign_in.sign_in(RINA_NIK, new_password).await;
    AccountPage::wait(&s.browser).await;
    s.finish().await;
}
