//! Why a document cannot be accepted, told in both languages with what to do instead.

use super::{DocumentError, MAX_DOCUMENT_BYTES, MIN_IMAGE_LONG_SIDE, MIN_IMAGE_SHORT_SIDE};
use crate::document::Detected;
use crate::message::{Explain, Lang};

const ACCEPTED: (&str, &str) = (
    "Jenis yang diterima: JPG, PNG, BMP atau PDF, paling besar 6 MB.",
    "Accepted types: JPG, PNG, BMP or PDF, at most 6 MB.",
);

/// Megabytes with one decimal, rounded up so a file just over the limit never reads "6 MB".
fn megabytes(bytes: u64, lang: Lang) -> String {
    let tenths = bytes.saturating_mul(10).div_ceil(1024 * 1024);
    let (whole, tenth) = (tenths / 10, tenths % 10);
    if tenth == 0 {
        whole.to_string()
    } else {
        format!("{whole}{}{tenth}", lang.pick(",", "."))
    }
}

fn limit_mb() -> u64 {
    MAX_DOCUMENT_BYTES / (1024 * 1024)
}

impl Explain for DocumentError {
    fn code(&self) -> &'static str {
        match self {
            DocumentError::Empty => "document.empty",
            DocumentError::TooLarge { .. } => "document.too_large",
            DocumentError::UnsupportedType { .. } => "document.unsupported_type",
            DocumentError::Truncated => "document.truncated",
            DocumentError::Corrupt => "document.corrupt",
            DocumentError::EncryptedPdf => "document.encrypted_pdf",
            DocumentError::ImageTooSmall { .. } => "document.image_too_small",
            DocumentError::Polyglot => "document.polyglot",
            DocumentError::TrailingData => "document.trailing_data",
        }
    }

    fn message(&self, lang: Lang) -> String {
        match self {
            DocumentError::Empty => lang
                .pick("File ini kosong (0 byte)", "This file is empty (0 bytes)")
                .into(),
            DocumentError::TooLarge { bytes } => {
                let size = megabytes(*bytes, lang);
                let limit = limit_mb();
                lang.pick(
                    format!("File ini {size} MB; ukuran file paling besar {limit} MB"),
                    format!("This file is {size} MB; a file can be at most {limit} MB"),
                )
            }
            DocumentError::UnsupportedType { found } => unsupported(*found, lang).into(),
            DocumentError::Truncated => lang
                .pick(
                    "File ini tidak lengkap: bagian akhirnya terpotong",
                    "This file is incomplete: its end is missing",
                )
                .into(),
            DocumentError::Corrupt => lang
                .pick(
                    "Isi file ini rusak, sehingga tidak bisa dibuka sebagai foto atau PDF",
                    "This file is damaged, so it cannot be opened as a photo or PDF",
                )
                .into(),
            DocumentError::EncryptedPdf => lang
                .pick(
                    "PDF ini dikunci dengan kata sandi, sehingga petugas tidak bisa memeriksanya",
                    "This PDF is locked with a password, so officers cannot check it",
                )
                .into(),
            DocumentError::ImageTooSmall { width, height } => lang.pick(
                format!(
                    "Gambar ini hanya {width} × {height} piksel, terlalu kecil untuk dibaca; \
                     paling kecil {MIN_IMAGE_LONG_SIDE} × {MIN_IMAGE_SHORT_SIDE} piksel"
                ),
                format!(
                    "This image is only {width} × {height} pixels, too small to read; \
                     the minimum is {MIN_IMAGE_LONG_SIDE} × {MIN_IMAGE_SHORT_SIDE} pixels"
                ),
            ),
            DocumentError::Polyglot => lang
                .pick(
                    "File ini juga berisi arsip ZIP di dalamnya; demi keamanan, file seperti ini tidak diterima",
                    "This file also has a ZIP archive inside it; for safety, files like this are not accepted",
                )
                .into(),
            DocumentError::TrailingData => lang
                .pick(
                    "File ini berisi data tambahan setelah akhir gambarnya",
                    "This file has extra data after the end of its image",
                )
                .into(),
        }
    }

    fn hint(&self, lang: Lang) -> String {
        match self {
            DocumentError::Empty => lang
                .pick(
                    "Pilih file yang lain, atau ambil foto dokumennya lagi",
                    "Choose another file, or take a photo of the document again",
                )
                .into(),
            DocumentError::TooLarge { .. } => lang
                .pick(
                    "Untuk foto, ambil lagi dengan resolusi kamera yang lebih rendah. Untuk PDF hasil pindaian, pindai ulang dengan resolusi lebih rendah (150–200 dpi) atau hitam putih",
                    "For a photo, take it again at a lower camera resolution. For a scanned PDF, scan it again at a lower resolution (150–200 dpi) or in black and white",
                )
                .into(),
            DocumentError::UnsupportedType { found } => {
                let (id, en) = ACCEPTED;
                let what = unsupported_hint(*found, lang);
                lang.pick(format!("{what} {id}"), format!("{what} {en}"))
            }
            DocumentError::Truncated => lang
                .pick(
                    "Biasanya karena unduhan atau pengiriman terputus. Unduh atau simpan file itu lagi, lalu unggah ulang",
                    "This usually happens when a download or transfer was interrupted. Download or save the file again, then upload it again",
                )
                .into(),
            DocumentError::Corrupt => lang
                .pick(
                    "Coba buka file itu di ponsel atau komputer Anda. Jika tidak terbuka, ambil foto dokumennya lagi atau pindai ulang",
                    "Try opening the file on your phone or computer. If it does not open, take a photo of the document again or scan it again",
                )
                .into(),
            DocumentError::EncryptedPdf => lang
                .pick(
                    "Buka PDF-nya dengan kata sandinya, pilih Cetak, lalu simpan sebagai PDF baru (\"Simpan sebagai PDF\"): PDF baru itu tanpa kata sandi. Atau unggah foto dokumennya",
                    "Open the PDF with its password, choose Print, then save it as a new PDF (\"Save as PDF\"): the new PDF has no password. Or upload a photo of the document",
                )
                .into(),
            DocumentError::ImageTooSmall { .. } => lang
                .pick(
                    "Ambil foto lagi dari dekat, dengan dokumen memenuhi layar, dan unggah foto aslinya dari kamera (bukan tangkapan layar atau foto yang sudah diperkecil aplikasi chat)",
                    "Take the photo again up close, with the document filling the screen, and upload the original photo from the camera (not a screenshot or a photo made smaller by a chat app)",
                )
                .into(),
            DocumentError::Polyglot => lang
                .pick(
                    "Ambil foto dokumennya lagi, atau untuk PDF pilih Cetak lalu simpan sebagai PDF baru, dan unggah hasilnya",
                    "Take a photo of the document again, or for a PDF choose Print and save it as a new PDF, then upload the result",
                )
                .into(),
            DocumentError::TrailingData => lang
                .pick(
                    "Ini sering terjadi pada foto bergerak (Live atau Motion Photo) atau foto yang disunting. Simpan ulang sebagai foto JPG biasa, atau ambil foto lagi",
                    "This often happens with motion photos (Live or Motion Photo) or edited photos. Save it again as a plain JPG photo, or take the photo again",
                )
                .into(),
        }
    }
}

/// What the file is, in plain words.
fn unsupported(found: Detected, lang: Lang) -> &'static str {
    match found {
        Detected::Executable => lang.pick(
            "File ini adalah program (aplikasi), bukan foto atau PDF",
            "This file is a program (an application), not a photo or PDF",
        ),
        Detected::Archive => lang.pick(
            "File ini adalah arsip ZIP (atau RAR, 7z, GZ), bukan foto atau PDF",
            "This file is a ZIP archive (or RAR, 7z, GZ), not a photo or PDF",
        ),
        Detected::Html => lang.pick(
            "File ini adalah halaman web (HTML), bukan foto atau PDF",
            "This file is a web page (HTML), not a photo or PDF",
        ),
        Detected::Gif => lang.pick(
            "File ini adalah gambar GIF, jenis gambar yang tidak diterima",
            "This file is a GIF image, a kind of image that is not accepted",
        ),
        Detected::Webp => lang.pick(
            "File ini adalah gambar WebP, jenis gambar yang tidak diterima",
            "This file is a WebP image, a kind of image that is not accepted",
        ),
        Detected::Heic => lang.pick(
            "File ini adalah foto HEIC (format foto iPhone), jenis yang tidak diterima",
            "This file is a HEIC photo (the iPhone photo format), a kind that is not accepted",
        ),
        Detected::Unknown => lang.pick(
            "Jenis file ini tidak dikenali sebagai foto atau PDF",
            "This file is not recognised as a photo or PDF",
        ),
    }
}

fn unsupported_hint(found: Detected, lang: Lang) -> &'static str {
    match found {
        Detected::Executable => lang.pick(
            "Pilih file foto atau PDF dokumennya.",
            "Choose the photo or PDF of the document.",
        ),
        Detected::Archive => lang.pick(
            "Buka arsipnya dan unggah foto atau PDF di dalamnya satu per satu. Dokumen Word atau Excel juga termasuk jenis ini: simpan dulu sebagai PDF.",
            "Open the archive and upload the photo or PDF inside it, one at a time. Word and Excel documents are also this kind of file: save them as PDF first.",
        ),
        Detected::Html => lang.pick(
            "Biasanya ini terjadi saat unduhan gagal. Unduh dokumennya lagi dan pastikan yang tersimpan adalah file PDF.",
            "This usually happens when a download went wrong. Download the document again and check that the saved file is a PDF.",
        ),
        Detected::Gif | Detected::Webp => lang.pick(
            "Simpan gambarnya sebagai JPG, atau ambil foto dokumennya dengan kamera.",
            "Save the image as JPG, or take a photo of the document with the camera.",
        ),
        Detected::Heic => lang.pick(
            "Simpan fotonya sebagai JPG. Di iPhone, pilih format \"Paling Kompatibel\" di pengaturan Kamera agar foto berikutnya tersimpan sebagai JPG.",
            "Save the photo as JPG. On an iPhone, choose the \"Most Compatible\" format in the Camera settings so that new photos are saved as JPG.",
        ),
        Detected::Unknown => lang.pick(
            "Pilih foto atau PDF dokumennya.",
            "Choose a photo or PDF of the document.",
        ),
    }
}
