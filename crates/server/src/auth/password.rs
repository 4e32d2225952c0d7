//! Password hashing with argon2id (m = 19 MiB, t = 2, p = 1: OWASP's minimum). Hashing takes
//! tens of milliseconds on purpose, so it runs on a blocking thread, never on the async workers.

use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::{Algorithm, Argon2, Params, Version};
use rand::rngs::OsRng;

use crate::error::AppError;

/// Memory cost in KiB.
const MEMORY_KIB: u32 = 19_456;
const ITERATIONS: u32 = 2;
const PARALLELISM: u32 = 1;

fn argon2() -> Result<Argon2<'static>, AppError> {
    let params = Params::new(MEMORY_KIB, ITERATIONS, PARALLELISM, None)
        .map_err(|e| AppError::Internal(format!("argon2 parameters: {e}")))?;
    Ok(Argon2::new(Algorithm::Argon2id, Version::V0x13, params))
}

/// The PHC string (`$argon2id$v=19$m=19456,t=2,p=1$…`) of `password` with a fresh random salt.
pub async fn hash(password: String) -> Result<String, AppError> {
    blocking(move || hash_now(&password)).await?
}

/// Whether `password` matches the PHC string `phc`. A malformed stored hash is an internal
/// error, not a mismatch, so that a broken row is noticed.
pub async fn verify(password: String, phc: String) -> Result<bool, AppError> {
    blocking(move || {
        let parsed = PasswordHash::new(&phc)
            .map_err(|e| AppError::Internal(format!("stored password hash: {e}")))?;
        Ok(argon2()?
            .verify_password(password.as_bytes(), &parsed)
            .is_ok())
    })
    .await?
}

fn hash_now(password: &str) -> Result<String, AppError> {
    let salt = SaltString::generate(&mut OsRng);
    argon2()?
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| AppError::Internal(format!("hashing a password: {e}")))
}

async fn blocking<T: Send + 'static>(
    f: impl FnOnce() -> T + Send + 'static,
) -> Result<T, AppError> {
    tokio::task::spawn_blocking(f)
        .await
        .map_err(|e| AppError::Internal(format!("hashing task: {e}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn hashes_are_argon2id_salted_and_verify() {
        let a = hash("Kx7#mQ2!vRt".into()).await.unwrap();
        let b = hash("Kx7#mQ2!vRt".into()).await.unwrap();
        assert!(a.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"), "{a}");
        assert_ne!(a, b, "each hash has its own salt");
        assert!(!a.contains("Kx7#mQ2!vRt"));
        assert!(verify("Kx7#mQ2!vRt".into(), a.clone()).await.unwrap());
        assert!(!verify("Kx7#mQ2!vRT".into(), a).await.unwrap());
    }

    #[tokio::test]
    async fn a_broken_stored_hash_is_an_error_not_a_mismatch() {
        assert!(verify("x".into(), "not a hash".into()).await.is_err());
    }
}
