//! The personas' data: who they are and what happened to them, relative to `today`.

use klaim_core::{Bank, Date, Sex};

use super::date;
use crate::registry::generate::Job;
use crate::registry::model::{EndReason, Membership, Nationality, Relation};

pub(super) struct Spec {
    pub nik: &'static str,
    pub name: &'static str,
    pub birth: &'static str,
    pub sex: Sex,
    pub nationality: Nationality,
    pub jkn: bool,
    pub phone: &'static str,
    pub email: &'static str,
    pub kpjs: &'static [(&'static str, Option<u64>)],
    pub jobs: Vec<Job>,
    pub deceased_on: Option<Date>,
    pub bank: (Bank, &'static str, &'static str),
    pub family: &'static [(Relation, &'static str, &'static str, &'static str)],
}

pub(super) fn specs(today: Date) -> Vec<Spec> {
    let ago = |days: i32| today.add_days(-days).unwrap_or(today);
    let job = |kpj, employer: &str, start: &str, end: Option<(Date, EndReason)>, wage, jkp| {
        let membership = if end.is_some() {
            Membership::NonActive
        } else {
            Membership::Active
        };
        Job {
            kpj,
            employer: employer.to_owned(),
            start: date(start),
            end,
            membership,
            wage,
            jkp,
        }
    };
    use EndReason::*;
    use Nationality::*;
    use Sex::*;
    let person = |nik, name, birth, sex, phone, email, kpjs, jobs, bank| Spec {
        nik,
        name,
        birth,
        sex,
        nationality: Wni,
        jkn: true,
        phone,
        email,
        kpjs,
        jobs,
        deceased_on: None,
        bank,
        family: &[],
    };
    let mut agus = person(
        "3578120309889002",
        "Agus Prasetyo",
        "1988-09-03",
        Male,
        "085712340002",
        "agus.prasetyo@example.com",
        &[("99020000002", Some(28_900_000))],
        vec![job(
            0,
            "PT Karya Nusantara Logistik",
            "2014-05-12",
            Some((ago(6), Resigned)),
            6_100_000,
            true,
        )],
        (Bank::Bri, "002301000123505", "AGUS PRASETYO"),
    );
    agus.jobs[0].membership = Membership::Active;
    let mut siti = person(
        "3204154811939004",
        "Siti Komariah",
        "1993-11-08",
        Female,
        "081322340004",
        "siti.komariah@example.net",
        &[("99040000004", None)],
        vec![job(
            0,
            "CV Tunas Harapan Garmen",
            "2021-09-06",
            Some((ago(40), Dismissed)),
            4_200_000,
            false,
        )],
        (Bank::Bri, "002101009876503", "SITI KOMARIAH"),
    );
    siti.jkn = false;
    let mut asep = person(
        "3205082506879009",
        "Asep Sunarya",
        "1987-06-25",
        Male,
        "082112340009",
        "",
        &[("99090000009", None)],
        vec![job(
            0,
            "CV Maju Bersama Keramik",
            "2017-10-02",
            Some((ago(62), Resigned)),
            4_000_000,
            true,
        )],
        (Bank::Bni, "0987654321", "EUIS KURNIASIH"),
    );
    asep.family = &[
        (
            Relation::Spouse,
            "Euis Kurniasih",
            "3205085003909101",
            "1990-03-10",
        ),
        (
            Relation::Child,
            "Rizky Permana",
            "3205080107159102",
            "2015-07-01",
        ),
    ];
    let mut ridwan = person(
        "7371111708759010",
        "Muhammad Ridwan",
        "1975-08-17",
        Male,
        "085242340010",
        "m.ridwan@example.org",
        &[("99100000010", Some(64_200_000))],
        vec![job(
            0,
            "PT Harapan Samudra Logistik",
            "2006-02-01",
            Some((ago(20), Died)),
            5_600_000,
            true,
        )],
        (Bank::Mandiri, "1520012345670", "MUHAMMAD RIDWAN"),
    );
    ridwan.deceased_on = Some(ago(20));
    ridwan.family = &[
        (Relation::Spouse, "Hasnah", "7371114504789101", "1978-04-05"),
        (
            Relation::Child,
            "Fikri Ramadhan",
            "7371111210049102",
            "2004-10-12",
        ),
        (
            Relation::Child,
            "Nur Aisyah",
            "7371116301129103",
            "2012-01-23",
        ),
        (
            Relation::Parent,
            "Sitti Ramlah",
            "7371114106509104",
            "1950-06-01",
        ),
    ];
    let mut kenji = person(
        "3174023005849011",
        "Kenji Watanabe",
        "1984-05-30",
        Male,
        "081122340011",
        "kenji.watanabe@example.com",
        &[("99110000011", Some(118_300_000))],
        vec![job(
            0,
            "PT Teknologi Nusantara Prima",
            "2018-04-02",
            Some((ago(45), Resigned)),
            28_000_000,
            false,
        )],
        (Bank::CimbNiaga, "7060123456789", "KENJI WATANABE"),
    );
    kenji.nationality = Wna;
    // Ridwan's widow: a participant of her own (she registers and claims as his heir).
    let hasnah = person(
        "7371114504789101",
        "Hasnah",
        "1978-04-05",
        Female,
        "085242349101",
        "hasnah@example.org",
        &[("99130000013", Some(3_150_000))],
        vec![job(
            0,
            "CV Berkah Kue Makassar",
            "2021-03-01",
            None,
            2_900_000,
            true,
        )],
        (Bank::Bri, "002501009101507", "HASNAH"),
    );
    vec![
        person(
            "3374055205919001",
            "Rina Wulandari",
            "1991-05-12",
            Female,
            "081234560001",
            "rina.wulandari@example.com",
            &[("99010000001", Some(12_350_000))],
            vec![job(
                0,
                "PT Sinar Abadi Tekstil",
                "2016-02-01",
                Some((ago(95), Resigned)),
                5_200_000,
                true,
            )],
            (Bank::Bca, "8031234567", "RINA WULANDARI"),
        ),
        agus,
        person(
            "1271102101909003",
            "Hendra Sitorus",
            "1990-01-21",
            Male,
            "081262340003",
            "hendra.sitorus@example.com",
            &[("99030000003", None)],
            vec![job(
                0,
                "PT Samudra Perkasa Elektronik",
                "2019-08-01",
                Some((ago(14), Dismissed)),
                6_500_000,
                true,
            )],
            (Bank::Mandiri, "1370012345678", "HENDRA SITORUS"),
        ),
        siti,
        person(
            "3471030204669005",
            "Bambang Suryono",
            "1966-04-02",
            Male,
            "081392340005",
            "",
            &[("99050000005", Some(145_600_000))],
            vec![job(
                0,
                "PT Buana Persada Percetakan",
                "2001-03-01",
                Some((ago(60), Retired)),
                7_800_000,
                false,
            )],
            (Bank::Bni, "0123456789", "BAMBANG SURYONO"),
        ),
        person(
            "5371041907859006",
            "Yohanes Fernandez",
            "1985-07-19",
            Male,
            "085239340006",
            "yohanes.fernandez@example.net",
            &[
                ("99060000006", Some(9_800_000)),
                ("99060000016", Some(21_500_000)),
                ("99060000026", Some(14_200_000)),
            ],
            vec![
                job(
                    0,
                    "CV Cahaya Timur Ritel",
                    "2008-03-03",
                    Some((date("2013-01-31"), Resigned)),
                    3_100_000,
                    false,
                ),
                job(
                    1,
                    "PT Mitra Lestari Konstruksi",
                    "2013-03-01",
                    Some((date("2019-06-30"), ContractEnded)),
                    4_600_000,
                    false,
                ),
                job(
                    2,
                    "PT Gemilang Utama Pangan",
                    "2019-08-05",
                    None,
                    5_900_000,
                    true,
                ),
            ],
            (Bank::Bri, "002601001234509", "YOHANES FERNANDEZ"),
        ),
        person(
            "5171023012829007",
            "I Made Suardana",
            "1982-12-30",
            Male,
            "081338340007",
            "made.suardana@example.com",
            &[("99070000007", None)],
            vec![job(
                0,
                "PT Bintang Prima Pariwisata",
                "2012-04-02",
                None,
                7_200_000,
                true,
            )],
            (Bank::Bsi, "7123456789", "I MADE SUARDANA"),
        ),
        person(
            "7171061402799008",
            "Stevanus Rondonuwu",
            "1979-02-14",
            Male,
            "085298340008",
            "stevanus.r@example.org",
            &[("99080000008", Some(87_450_000))],
            vec![job(
                0,
                "PT Sentosa Makmur Perkebunan",
                "2005-01-03",
                Some((ago(50), Resigned)),
                9_500_000,
                true,
            )],
            (Bank::Bca, "7650012345", "STEVANUS RONDONUWU"),
        ),
        asep,
        ridwan,
        kenji,
        person(
            "3175076902969012",
            "Putri Maharani",
            "1996-02-29",
            Female,
            "089612340012",
            "putri.maharani@example.com",
            &[("99120000012", None)],
            vec![job(
                0,
                "PT Prima Jaya Ritel",
                "2024-12-02",
                Some((ago(10), ContractEnded)),
                5_500_000,
                true,
            )],
            (Bank::Btn, "1002345678901234", "PUTRI MAHARANI"),
        ),
        hasnah,
    ]
}
