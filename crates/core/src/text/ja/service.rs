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

// Dates and times (Japan time; the era is shown beside the Western year)
/// 「8時00分」
pub fn time_of_day(hour: u8, minute: u8) -> String {
    format!("{hour}時{minute:02}分")
}
/// 「11月26日（木）8時00分」; `weekday` 0 = Monday.
pub fn month_day_weekday_time(month: u8, day: u8, weekday: usize, time: &str) -> String {
    format!("{month}月{day}日（{}）{time}", WEEKDAY_SHORT[weekday % 7])
}
/// 「2026年11月25日 12時30分」
pub fn date_and_time(year: i32, month: u8, day: u8, time: &str) -> String {
    format!("{year}年{month}月{day}日 {time}")
}
/// Era names from newest to oldest: 令和, 平成, 昭和, 大正.
pub const ERA_NAMES: [&str; 4] = ["令和", "平成", "昭和", "大正"];
/// 「令和6年」, 「令和元年」 for the first year.
pub fn era_year(era: &str, year: i32) -> String {
    if year == 1 {
        format!("{era}元年")
    } else {
        format!("{era}{year}年")
    }
}
/// 「2024年（令和6年）11月18日」; `era_year` may be empty (before 大正).
pub fn calendar_date(year: i32, era_year: &str, month: u8, day: u8) -> String {
    let era = if era_year.is_empty() {
        String::new()
    } else {
        format!("（{era_year}）")
    };
    format!("{year}年{era}{month}月{day}日")
}
/// The era beside a date field as it is typed: 「（令和6年）」.
pub fn era_aside(era_year: &str) -> String {
    format!("（{era_year}）")
}
/// 「月曜日から土曜日」
pub fn day_range(first: &str, last: &str) -> String {
    format!("{first}から{last}")
}
/// Between days that are not a range: 「月曜日・水曜日」.
pub const DAY_LIST_SEPARATOR: &str = "・";

// ---- Connection self-check (the notice's section 【3】) ---------------------------------------
pub const CHECK_TITLE: &str = "接続確認";
pub const CHECK_INTRO: &str = "ログインできないときや画面が正しく表示されないときに、お使いのパソコンとブラウザでこのシステムを利用できるかを順に確認します。ログインしなくても確認できます。";
pub const CHECK_LINK: &str = "ログインできない場合は、接続確認をお試しください";
pub const CHECK_RUNNING: &str = "確認しています…";
pub const CHECK_OK: &str = "問題ありません";
pub const CHECK_PROBLEM: &str = "問題があります";
pub const CHECK_SKIPPED: &str = "確認できません";
pub const CHECK_AGAIN: &str = "もう一度確認する";
pub const CHECK_SCRIPT: &str = "JavaScriptとWebAssembly";
pub const CHECK_SCRIPT_OK: &str = "JavaScriptとWebAssemblyが動作しています。";
pub const CHECK_COOKIES: &str = "Cookie";
pub const CHECK_COOKIES_OK: &str = "Cookieを保存できます。";
pub const CHECK_COOKIES_FAILED: &str = "Cookieを保存できません。ブラウザの設定で、このサイトのCookieを許可してください（プライベートブラウズでは保存できないことがあります）。";
pub const CHECK_SERVER: &str = "サーバーへの接続";
pub const CHECK_SERVER_OK: &str = "サーバーに接続できます。";
pub const CHECK_SERVER_FAILED: &str = "サーバーに接続できません。インターネット接続と、プロキシやセキュリティソフトの設定を確認してください。院内のネットワークを使っている場合は、管理者にこのサイトへの接続が許可されているか確認してください。";
pub const CHECK_HOURS: &str = "サービス時間";
pub fn check_hours_open(hours: &str) -> String {
    format!("サービス時間内です（{hours}）。")
}
pub const CHECK_CERTIFICATE: &str = "クライアント証明書";
pub const CHECK_CERTIFICATE_OK: &str = "クライアント証明書は不要か、正しく提示されています。";
pub const CHECK_CERTIFICATE_FAILED: &str = "クライアント証明書が提示されていません。オンライン請求用の電子証明書をこのパソコンに導入し、ブラウザを再起動してから、証明書を選ぶ画面で「Online Billing NW Common Root CA」が発行した証明書を選んでください。";
pub const CHECK_CLOCK: &str = "パソコンの時計";
pub const CHECK_CLOCK_OK: &str = "パソコンの時計は正しい時刻です。";
pub fn check_clock_off(minutes: i64) -> String {
    format!(
        "パソコンの時計が約{minutes}分ずれています。時刻を自動的に合わせる設定にしてください。時計がずれていると、ログインの有効期限などが正しく表示されません。"
    )
}
pub const CHECK_NEEDS_SERVER: &str = "サーバーに接続できないため確認できません。";
pub const CHECK_DONE_OK: &str = "確認が終わりました。問題は見つかりませんでした。";
pub fn check_done_problems(count: usize) -> String {
    format!(
        "確認が終わりました。問題が{count}件見つかりました。各項目の対処方法を確認してください。"
    )
}
