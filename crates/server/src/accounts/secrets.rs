//! Generated user IDs and initial passwords: unambiguous characters, and passwords that meet
//! the policy in force.

use rand::Rng;
use rand::rngs::OsRng;
use rand::seq::SliceRandom;
use todoke_core::PasswordPolicy;

/// Letters and digits that cannot be confused on a printed letter: no 0/O, 1/I/L.
const USER_ID_ALPHABET: &[u8] = b"ABCDEFGHJKMNPQRSTUVWXYZ23456789";
const USER_ID_LEN: usize = 10;

/// Password character classes without 0/O, 1/l/I, so that the mailed password is typed right.
const UPPER: &[u8] = b"ABCDEFGHJKLMNPQRSTUVWXYZ";
const LOWER: &[u8] = b"abcdefghijkmnopqrstuvwxyz";
const DIGITS: &[u8] = b"23456789";
/// Symbols that are easy to read and type on a Japanese keyboard.
const SYMBOLS: &[u8] = b"#$%&*+-=?@";
const INITIAL_PASSWORD_LEN: usize = 12;

/// A 10-character user ID from the unambiguous alphabet. Uniqueness is enforced by the database.
pub fn generate_user_id() -> String {
    (0..USER_ID_LEN).map(|_| pick(USER_ID_ALPHABET)).collect()
}

/// A random initial password (12 characters, or the policy's bounds if they exclude 12) with at
/// least one upper-case letter, lower-case letter, digit and symbol, drawn from the OS CSPRNG,
/// that the policy accepts.
pub fn generate_initial_password(policy: &PasswordPolicy) -> String {
    initial_password_for(policy, "")
}

/// Like [`generate_initial_password`], also refusing passwords that contain `user_id`.
pub(super) fn initial_password_for(policy: &PasswordPolicy, user_id: &str) -> String {
    let len = INITIAL_PASSWORD_LEN.clamp(policy.min_len.max(4), policy.max_len.max(4));
    loop {
        let mut chars: Vec<char> = [UPPER, LOWER, DIGITS, SYMBOLS]
            .iter()
            .map(|set| pick(set))
            .collect();
        let all: Vec<u8> = [UPPER, LOWER, DIGITS, SYMBOLS].concat();
        chars.extend((chars.len()..len).map(|_| pick(&all)));
        chars.shuffle(&mut OsRng);
        let candidate: String = chars.into_iter().collect();
        if policy.problems(&candidate, user_id).is_empty() {
            return candidate;
        }
    }
}

fn pick(set: &[u8]) -> char {
    char::from(set[OsRng.gen_range(0..set.len())])
}
