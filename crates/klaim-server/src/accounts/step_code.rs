//! The one-time code of a registration or a password reset: checked the same way for both
//! (expiry, at most five tries, digest comparison), so that both give the same answers.

use klaim_core::AccountProblem;
use klaim_core::account::CODE_MAX_TRIES;

use super::secret;

/// A step's code as stored.
pub struct StoredCode {
    pub step_id: i64,
    pub code_hash: Option<String>,
    pub expires_at: Option<i64>,
    pub tries: i64,
}

/// What checking a typed code against the stored one says.
#[derive(Debug, PartialEq, Eq)]
pub enum Verdict {
    Right,
    /// Count a try; the problem tells the person.
    Wrong(AccountProblem),
    /// Refuse without counting.
    Refused(AccountProblem),
}

pub fn check(stored: &StoredCode, typed: &str, now: i64) -> Verdict {
    let max = i64::from(CODE_MAX_TRIES);
    let (Some(hash), Some(expires_at)) = (&stored.code_hash, stored.expires_at) else {
        return Verdict::Refused(AccountProblem::NoCodeSent);
    };
    if stored.tries >= max {
        return Verdict::Refused(AccountProblem::CodeTriesUsed);
    }
    if now >= expires_at {
        return Verdict::Refused(AccountProblem::CodeExpired);
    }
    if secret::code_digest(stored.step_id, typed) == *hash {
        return Verdict::Right;
    }
    let left = max - stored.tries - 1;
    if left <= 0 {
        Verdict::Wrong(AccountProblem::CodeTriesUsed)
    } else {
        Verdict::Wrong(AccountProblem::CodeWrong {
            tries_left: u32::try_from(left).unwrap_or(0),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stored(tries: i64) -> StoredCode {
        StoredCode {
            step_id: 7,
            code_hash: Some(secret::code_digest(7, "123456")),
            expires_at: Some(1_000),
            tries,
        }
    }

    #[test]
    fn verdicts() {
        assert_eq!(check(&stored(0), "123456", 999), Verdict::Right);
        assert_eq!(
            check(&stored(0), "654321", 999),
            Verdict::Wrong(AccountProblem::CodeWrong { tries_left: 4 })
        );
        assert_eq!(
            check(&stored(4), "654321", 999),
            Verdict::Wrong(AccountProblem::CodeTriesUsed)
        );
        assert_eq!(
            check(&stored(5), "123456", 999),
            Verdict::Refused(AccountProblem::CodeTriesUsed)
        );
        assert_eq!(
            check(&stored(0), "123456", 1_000),
            Verdict::Refused(AccountProblem::CodeExpired)
        );
        let never_sent = StoredCode {
            code_hash: None,
            expires_at: None,
            ..stored(0)
        };
        assert_eq!(
            check(&never_sent, "123456", 0),
            Verdict::Refused(AccountProblem::NoCodeSent)
        );
        // A code made for another step does not fit this one.
        let other = StoredCode {
            step_id: 8,
            ..stored(0)
        };
        assert!(matches!(check(&other, "123456", 0), Verdict::Wrong(_)));
    }
}
