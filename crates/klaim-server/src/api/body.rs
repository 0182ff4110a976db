//! JSON request bodies, read so that every refusal says what is wrong.
//!
//! Like axum's `Json`, with two differences. A body of the right shape whose identifier, date or
//! bank account klaim-core's parser refuses (the types deserialise through their parsers) is a
//! rule broken, 422, with the parser's own finding and the field it is about; the OpenAPI document
//! can only say "a string" for such values, so the same request is not "malformed". Anything else
//! that does not fit the type (bad JSON, wrong types, missing or unknown fields) stays
//! `api.malformed`, 400. Not JSON at all is 415, over the body limit 413.

use axum::body::Bytes;
use axum::extract::{FromRequest, Request};
use axum::http::header;
use klaim_core::message::Finding;
use klaim_core::{Bank, BankAccount, Date, Explain, Kpj, Nik, Npwp};
use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::error::ApiFailure;

/// A request body read as `T`; the rejection is an [`ApiFailure`].
pub struct JsonBody<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequest<S> for JsonBody<T> {
    type Rejection = ApiFailure;

    async fn from_request(request: Request, state: &S) -> Result<Self, ApiFailure> {
        if !is_json(request.headers().get(header::CONTENT_TYPE)) {
            return Err(ApiFailure::UnsupportedMediaType);
        }
        let bytes = Bytes::from_request(request, state)
            .await
            .map_err(|e| ApiFailure::from_status(e.status()))?;
        from_slice(&bytes).map(JsonBody)
    }
}

/// `application/json` or any `…+json` type, parameters allowed (as axum's `Json` accepts).
fn is_json(content_type: Option<&header::HeaderValue>) -> bool {
    let Some(essence) = content_type
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .map(|v| v.trim().to_ascii_lowercase())
    else {
        return false;
    };
    essence == "application/json"
        || essence
            .strip_prefix("application/")
            .is_some_and(|sub| sub.ends_with("+json"))
}

/// Reads `T` from JSON bytes, explaining a refused value (see the module's comment).
pub fn from_slice<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, ApiFailure> {
    let mut json: Value = serde_json::from_slice(bytes).map_err(|_| ApiFailure::Malformed)?;
    whole_numbers(&mut json);
    from_value(&json)
}

/// As [`from_slice`], from a JSON value already read.
pub fn from_value<T: DeserializeOwned>(json: &Value) -> Result<T, ApiFailure> {
    match serde_path_to_error::deserialize(json) {
        Ok(value) => Ok(value),
        Err(e) => {
            let findings = refused_values(json, &e.path().to_string());
            if findings.is_empty() {
                Err(ApiFailure::Malformed)
            } else {
                Err(ApiFailure::RuleBroken(findings))
            }
        }
    }
}

/// `2.0` is an integer in JSON Schema (and so in the API document); serde reads only `2` into an
/// integer field. Whole numbers written with a fraction become integers before the body is read.
fn whole_numbers(json: &mut Value) {
    match json {
        Value::Number(n) if !(n.is_i64() || n.is_u64()) => {
            let Some(f) = n.as_f64().filter(|f| f.fract() == 0.0) else {
                return;
            };
            // Within ±2^63 the conversion is exact (a whole f64 of that size is an integer).
            if (0.0..18_446_744_073_709_551_616.0).contains(&f) {
                *json = Value::from(f as u64);
            } else if (-9_223_372_036_854_775_808.0..0.0).contains(&f) {
                *json = Value::from(f as i64);
            }
        }
        Value::Array(items) => items.iter_mut().for_each(whole_numbers),
        Value::Object(fields) => fields.values_mut().for_each(whole_numbers),
        _ => {}
    }
}

/// A parser that explains why it refuses a JSON value; `None` when the value is not even of the
/// shape the parser reads (then the body is malformed).
type Check = fn(&Value) -> Option<Box<dyn Explain>>;

/// Where a parsed value sits in the request bodies (`[]` stands for any array index), the field
/// named in the finding, and its parser.
const PARSED: [(&str, &str, Check); 14] = [
    ("answers.kpj", "answers.kpj", kpj),
    ("answers.event_on", "answers.event_on", date),
    ("answers.npwp", "answers.npwp", npwp),
    ("answers.bank_account", "answers.bank_account", bank_account),
    ("answers.bank_account.bank", "answers.bank_account", bank),
    ("answers.deceased.nik", "answers.deceased.nik", nik),
    ("answers.deceased.kpj", "answers.deceased.kpj", kpj),
    (
        "answers.deceased.birth_date",
        "answers.deceased.birth_date",
        date,
    ),
    (
        "answers.accident.happened_on",
        "answers.accident.happened_on",
        date,
    ),
    ("bank_account", "bank_account", bank_account),
    ("bank_account.bank", "bank_account", bank),
    ("reasons[].until", "reasons", date),
    // A value inside the account is read by the account's own check.
    (
        "answers.bank_account.number",
        "answers.bank_account",
        no_check,
    ),
    ("bank_account.number", "bank_account", no_check),
];

/// The findings for values a klaim-core parser refused: the one at `path` where serde stopped;
/// inside an internally tagged enum (`OfficerStep`) serde loses the path, so then every place a
/// parsed value may sit is looked at.
fn refused_values(json: &Value, path: &str) -> Vec<Finding> {
    let pattern = without_indices(path);
    if let Some((_, field, check)) = PARSED.iter().find(|(at, _, _)| *at == pattern) {
        let refused = at_path(json, path).and_then(check);
        if let Some(refusal) = refused {
            return vec![Finding::of(Some(field), refusal.as_ref())];
        }
    }
    PARSED
        .iter()
        .flat_map(|(at, field, check)| {
            values_at(json, at)
                .into_iter()
                .filter_map(move |value| check(value).map(|r| Finding::of(Some(field), r.as_ref())))
        })
        .collect()
}

/// Every value a pattern (`reasons[].until`) names, `[]` standing for each element.
fn values_at<'v>(json: &'v Value, pattern: &str) -> Vec<&'v Value> {
    let mut here = vec![json];
    for part in pattern.split('.') {
        let (name, each) = match part.strip_suffix("[]") {
            Some(name) => (name, true),
            None => (part, false),
        };
        here = here
            .into_iter()
            .filter_map(|v| v.get(name))
            .flat_map(|v| match (each, v) {
                (true, Value::Array(items)) => items.iter().collect(),
                (true, _) => Vec::new(),
                (false, v) => vec![v],
            })
            .collect();
    }
    here
}

/// `reasons[2].until` → `reasons[].until`.
fn without_indices(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    let mut in_index = false;
    for c in path.chars() {
        match c {
            '[' => {
                in_index = true;
                out.push('[');
            }
            ']' => {
                in_index = false;
                out.push(']');
            }
            _ if in_index => {}
            c => out.push(c),
        }
    }
    out
}

/// The value a serde path (`answers.deceased.nik`, `reasons[0].until`) names.
fn at_path<'v>(json: &'v Value, path: &str) -> Option<&'v Value> {
    let mut here = json;
    for part in path.split('.') {
        let (name, indices) = part.split_once('[').unwrap_or((part, ""));
        if !name.is_empty() {
            here = here.get(name)?;
        }
        for index in indices.split('[').filter(|i| !i.is_empty()) {
            here = here.get(index.trim_end_matches(']').parse::<usize>().ok()?)?;
        }
    }
    Some(here)
}

fn boxed<E: Explain + 'static>(e: E) -> Box<dyn Explain> {
    Box::new(e)
}

fn kpj(v: &Value) -> Option<Box<dyn Explain>> {
    Kpj::parse(v.as_str()?).err().map(boxed)
}

fn nik(v: &Value) -> Option<Box<dyn Explain>> {
    Nik::parse(v.as_str()?).err().map(boxed)
}

fn npwp(v: &Value) -> Option<Box<dyn Explain>> {
    Npwp::parse(v.as_str()?).err().map(boxed)
}

fn date(v: &Value) -> Option<Box<dyn Explain>> {
    Date::parse_iso(v.as_str()?).err().map(boxed)
}

fn bank(v: &Value) -> Option<Box<dyn Explain>> {
    Bank::try_from(v.as_str()?.to_owned()).err().map(boxed)
}

/// `{ "bank", "number" }`: the bank first, then the number at that bank.
fn bank_account(v: &Value) -> Option<Box<dyn Explain>> {
    let code = v.get("bank")?.as_str()?;
    let number = v.get("number")?.as_str()?;
    match Bank::try_from(code.to_owned()) {
        Err(unknown) => Some(boxed(unknown)),
        Ok(bank) => BankAccount::parse(bank, number).err().map(boxed),
    }
}

fn no_check(_: &Value) -> Option<Box<dyn Explain>> {
    None
}

#[cfg(test)]
mod tests {
    use klaim_core::api::claim::{BankInquiry, ClaimSubmission};
    use serde_json::json;

    use super::*;

    fn refusal<T: DeserializeOwned>(
        body: Value,
    ) -> (u16, Vec<(Option<&'static str>, &'static str)>) {
        let failure = from_slice::<T>(body.to_string().as_bytes())
            .err()
            .expect("refused");
        let findings = match &failure {
            ApiFailure::RuleBroken(findings) => {
                findings.iter().map(|f| (f.field, f.code)).collect()
            }
            _ => Vec::new(),
        };
        (failure.status().as_u16(), findings)
    }

    fn submission(answers: Value) -> Value {
        json!({ "rules_version": klaim_core::RULES_VERSION, "answers": answers, "documents": [] })
    }

    #[test]
    fn a_value_its_parser_refuses_is_a_rule_broken_with_the_parsers_finding() {
        let kpj = submission(json!({ "programme": "jht", "reason": "resigned", "kpj": "12" }));
        assert_eq!(
            refusal::<ClaimSubmission>(kpj),
            (422, vec![(Some("answers.kpj"), "kpj.too_short")])
        );
        let nik = submission(json!({ "programme": "jkm", "reason": "death",
            "deceased": { "nik": "x", "kpj": "12345678901", "birth_date": "1970-01-01" } }));
        let (status, findings) = refusal::<ClaimSubmission>(nik);
        assert_eq!(status, 422);
        assert_eq!(findings[0].0, Some("answers.deceased.nik"));
        assert!(findings[0].1.starts_with("nik."), "{findings:?}");
        let date = submission(
            json!({ "programme": "jht", "reason": "resigned", "event_on": "2026-02-30" }),
        );
        let (status, findings) = refusal::<ClaimSubmission>(date);
        assert_eq!((status, findings[0].0), (422, Some("answers.event_on")));
        let bank = json!({ "bank_account": { "bank": "999", "number": "1234567890" } });
        assert_eq!(
            refusal::<BankInquiry>(bank),
            (422, vec![(Some("bank_account"), "bank.unknown")])
        );
        let number = json!({ "bank_account": { "bank": "014", "number": "12" } });
        assert_eq!(
            refusal::<BankInquiry>(number),
            (422, vec![(Some("bank_account"), "bank_account.too_short")])
        );
    }

    #[test]
    fn a_body_of_the_wrong_shape_stays_malformed() {
        for body in [
            json!({ "bank_account": {} }),
            json!({ "bank_account": { "bank": 14, "number": "1234567890" } }),
            json!({ "bank_account": { "bank": "014", "number": "1234567890" }, "extra": 1 }),
            json!([]),
        ] {
            assert_eq!(
                refusal::<BankInquiry>(body.clone()),
                (400, vec![]),
                "{body}"
            );
        }
        let kpj_number = submission(json!({ "programme": "jht", "reason": "resigned", "kpj": 12 }));
        assert_eq!(refusal::<ClaimSubmission>(kpj_number), (400, vec![]));
        assert!(matches!(
            from_slice::<BankInquiry>(
                b"{\"bank_account\": {\"bank\": \"014\", \"number\": \"1234567890\"}} x"
            ),
            Err(ApiFailure::Malformed)
        ));
    }

    #[test]
    fn a_refused_date_inside_an_officers_step_is_found_without_a_path() {
        use klaim_core::api::office::OfficerStep;
        let step = json!({ "step": "reject", "reasons": [
            { "reason": "already_paid" }, { "reason": "not_eligible_until", "until": "" } ] });
        let (status, findings) = refusal::<OfficerStep>(step);
        assert_eq!(status, 422);
        assert_eq!(findings.len(), 1);
        assert_eq!(findings[0].0, Some("reasons"));
        assert!(findings[0].1.starts_with("date."), "{findings:?}");
    }

    #[test]
    fn whole_numbers_with_a_fraction_are_integers() {
        use klaim_core::api::notification::MarkRead;
        let read: MarkRead = from_slice(br#"{"ids": [3.0, -2.0, 7]}"#).unwrap();
        assert_eq!(read.ids, [3, -2, 7]);
        assert!(matches!(
            from_slice::<MarkRead>(br#"{"ids": [3.5]}"#),
            Err(ApiFailure::Malformed)
        ));
    }

    #[test]
    fn reads_the_value_a_path_names() {
        let json = json!({ "reasons": [ { "until": "a" }, { "until": "b" } ] });
        assert_eq!(at_path(&json, "reasons[1].until"), Some(&json!("b")));
        assert_eq!(at_path(&json, "reasons[2].until"), None);
        assert_eq!(without_indices("reasons[12].until"), "reasons[].until");
        assert_eq!(
            values_at(&json, "reasons[].until"),
            [&json!("a"), &json!("b")]
        );
    }

    #[test]
    fn only_json_media_types_are_read() {
        let v = |s: &'static str| header::HeaderValue::from_static(s);
        assert!(is_json(Some(&v("application/json"))));
        assert!(is_json(Some(&v("Application/JSON; charset=utf-8"))));
        assert!(is_json(Some(&v("application/problem+json"))));
        assert!(!is_json(Some(&v("text/plain"))));
        assert!(!is_json(Some(&v("application/jsonx"))));
        assert!(!is_json(None));
    }
}
