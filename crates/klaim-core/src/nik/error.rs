//! Why a NIK could not be read, told in both languages.

use crate::{Explain, Lang};

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{}", crate::message::display(self))]
pub enum NikError {
    Empty,
    /// Something other than digits, spaces, dots and dashes.
    NotDigits,
    /// Not 16 digits; `typed` is how many there were.
    Length {
        typed: usize,
    },
    /// The first two digits are not one of the 38 province codes.
    Province {
        code: u8,
    },
    /// Regency/city code 00 or 70 (01–69 kabupaten, 71–99 kota).
    Regency {
        code: u8,
    },
    /// District code 00.
    District,
    /// Day digits not 01–31 (men) or 41–71 (women).
    BirthDay {
        digits: u8,
    },
    BirthMonth {
        digits: u8,
    },
    /// Day and month do not exist in 19YY nor in 20YY (e.g. 30 Feb, or 29 Feb of a common year).
    BirthDateImpossible {
        day: u8,
        month: u8,
        year_2: u8,
    },
    /// Serial 0000; serials start at 0001.
    Serial,
}

impl Explain for NikError {
    fn code(&self) -> &'static str {
        match self {
            NikError::Empty => "nik.empty",
            NikError::NotDigits => "nik.not_digits",
            NikError::Length { .. } => "nik.length",
            NikError::Province { .. } => "nik.province",
            NikError::Regency { .. } => "nik.regency",
            NikError::District => "nik.district",
            NikError::BirthDay { .. } => "nik.birth_day",
            NikError::BirthMonth { .. } => "nik.birth_month",
            NikError::BirthDateImpossible { .. } => "nik.birth_date_impossible",
            NikError::Serial => "nik.serial",
        }
    }

    fn message(&self, lang: Lang) -> String {
        match self {
            NikError::Empty => lang.pick("Masukkan NIK Anda", "Enter your NIK").into(),
            NikError::NotDigits => lang.pick("NIK hanya berisi angka", "A NIK contains only digits").into(),
            NikError::Length { typed } => lang.pick(
                format!("NIK harus 16 angka; yang tertulis {typed} angka"),
                format!("A NIK must have 16 digits; this one has {typed}"),
            ),
            NikError::Province { code } => lang.pick(
                format!("Dua angka pertama NIK adalah kode provinsi; {code:02} bukan kode provinsi"),
                format!("The first two digits of a NIK are a province code; {code:02} is not one"),
            ),
            NikError::Regency { code } => lang.pick(
                format!("Angka ke-3 dan ke-4 NIK adalah kode kabupaten atau kota; {code:02} tidak dipakai"),
                format!("Digits 3 and 4 of a NIK are a regency or city code; {code:02} is not used"),
            ),
            NikError::District => lang
                .pick(
                    "Angka ke-5 dan ke-6 NIK adalah kode kecamatan; 00 tidak dipakai",
                    "Digits 5 and 6 of a NIK are a district code; 00 is not used",
                )
                .into(),
            NikError::BirthDay { digits } => lang.pick(
                format!(
                    "Angka ke-7 dan ke-8 NIK adalah tanggal lahir (01–31, atau 41–71 untuk perempuan); {digits:02} bukan tanggal"
                ),
                format!("Digits 7 and 8 of a NIK are the day of birth (01–31, or 41–71 for women); {digits:02} is not one"),
            ),
            NikError::BirthMonth { digits } => lang.pick(
                format!("Angka ke-9 dan ke-10 NIK adalah bulan lahir (01–12); {digits:02} bukan bulan"),
                format!("Digits 9 and 10 of a NIK are the month of birth (01–12); {digits:02} is not a month"),
            ),
            NikError::BirthDateImpossible { day, month, year_2 } => lang.pick(
                format!("Tanggal lahir di NIK ({day:02}-{month:02}-{year_2:02}) tidak ada di kalender"),
                format!("The date of birth in the NIK ({day:02}-{month:02}-{year_2:02}) is not on the calendar"),
            ),
            NikError::Serial => lang
                .pick("Empat angka terakhir NIK tidak boleh 0000", "The last four digits of a NIK cannot be 0000")
                .into(),
        }
    }

    fn hint(&self, lang: Lang) -> String {
        let (id, en) = match self {
            NikError::Empty => (
                "NIK ada di KTP dan Kartu Keluarga Anda: 16 angka di bawah nama provinsi",
                "The NIK is on your ID card (KTP) and family card (KK): 16 digits below the province name",
            ),
            NikError::NotDigits => (
                "Salin 16 angka NIK dari KTP Anda tanpa huruf",
                "Copy the 16 digits from your ID card (KTP), without letters",
            ),
            NikError::Length { typed } if *typed < 16 => (
                "Bandingkan dengan NIK di KTP Anda; mungkin ada angka yang terlewat",
                "Compare with the NIK on your ID card (KTP); a digit may be missing",
            ),
            NikError::Length { .. } => (
                "Bandingkan dengan NIK di KTP Anda; mungkin ada angka yang terketik dua kali",
                "Compare with the NIK on your ID card (KTP); a digit may have been typed twice",
            ),
            _ => (
                "Salin NIK persis seperti di KTP Anda. Jika KTP Anda memang bertuliskan NIK ini, hubungi Dukcapil setempat",
                "Copy the NIK exactly as on your ID card (KTP). If your KTP shows this very number, contact your local civil registry office (Dukcapil)",
            ),
        };
        lang.pick(id, en).to_owned()
    }
}
