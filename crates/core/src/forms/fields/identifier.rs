//! `institution_code` (医療機関コード / 薬局コード) and `registration_number` (保険医・保険薬剤師
//! 登録の記号及び番号): identifiers checked against the signed-in account.

use super::Verdict;
use crate::forms::issue::IssueCode;
use crate::forms::registration::{Profession, RegistrationNumber, RegistrationNumberError};
use crate::forms::report::CheckContext;
use crate::institution::{FeeScheduleClass, InstitutionCode, InstitutionCodeError};

/// Shape errors, a 点数表 digit that is not the account's and another code than the account's
/// are errors; a failed check digit is a warning, because some old codes may predate the rule
/// *(confirm)*.
pub(super) fn institution_code(typed: &str, ctx: &CheckContext) -> Verdict {
    let code = match InstitutionCode::parse(typed) {
        Ok(c) => c,
        Err(e) => return Verdict::refuse(IssueCode::InstitutionCodeShape(e)),
    };
    let value = code.as_str().to_string();
    if code.verify_class(ctx.class).is_err() {
        return Verdict::with(
            value,
            IssueCode::InstitutionCodeClassMismatch {
                code_class: code.class(),
                account_class: ctx.class,
            },
        );
    }
    if let Some(account) = &ctx.institution_code
        && account != &code
    {
        let account = account.as_str().to_string();
        return Verdict::with(value, IssueCode::InstitutionCodeAccountMismatch { account });
    }
    if let Err(InstitutionCodeError::CheckDigit { expected }) = code.verify_check_digit() {
        return Verdict::with(value, IssueCode::InstitutionCodeCheckDigit { expected });
    }
    Verdict::ok(value)
}

/// A registration of the profession the account's class files (医科 → 医, 歯科 → 歯, 調剤 → 薬),
/// normalised to `阪医52752`.
pub(super) fn registration_number(typed: &str, class: FeeScheduleClass) -> Verdict {
    match RegistrationNumber::parse(typed) {
        Ok(r) => {
            let expected = Profession::for_class(class);
            if r.profession != expected {
                return Verdict::refuse(IssueCode::RegistrationNumberProfession {
                    found: r.profession,
                    class,
                    expected,
                });
            }
            Verdict::ok(r.to_string())
        }
        Err(RegistrationNumberError::UnknownPrefecture) => {
            let first = typed.chars().next().unwrap_or(' ');
            Verdict::refuse(IssueCode::RegistrationNumberPrefecture { first })
        }
        Err(_) => Verdict::refuse(IssueCode::RegistrationNumberShape),
    }
}
