//! Why the server refuses an account request that passed the form checks: the registry does not
//! know the person, a code is wrong or expired, the account exists already. Explained here so the
//! app and the API use the same codes and words.
//!
//! Privacy: a failed registration or sign-in never says which part did not match, except the one
//! case the issue asks for — NIK, KPJ and birth date match and only the name differs — because then
//! the person has shown they hold the KPJ card and must correct the name themselves.

use crate::{Explain, Lang};

/// How many minutes a one-time code stays valid.
pub const CODE_VALID_MINUTES: u32 = 10;
/// How many wrong tries a one-time code allows before a new one must be requested.
pub const CODE_MAX_TRIES: u32 = 5;

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{}", crate::message::display(self))]
pub enum AccountProblem {
    /// NIK, KPJ and birth date match a participant, the name does not.
    NameDiffers,
    /// Anything else did not match; deliberately not saying what.
    NotInRegistry,
    /// The person already has an account.
    AlreadyRegistered,
    /// The registry holds neither a mobile number nor an e-mail address for the person.
    NoContact,
    /// The chosen channel has no contact on file.
    ChannelUnavailable,
    /// The registration or reset was started too long ago (or never existed).
    Expired,
    /// A code must be requested before one can be entered.
    NoCodeSent,
    CodeWrong {
        tries_left: u32,
    },
    CodeExpired,
    CodeTriesUsed,
    /// Sign-in: unknown NIK/e-mail or wrong password, deliberately the same answer.
    LoginFailed,
    /// Too many attempts; the wait is in minutes, rounded up.
    TooManyAttempts {
        minutes: u32,
    },
}

impl AccountProblem {
    /// Every refusal once; those that carry a number (tries left, minutes) with zero.
    const ALL: [AccountProblem; 12] = [
        AccountProblem::NameDiffers,
        AccountProblem::NotInRegistry,
        AccountProblem::AlreadyRegistered,
        AccountProblem::NoContact,
        AccountProblem::ChannelUnavailable,
        AccountProblem::Expired,
        AccountProblem::NoCodeSent,
        AccountProblem::CodeWrong { tries_left: 0 },
        AccountProblem::CodeExpired,
        AccountProblem::CodeTriesUsed,
        AccountProblem::LoginFailed,
        AccountProblem::TooManyAttempts { minutes: 0 },
    ];

    /// The refusal an API error code stands for, so the app can show klaim-core's words for it.
    /// The number of a refusal that carries one comes back as zero: use the server's message then.
    pub fn from_code(code: &str) -> Option<AccountProblem> {
        AccountProblem::ALL.into_iter().find(|p| p.code() == code)
    }
}

impl Explain for AccountProblem {
    fn code(&self) -> &'static str {
        match self {
            AccountProblem::NameDiffers => "registration.name_differs",
            AccountProblem::NotInRegistry => "registration.not_found",
            AccountProblem::AlreadyRegistered => "registration.already_registered",
            AccountProblem::NoContact => "registration.no_contact",
            AccountProblem::ChannelUnavailable => "code.channel_unavailable",
            AccountProblem::Expired => "account.step_expired",
            AccountProblem::NoCodeSent => "code.not_sent",
            AccountProblem::CodeWrong { .. } => "code.wrong",
            AccountProblem::CodeExpired => "code.expired",
            AccountProblem::CodeTriesUsed => "code.tries_used",
            AccountProblem::LoginFailed => "login.failed",
            AccountProblem::TooManyAttempts { .. } => "api.rate_limited",
        }
    }

    fn message(&self, lang: Lang) -> String {
        match self {
            AccountProblem::NameDiffers => lang
                .pick(
                    "Nama tidak sama dengan nama yang terdaftar di BPJS Ketenagakerjaan",
                    "The name is not the same as the name registered with BPJS Ketenagakerjaan",
                )
                .into(),
            AccountProblem::NotInRegistry => lang
                .pick(
                    "Data ini tidak cocok dengan data peserta BPJS Ketenagakerjaan",
                    "These details do not match a BPJS Ketenagakerjaan participant",
                )
                .into(),
            AccountProblem::AlreadyRegistered => lang
                .pick(
                    "Anda sudah memiliki akun Klaim",
                    "You already have a Klaim account",
                )
                .into(),
            AccountProblem::NoContact => lang
                .pick(
                    "Belum ada nomor HP atau email Anda di data BPJS Ketenagakerjaan",
                    "BPJS Ketenagakerjaan has no mobile number or e-mail address for you",
                )
                .into(),
            AccountProblem::ChannelUnavailable => lang
                .pick(
                    "Kode tidak dapat dikirim ke pilihan ini",
                    "The code cannot be sent this way",
                )
                .into(),
            AccountProblem::Expired => lang
                .pick(
                    "Waktu untuk langkah ini sudah habis",
                    "The time for this step has run out",
                )
                .into(),
            AccountProblem::NoCodeSent => lang
                .pick(
                    "Minta kode verifikasi terlebih dahulu",
                    "Ask for a verification code first",
                )
                .into(),
            AccountProblem::CodeWrong { tries_left } => lang.pick(
                format!("Kode verifikasi tidak sesuai; sisa {tries_left} kali percobaan"),
                format!("The verification code does not match; {tries_left} tries left"),
            ),
            AccountProblem::CodeExpired => lang
                .pick(
                    "Kode verifikasi sudah tidak berlaku (berlaku 10 menit)",
                    "The verification code has expired (codes last 10 minutes)",
                )
                .into(),
            AccountProblem::CodeTriesUsed => lang
                .pick(
                    "Kode verifikasi salah 5 kali, jadi kode ini tidak dapat dipakai lagi",
                    "The verification code was wrong 5 times, so it can no longer be used",
                )
                .into(),
            AccountProblem::LoginFailed => lang
                .pick(
                    "NIK atau email dan kata sandi tidak cocok",
                    "The NIK or e-mail address and the password do not match",
                )
                .into(),
            AccountProblem::TooManyAttempts { minutes } => lang.pick(
                format!("Terlalu banyak percobaan. Coba lagi dalam {minutes} menit"),
                format!("Too many attempts. Try again in {minutes} minutes"),
            ),
        }
    }

    fn hint(&self, lang: Lang) -> String {
        match self {
            AccountProblem::NameDiffers => lang.pick(
                "Tulis nama lengkap persis seperti di kartu KPJ atau KTP Anda, tanpa gelar",
                "Write your full name exactly as on your KPJ card or KTP, without titles",
            ),
            AccountProblem::NotInRegistry => lang.pick(
                "Periksa NIK, nomor KPJ, tanggal lahir, dan nama pada kartu KPJ dan KTP Anda. \
                 Jika data KTP Anda baru berubah, pastikan data kependudukan (Dukcapil) sudah \
                 diperbarui. Butuh bantuan? Hubungi call center BPJS Ketenagakerjaan di 175",
                "Check the NIK, KPJ number, birth date and name on your KPJ card and KTP. If your \
                 KTP details changed recently, make sure the civil registry (Dukcapil) has been \
                 updated. Need help? Call the BPJS Ketenagakerjaan call centre on 175",
            ),
            AccountProblem::AlreadyRegistered => lang.pick(
                "Masuk dengan NIK dan kata sandi Anda, atau pilih \"Lupa kata sandi\"",
                "Sign in with your NIK and password, or choose \"Forgot password\"",
            ),
            AccountProblem::NoContact => lang.pick(
                "Minta HRD perusahaan atau kantor cabang BPJS Ketenagakerjaan mencatat nomor HP \
                 Anda, atau hubungi call center 175",
                "Ask your employer's HR or a BPJS Ketenagakerjaan branch office to record your \
                 mobile number, or call the call centre on 175",
            ),
            AccountProblem::ChannelUnavailable => lang.pick(
                "Pilih salah satu tujuan yang ditampilkan",
                "Choose one of the destinations shown",
            ),
            AccountProblem::Expired => lang.pick(
                "Mulai lagi dari awal; data yang sudah Anda isi tidak tersimpan",
                "Start again from the beginning; what you entered was not kept",
            ),
            AccountProblem::NoCodeSent
            | AccountProblem::CodeExpired
            | AccountProblem::CodeTriesUsed => lang.pick(
                "Pilih \"Kirim kode baru\" untuk mendapat kode yang baru",
                "Choose \"Send a new code\" to get a new one",
            ),
            AccountProblem::CodeWrong { .. } => lang.pick(
                "Pakai kode di SMS atau email terakhir dari Klaim",
                "Use the code in the latest SMS or e-mail from Klaim",
            ),
            AccountProblem::LoginFailed => lang.pick(
                "Periksa NIK atau email dan kata sandi Anda. Lupa kata sandi? Pilih \"Lupa kata \
                 sandi\"",
                "Check your NIK or e-mail address and your password. Forgot it? Choose \"Forgot \
                 password\"",
            ),
            AccountProblem::TooManyAttempts { .. } => lang.pick(
                "Ini untuk melindungi akun Anda. Butuh bantuan? Hubungi call center 175",
                "This protects your account. Need help? Call the call centre on 175",
            ),
        }
        .into()
    }
}
