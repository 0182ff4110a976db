//! Why an upload or a document request is refused, when klaim-core's own document checks are not
//! the reason: the request disagrees with itself (size, hash, type), or the id is not free.
//! Messages say what to do, because the app shows them as they are.

use klaim_core::{Explain, FileType, Lang};

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{}", self.code())]
pub enum UploadRefusal {
    /// A required upload header is missing or cannot be read (`field` names it).
    HeaderInvalid { header: &'static str },
    /// `Content-Length` said one size and another arrived.
    SizeMismatch { declared: u64, received: u64 },
    /// The content's SHA-256 is not the one `X-Klaim-Sha256` announced.
    HashMismatch,
    /// The bytes are one accepted type and `Content-Type` said another.
    TypeMismatch {
        declared: Option<FileType>,
        detected: FileType,
    },
    /// The id belongs to another upload: other content, or another account's (the answer is the
    /// same, so it tells nothing about other accounts).
    IdTaken,
    /// The caller's own upload of this id has not finished yet.
    InProgress,
    /// Not one of the caller's documents (or none at all).
    NotFound,
}

impl UploadRefusal {
    /// The request field the refusal is about.
    pub fn field(&self) -> Option<&'static str> {
        match self {
            UploadRefusal::HeaderInvalid { header } => Some(header),
            UploadRefusal::SizeMismatch { .. } => Some("content-length"),
            UploadRefusal::HashMismatch => Some("x-klaim-sha256"),
            UploadRefusal::TypeMismatch { .. } => Some("content-type"),
            UploadRefusal::IdTaken | UploadRefusal::InProgress | UploadRefusal::NotFound => None,
        }
    }
}

fn type_name(t: Option<FileType>) -> &'static str {
    match t {
        Some(FileType::Jpeg) => "JPG",
        Some(FileType::Png) => "PNG",
        Some(FileType::Pdf) => "PDF",
        Some(FileType::Bmp) => "BMP",
        None => "?",
    }
}

impl Explain for UploadRefusal {
    fn code(&self) -> &'static str {
        match self {
            UploadRefusal::HeaderInvalid { .. } => "upload.header_invalid",
            UploadRefusal::SizeMismatch { .. } => "upload.size_mismatch",
            UploadRefusal::HashMismatch => "upload.hash_mismatch",
            UploadRefusal::TypeMismatch { .. } => "upload.type_mismatch",
            UploadRefusal::IdTaken => "document.id_taken",
            UploadRefusal::InProgress => "document.upload_in_progress",
            UploadRefusal::NotFound => "document.not_found",
        }
    }

    fn message(&self, lang: Lang) -> String {
        match self {
            UploadRefusal::HeaderInvalid { header } => lang.pick(
                format!(
                    "Unggahan tidak dapat dibaca (kepala {header} tidak ada atau salah). \
                     Muat ulang halaman, lalu coba lagi."
                ),
                format!(
                    "The upload could not be read (the {header} header is missing or wrong). \
                     Reload the page, then try again."
                ),
            ),
            UploadRefusal::SizeMismatch { declared, received } => lang.pick(
                format!(
                    "File tidak terkirim utuh: {received} dari {declared} byte sampai. \
                     Periksa koneksi, lalu kirim lagi."
                ),
                format!(
                    "The file did not arrive whole: {received} of {declared} bytes came. \
                     Check the connection, then send it again."
                ),
            ),
            UploadRefusal::HashMismatch => lang
                .pick(
                    "File berubah dalam perjalanan (sidik SHA-256 tidak sama). Kirim lagi.",
                    "The file changed on its way (the SHA-256 fingerprint differs). Send it again.",
                )
                .into(),
            UploadRefusal::TypeMismatch { declared, detected } => {
                let (declared, detected) = (type_name(*declared), type_name(Some(*detected)));
                lang.pick(
                    format!(
                        "Isi file ini {detected}, tetapi dikirim sebagai {declared}. \
                         Pilih file lagi, lalu kirim."
                    ),
                    format!(
                        "This file holds a {detected}, but it was sent as {declared}. \
                         Choose the file again, then send it."
                    ),
                )
            }
            UploadRefusal::IdTaken => lang
                .pick(
                    "Nomor unggahan ini sudah dipakai. Pilih file lagi untuk mengunggah ulang.",
                    "This upload number is already taken. Choose the file again to upload it anew.",
                )
                .into(),
            UploadRefusal::InProgress => lang
                .pick(
                    "Unggahan file ini masih berjalan. Tunggu sebentar, lalu coba lagi.",
                    "This file is still being uploaded. Wait a moment, then try again.",
                )
                .into(),
            UploadRefusal::NotFound => lang
                .pick(
                    "Dokumen tidak ditemukan. Unggah dokumen itu lagi.",
                    "The document was not found. Upload it again.",
                )
                .into(),
        }
    }

    fn hint(&self, lang: Lang) -> String {
        match self {
            UploadRefusal::TypeMismatch { .. } => lang
                .pick(
                    "Jangan mengganti akhiran nama file; pilih file aslinya.",
                    "Do not rename the file's extension; choose the original file.",
                )
                .into(),
            UploadRefusal::NotFound | UploadRefusal::IdTaken => lang
                .pick(
                    "Dokumen yang sudah Anda unggah ada di daftar dokumen Anda.",
                    "The documents you uploaded are in your document list.",
                )
                .into(),
            _ => lang
                .pick(
                    "Jika terus gagal, hubungi call center BPJS Ketenagakerjaan di 175.",
                    "If it keeps failing, call the BPJS Ketenagakerjaan call centre on 175.",
                )
                .into(),
        }
    }
}
