//! The claim's documents shown inline, as the officer compares them with the data: photos as
//! images, PDFs in a frame, each with a link that opens it in a new tab. The browser loads
//! them from the office content endpoint with the session cookie; each view is audited there.

use klaim_core::Lang;
use klaim_core::api::claim::ClaimView;
use klaim_core::document::FileType;
use leptos::prelude::*;

use crate::api::office::document_url;
use crate::claim::words::size_words;
use crate::i18n::OfficeTexts;

pub fn documents_view(
    claim: &ClaimView,
    o: &'static OfficeTexts,
    lang: Lang,
) -> impl IntoView + use<> {
    let claim_id = claim.summary.id.clone();
    let items = claim
        .documents
        .iter()
        .map(|d| {
            let url = document_url(&claim_id, &d.id);
            let name = d.kind.name(lang);
            let shown = match d.file_type {
                FileType::Pdf => view! {
                    <iframe
                        class="office-document__pdf"
                        src=url.clone()
                        title=name
                        data-testid="document-pdf"
                    ></iframe>
                    <p class="hint">{o.pdf_fallback}</p>
                }
                .into_any(),
                FileType::Jpeg | FileType::Png | FileType::Bmp => view! {
                    <img
                        class="office-document__image"
                        src=url.clone()
                        alt=name
                        loading="lazy"
                        data-testid="document-image"
                    />
                }
                .into_any(),
            };
            view! {
                <figure
                    class="office-document"
                    data-testid="office-document"
                    data-kind=d.kind.as_str()
                    data-type=d.file_type.as_str()
                >
                    <figcaption>
                        <strong>{name}</strong>
                        " · "
                        {d.file_type.as_str().to_uppercase()}
                        " · "
                        {size_words(d.bytes, lang)}
                        " · "
                        <a
                            href=url
                            target="_blank"
                            rel="noopener"
                            data-testid="open-document"
                        >
                            {o.open_in_new_tab}
                            <span class="visually-hidden">": " {name}</span>
                        </a>
                    </figcaption>
                    {shown}
                </figure>
            }
        })
        .collect_view();
    let empty = claim
        .documents
        .is_empty()
        .then(|| view! { <p>{o.no_documents}</p> });
    view! {
        <section aria-labelledby="documents-heading" data-testid="office-documents">
            <h2 id="documents-heading">{o.documents_heading}</h2>
            {empty}
            {items}
        </section>
    }
}
