//! Signing in, the password change, sessions and access, and the operator's account commands with
//! the demo accounts.

// ---- Login ----------------------------------------------------------------------------------
pub const LOGIN_TITLE: &str = "ログイン";
pub const LOGIN_LEAD: &str =
    "郵送された「ご利用案内」に記載のユーザIDとパスワードを入力してください。";
pub const USER_ID_LABEL: &str = "ユーザID";
pub const USER_ID_HINT: &str =
    "ご利用案内に記載の半角英数字（例：H3K9PQ7RW2）。全角で入力しても半角に直します。";
pub const PASSWORD_LABEL: &str = "パスワード";
pub const LOGIN_BUTTON: &str = "ログイン";
pub const LOGGING_IN: &str = "ログインしています…";
pub const PASSWORD_REQUIRED: &str = "パスワードを入力してください。";
pub const PASSWORD_TOO_LONG_FOR_LOGIN: &str = "パスワードが長すぎます。ご利用案内に記載のパスワード、または変更後のパスワードを入力してください。";
pub const INVALID_CREDENTIALS: &str =
    "ユーザIDまたはパスワードが正しくありません。入力内容を確認して、もう一度お試しください。";

pub fn account_locked(minutes: u64) -> String {
    format!(
        "ログインに続けて失敗したため、このユーザIDでのログインを一時的に停止しています。{minutes}分ほど待ってから、もう一度お試しください。"
    )
}

pub const LOGGED_OUT_NOTICE: &str = "ログアウトしました。";
pub const SESSION_EXPIRED_NOTICE: &str =
    "一定時間操作がなかったため、安全のためログアウトしました。もう一度ログインしてください。";
pub const LOGIN_HELP_HEADING: &str = "ログインできない場合";
pub const LOGIN_HELP_LOST: &str = "「ユーザID・初期パスワード通知」を紛失した場合や届かない場合は、ログインせずに再発行を申請できます。";
pub const NOSCRIPT: &str = "このシステムを利用するには、ブラウザのJavaScriptを有効にしてください。ログインボタンが押せない場合も、JavaScriptが無効になっている可能性があります。";

// ---- Password change ------------------------------------------------------------------------
pub const PASSWORD_CHANGE_TITLE: &str = "パスワード変更";
pub const PASSWORD_CHANGE_LEAD: &str = "初めてログインしたときは、初期パスワードを新しいパスワードに変更してください。変更するまで他の画面は利用できません。";
pub const CURRENT_PASSWORD_LABEL: &str = "現在のパスワード";
pub const CURRENT_PASSWORD_HINT: &str =
    "ログインに使ったパスワード（初期パスワード）を入力してください。";
pub const NEW_PASSWORD_LABEL: &str = "新しいパスワード";
pub const NEW_PASSWORD_CONFIRMATION_LABEL: &str = "新しいパスワード（確認用）";
pub const NEW_PASSWORD_CONFIRMATION_HINT: &str =
    "確認のため、新しいパスワードをもう一度入力してください。";
pub const PASSWORD_CHANGE_BUTTON: &str = "パスワードの変更";
pub const PASSWORD_CHANGING: &str = "変更しています…";
pub const PASSWORD_RULES_HEADING: &str = "新しいパスワードの条件";
pub const PASSWORD_CHANGED_NOTICE: &str =
    "パスワードを変更しました。次回から新しいパスワードでログインしてください。";
pub const PASSWORD_RULE_HALF_WIDTH: &str =
    "半角の英数字と記号だけを使う（全角文字・空白は使えません）";
pub const PASSWORD_RULE_UPPER: &str = "英大文字（A〜Z）を1文字以上含む";
pub const PASSWORD_RULE_LOWER: &str = "英小文字（a〜z）を1文字以上含む";
pub const PASSWORD_RULE_DIGIT: &str = "数字（0〜9）を1文字以上含む";
pub const PASSWORD_RULE_SYMBOL: &str = "記号（! # $ % & など）を1文字以上含む";
pub const PASSWORD_RULE_EXTRA: &str =
    "現在のパスワード、ユーザIDを含むもの、推測されやすいもの（Password1! など）は使えません。";

pub fn password_rule_length(min: usize, max: usize) -> String {
    format!("{min}文字以上{max}文字以下")
}

pub const PASSWORD_KIND_UPPER: &str = "英大文字";
pub const PASSWORD_KIND_LOWER: &str = "英小文字";
pub const PASSWORD_KIND_DIGIT: &str = "数字";
pub const PASSWORD_KIND_SYMBOL: &str = "記号";
pub const PASSWORD_CURRENT_REQUIRED: &str = "現在のパスワードを入力してください。";
pub const PASSWORD_CURRENT_WRONG: &str =
    "現在のパスワードが正しくありません。ログインに使ったパスワードを入力してください。";
pub const PASSWORD_NEW_REQUIRED: &str = "新しいパスワードを入力してください。";
pub const PASSWORD_NOT_HALF_WIDTH: &str =
    "新しいパスワードは半角の英数字と記号で入力してください。全角文字や空白は使えません。";
pub const PASSWORD_SAME_AS_CURRENT: &str =
    "新しいパスワードには、現在のパスワードと異なるものを入力してください。";
pub const PASSWORD_CONTAINS_USER_ID: &str = "新しいパスワードにユーザIDを含めないでください。";
pub const PASSWORD_TOO_COMMON: &str = "新しいパスワードは推測されやすいため使えません。よく使われる単語・地名・サービス名・キーボードの並び（password、tokyo、todoke、qwerty など）は、記号や数字に置き換えたり、西暦や数字・記号を付け足したりしても推測されやすいままです。関係のない単語や文字を組み合わせて、別のパスワードを入力してください。";
pub const PASSWORD_CONFIRMATION_REQUIRED: &str = "新しいパスワード（確認用）を入力してください。";
pub const PASSWORD_CONFIRMATION_MISMATCH: &str = "新しいパスワード（確認用）が新しいパスワードと一致しません。同じパスワードを入力してください。";

pub fn password_too_short(min: usize, len: usize) -> String {
    format!("新しいパスワードは{min}文字以上で入力してください（現在{len}文字）。")
}

pub fn password_too_long(max: usize, len: usize) -> String {
    format!("新しいパスワードは{max}文字以下で入力してください（現在{len}文字）。")
}

pub fn password_missing_kinds(kinds: &[&str]) -> String {
    format!(
        "新しいパスワードに{}を1文字以上含めてください。",
        kinds.join("、")
    )
}

// ---- Sessions and access --------------------------------------------------------------------
pub const UNAUTHENTICATED: &str =
    "ログインしていないか、ログインの有効期限が切れました。もう一度ログインしてください。";
pub const PASSWORD_CHANGE_REQUIRED: &str = "初期パスワードを変更してから利用してください。";
pub const FORBIDDEN: &str = "この操作を行う権限がありません。";
pub const CSRF_REJECTED: &str = "不正な送信元からのリクエストのため処理を中止しました。画面を再読み込みしてから操作してください。";
pub const UNSUPPORTED_MEDIA_TYPE: &str =
    "送信形式が正しくありません（JSON形式で送信してください）。";
pub const MALFORMED_JSON: &str = "送信内容を読み取れませんでした。JSON形式を確認してください。";
pub const PAYLOAD_TOO_LARGE: &str = "送信内容が大きすぎます。内容を減らしてから送信してください。";
pub const NOT_FOUND: &str = "指定されたものは見つかりませんでした。アドレスを確認してください。";
pub const METHOD_NOT_ALLOWED: &str = "この操作はこのアドレスでは使えません。";
pub const INTERNAL: &str = "システムで問題が発生しました。時間をおいてもう一度お試しください。";
pub const DOCUMENT_NOT_ISSUED: &str = "受理通知書は、受理された申請・届出についてだけ作成できます。受理されると、この画面からダウンロードできます。";
pub const DOCUMENTS_UNAVAILABLE: &str = "書類（PDF）を作成できませんでした。画面の内容は「この画面を印刷する」で印刷できます。時間をおいてもう一度お試しいただき、続く場合はヘルプデスクにお問い合わせください。";
/// The client certificate of the online billing network (mutual TLS) was not presented.
pub const CLIENT_CERTIFICATE_REQUIRED: &str = "クライアント証明書を確認できなかったため、接続できません。ブラウザをすべて閉じてから起動し直し、証明書の選択画面で「Online Billing NW Common Root CA」が含まれている証明書を選択してください。";
pub const CLIENT_CERTIFICATE_PAGE_TITLE: &str = "証明書を確認できませんでした";
pub const CLIENT_CERTIFICATE_PAGE_INTRO: &str = "このシステムを利用するには、オンライン請求ネットワーク関連システム共通認証局が発行したクライアント証明書が必要です。証明書が選択されなかったため、接続できませんでした。";
pub const CLIENT_CERTIFICATE_PAGE_STEPS_HEADING: &str = "証明書を選択し直す手順";
pub const CLIENT_CERTIFICATE_PAGE_STEPS: [&str; 3] = [
    "① 開いているブラウザの画面をすべて閉じ、ブラウザを起動し直します。",
    "② このシステムのアドレスをもう一度開きます。",
    "③ 証明書の選択画面が表示されたら、「Online Billing NW Common Root CA」が含まれている証明書を選択します。",
];
pub const CLIENT_CERTIFICATE_PAGE_NOTE: &str = "証明書の選択画面が表示されない場合や、「Online Billing NW Common Root CA」となっていない場合は、「オンライン請求ネットワーク関連システム共通認証局ユーザーマニュアル」を参照して、証明書がインストールされているか確認してください。";
pub const TIMEOUT_DIALOG_TITLE: &str = "まもなくログアウトします";

pub fn timeout_dialog_body(seconds: u64) -> String {
    let (m, s) = (seconds / 60, seconds % 60);
    let left = if m > 0 {
        format!("{m}分{s:02}秒")
    } else {
        format!("{s}秒")
    };
    format!(
        "操作がないため、あと約{left}で自動的にログアウトします。続けて利用する場合は「ログインを延長する」を押してください。"
    )
}

pub const TIMEOUT_EXTEND: &str = "ログインを延長する";
pub const TIMEOUT_LOGOUT_NOW: &str = "ログアウトする";

// ---- Account issuance (operator CLI) --------------------------------------------------------
pub const FEE_SCHEDULE_CLASS_UNKNOWN: &str =
    "点数表区分は「医科」「歯科」「調剤」のいずれかで指定してください。";
pub const PREFECTURE_UNKNOWN: &str =
    "都道府県は「広島県」のような都道府県名、または01〜47の番号で指定してください。";

pub fn prefecture_mismatch(code_prefecture: &str, given: &str) -> String {
    format!(
        "医療機関コードの先頭2桁は{code_prefecture}を示していますが、都道府県に{given}が指定されています。医療機関コードと都道府県を確認してください。"
    )
}

pub const INSTITUTION_NAME_REQUIRED: &str = "医療機関等の名称を入力してください。";
pub const INSTITUTION_NAME_TOO_LONG: &str = "医療機関等の名称は100文字以内で入力してください。";
pub const DISPLAY_NAME_REQUIRED: &str = "表示名を入力してください（例：関東信越厚生局 審査担当）。";
pub const BUREAU_UNKNOWN: &str = "地方厚生（支）局は kanto_shinetsu のような識別子、または「関東信越厚生局」のような名称で指定してください。";
pub const ACCOUNT_ALREADY_ISSUED: &str = "この医療機関コードと点数表区分の利用者アカウントは既に発行されています。再発行する場合は、先に利用終了の手続きをしてください。";
pub const USER_ID_TAKEN: &str =
    "このユーザIDは既に使われています。別のユーザIDを指定してください。";

pub fn initial_password_rejected(problems: &[String]) -> String {
    format!(
        "初期パスワードがパスワードの条件を満たしていません。{}",
        problems.join("")
    )
}

pub fn account_storage_failed(detail: &str) -> String {
    format!(
        "アカウントを保存できませんでした。データベースの設定（TODOKE_DATABASE_URL）を確認してください。詳細：{detail}"
    )
}

pub fn server_start_failed(detail: &str) -> String {
    format!("サーバーを起動できませんでした。設定を確認してください。詳細：{detail}")
}

// ---- Demo data ------------------------------------------------------------------------------
pub const DEMO_MEDICAL_NAME: &str = "とどけ内科クリニック";
pub const DEMO_DENTAL_NAME: &str = "とどけ歯科医院";
pub const DEMO_PHARMACY_NAME: &str = "とどけ薬局";
pub const DEMO_REVIEWER_NAME: &str = "関東信越厚生局 審査担当";
pub const DEMO_MEDICAL_DESCRIPTION: &str =
    "医科　とどけ内科クリニック（医療機関コード 1310100019・東京都）";
pub const DEMO_DENTAL_DESCRIPTION: &str =
    "歯科　とどけ歯科医院（医療機関コード 1330100023・東京都）";
pub const DEMO_PHARMACY_DESCRIPTION: &str = "調剤　とどけ薬局（薬局コード 1340100039・東京都）";
pub const DEMO_REVIEWER_DESCRIPTION: &str = "審査担当　関東信越厚生局";
pub const DEMO_HEADING: &str = "デモ用アカウント（デモ専用です。本番では使わないでください）：";
pub const DEMO_CREATED_NOTE: &str = "初回ログイン後にパスワードの変更を求められます。";
pub const DEMO_EXISTING_NOTE: &str = "データベースには既にアカウントがあるため、デモ用アカウントは作成しませんでした。以下はデモ用アカウントの初期パスワードです（変更済みの場合は変更後のパスワードでログインしてください）。";

pub fn demo_account_line(user_id: &str, password: &str, description: &str) -> String {
    format!("  ユーザID {user_id}　初期パスワード {password}　{description}")
}

pub fn server_listening(url: &str) -> String {
    format!("{url} で待ち受けています。ブラウザで開いてください（終了は Ctrl+C）。")
}
pub const STATUS_DRAFT: &str = "作成中";
pub const STATUS_SUBMITTED: &str = "提出済";
pub const DRAFT_CONFLICT: &str = "この届書は別の画面で更新されています。入力した内容はこの画面に残っています。最新の内容を確認してから、もう一度保存してください。";
pub const FORM_NOT_AVAILABLE: &str = "この手続きは、ログイン中の点数表区分では利用できません。";
pub const HEADER_INSTITUTION_NAME: &str = "医療機関名";
pub const NAV_LABEL: &str = "利用者メニュー";
