//! The start page, "Cek data kepesertaan", in real Chromium at phone size against klaim-server.
//! Expected messages come from klaim-core itself: the browser must show what the shared rules say.

use klaim_core::Lang;
use klaim_core::forms::membership::{MembershipCheckInput, check_membership};
use klaim_core::message::Finding;
use klaim_e2e::Session;
use klaim_e2e::pages::{CheckPage, MembershipAnswers, ResultPage};
use klaim_e2e::today;
use thirtyfour::prelude::*;

/// A woman from Jawa Barat born 12 March 1990: her NIK carries day 12 + 40 = 52.
const VALID: MembershipAnswers = MembershipAnswers {
    full_name: "Siti Rahayu",
    nik: "3273 0152 0390 0007",
    kpj: "12345678901",
    birth_day: "12",
    birth_month: "3",
    birth_year: "1990",
    phone: "0812-3456-7890",
};

fn input(answers: &MembershipAnswers) -> MembershipCheckInput {
    MembershipCheckInput {
        full_name: answers.full_name.into(),
        nik: answers.nik.into(),
        kpj: answers.kpj.into(),
        birth_day: answers.birth_day.into(),
        birth_month: answers.birth_month.into(),
        birth_year: answers.birth_year.into(),
        phone: answers.phone.into(),
    }
}

fn expected_errors(answers: &MembershipAnswers) -> Vec<Finding> {
    check_membership(&input(answers), today()).expect_err("these answers must fail the rules")
}

#[tokio::test(flavor = "multi_thread")]
async fn empty_form_lists_every_field_and_takes_focus() {
    let s = Session::start("empty_form").await;
    let page = CheckPage::open(&s.browser).await;
    s.browser.screenshot("start").await;
    page.press_continue().await;

    let summary = page.error_summary().await;
    let expected = expected_errors(&MembershipAnswers::default());
    let targets: Vec<&str> = summary.iter().map(|(target, _)| target.as_str()).collect();
    assert_eq!(
        targets,
        ["full_name", "nik", "kpj", "birth_date", "phone"],
        "one link per field, in form order"
    );
    for ((target, text), finding) in summary.iter().zip(&expected) {
        assert_eq!(text, finding.message(Lang::Id), "summary text for {target}");
        assert_eq!(
            page.inline_error(finding.field.unwrap()).await.as_deref(),
            Some(text.as_str()),
            "inline text repeats the summary"
        );
    }
    assert!(
        expected.iter().any(|f| f.code == "nik.empty"),
        "an empty NIK gets its instruction"
    );
    assert!(
        page.title().await.starts_with("Kesalahan: "),
        "title: {}",
        page.title().await
    );
    assert_eq!(
        s.browser.focused_id().await,
        "error-summary",
        "the summary takes focus"
    );
    s.browser.screenshot("errors").await;

    page.follow_summary_link("kpj").await;
    assert_eq!(
        s.browser.focused_id().await,
        "kpj",
        "a summary link moves focus to its field"
    );
    s.finish().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn impossible_nik_date_gets_its_own_message_and_keeps_the_rest() {
    let s = Session::start("impossible_nik_date").await;
    let page = CheckPage::open(&s.browser).await;
    // 31 April exists in no year: the NIK's date part (310490) cannot be a birth date.
    let answers = MembershipAnswers {
        nik: "3273013104900007",
        ..VALID
    };
    page.fill(&answers).await;
    page.press_continue().await;

    let expected = expected_errors(&answers);
    assert_eq!(expected.len(), 1);
    assert_eq!(expected[0].code, "nik.birth_date_impossible");
    let summary = page.error_summary().await;
    assert_eq!(
        summary,
        [("nik".to_owned(), expected[0].message(Lang::Id).to_owned())]
    );
    assert_eq!(
        page.inline_error("nik").await.as_deref(),
        Some(expected[0].message(Lang::Id))
    );
    for (id, typed) in answers.fields() {
        assert_eq!(
            page.value(id).await,
            typed,
            "what was typed in {id} is kept"
        );
    }
    s.browser.screenshot("nik-date-impossible").await;
    s.finish().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn nik_that_disagrees_with_the_birth_date_is_explained() {
    let s = Session::start("nik_disagrees").await;
    let page = CheckPage::open(&s.browser).await;
    // The NIK says 12 March 1990 (a woman, 52 = 12 + 40); the person typed 13 March. The civil
    // registry may have corrected a date without changing the NIK, so this warns, never blocks.
    let answers = MembershipAnswers {
        birth_day: "13",
        ..VALID
    };
    page.fill(&answers).await;
    page.press_continue().await;

    let checked = check_membership(&input(&answers), today()).expect("a mismatch does not block");
    let finding = checked
        .warnings
        .iter()
        .find(|f| f.code == "nik.birth_date_differs")
        .expect("the mismatch warning");
    let result = ResultPage::wait(&s.browser).await;
    assert_eq!(
        page.heading().await,
        "Periksa kembali data Anda",
        "no 'all is well' heading over a warning"
    );
    let warnings = result.warnings().await.expect("warnings are shown");
    assert!(
        warnings.contains(finding.message(Lang::Id)),
        "the explanation is shown: {warnings}"
    );
    assert!(
        warnings.contains("12 Maret 1990"),
        "names the NIK's date: {warnings}"
    );
    assert_eq!(
        result.text_of("nik-birth-date").await,
        "12 Maret 1990",
        "the NIK's own date, not the typed one"
    );
    s.browser.screenshot("nik-birth-date-mismatch").await;
    s.finish().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn valid_details_show_what_the_nik_says() {
    let s = Session::start("valid_details").await;
    let page = CheckPage::open(&s.browser).await;
    // A 12-digit KPJ is accepted with a warning (most are 11).
    let answers = MembershipAnswers {
        kpj: "123456789012",
        ..VALID
    };
    page.fill(&answers).await;
    page.press_continue().await;

    let result = ResultPage::wait(&s.browser).await;
    // Every page says the service is free and where the official help is (brokers charge).
    let footer = result.text_of("site-footer").await;
    assert!(
        footer.contains("Layanan ini gratis. Jangan membayar siapa pun")
            && footer.contains("call centre BPJS Ketenagakerjaan 175"),
        "{footer}"
    );
    assert_eq!(result.text_of("nik-province").await, "Jawa Barat");
    assert_eq!(result.text_of("nik-birth-date").await, "12 Maret 1990");
    assert_eq!(result.text_of("nik-sex").await, "Perempuan");
    assert_eq!(result.text_of("entered-phone").await, "0812-3456-7890");
    let warnings = result.warnings().await.expect("the KPJ length warning");
    assert!(warnings.contains("KPJ"), "warning: {warnings}");
    s.browser.screenshot("result").await;

    result.change_answers().await;
    page.wait_ready().await;
    for (id, typed) in answers.fields() {
        assert_eq!(
            page.value(id).await,
            typed,
            "{id} is kept when changing answers"
        );
    }
    s.finish().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn english_switch_survives_a_reload() {
    let s = Session::start("english_switch").await;
    let page = CheckPage::open(&s.browser).await;
    assert_eq!(page.heading().await, "Cek data kepesertaan");
    assert_eq!(page.html_lang().await, "id");
    page.switch_language().await;
    assert_eq!(page.heading().await, "Check your membership details");
    assert_eq!(page.html_lang().await, "en");

    s.browser.driver.refresh().await.expect("reload");
    page.wait_ready().await;
    assert_eq!(
        page.heading().await,
        "Check your membership details",
        "English after reload"
    );
    page.press_continue().await;
    let summary = page.error_summary().await;
    let expected = expected_errors(&MembershipAnswers::default());
    assert_eq!(
        summary[1].1,
        expected[1].message(Lang::En),
        "errors in English too"
    );
    assert!(page.title().await.starts_with("Error: "));
    s.browser.screenshot("english").await;
    s.finish().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn deep_links_reach_the_app() {
    let s = Session::start("deep_links").await;
    // The result page without a checked form sends the person back to the start.
    s.browser.open("/cek/hasil").await;
    let page = CheckPage {
        browser: &s.browser,
    };
    page.wait_ready().await;
    // An unknown address is answered by the app with a page that helps.
    s.browser.open("/tidak/ada").await;
    let heading = s
        .browser
        .driver
        .query(By::Tag("h1"))
        .first()
        .await
        .expect("h1");
    assert_eq!(
        heading.text().await.expect("text"),
        "Halaman tidak ditemukan"
    );
    s.browser.screenshot("not-found").await;
    s.finish().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn fits_a_320_pixel_screen_with_errors_shown() {
    let s = Session::start("narrow_screen").await;
    s.browser.set_viewport_width(320).await;
    let page = CheckPage::open(&s.browser).await;
    let width: i64 = s.browser.script("return window.innerWidth").await;
    assert!(width <= 330, "viewport is {width} px wide");
    page.press_continue().await;
    page.error_summary().await;
    assert_eq!(
        s.browser.horizontal_overflow().await,
        0,
        "nothing scrolls sideways at 320 px"
    );
    s.browser.screenshot("320px-errors").await;
    page.fill(&VALID).await;
    page.press_continue().await;
    ResultPage::wait(&s.browser).await;
    assert_eq!(
        s.browser.horizontal_overflow().await,
        0,
        "the result fits at 320 px"
    );
    s.browser.screenshot("320px-result").await;
    s.finish().await;
}
