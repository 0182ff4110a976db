//! Argon2id password hashes, computed on the blocking thread pool so that a burst of sign-ins
//! never stalls the async runtime, and at most a few at a time so that it cannot exhaust memory
//! (each hash takes 19 MiB).

use std::sync::{Arc, LazyLock};

use argon2::password_hash::rand_core::OsRng;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::{Algorithm, Argon2, Params, Version};
use klaim_core::Password;
use tokio::sync::Semaphore;

#[derive(Debug, thiserror::Error)]
pub enum HashError {
    #[error("password hashing failed: {0}")]
    Hash(argon2::password_hash::Error),
    #[error("the hashing task did not finish: {0}")]
    Task(#[from] tokio::task::JoinError),
    #[error("the hashing limiter is closed")]
    Closed,
}

/// Shared by the handlers; cheap to clone.
#[derive(Clone, Debug)]
pub struct Hasher {
    permits: Arc<Semaphore>,
}

impl Default for Hasher {
    fn default() -> Hasher {
        let cores = std::thread::available_parallelism().map_or(2, usize::from);
        Hasher {
            permits: Arc::new(Semaphore::new(cores * 2)),
        }
    }
}

/// OWASP's Argon2id setting: 19 MiB, 2 passes, 1 lane.
fn argon2() -> Argon2<'static> {
    let params = Params::new(19 * 1024, 2, 1, None).expect("valid Argon2 parameters");
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
}

/// Verified against when the account does not exist, so that an unknown login takes as long as
/// a wrong password.
static DUMMY_HASH: LazyLock<String> = LazyLock::new(|| {
    let salt = SaltString::generate(&mut OsRng);
    argon2()
        .hash_password(b"no account has this password", &salt)
        .expect("hash the dummy password")
        .to_string()
});

impl Hasher {
    /// The PHC string (`$argon2id$v=19$m=19456,t=2,p=1$…`) to store.
    pub async fn hash(&self, password: &Password) -> Result<String, HashError> {
        let _permit = self
            .permits
            .acquire()
            .await
            .map_err(|_| HashError::Closed)?;
        let text = password.expose().to_owned();
        tokio::task::spawn_blocking(move || {
            let salt = SaltString::generate(&mut OsRng);
            argon2()
                .hash_password(text.as_bytes(), &salt)
                .map(|h| h.to_string())
                .map_err(HashError::Hash)
        })
        .await?
    }

    /// Whether `password` matches `stored`; with no stored hash, spends the same time and says no.
    pub async fn verify(&self, password: &str, stored: Option<String>) -> Result<bool, HashError> {
        let _permit = self
            .permits
            .acquire()
            .await
            .map_err(|_| HashError::Closed)?;
        let text = password.to_owned();
        tokio::task::spawn_blocking(move || {
            let exists = stored.is_some();
            let stored = stored.unwrap_or_else(|| DUMMY_HASH.clone());
            let parsed = PasswordHash::new(&stored).map_err(HashError::Hash)?;
            let matches = argon2().verify_password(text.as_bytes(), &parsed).is_ok();
            Ok(exists && matches)
        })
        .await?
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use klaim_core::PersonalData;

    #[tokio::test]
    async fn hashes_are_argon2id_and_verify() {
        let hasher = Hasher::default();
        let password = Password::parse("kopi tubruk pagi hari", PersonalData::default()).unwrap();
        let stored = hasher.hash(&password).await.unwrap();
        assert!(
            stored.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"),
            "{stored}"
        );
        assert!(!stored.contains("kopi"));
        assert!(
            hasher
                .verify("kopi tubruk pagi hari", Some(stored.clone()))
                .await
                .unwrap()
        );
        assert!(
            !hasher
                .verify("kopi tubruk pagi", Some(stored))
                .await
                .unwrap()
        );
        assert!(
            !hasher
                .verify("no account has this password", None)
                .await
                .unwrap()
        );
    }
}
