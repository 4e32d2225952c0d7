//! Japanese text of bulk issuance: the operator's import report and the mailed
//! ユーザID・初期パスワード通知 (letter). Wording follows the seed notice; the FAQ answers are the
//! seed's 【5】よくあるお問い合わせ, shortened where they describe another system's screens.

// ---- Import report ---------------------------------------------------------------------------

pub const IMPORT_REJECTED_HEADING: &str = "取り込みを中止しました。ファイルに誤りがあるため、1件も登録していません。次の行を修正して、もう一度取り込んでください。";

pub fn import_row_heading(row: usize) -> String {
    format!("{row}行目：")
}

pub fn import_file_unreadable(detail: &str) -> String {
    format!("ファイルを読み込めませんでした（{detail}）。")
}

pub fn import_header_missing(column: &str) -> String {
    format!("見出し行に「{column}」の列がありません。1行目に列名を入れてください。")
}

pub const IMPORT_EMPTY: &str =
    "取り込む行がありません。見出し行の次の行から医療機関等を記入してください。";
pub const IMPORT_CLASS_UNKNOWN: &str =
    "点数表区分は「医科」「歯科」「調剤」のいずれかを入力してください。";
pub const IMPORT_PREFECTURE_UNKNOWN: &str = "都道府県名を正しく入力してください（例：広島県）。";
pub const IMPORT_POSTAL_CODE: &str =
    "郵便番号は7桁の数字で入力してください（例：730-0011 または 7300011）。";
pub const IMPORT_NAME_REQUIRED: &str = "名称を入力してください。";
pub const IMPORT_NAME_TOO_LONG: &str = "名称は100文字以内で入力してください。";
pub const IMPORT_ADDRESS_REQUIRED: &str = "住所1を入力してください。";
pub const IMPORT_ADDRESS_TOO_LONG: &str = "住所は1行100文字以内で入力してください。";

pub fn import_column_count(expected: usize, found: usize) -> String {
    format!("列の数が見出し行と合いません（見出し{expected}列、この行{found}列）。")
}

pub fn import_month_invalid(month: &str) -> String {
    format!("オンライン請求月「{month}」は「2024-10」のように西暦4桁と月2桁で入力してください。")
}

pub fn import_duplicate(first_row: usize) -> String {
    format!("同じ医療機関コードと点数表区分が{first_row}行目にもあります。1行にまとめてください。")
}

// ---- Issuance and reissue --------------------------------------------------------------------

pub fn claim_month_invalid(month: &str) -> String {
    format!("--claim-month「{month}」は「2024-10」のように西暦4桁と月2桁で指定してください。")
}

pub fn letter_font_unreadable(path: &str, detail: &str) -> String {
    format!(
        "通知書のフォント「{path}」を読み込めませんでした（{detail}）。TODOKE_LETTER_FONT でTrueTypeフォントの場所を指定してください。"
    )
}

pub const FONT_NOT_TRUETYPE: &str = "TrueType/OpenType として解釈できません";

pub fn letter_output_failed(detail: &str) -> String {
    format!("通知書を書き出せませんでした（{detail}）。発行は取り消しました。")
}

pub fn account_not_found(user_id: &str) -> String {
    format!("ユーザID「{user_id}」の利用者は見つかりません。")
}

pub fn account_already_ended(user_id: &str) -> String {
    format!("ユーザID「{user_id}」は既に利用終了しています。")
}

pub fn end_of_use_filing_without_date(arrival_number: &str) -> String {
    format!(
        "到達番号{arrival_number}の利用終了届出に利用終了日がありません。届出の内容を確認してください。処理は行っていません。"
    )
}

pub const REISSUE_TARGET_MISSING: &str = "ユーザIDか --requests のどちらか一方を指定してください（--dry-run は --requests と一緒に使います）。";

pub const END_USE_TARGET_MISSING: &str = "ユーザIDか --filings のどちらか一方を指定してください（--dry-run は --filings と一緒に使います）。";

pub fn reissue_not_applicant(user_id: &str) -> String {
    format!("ユーザID「{user_id}」は医療機関等の利用者ではないため、通知書を再発行できません。")
}

pub fn institution_address_missing(code: &str) -> String {
    format!(
        "医療機関コード{code}の送付先住所が登録されていません。先に import-institutions で取り込んでください。"
    )
}

// ---- The letter ------------------------------------------------------------------------------

pub const LETTER_TITLE: &str = "ユーザID・初期パスワード通知";
pub const LETTER_REISSUE_TITLE: &str = "ユーザID・初期パスワード通知（再発行）";
pub const LETTER_HONORIFIC: &str = "様";
pub const LETTER_POSTAL_MARK: &str = "〒";
pub const LETTER_SENDER: &str = "厚生労働省保険局医療課";
pub const LETTER_INTRO: &str = "「保険医療機関等電子申請・届出等システム」のユーザIDおよび初期パスワードをお知らせします。地方厚生(支)局等に紙で届け出ている申請・届出の一部を、オンラインで行うことができます。";
pub const LETTER_REISSUE_INTRO: &str = "ユーザID・初期パスワードを再発行しました。以前の初期パスワードおよび変更後のパスワードは使用できなくなりました。";
pub const LETTER_USER_ID_LABEL: &str = "ユーザID";
pub const LETTER_PASSWORD_LABEL: &str = "初期パスワード";
pub const LETTER_CREDENTIALS_NOTE: &str = "数字の0（ゼロ）・1（イチ）、英字のO（オー）・I（アイ）・l（エル）は使っていません。大文字・小文字を区別して入力してください。";
pub const LETTER_KEEP_SAFE: &str = "この通知は他の人に見られないよう大切に保管してください。ユーザIDとパスワードに有効期限はありません。";
pub const LETTER_INSTITUTION_LABEL: &str = "医療機関コード・点数表区分";

pub const LETTER_STEPS_HEADING: &str = "初回ログインの手順";
pub const LETTER_STEPS: [&str; 5] = [
    "① ブラウザを起動し、次のURLをアドレスバーに入力します（入力誤りにご注意ください）。",
    "② 証明書の選択画面が表示されたら、「Online Billing NW Common Root CA」が含まれる証明書を選びます。",
    "③ ログイン画面で、上記のユーザIDと初期パスワードを入力し、「ログイン」ボタンを押します。",
    "④ 「パスワードを変更する」画面で、現在のパスワード（初期パスワード）と新しいパスワードを2回入力し、「パスワードの変更」ボタンを押します。",
    "⑤ 「届書・申請書検索一覧」画面が表示されたら完了です。2回目以降はパスワード変更画面は表示されません。",
];

pub const LETTER_RULES_HEADING: &str = "新しいパスワードの条件";
pub const LETTER_RULES: [&str; 3] = [
    "・文字数：10文字以上20文字以下",
    "・英大文字、英小文字、数字、記号の4種類（いずれも半角）をそれぞれ1文字以上使用",
    "・ユーザIDと同じ文字列を含めることはできません",
];

pub const LETTER_HOURS_HEADING: &str = "サービス時間";
pub const LETTER_HOURS: &str = "月曜日～土曜日　8時～21時";

pub const LETTER_FAQ_HEADING: &str = "よくあるお問い合わせ";
pub const LETTER_FAQ: [(&str, &str); 10] = [
    (
        "Q1 システムの特徴やできることを教えてください。",
        "A1 従前まで紙媒体で行っていた各種申請の一部を、ネットワークを利用して行うことを可能とするシステムです。詳細は各地方厚生(支)局ホームページの「システム概要」をご覧ください。",
    ),
    (
        "Q2 紙媒体による申請も利用できますか。",
        "A2 紙媒体による申請もご利用できます。",
    ),
    (
        "Q3 システムで申請した場合、紙媒体で同じ内容を届け出る必要がありますか。",
        "A3 紙媒体で同じ内容を届け出る必要はありません。",
    ),
    (
        "Q4 利用に手数料は必要ですか。",
        "A4 手数料は必要ありません。",
    ),
    (
        "Q5 利用するための詳細な条件を教えてください。",
        "A5 各地方厚生(支)局ホームページの「システム概要」の「サービス概要」に記載しています。",
    ),
    (
        "Q6 「ユーザID・初期パスワード通知」を紛失した場合は、どうすればよいですか。",
        "A6 再発行できます。このシステムのログイン画面の「通知書を紛失した場合の再発行の申請」から申請してください。通知書は登録されている所在地に郵送します。",
    ),
    (
        "Q7 利用するには、電子証明書を発行する必要がありますか。",
        "A7 オンライン請求ネットワークを使用するために発行した電子証明書があれば、新たに発行する必要はありません。",
    ),
    (
        "Q8 ログインボタンが押せない等、ログインできない場合は。",
        "A8 ブラウザのJavaScriptが無効になっている可能性があります。インターネットオプションで本システムを「信頼済みサイト」に登録してください。",
    ),
    (
        "Q9 医療機関コード、点数表区分（医科・歯科・調剤）に変更があった場合の手続きは。",
        "A9 現在のユーザIDの利用終了（様式5 利用終了届出）と、新しい医療機関コード・点数表区分での利用開始（様式1 利用開始届出）の手続きが必要です。移転の場合も同様です。",
    ),
    (
        "Q10 URLは正しいのにアクセスできない場合は。",
        "A10 端末の接続設定（プロキシの例外）に本システムのドメインを追加してください。解決しない場合は、レセコンのベンダーまたはネットワーク事業者にご確認ください。",
    ),
];

pub fn letter_batch_footer(batch: u8, prefecture: &str, page: usize, pages: usize) -> String {
    format!("第{batch}便　{prefecture}　{page}/{pages}")
}

// ---- Mailing schedule (seed 別添2 郵送スケジュール) -------------------------------------------

/// The seed's 郵送スケジュール: the expected arrival (郵送物到着日途) of each mailing batch, in
/// batch order (which prefectures each batch serves is data: `issuance::schedule` in the server).
pub const MAILING_ARRIVALS: [&str; 9] = [
    "令和6年11月下旬ごろ",
    "令和6年12月上旬ごろ",
    "令和6年12月下旬ごろ",
    "令和7年1月中旬ごろ",
    "令和7年1月下旬ごろ",
    "令和7年2月中旬ごろ",
    "令和7年2月下旬ごろ",
    "令和7年3月中旬ごろ",
    "令和7年3月下旬ごろ",
];

pub const ISSUANCE_CONFLICT: &str = "発行中に別の発行処理で同じ医療機関等またはユーザIDが登録されたため、今回の発行を取り消しました（通知書も作成していません）。もう一度実行してください。";

// Announcement (the list page's お知らせ欄, set with `admin announce`)
pub const ANNOUNCEMENT_TEXT_MISSING: &str = "お知らせの本文を --text で指定してください。";
pub fn announcement_text_too_long(max: usize) -> String {
    format!("お知らせの本文は{max}文字以内にしてください。")
}
pub const ANNOUNCEMENT_LINK_INCOMPLETE: &str = "リンクを載せるときは、リンクの文字（--link-text）とアドレス（--link-url）を両方指定してください。";
pub fn announcement_link_text_too_long(max: usize) -> String {
    format!("リンクの文字は{max}文字以内にしてください。")
}
pub const ANNOUNCEMENT_URL_NOT_ALLOWED: &str = "リンクのアドレスは https:// または http:// で始まるアドレスか、このサイトの / で始まるパスを空白なしで指定してください。";
pub const ANNOUNCEMENT_CLEAR_WITH_TEXT: &str =
    "--clear と本文は同時に指定できません。消すときは --clear だけを指定してください。";

pub fn start_of_use_in_use(code: &str, user_id: &str) -> String {
    format!(
        "医療機関コード {code} には利用中のユーザID {user_id} があるため、利用開始届出のユーザIDを発行できません。地方厚生（支）局に確認してください。"
    )
}
