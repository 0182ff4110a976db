//! The outbox's interface texts ("Belum terkirim"), once per language: claims and documents kept
//! on the phone until the server has them.

use klaim_core::Lang;

use super::use_i18n;

pub struct OutboxTexts {
    pub heading: &'static str,
    pub lead: &'static str,
    pub just_queued: &'static str,
    pub status_waiting: &'static str,
    pub status_sending: &'static str,
    pub status_refused: &'static str,
    pub queued_at: fn(&str) -> String,
    pub next_round: fn(&str) -> String,
    pub documents_waiting: fn(usize) -> String,
    pub send_now: &'static str,
    pub sign_in_needed: &'static str,
    pub sign_in_link: &'static str,
    pub refused_lead: &'static str,
    pub refused_todo: &'static str,
    pub change: &'static str,
    pub change_busy: &'static str,
    pub delete: &'static str,
    pub delete_title: &'static str,
    pub delete_body: &'static str,
    pub delete_yes: &'static str,
    pub delete_no: &'static str,
    pub delivered: fn(&str, &str) -> String,
    pub document_missing: fn(&str) -> String,
    pub upload_kept: &'static str,
    pub bank_unchecked: &'static str,
    pub sign_out_warning: fn(usize) -> String,
}

impl OutboxTexts {
    pub fn of(lang: Lang) -> &'static OutboxTexts {
        lang.pick(&ID, &EN)
    }
}

/// A text of the interface language as a reactive closure.
pub fn tr_outbox(
    pick: fn(&'static OutboxTexts) -> &'static str,
) -> impl Fn() -> &'static str + Copy + 'static {
    let i18n = use_i18n();
    move || pick(OutboxTexts::of(i18n.lang()))
}

static ID: OutboxTexts = OutboxTexts {
    heading: "Belum terkirim",
    lead: "Klaim di bawah ini tersimpan di perangkat ini dan dikirim otomatis begitu tersambung. \
           Anda boleh menutup aplikasi; klaim baru dianggap diterima setelah BPJS Ketenagakerjaan \
           memberi nomor klaim.",
    just_queued: "Klaim Anda belum terkirim karena tidak ada sambungan. Klaim tersimpan di \
                  perangkat ini dan dikirim otomatis saat tersambung.",
    status_waiting: "Belum terkirim",
    status_sending: "Sedang dikirim…",
    status_refused: "Tidak dapat dikirim",
    queued_at: |time| format!("Disimpan pukul {time}"),
    next_round: |time| format!("Dicoba lagi otomatis pukul {time}"),
    documents_waiting: |n| format!("{n} dokumen menunggu dikirim"),
    send_now: "Kirim sekarang",
    sign_in_needed: "Sesi Anda sudah berakhir. Masuk lagi untuk mengirim klaim yang tersimpan; \
                     klaim tetap tersimpan di perangkat ini.",
    sign_in_link: "Masuk",
    refused_lead: "Klaim ini tidak diterima karena:",
    refused_todo: "Ubah jawaban atau dokumennya lalu kirim lagi, atau hapus klaim ini. Butuh \
                   bantuan? Hubungi call center 175.",
    change: "Ubah dan kirim lagi",
    change_busy: "Anda sedang mengisi klaim lain. Kirim atau hapus klaim itu dulu, lalu ubah \
                  klaim ini.",
    delete: "Hapus",
    delete_title: "Hapus klaim ini dari perangkat?",
    delete_body: "Jawaban dan dokumen klaim ini akan dihapus dari perangkat ini. Klaim ini belum \
                  diterima BPJS Ketenagakerjaan, jadi tidak ada yang dibatalkan di sana.",
    delete_yes: "Ya, hapus",
    delete_no: "Batal",
    delivered: |programme, reference| {
        format!("Klaim {programme} Anda sudah diterima. Nomor klaim: {reference}")
    },
    document_missing: |name| {
        format!(
            "Dokumen {name} tidak lagi tersimpan di perangkat ini (mungkin dihapus oleh \
             browser). Ubah klaim ini dan unggah dokumennya lagi."
        )
    },
    upload_kept: "Tersimpan di perangkat ini. Dikirim bersama klaim saat tersambung.",
    bank_unchecked: "Nama pemilik rekening belum diperiksa karena tidak ada sambungan. Kami \
                     memeriksanya saat klaim dikirim; bila berbeda, Anda diberi tahu apa yang \
                     harus dilakukan.",
    sign_out_warning: |n| {
        format!(
            "{n} klaim belum terkirim. Jika Anda keluar sekarang, klaim itu terhapus dari \
             perangkat ini. Sambungkan perangkat dan tunggu sampai terkirim, atau tetap keluar."
        )
    },
};

static EN: OutboxTexts = OutboxTexts {
    heading: "Not sent yet",
    lead: "The claims below are kept on this device and sent automatically once you are \
           connected. You may close the app; a claim counts as received only once BPJS \
           Ketenagakerjaan gives it a claim number.",
    just_queued: "Your claim has not been sent because there is no connection. It is kept on \
                  this device and sent automatically once you are connected.",
    status_waiting: "Not sent yet",
    status_sending: "Sending…",
    status_refused: "Could not be sent",
    queued_at: |time| format!("Saved at {time}"),
    next_round: |time| format!("Tried again automatically at {time}"),
    documents_waiting: |n| {
        if n == 1 {
            "1 document waiting to be sent".to_owned()
        } else {
            format!("{n} documents waiting to be sent")
        }
    },
    send_now: "Send now",
    sign_in_needed: "Your session has ended. Sign in again to send the saved claims; they stay \
                     on this device.",
    sign_in_link: "Sign in",
    refused_lead: "This claim was not accepted because:",
    refused_todo: "Change the answers or documents and send it again, or delete this claim. Need \
                   help? Call the call centre on 175.",
    change: "Change and send again",
    change_busy: "You are filling in another claim. Send or delete that one first, then change \
                  this one.",
    delete: "Delete",
    delete_title: "Delete this claim from this device?",
    delete_body: "The answers and documents of this claim will be deleted from this device. BPJS \
                  Ketenagakerjaan has not received it, so nothing is cancelled there.",
    delete_yes: "Yes, delete",
    delete_no: "Cancel",
    delivered: |programme, reference| {
        format!("Your {programme} claim has been received. Claim number: {reference}")
    },
    document_missing: |name| {
        format!(
            "The document {name} is no longer kept on this device (the browser may have \
             removed it). Change this claim and upload the document again."
        )
    },
    upload_kept: "Kept on this device. It will be sent with your claim once you are connected.",
    bank_unchecked: "The account holder's name has not been checked because there is no \
                     connection. We check it when the claim is sent; if it differs, you will be \
                     told what to do.",
    sign_out_warning: |n| {
        if n == 1 {
            "1 claim has not been sent. If you sign out now, it is deleted from this device. \
             Connect the device and wait until it is sent, or sign out anyway."
                .to_owned()
        } else {
            format!(
                "{n} claims have not been sent. If you sign out now, they are deleted from this \
                 device. Connect the device and wait until they are sent, or sign out anyway."
            )
        }
    },
};
