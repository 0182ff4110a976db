//! The figures the bench keeps from one Lighthouse report (its JSON output, the `lhr`): the three
//! category scores, the metrics the issue names, the transfer size, and what Lighthouse found
//! wrong, by audit id, so a score under 100 names its cause.

use anyhow::{Context, bail};
use serde_json::{Value, json};

/// One page, one run.
#[derive(Clone, Debug, PartialEq)]
pub struct Figures {
    /// 0–100, as Lighthouse shows them.
    pub performance: u32,
    pub accessibility: u32,
    pub best_practices: u32,
    pub lcp_ms: f64,
    pub cls: f64,
    pub tbt_ms: f64,
    pub fcp_ms: f64,
    /// Every response's transfer size, as Lighthouse's `total-byte-weight` counts it.
    pub transfer_bytes: u64,
    /// Audits under 1 in accessibility and best practices, and the performance audits that
    /// are not metrics: `id` (score) and title.
    pub failing: Vec<Failing>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Failing {
    pub category: String,
    pub id: String,
    pub title: String,
    pub score: f64,
}

impl Figures {
    pub fn from_report(lhr: &Value) -> anyhow::Result<Figures> {
        if let Some(error) = lhr.get("runtimeError").filter(|e| !e.is_null()) {
            bail!("Lighthouse could not load the page: {error}");
        }
        let score = |category: &str| -> anyhow::Result<u32> {
            let score = lhr["categories"][category]["score"]
                .as_f64()
                .with_context(|| format!("the report has no {category} score"))?;
            Ok((score * 100.0).round() as u32)
        };
        let metric = |audit: &str| -> anyhow::Result<f64> {
            lhr["audits"][audit]["numericValue"]
                .as_f64()
                .with_context(|| format!("the report has no value for `{audit}`"))
        };
        Ok(Figures {
            performance: score("performance")?,
            accessibility: score("accessibility")?,
            best_practices: score("best-practices")?,
            lcp_ms: metric("largest-contentful-paint")?,
            cls: metric("cumulative-layout-shift")?,
            tbt_ms: metric("total-blocking-time")?,
            fcp_ms: metric("first-contentful-paint")?,
            transfer_bytes: metric("total-byte-weight")? as u64,
            failing: failing(lhr),
        })
    }

    pub fn to_json(&self) -> Value {
        json!({
            "performance": self.performance,
            "accessibility": self.accessibility,
            "best_practices": self.best_practices,
            "lcp_ms": self.lcp_ms.round(),
            "cls": (self.cls * 1000.0).round() / 1000.0,
            "tbt_ms": self.tbt_ms.round(),
            "fcp_ms": self.fcp_ms.round(),
            "transfer_bytes": self.transfer_bytes,
            "failing": self.failing.iter().map(|f| json!({
                "category": f.category,
                "id": f.id,
                "title": f.title,
                "score": f.score,
            })).collect::<Vec<_>>(),
        })
    }
}

/// Scored audits below 1 that count towards a category (weight > 0), plus, for performance,
/// the diagnostics and insights (weight 0, outside the metrics group) that Lighthouse flags.
fn failing(lhr: &Value) -> Vec<Failing> {
    let mut out = Vec::new();
    for category in ["performance", "accessibility", "best-practices"] {
        let refs = lhr["categories"][category]["auditRefs"]
            .as_array()
            .map(Vec::as_slice)
            .unwrap_or_default();
        for audit_ref in refs {
            let Some(id) = audit_ref["id"].as_str() else {
                continue;
            };
            let weight = audit_ref["weight"].as_f64().unwrap_or_default();
            let is_metric = audit_ref["group"].as_str() == Some("metrics");
            if is_metric || (category != "performance" && weight == 0.0) {
                continue;
            }
            let audit = &lhr["audits"][id];
            let mode = audit["scoreDisplayMode"].as_str().unwrap_or_default();
            let Some(score) = audit["score"].as_f64() else {
                continue;
            };
            if score < 1.0 && matches!(mode, "binary" | "numeric" | "metricSavings") {
                out.push(Failing {
                    category: category.to_owned(),
                    id: id.to_owned(),
                    title: audit["title"].as_str().unwrap_or_default().to_owned(),
                    score,
                });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn report() -> Value {
        json!({
            "categories": {
                "performance": { "score": 0.874, "auditRefs": [
                    { "id": "largest-contentful-paint", "weight": 25, "group": "metrics" },
                    { "id": "render-blocking-resources", "weight": 0 },
                    { "id": "unused-javascript", "weight": 0 },
                ]},
                "accessibility": { "score": 0.96, "auditRefs": [
                    { "id": "color-contrast", "weight": 7 },
                    { "id": "html-has-lang", "weight": 7 },
                    { "id": "tabindex", "weight": 0 },
                ]},
                "best-practices": { "score": 1, "auditRefs": [] },
            },
            "audits": {
                "largest-contentful-paint": { "numericValue": 2950.4, "score": 0.4, "scoreDisplayMode": "numeric" },
                "cumulative-layout-shift": { "numericValue": 0.0213 },
                "total-blocking-time": { "numericValue": 80.2 },
                "first-contentful-paint": { "numericValue": 1800.6 },
                "total-byte-weight": { "numericValue": 550_123.0 },
                "render-blocking-resources": { "score": 0.5, "scoreDisplayMode": "metricSavings", "title": "Eliminate render-blocking resources" },
                "unused-javascript": { "score": 1, "scoreDisplayMode": "metricSavings", "title": "Reduce unused JavaScript" },
                "color-contrast": { "score": 0, "scoreDisplayMode": "binary", "title": "Contrast" },
                "html-has-lang": { "score": 1, "scoreDisplayMode": "binary", "title": "Lang" },
                "tabindex": { "score": 0, "scoreDisplayMode": "binary", "title": "Tabindex" },
            }
        })
    }

    #[test]
    fn reads_scores_metrics_and_what_failed() {
        let figures = Figures::from_report(&report()).unwrap();
        assert_eq!(figures.performance, 87);
        assert_eq!(figures.accessibility, 96);
        assert_eq!(figures.best_practices, 100);
        assert_eq!(figures.lcp_ms, 2950.4);
        assert_eq!(figures.cls, 0.0213);
        assert_eq!(figures.transfer_bytes, 550_123);
        let ids: Vec<&str> = figures.failing.iter().map(|f| f.id.as_str()).collect();
        // Not the metric, not a passed audit, not an accessibility audit that does not count.
        assert_eq!(ids, ["render-blocking-resources", "color-contrast"]);
        let json = figures.to_json();
        assert_eq!(json["cls"], 0.021);
        assert_eq!(json["lcp_ms"], 2950.0);
    }

    #[test]
    fn a_page_lighthouse_could_not_load_is_an_error() {
        let mut lhr = report();
        lhr["runtimeError"] = json!({ "code": "NO_FCP", "message": "no paint" });
        assert!(Figures::from_report(&lhr).is_err());
        let mut lhr = report();
        lhr["categories"]["performance"]["score"] = Value::Null;
        assert!(Figures::from_report(&lhr).is_err());
    }
}
