//! Words and shapes every page shares: general messages, classes, identifiers, the API request
//! shape.

// ---- General -------------------------------------------------------------------------------
pub const SERVICE_NAME: &str = "保険医療機関等電子申請・届出等システム";
pub const SERVICE_SHORT: &str = "電子申請・届出";
pub const REQUIRED_BADGE: &str = "※必須";
pub const OPTIONAL_BADGE: &str = "※任意";
pub const ERROR_PREFIX: &str = "エラー：";
pub const ERROR_SUMMARY_HEADING: &str = "入力内容に誤りがあります";
pub const INLINE_ERROR_MARK: &str = "＊";
/// The app's header when embedded: a region, named apart from the app's main region.
pub const HEADER_REGION_LABEL: &str = "電子申請・届出のメニュー";
pub const SKIP_TO_MAIN: &str = "本文へ移動";
pub const MANUAL_LINK: &str = "マニュアル";
pub const LOGOUT: &str = "ログアウト";
pub const LOADING: &str = "読み込んでいます…";
pub const SHOW_PASSWORD: &str = "パスワードを表示する";
pub const HIDE_PASSWORD: &str = "パスワードを隠す";
pub const PASSWORD_SHOWN_STATUS: &str = "パスワードを表示しています。";
pub const PASSWORD_HIDDEN_STATUS: &str = "パスワードを隠しています。";
pub const RULE_MET: &str = "（満たしています）";
pub const RULE_NOT_MET: &str = "（まだ満たしていません）";
pub const NOT_FOUND_TITLE: &str = "ページが見つかりません";
pub const NOT_FOUND_BODY: &str =
    "お探しのページは見つかりませんでした。アドレスに誤りがないか確認してください。";
pub const BACK_TO_TOP: &str = "届書・申請書検索一覧へ戻る";
pub const BACK_TO_LOGIN: &str = "ログイン画面へ戻る";
pub const NETWORK_ERROR: &str = "サーバーに接続できませんでした。インターネット接続を確認して、もう一度お試しください。入力した内容は残っています。";
pub const UNEXPECTED_ERROR: &str = "システムで問題が発生しました。時間をおいてもう一度お試しください。入力した内容は残っています。";
pub const VALIDATION_FAILED: &str =
    "入力内容に誤りがあります。各項目のメッセージを確認して修正してください。";

// ---- Classes --------------------------------------------------------------------------------
pub const CLASS_MEDICAL: &str = "医科";
pub const CLASS_DENTAL: &str = "歯科";
pub const CLASS_PHARMACY: &str = "調剤";

// ---- Identifiers ----------------------------------------------------------------------------
pub const INSTITUTION_CODE_REQUIRED: &str = "医療機関コードを入力してください。";
pub const INSTITUTION_CODE_SHAPE: &str = "医療機関コードを10桁の数字で入力してください。";
pub const INSTITUTION_CODE_PREFECTURE: &str =
    "医療機関コードの先頭2桁は都道府県番号（01〜47）です。コードを確認して入力してください。";
pub const INSTITUTION_CODE_CLASS_DIGIT: &str = "医療機関コードの3桁目は点数表番号（医科は1、歯科は3、調剤は4）です。コードを確認して入力してください。";

pub fn institution_code_check_digit(expected: u8) -> String {
    format!(
        "医療機関コードの検証番号（10桁目）が一致しません（計算上は{expected}です）。コードを確認してください。"
    )
}

pub fn institution_code_class_mismatch(code_class: crate::FeeScheduleClass) -> String {
    format!(
        "医療機関コードの点数表番号は{}を示しています。点数表区分とコードを確認してください。",
        code_class.label()
    )
}

pub const USER_ID_REQUIRED: &str = "ユーザIDを入力してください。";
pub const USER_ID_SHAPE: &str =
    "ユーザIDは、ご利用案内に記載の半角英数字とハイフン（4〜32文字）で入力してください。";

// ---- API request shape ----------------------------------------------------------------------
pub const JSON_FIELDS_INVALID: &str = "送信内容の項目が不足しているか、項目の形式が正しくありません。画面を再読み込みしてから、もう一度操作してください。";
