//! The app shell's texts about the network and the device: the offline banner, the new version,
//! the pages that need the internet, storage. Kept apart from `texts.rs` so offline work does
//! not collide with the screens' texts.

use klaim_core::Lang;

use super::{I18n, use_i18n};

pub struct ShellTexts {
    pub offline: &'static str,
    /// "Data terakhir diperbarui: Hari ini pukul 14.05 WIB."
    pub data_from: fn(&str) -> String,
    pub update_available: &'static str,
    pub update_button: &'static str,
    pub needs_internet_title: &'static str,
    pub needs_internet_body: &'static str,
    pub still_works_heading: &'static str,
    pub still_works_claim: &'static str,
    pub still_works_status: &'static str,
    pub prepare_claim_link: &'static str,
    pub my_claims_link: &'static str,
    pub check_again: &'static str,
    pub storage_low: &'static str,
    pub part_loading: &'static str,
    pub part_failed_title: &'static str,
    pub part_failed_body: &'static str,
    pub part_retry: &'static str,
}

impl ShellTexts {
    pub fn of(lang: Lang) -> &'static ShellTexts {
        lang.pick(&ID, &EN)
    }
}

impl I18n {
    /// The shell texts in the current language (reactive, like [`I18n::t`]).
    pub fn shell(&self) -> &'static ShellTexts {
        ShellTexts::of(self.lang())
    }
}

/// [`super::tr`] for the shell texts.
pub fn tr_shell(
    pick: fn(&'static ShellTexts) -> &'static str,
) -> impl Fn() -> &'static str + Copy + 'static {
    let i18n = use_i18n();
    move || pick(i18n.shell())
}

static ID: ShellTexts = ShellTexts {
    offline: "Anda sedang offline. Klaim akan dikirim saat tersambung.",
    data_from: |moment| format!("Data yang tampil adalah data terakhir yang diketahui: {moment}."),
    update_available: "Versi baru tersedia — muat ulang untuk memakainya. Jawaban Anda tetap tersimpan.",
    update_button: "Muat ulang",
    needs_internet_title: "Halaman ini perlu internet",
    needs_internet_body: "Anda sedang offline. Halaman ini baru bisa dipakai saat perangkat Anda tersambung lagi.",
    still_works_heading: "Yang tetap bisa dilakukan tanpa internet:",
    still_works_claim: "menyiapkan klaim — jawaban Anda disimpan di perangkat ini dan dikirim saat tersambung;",
    still_works_status: "melihat status klaim terakhir yang diketahui di Klaim saya.",
    prepare_claim_link: "Siapkan klaim",
    my_claims_link: "Klaim saya",
    check_again: "Periksa sambungan lagi",
    storage_low: "Ruang penyimpanan di perangkat ini hampir penuh, jadi jawaban dan dokumen mungkin tidak bisa disimpan. Hapus foto atau aplikasi yang tidak dipakai agar ada ruang.",
    part_loading: "Memuat halaman…",
    part_failed_title: "Halaman ini belum dapat dimuat",
    part_failed_body: "Sambungan terputus saat halaman ini diunduh. Jawaban dan dokumen Anda tetap tersimpan di perangkat ini. Periksa sambungan internet Anda, lalu coba lagi. Butuh bantuan? Hubungi BPJS Ketenagakerjaan di 175.",
    part_retry: "Coba lagi",
};

static EN: ShellTexts = ShellTexts {
    offline: "You are offline. Your claim will be sent when you are connected.",
    data_from: |moment| format!("What you see is the last known data: {moment}."),
    update_available: "A new version is available — reload to use it. Your answers stay saved.",
    update_button: "Reload",
    needs_internet_title: "This page needs the internet",
    needs_internet_body: "You are offline. This page can be used again once your device is connected.",
    still_works_heading: "What still works without the internet:",
    still_works_claim: "preparing a claim — your answers are saved on this device and sent when you are connected;",
    still_works_status: "reading the last known status of your claims in My claims.",
    prepare_claim_link: "Prepare a claim",
    my_claims_link: "My claims",
    check_again: "Check the connection again",
    storage_low: "This device is almost out of storage, so answers and documents may not be saved. Remove photos or apps you do not use to make room.",
    part_loading: "Loading the page…",
    part_failed_title: "This page could not be loaded yet",
    part_failed_body: "The connection broke while this page was downloading. Your answers and documents are still saved on this device. Check your internet connection, then try again. Need help? Call BPJS Ketenagakerjaan on 175.",
    part_retry: "Try again",
};
