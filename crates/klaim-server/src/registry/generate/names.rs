//! Naming traditions across Indonesia for synthetic people: where they are common (province
//! codes of the NIK), given names for men and women, and second or family names. Weights follow
//! roughly the share of the workforce. Famous full names are avoided on purpose.

pub struct Tradition {
    pub weight: u64,
    pub provinces: &'static [u8],
    pub male: &'static [&'static str],
    pub female: &'static [&'static str],
    pub male_last: &'static [&'static str],
    pub female_last: &'static [&'static str],
    /// A family (clan) name is always written (Batak, Minahasa, Maluku…); otherwise the second
    /// name is sometimes left out, as many Javanese go by one name.
    pub family_name: bool,
    /// Balinese: "I"/"Ni", then the birth-order name (the `male`/`female` lists), then the name.
    pub balinese: bool,
}

const fn t(
    weight: u64,
    provinces: &'static [u8],
    names: [&'static [&'static str]; 4],
    family_name: bool,
) -> Tradition {
    Tradition {
        weight,
        provinces,
        male: names[0],
        female: names[1],
        male_last: names[2],
        female_last: names[3],
        family_name,
        balinese: false,
    }
}

#[rustfmt::skip]
const BATAK: &[&str] = &[
    "Simanjuntak", "Siregar", "Nasution", "Hutapea", "Sinaga", "Lubis", "Harahap", "Pardede",
    "Situmorang", "Sitorus", "Tampubolon", "Panjaitan", "Manurung", "Simatupang", "Napitupulu",
    "Silalahi", "Pasaribu", "Hutagalung", "Sihombing", "Marpaung", "Gultom", "Tambunan",
];
#[rustfmt::skip]
const MINANG: &[&str] = &[
    "Chaniago", "Piliang", "Koto", "Tanjung", "Sikumbang", "Jambak", "Guci", "Melayu", "Bendang",
];
#[rustfmt::skip]
const MINAHASA: &[&str] = &[
    "Wowor", "Lumentut", "Rondonuwu", "Pangemanan", "Sondakh", "Tumbelaka", "Mandagi", "Rumengan",
    "Kalangi", "Wuisan", "Tumewu", "Supit", "Lengkong", "Sumual", "Rompas", "Pelealu",
];
#[rustfmt::skip]
const MALUKU: &[&str] = &[
    "Latuconsina", "Pattiasina", "Sahetapy", "Tuhumury", "Pattinama", "Leiwakabessy", "Siahaya",
    "Tuanakotta", "Wattimena", "Sahertian", "Ralahalu", "Pelupessy", "Manuhutu", "Lekatompessy",
];
#[rustfmt::skip]
const NTT: &[&str] = &[
    "Fernandez", "da Silva", "Bria", "Kolo", "Nahak", "Seran", "Tefa", "Benu", "Nope", "Lake",
    "Manek", "Ndun", "Fanggidae", "Pah", "Lay", "Ratu",
];
#[rustfmt::skip]
const PAPUA: &[&str] = &[
    "Wenda", "Kogoya", "Rumbiak", "Mandowen", "Wanggai", "Karubaba", "Yoku", "Ayomi", "Murib",
    "Tabuni", "Wonda", "Kambu", "Mote", "Pigai", "Degei", "Rumaropen",
];
#[rustfmt::skip]
const DAYAK: &[&str] = &[
    "Tingang", "Bungai", "Ngabut", "Lambung", "Djaya", "Ahen", "Ibau", "Ajang", "Lahang", "Usat",
];
#[rustfmt::skip]
const BUGIS: &[&str] = &[
    "Rahman", "Mappaseng", "Pallawa", "Tahir", "Kadir", "Latif", "Palaguna", "Sanusi", "Hamid",
    "Djafar", "Saleh", "Syam", "Mustari", "Makkawaru", "Patunru",
];
#[rustfmt::skip]
const CHINESE: &[&str] = &[
    "Wijaya", "Gunawan", "Halim", "Tanuwijaya", "Salim", "Hartono", "Setiadi", "Widjaja", "Kusuma",
    "Tjandra", "Sutanto", "Gozali", "Lim", "Tan", "Susanto", "Hermanto",
];
#[rustfmt::skip]
const ARAB: &[&str] = &[
    "Alatas", "Assegaf", "Shahab", "Alaydrus", "Alhabsyi", "Bahasuan", "Bafadal", "Basalamah",
    "Bawazier", "Alkaff",
];

#[rustfmt::skip]
pub const TRADITIONS: &[Tradition] = &[
    // Jawa
    t(35, &[33, 34, 35], [
        &[
            "Budi", "Agus", "Joko", "Bambang", "Slamet", "Eko", "Heru", "Wahyu", "Teguh", "Sigit",
            "Yudi", "Bayu", "Dimas", "Fajar", "Gilang", "Rizky", "Danang", "Hadi", "Aris", "Anton",
            "Sugeng", "Purwanto", "Sutrisno", "Wawan",
        ],
        &[
            "Sri", "Siti", "Dewi", "Endang", "Wulan", "Ratna", "Indah", "Rini", "Yuni", "Tri",
            "Anik", "Ning", "Puji", "Sulastri", "Suharti", "Sumarni", "Dian", "Fitri", "Retno",
            "Kartini",
        ],
        &[
            "Santoso", "Wibowo", "Prasetyo", "Susilo", "Hartono", "Setiawan", "Nugroho", "Saputra",
            "Purnomo", "Hidayat", "Wahyudi", "Utomo", "Suryono", "Kurniawan", "Firmansyah",
            "Pratama", "Gunawan", "Sulistyo",
        ],
        &[
            "Lestari", "Wulandari", "Rahayu", "Handayani", "Astuti", "Puspitasari", "Maharani",
            "Pratiwi", "Rahmawati", "Susanti", "Kusumawati", "Wahyuni", "Setyaningsih",
            "Purwaningsih", "Utami", "Anggraini", "Safitri", "Permatasari",
        ],
    ], false),
    // Sunda
    t(15, &[32, 36], [
        &[
            "Asep", "Ujang", "Cecep", "Dede", "Yayan", "Ade", "Dadang", "Deden", "Iwan", "Hendra",
            "Rahmat", "Encep", "Jajang", "Engkus", "Oman", "Ridwan",
        ],
        &[
            "Euis", "Neng", "Iis", "Enok", "Imas", "Cucu", "Rina", "Yanti", "Lilis", "Nining",
            "Elis", "Tati", "Entin", "Nenden", "Popon",
        ],
        &[
            "Sunarya", "Sopandi", "Suryana", "Permana", "Kusnadi", "Supriatna", "Ruhiyat",
            "Mulyana", "Saepudin", "Komarudin", "Hermawan", "Rustandi", "Sukmana", "Nugraha",
        ],
        &[
            "Kurniasih", "Rosmiati", "Suryani", "Marlina", "Komariah", "Nurjanah", "Sumiati",
            "Rohayati", "Juariah", "Mulyani", "Nurlela", "Hasanah", "Kusmiati",
        ],
    ], false),
    // Jakarta
    t(8, &[31], [
        &[
            "Ahmad", "Rudi", "Andi", "Rizky", "Irwan", "Dedi", "Fahmi", "Arief", "Doni", "Yusuf",
            "Reza", "Bagus",
        ],
        &[
            "Nurul", "Ayu", "Putri", "Sari", "Maya", "Lia", "Anisa", "Dina", "Mega", "Citra",
            "Nadia", "Rizka",
        ],
        &[
            "Saputra", "Hidayat", "Firmansyah", "Ramadhan", "Kurniawan", "Pratama", "Syahputra",
            "Maulana", "Nugraha", "Setiawan",
        ],
        &[
            "Putri", "Sari", "Lestari", "Permata", "Anggraini", "Safitri", "Amelia", "Oktaviani",
            "Rahmawati", "Maharani",
        ],
    ], false),
    // Batak
    t(5, &[12], [
        &[
            "Tigor", "Parulian", "Bonar", "Hotman", "Poltak", "Sahat", "Marihot", "Togar",
            "Jonathan", "Daniel", "Samuel", "Robert", "Martin", "Benny", "Rudolf", "Herbert",
        ],
        &[
            "Rosmawati", "Tiurma", "Romauli", "Lasma", "Nurmala", "Debora", "Maria", "Sarah",
            "Rotua", "Hotmaida", "Lamria", "Rosdiana", "Erna", "Dameria",
        ],
        BATAK,
        BATAK,
    ], true),
    // Minangkabau
    t(4, &[13, 14], [
        &[
            "Rizal", "Syafrizal", "Yusrizal", "Zulkifli", "Afrizal", "Hendri", "Irwan", "Fadli",
            "Arif", "Yuliandri", "Fauzi", "Rahmat",
        ],
        &[
            "Yusnimar", "Nurhasanah", "Fitri", "Rahmi", "Yenni", "Elfi", "Desi", "Rosnida", "Yulia",
            "Novi", "Zuraida", "Nelly",
        ],
        MINANG,
        MINANG,
    ], true),
    // Aceh dan Melayu
    t(8, &[11, 14, 15, 16, 17, 18, 19, 21, 75], [
        &[
            "Muhammad", "Ahmad", "Zulfikar", "Fauzan", "Iskandar", "Syahrul", "Taufik", "Munawar",
            "Hasbi", "Irfan", "Rahmadi", "Yusuf", "Safrizal", "Khairul",
        ],
        &[
            "Nurul", "Rahmah", "Aisyah", "Fatimah", "Safriani", "Zahra", "Mawaddah", "Nurlaila",
            "Rosmaini", "Yusniar", "Rafika", "Husna", "Khairunnisa",
        ],
        &[
            "Ibrahim", "Hasan", "Abdullah", "Ismail", "Syahputra", "Ramadhan", "Hamzah", "Usman",
            "Sulaiman", "Daud", "Basri", "Rasyid",
        ],
        &[
            "Hasanah", "Yunita", "Ramadhani", "Wati", "Fitriani", "Sari", "Maulida", "Rahmawati",
            "Zuraida", "Amalia",
        ],
    ], false),
    // Bali
    Tradition {
        weight: 3,
        provinces: &[51],
        male: &[
            "Wayan", "Made", "Nyoman", "Ketut", "Putu", "Gede", "Kadek", "Komang",
        ],
        female: &[
            "Wayan", "Made", "Nyoman", "Ketut", "Putu", "Kadek", "Luh", "Komang",
        ],
        male_last: &[
            "Sudarsana", "Suardana", "Arsana", "Wirawan", "Adnyana", "Suparta", "Mertayasa",
            "Sukadana", "Darmawan", "Budiarta", "Astawa", "Sedana",
        ],
        female_last: &[
            "Sukerti", "Suarni", "Ariani", "Astiti", "Sriyani", "Widiastuti", "Purnamasari",
            "Ayu Lestari", "Wulandari", "Sutarini", "Rai Artini",
        ],
        family_name: true,
        balinese: true,
    },
    // Sasak dan Sumbawa
    t(2, &[52], [
        &[
            "Zainuddin", "Saparudin", "Hamzan", "Sahnan", "Jumarim", "Mustiadi", "Sukardi",
            "Lalu Sahrul", "Lalu Hasbi", "Ahmad Zaki",
        ],
        &[
            "Baiq Nurul", "Baiq Rina", "Sumiatun", "Nurhidayah", "Marhamah", "Rabiatul", "Baiq Sri",
            "Nurhasanah", "Sartini",
        ],
        &[
            "Hidayat", "Hamdi", "Fauzi", "Azhari", "Mahsun", "Sahri", "Rahman", "Ilham",
        ],
        &[
            "Hidayati", "Hamdiah", "Fauziah", "Azizah", "Mahsunah", "Rahmi", "Wahyuni", "Jannah",
        ],
    ], false),
    // Nusa Tenggara Timur
    t(3, &[53], [
        &[
            "Yohanes", "Fransiskus", "Agustinus", "Kornelis", "Aloysius", "Yosef", "Stefanus",
            "Markus", "Antonius", "Paulus", "Yakobus", "Blasius",
        ],
        &[
            "Maria", "Yuliana", "Theresia", "Agnes", "Veronika", "Bernadeta", "Katarina",
            "Florentina", "Yasinta", "Margareta", "Oktaviana", "Emerensiana",
        ],
        NTT,
        NTT,
    ], true),
    // Banjar
    t(2, &[63, 64], [
        &[
            "Rusdi", "Saberan", "Mahyudin", "Fahrurrazi", "Rahmadi", "Gazali", "Noorhadi",
            "Syahrani", "Masrani",
        ],
        &[
            "Noorhayati", "Rusmini", "Mahliani", "Rabiatul", "Halimah", "Salasiah", "Norhasanah",
            "Masliani",
        ],
        &[
            "Noor", "Rahman", "Arsyad", "Jamhari", "Syarifuddin", "Hidayat",
        ],
            &["Noor", "Rahmah", "Aini", "Jamilah", "Hidayah", "Sari"],
    ], false),
    // Dayak
    t(2, &[61, 62, 65], [
        &[
            "Yansen", "Kristian", "Deddy", "Albertus", "Yulius", "Sabran", "Agustinus", "Anyang",
            "Ugan", "Lukas",
        ],
        &[
            "Yuliana", "Debora", "Natalia", "Elisabet", "Yanti", "Rosalina", "Lusia", "Sindy",
            "Martha", "Veronika",
        ],
        DAYAK,
        DAYAK,
    ], true),
    // Bugis dan Makassar
    t(4, &[72, 73, 74, 76], [
        &[
            "Andi", "Syamsul", "Amiruddin", "Jufri", "Hasanuddin", "Irfan", "Nasrullah",
            "Baharuddin", "Ilham", "Syarifuddin", "Rusdi", "Ansar",
        ],
        &[
            "Hasnah", "Sitti", "Ramlah", "Masita", "Sulfiani", "Nurhaedah", "Hasmawati", "Irmawati",
            "Besse", "Rosdiana", "Kartini",
        ],
        BUGIS,
        BUGIS,
    ], false),
    // Minahasa
    t(2, &[71], [
        &[
            "Johny", "Frans", "Stevanus", "Alfred", "Ricky", "Marthen", "Jefry", "Vicky", "Rendy",
            "Hendrik", "Novri", "Fendy",
        ],
        &[
            "Meiske", "Olvie", "Grace", "Stella", "Jeane", "Feybe", "Novita", "Lenny", "Vonny",
            "Marlin", "Christin", "Yulin",
        ],
        MINAHASA,
        MINAHASA,
    ], true),
    // Maluku
    t(2, &[81, 82], [
        &[
            "Yohanis", "Izaak", "Hendrik", "Abraham", "Petrus", "Marthin", "Semuel", "Jacob",
            "Dominggus", "Ruben", "Frederik",
        ],
        &[
            "Yohana", "Maria", "Magdalena", "Ester", "Agustina", "Yuliana", "Helena", "Sara",
            "Paulina", "Christina", "Welhelmina", "Ribka",
        ],
        MALUKU,
        MALUKU,
    ], true),
    // Papua
    t(2, &[91, 92, 93, 94, 95, 96], [
        &[
            "Yohanes", "Markus", "Yakob", "Niko", "Frans", "Elias", "Lukas", "Otis", "Yance",
            "Demianus", "Benny", "Hans",
        ],
        &[
            "Maria", "Yosina", "Martha", "Ribka", "Naomi", "Selfina", "Yuliana", "Elsina", "Dorkas",
            "Agustina", "Ester", "Debora",
        ],
        PAPUA,
        PAPUA,
    ], true),
    // Tionghoa
    t(3, &[31, 12, 61, 21], [
        &[
            "Hendra", "Budi", "Kevin", "Steven", "Michael", "William", "Johan", "Felix", "Vincent",
            "Andreas",
        ],
        &[
            "Lina", "Mei", "Lily", "Susan", "Jessica", "Cindy", "Veronica", "Angeline", "Stefani",
            "Melinda", "Yenny",
        ],
        CHINESE,
        CHINESE,
    ], true),
    // Arab
    t(1, &[31, 35], [
        &[
            "Muhammad", "Ahmad", "Husein", "Ali", "Umar", "Hasan", "Abdullah", "Salim", "Hamid",
            "Zein",
        ],
        &[
            "Fatimah", "Khadijah", "Syarifah", "Aisyah", "Nabila", "Zahra", "Salma", "Laila",
            "Sakinah", "Rugayah",
        ],
        ARAB,
        ARAB,
    ], true),
];

/// Employer names: `PT`/`CV`, two words, a trade. Made up; any likeness is chance.
#[rustfmt::skip]
pub const EMPLOYER_WORDS: &[&str] = &[
    "Sinar", "Abadi", "Jaya", "Maju", "Bersama", "Karya", "Nusantara", "Mandiri", "Sejahtera",
    "Makmur", "Sentosa", "Prima", "Mitra", "Cahaya", "Buana", "Persada", "Utama", "Lestari",
    "Gemilang", "Perkasa", "Samudra", "Tunas", "Harapan", "Bintang",
];
#[rustfmt::skip]
pub const EMPLOYER_TRADES: &[&str] = &[
    "Logistik", "Tekstil", "Garmen", "Konstruksi", "Elektronik", "Pangan", "Plastik", "Farmasi",
    "Otomotif", "Perkebunan", "Teknologi", "Ritel", "Kimia", "Percetakan", "Keramik",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_province_has_a_tradition_and_every_name_reads() {
        for province in klaim_core::Province::all() {
            assert!(
                TRADITIONS
                    .iter()
                    .any(|t| t.provinces.contains(&province.code())),
                "no names for {province}"
            );
        }
        let mut count = 0;
        for t in TRADITIONS {
            for name in t
                .male
                .iter()
                .chain(t.female)
                .chain(t.male_last)
                .chain(t.female_last)
            {
                assert!(klaim_core::PersonName::parse(name).is_ok(), "{name}");
                count += 1;
            }
        }
        assert!(count >= 300, "{count} names");
    }
}
