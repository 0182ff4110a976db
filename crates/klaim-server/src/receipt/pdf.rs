//! Lays a [`Sheet`] out on A4 pages and writes the PDF: Helvetica and Helvetica-Bold (base-14,
//! nothing embedded), WinAnsi encoding, uncompressed content streams (a receipt is a few KB, and
//! its text stays readable to search tools and tests).

use pdf_writer::{Content, Finish, Name, Pdf, Rect, Ref, Str, TextStr};

use super::content::Sheet;
use super::helvetica::{Face, encode, wrap};

const PAGE_WIDTH: f32 = 595.0;
const PAGE_HEIGHT: f32 = 842.0;
const MARGIN: f32 = 56.0;
/// The labels' column; values start after it.
const LABEL_WIDTH: f32 = 160.0;
const GAP: f32 = 12.0;
const VALUE_X: f32 = MARGIN + LABEL_WIDTH + GAP;
const VALUE_WIDTH: f32 = PAGE_WIDTH - MARGIN - VALUE_X;
const BODY_SIZE: f32 = 10.0;
const LABEL_SIZE: f32 = 9.0;
const LEADING: f32 = 13.0;
/// Room kept at the bottom of every page for the footer line.
const FOOTER_ROOM: f32 = 28.0;
const GREY: f32 = 0.35;

/// One thing drawn on a page.
enum Mark {
    Text {
        face: Face,
        size: f32,
        x: f32,
        y: f32,
        grey: bool,
        text: Vec<u8>,
    },
    Rule {
        y: f32,
    },
}

/// Pages being filled from the top.
struct Layout {
    pages: Vec<Vec<Mark>>,
    y: f32,
}

impl Layout {
    fn new() -> Layout {
        Layout {
            pages: vec![Vec::new()],
            y: PAGE_HEIGHT - MARGIN,
        }
    }

    /// Starts a new page unless `height` more points fit on this one.
    fn room_for(&mut self, height: f32) {
        if self.y - height < MARGIN + FOOTER_ROOM {
            self.pages.push(Vec::new());
            self.y = PAGE_HEIGHT - MARGIN;
        }
    }

    fn mark(&mut self, mark: Mark) {
        if let Some(page) = self.pages.last_mut() {
            page.push(mark);
        }
    }

    fn text(&mut self, face: Face, size: f32, x: f32, grey: bool, text: Vec<u8>) {
        let y = self.y;
        self.mark(Mark::Text {
            face,
            size,
            x,
            y,
            grey,
            text,
        });
    }

    /// A paragraph across the full width.
    fn paragraph(&mut self, face: Face, size: f32, grey: bool, text: &str) {
        for line in wrap(face, size, text, PAGE_WIDTH - 2.0 * MARGIN) {
            self.room_for(size + 4.0);
            self.y -= size + 4.0;
            self.text(face, size, MARGIN, grey, line);
        }
    }
}

/// The receipt as PDF bytes.
pub fn render(sheet: &Sheet) -> Vec<u8> {
    let mut layout = Layout::new();
    layout.paragraph(Face::Bold, 18.0, false, &sheet.title);
    layout.y -= 2.0;
    layout.paragraph(Face::Regular, 11.0, true, &sheet.subtitle);
    layout.y -= 8.0;
    let y = layout.y;
    layout.mark(Mark::Rule { y });

    for section in &sheet.sections {
        layout.y -= 12.0;
        // A heading never ends a page alone: it comes with room for its first row.
        layout.room_for(12.0 + 4.0 + 2.0 * LEADING);
        layout.y -= 16.0;
        layout.text(Face::Bold, 12.0, MARGIN, false, encode(&section.heading));
        layout.y -= 4.0;
        for row in &section.rows {
            let (labels, x, values) = if row.label.is_empty() {
                let width = PAGE_WIDTH - 2.0 * MARGIN;
                let values = wrap(Face::Regular, BODY_SIZE, &row.value, width);
                (Vec::new(), MARGIN, values)
            } else {
                let labels = wrap(Face::Regular, LABEL_SIZE, &row.label, LABEL_WIDTH);
                let values = wrap(Face::Regular, BODY_SIZE, &row.value, VALUE_WIDTH);
                (labels, VALUE_X, values)
            };
            let lines = labels.len().max(values.len());
            layout.room_for(lines as f32 * LEADING);
            let top = layout.y;
            for (i, label) in labels.into_iter().enumerate() {
                layout.y = top - (i + 1) as f32 * LEADING;
                layout.text(Face::Regular, LABEL_SIZE, MARGIN, true, label);
            }
            for (i, value) in values.into_iter().enumerate() {
                layout.y = top - (i + 1) as f32 * LEADING;
                layout.text(Face::Regular, BODY_SIZE, x, false, value);
            }
            layout.y = top - lines as f32 * LEADING - 3.0;
        }
    }

    layout.y -= 14.0;
    layout.room_for(4.0);
    let y = layout.y;
    layout.mark(Mark::Rule { y });
    layout.y -= 4.0;
    for note in &sheet.notes {
        layout.paragraph(Face::Regular, LABEL_SIZE, true, note);
        layout.y -= 3.0;
    }
    write(sheet, layout.pages)
}

fn write(sheet: &Sheet, pages: Vec<Vec<Mark>>) -> Vec<u8> {
    let mut pdf = Pdf::new();
    let catalog = Ref::new(1);
    let tree = Ref::new(2);
    let regular = Ref::new(3);
    let bold = Ref::new(4);
    let info = Ref::new(5);
    let first_page = 6;
    let page_ids: Vec<(Ref, Ref)> = (0..pages.len())
        .map(|i| {
            let n = i32::try_from(first_page + 2 * i).unwrap_or(i32::MAX - 1);
            (Ref::new(n), Ref::new(n + 1))
        })
        .collect();

    pdf.catalog(catalog)
        .pages(tree)
        .lang(TextStr(sheet.lang.tag()));
    pdf.pages(tree)
        .kids(page_ids.iter().map(|(page, _)| *page))
        .count(i32::try_from(pages.len()).unwrap_or(i32::MAX));
    for (id, face) in [(regular, Face::Regular), (bold, Face::Bold)] {
        pdf.type1_font(id)
            .base_font(Name(face.base_font()))
            .encoding_predefined(Name(b"WinAnsiEncoding"));
    }
    pdf.document_info(info)
        .title(TextStr(&sheet.document_title))
        .producer(TextStr("Klaim"));

    let total = pages.len();
    for (n, (marks, (page_id, content_id))) in pages.into_iter().zip(&page_ids).enumerate() {
        let mut content = Content::new();
        for mark in &marks {
            draw(&mut content, mark);
        }
        let footer = format!(
            "{} \u{b7} {} {} {} {}",
            sheet.footer,
            sheet.lang.pick("Halaman", "Page"),
            n + 1,
            sheet.lang.pick("dari", "of"),
            total
        );
        draw(
            &mut content,
            &Mark::Text {
                face: Face::Regular,
                size: 8.0,
                x: MARGIN,
                y: MARGIN,
                grey: true,
                text: encode(&footer),
            },
        );
        let mut page = pdf.page(*page_id);
        page.parent(tree)
            .media_box(Rect::new(0.0, 0.0, PAGE_WIDTH, PAGE_HEIGHT))
            .contents(*content_id);
        let mut resources = page.resources();
        resources
            .fonts()
            .pair(Name(Face::Regular.resource()), regular)
            .pair(Name(Face::Bold.resource()), bold);
        resources.finish();
        page.finish();
        pdf.stream(*content_id, &content.finish());
    }
    pdf.finish()
}

fn draw(content: &mut Content, mark: &Mark) {
    match mark {
        Mark::Rule { y } => {
            content
                .save_state()
                .set_stroke_gray(0.6)
                .set_line_width(0.5)
                .move_to(MARGIN, *y)
                .line_to(PAGE_WIDTH - MARGIN, *y)
                .stroke()
                .restore_state();
        }
        Mark::Text {
            face,
            size,
            x,
            y,
            grey,
            text,
        } => {
            content.begin_text();
            content.set_fill_gray(if *grey { GREY } else { 0.0 });
            content.set_font(Name(face.resource()), *size);
            content.next_line(*x, *y);
            // ASCII runs are written as literal strings, the rest as hex: the reference and the
            // masked numbers stay readable in the file.
            for run in text.chunk_by(|a, b| a.is_ascii() == b.is_ascii()) {
                content.show(Str(run));
            }
            content.end_text();
        }
    }
}

#[cfg(test)]
mod tests {
    use klaim_core::Lang;

    use super::*;
    use crate::receipt::content::{Line, Section};

    fn sheet(rows: usize) -> Sheet {
        Sheet {
            title: "Tanda terima klaim / Claim receipt".into(),
            subtitle: "BPJS Ketenagakerjaan via Klaim".into(),
            sections: vec![Section {
                heading: "Dokumen".into(),
                rows: (0..rows)
                    .map(|n| Line {
                        label: format!("Dokumen {n}"),
                        value: "JPEG \u{b7} 2 KB \u{b7} SHA-256 4d082fba06f3\u{2026} (salinan)"
                            .into(),
                    })
                    .collect(),
            }],
            notes: vec!["Catatan".into()],
            footer: "Klaim \u{b7} KLM-26-7QX4-M2PA".into(),
            document_title: "Tanda terima klaim KLM-26-7QX4-M2PA".into(),
            lang: Lang::Id,
        }
    }

    fn count(pdf: &[u8], text: &str) -> usize {
        pdf.windows(text.len())
            .filter(|w| *w == text.as_bytes())
            .count()
    }

    #[test]
    fn a_long_receipt_continues_on_numbered_pages() {
        let short = render(&sheet(3));
        assert_eq!(count(&short, "/Count 1"), 1);
        assert_eq!(count(&short, "Halaman 1 dari 1) Tj"), 1);
        let long = render(&sheet(80));
        assert_eq!(count(&long, "/Count 2"), 1);
        assert_eq!(count(&long, "Halaman 1 dari 2) Tj"), 1);
        assert_eq!(count(&long, "Halaman 2 dari 2) Tj"), 1);
        // Every row made it to a page.
        for n in [0, 41, 79] {
            assert_eq!(count(&long, &format!("(Dokumen {n}) Tj")), 1, "{n}");
        }
        assert_eq!(count(&long, "(Catatan) Tj"), 1);
    }
}
