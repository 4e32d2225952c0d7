//! Service hours and the signed-in pages' frame.

// ---- Service hours --------------------------------------------------------------------------
pub const SERVICE_ALWAYS: &str = "24時間365日";
pub const WEEKDAY_LONG: [&str; 7] = [
    "月曜日",
    "火曜日",
    "水曜日",
    "木曜日",
    "金曜日",
    "土曜日",
    "日曜日",
];
pub const WEEKDAY_SHORT: [&str; 7] = ["月", "火", "水", "木", "金", "土", "日"];
pub const SERVICE_CLOSED_TITLE: &str = "サービス時間外です";

pub fn service_hours(days: &str, opens: &str, closes: &str) -> String {
    format!("{days}の{opens}から{closes}まで（日本時間）")
}

pub fn service_closed(hours: &str, resumes: &str) -> String {
    format!(
        "ただいまサービス時間外のため、ご利用いただけません。サービス時間は{hours}です。{resumes}から利用できます。"
    )
}

// ---- Signed-in pages ------------------------------------------------------------------------
pub const SUBMISSIONS_TITLE: &str = "届書・申請書検索一覧";
pub const SUBMISSIONS_EMPTY: &str = "まだ届書・申請書はありません。";
pub const SUBMISSIONS_EMPTY_HINT: &str = "作成中（一時保存）のものと提出したものが、ここに一覧で表示されます。提出したものは、受付・審査の状況を確認できます。";
pub const HEADER_INSTITUTION_CODE: &str = "医療機関コード";
pub const HEADER_CLASS: &str = "点数表区分";
pub const HEADER_LAST_LOGIN: &str = "前回ログイン";
pub const HEADER_FIRST_LOGIN: &str = "今回が初めてのログインです";
pub const HEADER_BUREAU: &str = "所属";
pub const ACCOUNT_INFO_LABEL: &str = "ログイン中の利用者";
