//! The `months` column: `2021-02..2023-12 2024-03`, single months and ranges, space-separated.

use crate::registry::model::Month;
use crate::registry::problem::RegistryProblem;

/// `2024-01..2024-06 2024-09`: single months and ranges, space-separated, up to this month.
pub fn parse_months(text: &str, latest: Month) -> Result<Vec<Month>, RegistryProblem> {
    if text.trim().is_empty() {
        return Err(RegistryProblem::Required);
    }
    let mut months = Vec::new();
    for token in text.split_whitespace() {
        let (first, last) = match token.split_once("..") {
            Some((a, b)) => (Month::parse(a), Month::parse(b)),
            None => (Month::parse(token), Month::parse(token)),
        };
        let (Some(first), Some(last)) = (first, last) else {
            return Err(RegistryProblem::Month);
        };
        if last < first {
            return Err(RegistryProblem::MonthRange);
        }
        if last > latest {
            return Err(RegistryProblem::DateInFuture);
        }
        months.extend(first.through(last));
    }
    Ok(months)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_read_singles_and_ranges() {
        let latest = Month::parse("2025-12").unwrap();
        let months = parse_months("2024-11..2025-01  2025-03", latest).unwrap();
        let text: Vec<String> = months.iter().map(Month::to_string).collect();
        assert_eq!(text, ["2024-11", "2024-12", "2025-01", "2025-03"]);
        assert_eq!(parse_months("", latest), Err(RegistryProblem::Required));
        assert_eq!(parse_months("2025-13", latest), Err(RegistryProblem::Month));
        assert_eq!(
            parse_months("2025-02..2025-01", latest),
            Err(RegistryProblem::MonthRange)
        );
        assert_eq!(
            parse_months("2026-01", latest),
            Err(RegistryProblem::DateInFuture)
        );
    }
}
