//! Downscaling a photo on a canvas: a 12-megapixel phone photo of a KTP becomes a JPEG of a few
//! hundred kilobytes that an officer still reads easily, so uploads finish on slow mobile data.

use js_sys::Promise;
use klaim_core::document::{MIN_IMAGE_LONG_SIDE, MIN_IMAGE_SHORT_SIDE};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, CanvasRenderingContext2d, HtmlCanvasElement, ImageBitmap};

use super::read_bytes;

/// The longest side of a downscaled photo, in pixels: enough to read a KTP's small print.
pub const LONG_SIDE: u32 = 1600;

/// JPEG quality: documents stay legible, photos shrink to a few hundred kilobytes.
const QUALITY: f64 = 0.8;

/// The image in `blob`, decoded by the browser and written again as a JPEG whose longest side is
/// at most [`LONG_SIDE`] (never below the readable minimum, never enlarged). `Err` when the
/// browser cannot decode it.
pub async fn downscale(blob: &Blob) -> Result<Vec<u8>, JsValue> {
    let window = web_sys::window().ok_or(JsValue::NULL)?;
    let bitmap: ImageBitmap = JsFuture::from(window.create_image_bitmap_with_blob(blob)?)
        .await?
        .dyn_into()?;
    let (width, height) = target_size(bitmap.width(), bitmap.height());
    let canvas: HtmlCanvasElement = document()?.create_element("canvas")?.dyn_into()?;
    canvas.set_width(width);
    canvas.set_height(height);
    let context: CanvasRenderingContext2d =
        canvas.get_context("2d")?.ok_or(JsValue::NULL)?.dyn_into()?;
    // JPEG has no transparency: a transparent PNG would otherwise turn black.
    context.set_fill_style_str("#fff");
    context.fill_rect(0.0, 0.0, f64::from(width), f64::from(height));
    context.draw_image_with_image_bitmap_and_dw_and_dh(
        &bitmap,
        0.0,
        0.0,
        f64::from(width),
        f64::from(height),
    )?;
    bitmap.close();
    let jpeg = to_jpeg(&canvas).await?;
    read_bytes(&jpeg).await
}

/// The size to draw at: the long side down to [`LONG_SIDE`], but the short side kept at the
/// readable minimum when the photo is very narrow; never larger than the original.
pub fn target_size(width: u32, height: u32) -> (u32, u32) {
    let (long, short) = (width.max(height), width.min(height));
    if long == 0 || short == 0 {
        return (width, height);
    }
    let mut scale = (f64::from(LONG_SIDE) / f64::from(long)).min(1.0);
    let floor = (f64::from(MIN_IMAGE_SHORT_SIDE) / f64::from(short))
        .max(f64::from(MIN_IMAGE_LONG_SIDE) / f64::from(long));
    if scale < floor {
        scale = floor.min(1.0);
    }
    let size = |side: u32| ((f64::from(side) * scale).round() as u32).max(1);
    (size(width), size(height))
}

fn document() -> Result<web_sys::Document, JsValue> {
    web_sys::window()
        .and_then(|w| w.document())
        .ok_or(JsValue::NULL)
}

/// `canvas.toBlob` as a future.
async fn to_jpeg(canvas: &HtmlCanvasElement) -> Result<Blob, JsValue> {
    let mut encode = |resolve: js_sys::Function, reject: js_sys::Function| {
        let refuse = reject.clone();
        let done = Closure::once_into_js(move |blob: JsValue| {
            // toBlob gives null when the canvas could not be encoded (out of memory).
            if blob.is_null() {
                let _ = reject.call0(&JsValue::NULL);
            } else {
                let _ = resolve.call1(&JsValue::NULL, &blob);
            }
        });
        if let Err(e) = canvas.to_blob_with_type_and_encoder_options(
            done.unchecked_ref(),
            "image/jpeg",
            &JsValue::from(QUALITY),
        ) {
            let _ = refuse.call1(&JsValue::NULL, &e);
        }
    };
    let blob = JsFuture::from(Promise::new(&mut encode)).await?;
    blob.dyn_into()
}
