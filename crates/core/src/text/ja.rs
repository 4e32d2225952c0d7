//! Japanese text. Messages say what to do, not only what is wrong.

// ---- General -------------------------------------------------------------------------------
pub const SERVICE_NAME: &str = "保険医療機関等電子申請・届出等システム";
pub const SERVICE_SHORT: &str = "電子申請・届出";
pub const REQUIRED_BADGE: &str = "※必須";
pub const OPTIONAL_BADGE: &str = "※任意";
pub const ERROR_PREFIX: &str = "エラー：";
pub const ERROR_SUMMARY_HEADING: &str = "入力内容に誤りがあります";
pub const INLINE_ERROR_MARK: &str = "＊";
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
pub const LOGIN_HELP_LOST: &str = "「ユーザID・初期パスワード通知」を紛失した場合は再発行できます。管轄の地方厚生（支）局にお問い合わせください。";
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

// ---- API request shape ----------------------------------------------------------------------
pub const JSON_FIELDS_INVALID: &str = "送信内容の項目が不足しているか、項目の形式が正しくありません。画面を再読み込みしてから、もう一度操作してください。";

// ---- User manual (マニュアル) -----------------------------------------------------------------
pub const MANUAL_TITLE: &str = "マニュアル（ご利用の手引き）";
pub const MANUAL_LEAD: &str = "このシステムへのログイン、初回のパスワード変更、ご利用上の注意と、よくあるお問い合わせをまとめています。";
pub const MANUAL_CONTENTS: &str = "目次";
pub const MANUAL_FAQ_HEADING: &str = "よくあるお問い合わせ";

use super::{Faq, ManualSection};

pub const MANUAL_SECTIONS: &[ManualSection] = &[
    ManualSection {
        id: "login",
        heading: "ログインする",
        paragraphs: &[
            "ユーザIDと初期パスワードは、厚生労働省から郵送される「ご利用案内」（ユーザID・初期パスワード通知）に記載されています。ユーザIDとパスワードに有効期限はありません。",
            "医療機関コードや点数表区分（医科・歯科・調剤）が変わった場合や、医療機関等が移転した場合は、新しいユーザIDと初期パスワードの発行が必要です（利用終了届出と利用開始届出を提出してください）。",
        ],
        steps: &[
            "ブラウザでこのシステムのアドレスを開きます。",
            "「ユーザID」と「パスワード」を入力します。全角で入力した英数字は半角に直して扱います。",
            "「ログイン」ボタンを押します。",
            "ログインに5回続けて失敗すると、安全のため15分間ログインできなくなります。時間をおいてからもう一度お試しください。",
        ],
    },
    ManualSection {
        id: "password",
        heading: "初回ログイン時にパスワードを変更する",
        paragraphs: &[
            "初めてログインしたときは、「パスワード変更」画面が表示されます。パスワードを変更するまで、他の画面は利用できません。2回目以降のログインでは、この画面は表示されません。",
            "新しいパスワードは、10文字以上20文字以下で、英大文字・英小文字・数字・記号（いずれも半角）をそれぞれ1文字以上使ってください。現在のパスワード、ユーザIDを含むもの、推測されやすいものは使えません。",
        ],
        steps: &[
            "「現在のパスワード」に、ログインに使ったパスワード（初期パスワード）を入力します。",
            "「新しいパスワード」に、条件を満たすパスワードを入力します。入力欄の下の一覧で、条件を満たしているか確認できます。",
            "「新しいパスワード（確認用）」に、同じパスワードをもう一度入力します。",
            "「パスワードの変更」ボタンを押すと、「届書・申請書検索一覧」画面が表示されます。",
        ],
    },
    ManualSection {
        id: "session",
        heading: "自動ログアウトとサービス時間",
        paragraphs: &[
            "30分間操作がないと、安全のため自動的にログアウトします。ログアウトの2分前に確認の画面が表示されますので、続けて利用する場合は「ログインを延長する」を押してください。",
            "サービス時間は、月曜日から土曜日の8時から21時まで（日本時間）です。サービス時間外は、再開する日時をお知らせする画面が表示されます。",
            "ブラウザの「戻る」ボタンも使えます。共用のパソコンでは、利用後に必ず「ログアウト」を押してください。",
        ],
        steps: &[],
    },
];

pub const FAQ: &[Faq] = &[
    Faq {
        question: "「ログイン」ボタンが押せない、ログインできない場合はどうすればよいですか。",
        answer: "ブラウザのJavaScriptが無効になっている可能性があります。ブラウザの設定でJavaScriptを有効にしてください。院内ネットワークの設定で接続できない場合は、ネットワークを設置した事業者やレセコンのベンダーにご確認ください。",
    },
    Faq {
        question: "「ユーザID・初期パスワード通知」を紛失してしまいました。",
        answer: "再発行できます。管轄の地方厚生（支）局にお問い合わせください。再発行すると、以前の初期パスワードは使えなくなります。",
    },
    Faq {
        question: "紙での申請・届出も利用できますか。",
        answer: "利用できます。",
    },
    Faq {
        question: "このシステムで申請・届出をした場合、同じ内容を紙でも届け出る必要がありますか。",
        answer: "必要ありません。",
    },
    Faq {
        question: "利用に手数料は必要ですか。",
        answer: "手数料は必要ありません。",
    },
    Faq {
        question: "電子証明書を新たに発行する必要はありますか。",
        answer: "オンライン請求ネットワークを使用するために発行した電子証明書があれば、新たに発行する必要はありません。",
    },
    Faq {
        question: "医療機関コードや点数表区分が変わった場合、または移転した場合の手続きを教えてください。",
        answer: "現在のユーザIDの利用終了届出（様式5）を提出し、新しい医療機関コード・点数表区分で利用開始届出（様式1）を提出してください。新しいユーザIDと初期パスワードが発行されます。",
    },
];

// ---- Forms (申請・届出の様式) ------------------------------------------------------------------
/// Text of the form engine and the form catalogue (`crate::forms`).
pub mod forms {
    use crate::FeeScheduleClass;

    // Display
    pub const YES: &str = "はい";
    pub const NO: &str = "いいえ";
    pub const NOT_ENTERED: &str = "（未入力）";
    pub const NONE: &str = "なし";
    pub const UNIT_HOURS: &str = "時間";
    pub const UNIT_TIMES: &str = "回";
    pub const UNIT_PERSONS: &str = "人";
    /// What people type after a number to mean a unit (compared after half-width conversion,
    /// ignoring ASCII case). Any of these for the field's own unit is dropped from the answer
    /// (「32時間」「32h」 → 32). A unit not listed here matches only itself (「%」).
    pub const UNIT_ALIASES: &[(&str, &[&str])] = &[
        (UNIT_HOURS, &["時間", "h", "hr", "hrs", "hour", "hours"]),
        (UNIT_TIMES, &["回"]),
        (UNIT_PERSONS, &["人", "名"]),
    ];

    /// 「職員（3行目）」 for row index 2.
    pub fn row_heading(row_label: &str, index: usize) -> String {
        format!("{row_label}（{}行目）", index + 1)
    }

    /// Message prefix for a field in a row: 「職員（3行目）の」.
    pub fn row_context(row_label: &str, index: usize) -> String {
        format!("{}の", row_heading(row_label, index))
    }

    pub fn at_least_text(value: &str) -> String {
        format!("{value}以上")
    }

    pub fn equals_declared(value: &str) -> String {
        format!("申告値（{value}）と一致すること")
    }

    pub fn either(a: &str, b: &str) -> String {
        format!("{a}または{b}")
    }

    // Field checks. `ctx` is empty or a row context such as 「職員（3行目）の」.
    pub fn required_input(ctx: &str, label: &str) -> String {
        format!("{ctx}{label}を入力してください。")
    }

    pub fn required_choice(ctx: &str, label: &str) -> String {
        format!("{ctx}{label}を選んでください。")
    }

    pub fn declaration_required(label: &str) -> String {
        format!("「{label}」の内容を確認して、チェックを入れてください。")
    }

    pub fn invalid_type(ctx: &str, label: &str) -> String {
        format!("{ctx}{label}を読み取れませんでした。入力し直してください。")
    }

    pub fn too_long(ctx: &str, label: &str, max: usize, len: usize) -> String {
        format!("{ctx}{label}は{max}文字以内で入力してください（現在{len}文字）。")
    }

    pub fn furigana_not_katakana(ctx: &str, label: &str) -> String {
        format!(
            "{ctx}{label}は全角カタカナで入力してください（例：ヤマダ　タロウ）。ひらがなや半角カタカナは全角カタカナに直します。"
        )
    }

    pub fn integer_shape(ctx: &str, label: &str) -> String {
        format!("{ctx}{label}は小数点のない数字で入力してください（例：18500）。")
    }

    /// A comma outside groups of three (「18,50」「7,5」): never guessed, because dropping it
    /// would change the number. `decimal_reading` is the typed number with the comma as a
    /// decimal point (「7.5」), shown for fields that take decimals.
    pub fn comma_misplaced(
        ctx: &str,
        label: &str,
        typed: &str,
        decimals_allowed: bool,
        decimal_reading: Option<&str>,
    ) -> String {
        let how = if decimals_allowed {
            let example = decimal_reading.unwrap_or("37.5");
            format!(
                "小数点はピリオドを使って「{example}」のように、桁区切りのカンマは「18,500」のように3桁ごとに入力してください"
            )
        } else {
            "桁区切りのカンマは「18,500」のように3桁ごとに入れるか、カンマを付けずに「18500」のように入力してください".to_string()
        };
        format!("{ctx}{label}の「{typed}」はカンマの位置が正しくありません。{how}。")
    }

    /// Text after the number that is not the field's unit (「10枚」 where the unit is 回).
    /// `unit` is the field's own unit, empty when it has none.
    pub fn number_with_unit(
        ctx: &str,
        label: &str,
        typed: &str,
        suffix: &str,
        unit: &str,
    ) -> String {
        let unit_note = if unit.is_empty() {
            String::new()
        } else {
            format!("（この欄の単位は「{unit}」です）")
        };
        format!(
            "{ctx}{label}の「{typed}」から「{suffix}」を除いて、数字だけを入力してください{unit_note}。"
        )
    }

    pub fn out_of_range(ctx: &str, label: &str, min: &str, max: &str, unit: &str) -> String {
        format!("{ctx}{label}は{min}{unit}以上{max}{unit}以下で入力してください。")
    }

    pub fn at_most(ctx: &str, label: &str, max: &str, unit: &str) -> String {
        format!("{ctx}{label}は{max}{unit}以下で入力してください。")
    }

    pub fn at_least(ctx: &str, label: &str, min: &str, unit: &str) -> String {
        format!("{ctx}{label}は{min}{unit}以上で入力してください。")
    }

    pub fn decimal_shape(ctx: &str, label: &str, scale: u32) -> String {
        if scale == 0 {
            integer_shape(ctx, label)
        } else {
            format!("{ctx}{label}は数字で入力してください（小数点以下{scale}桁まで。例：37.5）。")
        }
    }

    pub fn decimal_scale(ctx: &str, label: &str, scale: u32) -> String {
        format!("{ctx}{label}は小数点以下{scale}桁までで入力してください。")
    }

    pub fn weekly_hours_range(ctx: &str, label: &str) -> String {
        format!(
            "{ctx}{label}は0時間より多く168時間以下で、1週間あたりの時間を入力してください（例：37.5）。"
        )
    }

    pub fn weekly_hours_unusual(ctx: &str, label: &str, hours: &str) -> String {
        format!(
            "{ctx}{label}が週{hours}時間になっています。80時間を超えているため、1週間あたりの時間になっているか確認してください。"
        )
    }

    pub fn date_incomplete(ctx: &str, label: &str) -> String {
        format!("{ctx}{label}の年・月・日をすべて入力してください。")
    }

    pub fn date_shape(ctx: &str, label: &str) -> String {
        format!("{ctx}{label}は年（西暦4桁）・月・日を数字で入力してください（例：2024年8月1日）。")
    }

    pub fn date_invalid(ctx: &str, label: &str, year: i32, month: u8, day: u8) -> String {
        format!(
            "{ctx}{label}の{year}年{month}月{day}日は存在しない日付です。正しい日付を入力してください。"
        )
    }

    pub fn date_too_early(ctx: &str, label: &str, earliest: &str) -> String {
        format!(
            "{ctx}{label}は{earliest}以降の日付を入力してください。それより前の場合は、管轄の地方厚生（支）局にご相談ください。"
        )
    }

    pub fn date_too_late(ctx: &str, label: &str, latest: &str) -> String {
        format!("{ctx}{label}は{latest}以前の日付を入力してください。")
    }

    pub fn choice_unknown(ctx: &str, label: &str) -> String {
        format!("{ctx}{label}は選択肢の中から選んでください。")
    }

    pub fn institution_code_class_mismatch(
        code_class: FeeScheduleClass,
        account_class: FeeScheduleClass,
    ) -> String {
        format!(
            "医療機関コードの3桁目（点数表番号）は{}を示していますが、このアカウントは{}です。{}の医療機関コードを入力してください。",
            code_class.label(),
            account_class.label(),
            account_class.label()
        )
    }

    pub fn institution_code_account_mismatch(account_code: &str) -> String {
        format!(
            "ログイン中のアカウントの医療機関コード（{account_code}）と異なります。このアカウントの医療機関コードを入力してください。"
        )
    }

    pub fn institution_code_check_digit_warning(expected: u8) -> String {
        format!(
            "医療機関コードの10桁目（検証番号）が計算上の値（{expected}）と一致しません。入力誤りがないか確認してください。検証番号のない古いコードで誤りがない場合は、このまま進めて、提出前の確認画面で確認済みにしてください。"
        )
    }

    pub fn registration_number_shape(ctx: &str, label: &str) -> String {
        format!(
            "{ctx}{label}は、都道府県の略称（漢字1文字）、「医」「歯」「薬」のいずれか、番号の順に入力してください（例：阪医52752）。"
        )
    }

    pub fn registration_number_prefecture(ctx: &str, label: &str, first: char) -> String {
        format!(
            "{ctx}{label}の最初の文字「{first}」は都道府県の略称ではありません。保険医・保険薬剤師登録票の記号を確認して入力してください（例：阪医52752）。"
        )
    }

    pub fn registration_number_profession(
        ctx: &str,
        label: &str,
        found: char,
        class: &str,
        expected: char,
    ) -> String {
        format!(
            "{ctx}{label}の記号「{found}」は{class}の届出には使えません。{class}では「{expected}」の登録の記号及び番号を入力してください。"
        )
    }

    pub fn phone_shape(ctx: &str, label: &str) -> String {
        format!(
            "{ctx}{label}は0から始まる10桁または11桁の数字で入力してください（例：03-1234-5678）。"
        )
    }

    pub fn postal_code_shape(ctx: &str, label: &str) -> String {
        format!("{ctx}{label}は7桁の数字で入力してください（例：100-0001）。")
    }

    pub fn group_too_few_rows(label: &str, row_label: &str, min: usize) -> String {
        format!("{label}に{row_label}を{min}件以上入力してください。")
    }

    pub fn group_too_many_rows(label: &str, max: usize, count: usize) -> String {
        format!(
            "{label}は{max}件まで入力できます（現在{count}件）。{max}件を超える場合は、届出を分けてください。"
        )
    }

    pub fn group_row_invalid(row_label: &str, index: usize) -> String {
        format!(
            "{}を読み取れませんでした。この行を削除して入力し直してください。",
            row_heading(row_label, index)
        )
    }

    // Common pages
    pub const HEADER_PAGE: &str = "届出者と連絡先";
    pub const HEADER_PAGE_INTRO: &str =
        "届出の内容について地方厚生（支）局から問い合わせる際の連絡先を入力してください。";
    pub const INSTITUTION_CODE: &str = "医療機関コード";
    pub const INSTITUTION_CODE_HINT: &str = "10桁の医療機関コード（薬局は薬局コード）。例：1310100019。ログイン中のアカウントのコードが入っています。";
    pub const CONTACT_NAME: &str = "担当者の氏名";
    pub const CONTACT_NAME_HINT: &str = "例：届出 花子";
    pub const CONTACT_PHONE: &str = "担当者の電話番号";
    pub const PHONE_HINT: &str =
        "日中に連絡のつく番号。例：03-1234-5678。全角で入力しても半角に直します。";
    pub const DECLARATIONS_PAGE: &str = "届出にあたっての確認事項";
    pub const DECLARATIONS_PAGE_INTRO: &str = "次の事項をすべて確認し、該当する場合はチェックを入れてください。該当しない事項がある場合は、管轄の地方厚生（支）局にご相談ください。";
    pub const DECL_NO_IMPROPER_FILING: &str = "不正・不当な届出をしていないこと";
    pub const DECL_NO_IMPROPER_FILING_STATEMENT: &str = "この届出を行う前6か月間に、届出に関する事項について不正または不当な届出（法令の規定に基づくものに限る）を行ったことはありません。";
    pub const DECL_NO_NOTICE_VIOLATION: &str = "掲示事項等の基準に違反していないこと";
    pub const DECL_NO_NOTICE_VIOLATION_STATEMENT: &str = "この届出を行う前6か月間に、厚生労働大臣が定める掲示事項等の基準に違反したことはなく、現在も違反していません。";
    pub const DECL_NO_INSPECTION_FINDINGS: &str = "検査等で不正・不当な行為を認められていないこと";
    pub const DECL_NO_INSPECTION_FINDINGS_STATEMENT: &str = "この届出を行う前6か月間に、健康保険法第78条第1項等に基づく検査等の結果、診療内容または診療報酬の請求に関して不正または不当な行為を認められたことはありません。";
    pub const DECL_NO_STAFFING_SHORTFALL: &str = "患者数・員数の基準に該当していないこと";
    pub const DECL_NO_STAFFING_SHORTFALL_STATEMENT: &str = "この届出を行う時点で、厚生労働大臣の定める入院患者数の基準または医師等の員数の基準に該当する（患者数の超過や人員の不足がある）保険医療機関等ではありません。";
    pub const FILING_PAGE: &str = "届出日と開設者";
    pub const FILING_PAGE_INTRO: &str =
        "届出日と、保険医療機関・保険薬局の所在地、名称、開設者を入力してください。";
    pub const FILING_DATE: &str = "届出年月日";
    pub const FILING_DATE_HINT: &str =
        "通常は今日の日付です。西暦で入力してください。例：2024年11月18日";
    pub const INSTITUTION_NAME: &str = "保険医療機関・保険薬局の名称";
    pub const INSTITUTION_NAME_HINT: &str = "指定を受けている正式な名称。例：とどけ内科クリニック";
    pub const POSTAL_CODE: &str = "所在地の郵便番号";
    pub const POSTAL_CODE_HINT: &str = "7桁の数字。例：100-0001";
    pub const INSTITUTION_ADDRESS: &str = "所在地";
    pub const ADDRESS_HINT: &str = "都道府県から入力してください。例：東京都千代田区千代田1-1";
    pub const FOUNDER_NAME: &str = "開設者の氏名（法人の場合は名称と代表者の氏名）";
    pub const FOUNDER_NAME_HINT: &str = "例：医療法人とどけ会 理事長 届出 太郎";

    // Staff fields
    pub const STAFF_NAME: &str = "氏名";
    pub const STAFF_NAME_HINT: &str = "姓と名の間に空白を入れてください。例：山田 太郎";
    pub const STAFF_FURIGANA: &str = "フリガナ";
    pub const FURIGANA_HINT: &str = "全角カタカナ。例：ヤマダ　タロウ。ひらがなや半角カタカナで入力しても全角カタカナに直します。";
    pub const REGISTRATION_NUMBER: &str = "登録の記号及び番号";
    pub const REGISTRATION_NUMBER_HINT: &str =
        "保険医・保険薬剤師登録票に記載の記号と番号。例：阪医52752";
    pub const EMPLOYMENT: &str = "常勤・非常勤の別";
    pub const FULL_TIME: &str = "常勤";
    pub const PART_TIME: &str = "非常勤";
    pub const WEEKLY_HOURS: &str = "1週間の勤務時間";
    pub const WEEKLY_HOURS_HINT: &str = "小数点以下1桁まで。例：37.5";
    pub const STANDARD_WEEKLY_HOURS: &str = "所定の1週間の勤務時間";
    pub const STANDARD_WEEKLY_HOURS_DEFAULT: &str = "未入力（32時間として計算）";
    pub const STANDARD_WEEKLY_HOURS_HINT_STAFF_CHANGE: &str =
        "就業規則で定める常勤職員の1週間の勤務時間。未入力の場合は32時間として扱います。例：40";
    pub const STANDARD_WEEKLY_HOURS_HINT_PERIODIC: &str = "就業規則で定める常勤職員の1週間の勤務時間。常勤換算では、32時間未満の場合も32時間で割ります。例：40";

    // 保険医・保険薬剤師の異動
    pub const STAFF_CHANGE_TITLE: &str = "保険医・保険薬剤師の異動";
    pub const STAFF_CHANGE_DESCRIPTION: &str = "保険医・保険薬剤師の採用、退職、勤務形態の変更、氏名の変更を届け出ます（届出事項変更（異動）届）。";
    pub const STAFF_CHANGE_PAGE: &str = "異動する保険医・保険薬剤師";
    pub const STAFF_CHANGE_PAGE_INTRO: &str =
        "異動のあった保険医・保険薬剤師を1人につき1行で入力してください（50人まで）。";
    pub const STAFF_CHANGE_GROUP: &str = "異動する保険医・保険薬剤師";
    pub const STAFF_CHANGE_ROW: &str = "保険医・保険薬剤師";
    pub const CHANGE_TYPE: &str = "異動の区分";
    pub const CHANGE_HIRE: &str = "採用";
    pub const CHANGE_LEAVE: &str = "退職";
    pub const CHANGE_WORK_PATTERN: &str = "勤務形態の変更";
    pub const CHANGE_NAME: &str = "氏名の変更";
    pub const PREVIOUS_NAME: &str = "変更前の氏名";
    pub const PREVIOUS_NAME_HINT: &str = "異動の区分が「氏名の変更」の場合に入力してください。";
    pub const DEPARTMENT: &str = "担当する診療科";
    pub const DEPARTMENT_HINT: &str = "例：内科";
    pub const CHANGE_DATE: &str = "異動年月日";
    pub const CHANGE_DATE_HINT: &str = "採用日、退職日、変更日。例：2024年11月1日";
    pub const FULL_TIME_THRESHOLD: &str = "常勤に必要な1週間の勤務時間";
    pub const FULL_TIME_THRESHOLD_FORMULA: &str =
        "所定の1週間の勤務時間と32時間のうち少ない方（未入力の場合は32時間）";
    pub const FULL_TIME_HOURS_SECTION: &str = "常勤の勤務時間の確認";
    pub const FULL_TIME_HOURS_FORMULA: &str = "常勤の1週間の勤務時間 ≥ 常勤に必要な1週間の勤務時間";

    pub fn full_time_hours_label(row: &str) -> String {
        format!("{row}の常勤の勤務時間")
    }

    pub fn full_time_hours_below_standard(row: &str, hours: &str, threshold: &str) -> String {
        format!(
            "{row}は常勤ですが、1週間の勤務時間が{hours}です。常勤は週{threshold}以上（所定の1週間の勤務時間と32時間のうち少ない方）が必要です。勤務時間を確認するか、「非常勤」を選んでください。"
        )
    }

    // 地域支援体制加算
    pub const REGIONAL_SUPPORT_TITLE: &str = "地域支援体制加算の施設基準";
    pub const REGIONAL_SUPPORT_DESCRIPTION: &str = "保険薬局の地域支援体制加算（令和6年度改定の基準）を届け出ます。実績は処方箋受付回数1万回当たりに換算して確認します。";
    pub const LEVEL_PAGE: &str = "調剤基本料の区分と届け出る加算";
    pub const LEVEL_PAGE_INTRO: &str =
        "加算1・2は調剤基本料1の薬局、加算3・4は調剤基本料1以外の薬局が届け出ます。";
    pub const BASIC_FEE_CLASS: &str = "調剤基本料の区分";
    pub const BASIC_FEE_CLASS_HINT: &str = "現在届け出ている調剤基本料の区分を選んでください。";
    pub const BASIC_FEE_1: &str = "調剤基本料1";
    pub const BASIC_FEE_OTHER: &str = "調剤基本料1以外";
    pub const LEVEL: &str = "届け出る加算";
    pub const LEVEL_HINT: &str = "要件を満たさない区分を選ぶと、確認画面で注意が表示されます。";
    pub const LEVEL_1: &str = "地域支援体制加算1";
    pub const LEVEL_2: &str = "地域支援体制加算2";
    pub const LEVEL_3: &str = "地域支援体制加算3";
    pub const LEVEL_4: &str = "地域支援体制加算4";
    pub const PRESCRIPTIONS_PAGE: &str = "処方箋の受付回数";
    pub const PRESCRIPTIONS_PAGE_INTRO: &str =
        "実績の換算に使います。受付回数が1万回未満の場合は1万回として換算します。";
    pub const PRESCRIPTIONS: &str = "直近1年間の処方箋受付回数";
    pub const PRESCRIPTIONS_HINT: &str = "例：18500。全角やカンマ付きで入力しても直します。";
    pub const BASE_SECTION: &str = "換算に用いる処方箋受付回数";
    pub const BASE_LABEL: &str = "換算に用いる処方箋受付回数";
    pub const BASE_FORMULA: &str = "処方箋受付回数と10,000回のうち多い方";
    pub const ACHIEVEMENTS_PAGE: &str = "直近1年間の実績";
    pub const ACHIEVEMENTS_PAGE_INTRO: &str = "①〜⑨は処方箋受付回数1万回当たりに換算して、⑩は回数そのもので基準と比べます。入力すると換算結果が表示されます。";
    pub const ITEM_NIGHT_HOLIDAY: &str = "夜間・休日等の対応実績";
    pub const ITEM_NARCOTICS: &str = "麻薬の調剤実績";
    pub const ITEM_DUPLICATE_PREVENTION: &str = "重複投薬・相互作用等防止加算等の実績";
    pub const ITEM_KAKARITSUKE: &str = "かかりつけ薬剤師指導料等の実績";
    pub const ITEM_OUTPATIENT_SUPPORT: &str = "外来服薬支援料1の実績";
    pub const ITEM_MEDICATION_ADJUSTMENT: &str = "服用薬剤調整支援料の実績";
    pub const ITEM_HOME_VISITS: &str =
        "在宅患者に対する薬学的管理及び指導の実績（単一建物診療患者が1人の場合）";
    pub const ITEM_INFORMATION_PROVISION: &str = "服薬情報等提供料の実績";
    pub const ITEM_PEDIATRIC: &str = "小児特定加算の算定実績";
    pub const ITEM_MEETINGS: &str = "多職種と連携する会議への出席回数";
    pub const ITEM_HINT_PER_10K: &str =
        "直近1年間の回数。処方箋受付回数1万回当たりに換算して比べます。";
    pub const ITEM_HINT_RAW: &str = "直近1年間の回数。換算せずに比べます。";
    pub const ITEM_COUNT: &str = "実績回数";
    pub const PER_10K_SECTION: &str = "処方箋受付回数1万回当たりの実績";
    pub const PER_10K_FORMULA: &str =
        "実績回数 ÷ 換算に用いる処方箋受付回数 × 10,000（小数点以下第3位を切り捨て）";
    pub const RAW_COUNT_FORMULA: &str = "実績回数（換算しません）";
    pub const LEVEL_CHECK_SECTION: &str = "加算の要件";
    pub const LEVEL_CHECK_FORMULA: &str =
        "基準を満たした項目の数（必須の項目があるものは、その項目を含むこと）";
    pub const ITEMS_MET: &str = "満たした項目";
    pub const ITEMS_NOT_MET: &str = "満たしていない項目";

    /// 「①夜間・休日等の対応実績」
    pub fn item_label(number: char, label: &str) -> String {
        format!("{number}{label}")
    }

    pub fn item_count(n: usize) -> String {
        format!("{n}項目")
    }

    pub fn level_check_label(level: u8) -> String {
        format!("地域支援体制加算{level}の要件")
    }

    /// 「3項目以上（④を含む）」
    pub fn level_requirement(min_items: usize, mandatory: &str) -> String {
        if mandatory.is_empty() {
            format!("{min_items}項目以上")
        } else {
            format!("{min_items}項目以上（{mandatory}を含む）")
        }
    }

    pub fn level_not_allowed(level: u8, needs: &str, current: &str, allowed: &[u8]) -> String {
        let allowed: Vec<String> = allowed.iter().map(|l| format!("加算{l}")).collect();
        format!(
            "地域支援体制加算{level}は{needs}の薬局が届け出る区分です。{current}の薬局は{}から選んでください。",
            allowed.join("または")
        )
    }

    pub fn item_shortfall_per_10k(
        label: &str,
        value: &str,
        threshold: i64,
        base: &str,
        needed: &str,
        mandatory: bool,
    ) -> String {
        let must = if mandatory {
            "（必須の項目）"
        } else {
            ""
        };
        format!(
            "{label}{must}：1万回当たり{value}回で、{threshold}回以上が必要です（処方箋受付回数{base}では{needed}以上必要）"
        )
    }

    pub fn item_shortfall_raw(
        label: &str,
        count: &str,
        threshold: &str,
        mandatory: bool,
    ) -> String {
        let must = if mandatory {
            "（必須の項目）"
        } else {
            ""
        };
        format!("{label}{must}：{count}で、{threshold}以上が必要です")
    }

    pub fn level_requirements_not_met(
        level: u8,
        met: usize,
        requirement: &str,
        details: &[String],
    ) -> String {
        format!(
            "地域支援体制加算{level}の要件を満たしていません。満たした項目は{met}項目で、{requirement}が必要です。満たしていない項目：{}。実績の回数を確認するか、届け出る加算を見直してください。要件を満たしていることを確認できる場合は、確認画面で確認済みにして提出できます。",
            details.join("／")
        )
    }

    // 定例報告
    pub const PERIODIC_TITLE: &str = "定例報告（職員の勤務状況）";
    pub const PERIODIC_DESCRIPTION: &str = "施設基準に係る定例報告のうち、報告基準日時点の職員の勤務状況と常勤換算の人数を報告します。";
    pub const BASIS_PAGE: &str = "報告基準日と所定の勤務時間";
    pub const BASIS_PAGE_INTRO: &str = "報告基準日時点の状況を報告してください。";
    pub const AS_OF_DATE: &str = "報告基準日";
    pub const AS_OF_FORMULA: &str = "地方厚生（支）局が定める報告基準日（令和6年度からは8月1日）";
    pub const DIVISOR_LABEL: &str = "常勤換算の分母";
    pub const DIVISOR_FORMULA: &str = "所定の1週間の勤務時間と32時間のうち多い方";
    pub const PERIODIC_STAFF_PAGE: &str = "職員の勤務状況";
    pub const PERIODIC_STAFF_PAGE_INTRO: &str = "報告基準日時点の職員を1人につき1行で入力してください（500人まで）。常勤換算の値が行ごとに表示されます。";
    pub const PERIODIC_STAFF_GROUP: &str = "職員の一覧";
    pub const PERIODIC_STAFF_ROW: &str = "職員";
    pub const JOB_TYPE: &str = "職種";
    pub const JOB_DOCTOR: &str = "医師";
    pub const JOB_DENTIST: &str = "歯科医師";
    pub const JOB_PHARMACIST: &str = "薬剤師";
    pub const JOB_NURSE: &str = "看護師";
    pub const JOB_ASSISTANT_NURSE: &str = "准看護師";
    pub const JOB_DENTAL_HYGIENIST: &str = "歯科衛生士";
    pub const JOB_CLERK: &str = "事務職員";
    pub const JOB_OTHER: &str = "その他";
    pub const FTE_SECTION: &str = "常勤換算";
    pub const FTE_FULL_TIME_FORMULA: &str = "常勤は1人を1.0とします";
    pub const FTE_PART_TIME_FORMULA: &str =
        "1週間の勤務時間 ÷ 常勤換算の分母（1人1.0が上限、小数点以下第2位を切り捨て）";
    pub const FTE_CAPPED: &str = "上限";
    pub const FTE_CAPPED_VALUE: &str = "分母を超える時間は1.0として数えます";
    pub const EXACT_VALUE: &str = "端数処理前の値";
    pub const TOTALS_PAGE: &str = "合計と割合";
    pub const TOTALS_PAGE_INTRO: &str =
        "報告書に記載する合計を入力してください。職員の一覧から計算した値と一致するか確認します。";
    pub const DECLARED_FULL_TIME_COUNT: &str = "常勤職員の人数";
    pub const DECLARED_FULL_TIME_COUNT_HINT: &str = "例：3";
    pub const DECLARED_FTE_TOTAL: &str = "常勤換算の合計";
    pub const DECLARED_FTE_TOTAL_HINT: &str =
        "小数点以下第2位を切り捨てて、小数点以下1桁で入力してください。例：4.6";
    pub const TOTALS_SECTION: &str = "計算した合計";
    pub const COMPUTED_FULL_TIME_COUNT: &str = "常勤職員の人数（計算値）";
    pub const FULL_TIME_COUNT_FORMULA: &str = "職員の一覧で「常勤」の行の数";
    pub const COMPUTED_FTE_TOTAL: &str = "常勤換算の合計（計算値）";
    pub const PART_TIME_HOURS_TOTAL: &str = "非常勤の1週間の勤務時間の合計（1人につき分母が上限）";
    pub const FTE_TOTAL_FORMULA: &str =
        "（常勤職員の人数 × 分母 ＋ 非常勤の勤務時間の合計）÷ 分母（小数点以下第2位を切り捨て）";
    pub const RATIO_NAME: &str = "割合の名称";
    pub const RATIO_NAME_HINT: &str =
        "施設基準で割合の記載を求められている場合に入力します。例：看護職員に占める看護師の割合";
    pub const RATIO_NUMERATOR: &str = "割合の分子";
    pub const RATIO_DENOMINATOR: &str = "割合の分母";
    pub const RATIO_NUMBER_HINT: &str = "人数または常勤換算の値（小数点以下1桁まで）。例：4.5";
    pub const DECLARED_RATIO: &str = "割合（％）";
    pub const DECLARED_RATIO_HINT: &str = "小数点以下1桁まで。例：66.7";
    pub const RATIO_SECTION: &str = "割合（計算値）";
    pub const RATIO_FORMULA: &str =
        "分子 ÷ 分母 × 100（小数点以下第2位を四捨五入。切り捨てた値も認めます）";
    pub const RATIO_DENOMINATOR_ZERO: &str = "割合の分母が0です。0より大きい値を入力してください。";
    pub const RATIO_NUMERATOR_EXCEEDS: &str =
        "割合の分子が分母より大きくなっています。分子と分母を確認してください。";

    pub fn fte_row_label(row: &str) -> String {
        format!("{row}の常勤換算")
    }

    pub fn ratio_part_required(label: &str) -> String {
        format!(
            "割合を記載する場合は、{label}も入力してください。割合を記載しない場合は、割合の欄をすべて空欄にしてください。"
        )
    }

    pub fn declared_full_time_count_mismatch(declared: &str, computed: &str) -> String {
        format!(
            "常勤職員の人数が{declared}になっていますが、職員の一覧で「常勤」の行は{computed}です。人数を{computed}に直すか、職員の一覧を確認してください。"
        )
    }

    pub fn declared_fte_total_mismatch(declared: &str, computed: &str, exact: &str) -> String {
        format!(
            "常勤換算の合計が{declared}になっていますが、職員の一覧から計算すると{computed}です（{exact}の小数点以下第2位を切り捨て）。合計を{computed}に直すか、職員の一覧を確認してください。"
        )
    }

    pub fn declared_ratio_mismatch(declared: &str, exact: &str, accepted: &str) -> String {
        format!(
            "割合が{declared}になっていますが、分子 ÷ 分母 × 100 は{exact}%です。割合を{accepted}に直すか、分子と分母を確認してください。"
        )
    }

    // 利用終了届出
    pub const END_OF_USE_TITLE: &str = "利用終了届出（様式5）";
    pub const END_OF_USE_DESCRIPTION: &str = "このユーザIDでの電子申請・届出の利用を終了します。医療機関コードや点数表区分の変更、移転の後は、新しいコードで利用開始届出（様式1）を提出してください。";
    pub const END_REASON_PAGE: &str = "利用を終了する理由と日付";
    pub const END_REASON_PAGE_INTRO: &str =
        "利用を終了する理由と、このユーザIDを最後に利用する日を入力してください。";
    pub const END_REASON: &str = "利用を終了する理由";
    pub const END_REASON_CODE_OR_CLASS: &str = "医療機関コード・点数表区分の変更";
    pub const END_REASON_RELOCATION: &str = "移転";
    pub const END_REASON_CLOSURE: &str = "廃止（閉院・閉局）";
    pub const END_REASON_OTHER: &str = "その他";
    pub const END_REASON_OTHER_TEXT: &str = "その他の理由";
    pub const END_REASON_OTHER_HINT: &str =
        "理由で「その他」を選んだ場合に入力してください（200文字以内）。";
    pub const LAST_DAY_OF_USE: &str = "利用終了日";
    pub const LAST_DAY_OF_USE_HINT: &str = "このユーザIDを最後に利用する日。例：2024年12月31日";
    pub const END_CONFIRM_PAGE: &str = "利用終了の確認";
    pub const DECL_END_OF_USE: &str = "利用終了について確認しました";
    pub const DECL_END_OF_USE_STATEMENT: &str = "記載した内容に誤りがないこと、および利用終了日の翌日以降はこのユーザIDでログインできなくなることを確認しました。";
}

// ---- Filing wizard ----------------------------------------------------------------------------
pub const PROCEDURES_TITLE: &str = "届書・申請書の作成";
pub const PROCEDURES_LEAD: &str = "作成する手続きを選んでください。入力した内容はページを移るたびに一時保存され、後から続きを入力できます。";
pub const NEW_FILING_LINK: &str = "新しい届書・申請書を作成する";
pub const CREATING: &str = "作成しています…";
pub const NEXT: &str = "次へ";
pub const BACK: &str = "戻る";
pub const TO_REVIEW: &str = "入力内容の確認へ進む";
pub const SAVE_DRAFT: &str = "一時保存";
pub const SAVING: &str = "保存しています…";
pub const CONFLICT_OVERWRITE: &str = "この画面の内容で保存し直す";
pub const YEAR: &str = "年";
pub const MONTH: &str = "月";
pub const DAY: &str = "日";
pub const DATE_HINT: &str = "西暦で入力してください（例：2024年8月1日）。";
pub const COMPUTED_FORMULA: &str = "計算式";
pub const COMPUTED_INPUTS: &str = "使用した値";
pub const COMPUTED_RESULT: &str = "結果";
pub const COMPUTED_THRESHOLD: &str = "基準";
pub const COMPUTED_MET: &str = "基準を満たしています";
pub const COMPUTED_NOT_MET: &str = "基準を満たしていません";
pub const NORMALISED_NOTICE: &str =
    "全角で入力された数字・英字・記号などを半角に、半角カナを全角カナに直しました。";
pub const REVIEW_TITLE: &str = "入力内容の確認";
pub const REVIEW_LEAD: &str = "内容を確認して「提出する」を押してください。直す場合は、各項目の「変更」から入力画面に戻れます。";
pub const CHANGE: &str = "変更";
pub const NOT_ENTERED: &str = "（未入力）";
pub const WARNINGS_HEADING: &str = "確認が必要な事項";
pub const WARNINGS_LEAD: &str =
    "次の事項は提出を止めるものではありませんが、内容を確認してから提出してください。";
pub const WARNING_ACK: &str = "この内容を確認しました";
pub const WARNING_ACK_REQUIRED: &str = "確認が必要な事項を確認し、チェックを入れてください。";
pub const REVIEW_HAS_ERRORS: &str =
    "入力内容に誤りがあります。「変更」から入力画面に戻って修正してください。";
pub const SUBMIT: &str = "提出する";
pub const SUBMITTING: &str = "提出しています…";
pub const COMPLETE_TITLE: &str = "提出が完了しました";
pub const SUBMISSION_TITLE: &str = "提出した届書・申請書";
pub const ARRIVAL_NUMBER: &str = "到達番号";
pub const SUBMITTED_AT: &str = "提出日時";
pub const PROCEDURE: &str = "手続き";
pub const FORM_VERSION: &str = "様式の版";
pub const STATUS: &str = "状態";
pub const UPDATED_AT: &str = "更新日時";
pub const ACTIONS: &str = "操作";
pub const NEXT_STEPS_HEADING: &str = "この後の流れ";
pub const NEXT_STEPS_BODY: &str = "地方厚生（支）局が受け付けて審査します。状況は「届書・申請書検索一覧」で確認できます。内容に不備がある場合は差戻しとなり、理由が表示されます。紙で同じ内容を届け出る必要はありません。";
pub const KEEP_RECORD: &str = "控えとして、この画面を印刷するか、到達番号を記録してください。";
pub const PRINT: &str = "この画面を印刷する";
pub const SUBMITTED_CONTENT: &str = "提出した内容";
pub const CONTINUE_DRAFT: &str = "続きを入力する";
pub const VIEW_SUBMISSION: &str = "内容を見る";
pub const FILINGS_CAPTION: &str = "作成中・提出済みの届書・申請書";

pub fn progress(current: usize, total: usize) -> String {
    format!("{current} / {total} ページ")
}

pub fn add_row(row_label: &str) -> String {
    format!("{row_label}を追加する")
}

pub fn remove_row(row_label: &str, n: usize) -> String {
    format!("{row_label}（{n}行目）を削除する")
}

pub fn row_heading(row_label: &str, n: usize) -> String {
    format!("{row_label}（{n}行目）")
}

pub fn saved_at(time: &str) -> String {
    format!("一時保存しました（{time}）。")
}

pub fn start_form(title: &str) -> String {
    format!("「{title}」を作成する")
}

pub fn continue_draft(title: &str) -> String {
    format!("「{title}」の続きを入力する")
}

// ---- Drafts and submission (server) ----------------------------------------------------------
pub const DRAFT_ALREADY_SUBMITTED: &str = "この届書はすでに提出されています。提出した後は変更・削除できません。提出した内容は届書・申請書の一覧で確認できます。";
/// Prefix of an unacknowledged warning in the server's 422 answer to a submission.
pub const SUBMIT_WARNING_NOT_ACKNOWLEDGED: &str =
    "次の注意事項を確認し、「確認しました」にチェックしてから提出してください。";

/// A warning that was not acknowledged before submission, with its own message after the note.
pub fn submit_warning_not_acknowledged(message: &str) -> String {
    format!("{SUBMIT_WARNING_NOT_ACKNOWLEDGED}{message}")
}
pub const SELECT_PLACEHOLDER: &str = "選択してください";

// ---- Tracking and review ---------------------------------------------------------------------
pub const STATUS_RECEIVED: &str = "受付済";
pub const STATUS_UNDER_REVIEW: &str = "審査中";
pub const STATUS_RETURNED: &str = "差戻し";
pub const STATUS_ACCEPTED: &str = "受理";
pub const STATUS_REJECTED: &str = "不受理";
pub const STATUS_WITHDRAWN: &str = "取下げ";

pub const ACTION_SUBMIT: &str = "提出";
/// History entry when the operator processed an accepted 利用終了届出.
pub const ACTION_END_USE: &str = "利用終了の処理";
pub const OPERATOR_LABEL: &str = "システム運用担当";
pub const END_USE_DONE: &str = "この届出により、ユーザIDの利用を終了しました。";
pub const END_USE_ALREADY_DONE: &str =
    "このユーザIDは、この届出の処理より前に利用を終了していました。";
pub const ACTION_WITHDRAW: &str = "取下げ";
pub const ACTION_RESUBMIT: &str = "再提出";
pub const ACTION_COPY_TO_NEW_DRAFT: &str = "複写して新規作成";
pub const ACTION_RECEIVE: &str = "受付";
pub const ACTION_START_REVIEW: &str = "審査開始";
pub const ACTION_RETURN: &str = "差戻し";
pub const ACTION_ACCEPT: &str = "受理";
pub const ACTION_REJECT: &str = "不受理";

pub const ACTOR_APPLICANT: &str = "申請者（保険医療機関等）";
pub const ACTOR_REVIEWER: &str = "地方厚生（支）局";
pub const NEXT_ACTOR_NONE: &str = "なし（手続は終了しています）";

/// An action taken by the wrong role.
pub fn transition_wrong_actor(action: &str, who: &str) -> String {
    format!("「{action}」は{who}が行う操作です。この操作はできません。")
}

/// An action on a filing whose status is final.
pub fn transition_final(status: &str, action: &str) -> String {
    format!("この届書・申請書は「{status}」で手続が終了しているため、「{action}」はできません。")
}

/// An action in a status it does not start from.
pub fn transition_wrong_status(status: &str, action: &str, allowed_from: &[&str]) -> String {
    let from: Vec<String> = allowed_from.iter().map(|s| format!("「{s}」")).collect();
    format!(
        "現在の状況は「{status}」のため、「{action}」はできません。「{action}」ができるのは状況が{}のときです。画面を更新して最新の状況を確認してください。",
        from.join("・")
    )
}

pub const REJECTION_REASON_REQUIRED: &str = "不受理の理由を入力してください。";
pub const RETURN_COMMENT_REQUIRED: &str = "差戻しの理由（コメント）を入力してください。";
pub const FIELD_COMMENT_INCOMPLETE: &str =
    "項目ごとのコメントには、項目とコメントの両方を入力してください。";
pub const FIELD_COMMENT_NO_SUCH_ITEM: &str =
    "コメントした項目はこの届出にありません。届出の内容にある項目を選び直してください。";
pub const COMMENT_TOO_LONG: &str = "コメントは2000文字以内で入力してください。";
pub const RETURN_DEADLINE_PAST: &str = "再提出の期限には今日以降の日付を入力してください。";
pub const SEARCH_DATE_INVALID: &str =
    "提出日は「2026-04-01」や「2026/4/1」のように、西暦の年・月・日で入力してください。";
pub const SEARCH_DATE_HINT: &str = "例：2026-04-01、2026/4/1";
pub const SEARCH_STATUS_UNKNOWN: &str = "状況の指定が正しくありません。";
pub const SEARCH_SORT_UNKNOWN: &str = "並び順の指定が正しくありません。";
pub const SEARCH_PAGE_INVALID: &str =
    "ページは1以上、1ページの件数は1から100までで指定してください。";

/// Header row of the review queue's CSV export.
pub const CSV_HEADER: [&str; 10] = [
    "到達番号",
    "提出日時",
    "手続",
    "状況",
    "医療機関等コード",
    "医療機関等名称",
    "都道府県",
    "受理番号",
    "効力発生日",
    "次に対応する者",
];

/// Notice to the applicant that a filing's status changed.
pub fn notice_status_changed(title: &str, arrival_number: &str, status: &str) -> String {
    format!("「{title}」（到達番号 {arrival_number}）の状況が「{status}」になりました。")
}

// Japanese public holidays (国民の祝日に関する法律).
pub const HOLIDAY_NEW_YEAR: &str = "元日";
pub const HOLIDAY_COMING_OF_AGE: &str = "成人の日";
pub const HOLIDAY_FOUNDATION: &str = "建国記念の日";
pub const HOLIDAY_EMPEROR: &str = "天皇誕生日";
pub const HOLIDAY_VERNAL_EQUINOX: &str = "春分の日";
pub const HOLIDAY_SHOWA: &str = "昭和の日";
pub const HOLIDAY_CONSTITUTION: &str = "憲法記念日";
pub const HOLIDAY_GREENERY: &str = "みどりの日";
pub const HOLIDAY_CHILDREN: &str = "こどもの日";
pub const HOLIDAY_MARINE: &str = "海の日";
pub const HOLIDAY_MOUNTAIN: &str = "山の日";
pub const HOLIDAY_RESPECT_AGED: &str = "敬老の日";
pub const HOLIDAY_AUTUMNAL_EQUINOX: &str = "秋分の日";
pub const HOLIDAY_SPORTS: &str = "スポーツの日";
pub const HOLIDAY_HEALTH_SPORTS: &str = "体育の日";
pub const HOLIDAY_CULTURE: &str = "文化の日";
pub const HOLIDAY_LABOUR_THANKSGIVING: &str = "勤労感謝の日";
pub const HOLIDAY_ENTHRONEMENT: &str = "即位の日";
pub const HOLIDAY_ENTHRONEMENT_CEREMONY: &str = "即位礼正殿の儀の行われる日";
pub const HOLIDAY_SUBSTITUTE: &str = "休日（振替休日）";
pub const HOLIDAY_CITIZENS: &str = "休日（国民の休日）";
pub mod issuance;

// ---- Filing list search (SPA) -------------------------------------------------------------------
pub const SEARCH_HEADING: &str = "検索条件";
pub const SEARCH_BUTTON: &str = "検索する";
pub const SEARCH_CLEAR: &str = "条件をクリアする";
pub const ALL_OPTION: &str = "すべて";
pub const SUBMITTED_FROM: &str = "提出日（この日から）";
pub const SUBMITTED_TO: &str = "提出日（この日まで）";
pub const SORT_LABEL: &str = "並び順";
pub const SORT_NEWEST: &str = "提出日の新しい順";
pub const SORT_OLDEST: &str = "提出日の古い順";
pub const SORT_ARRIVAL: &str = "到達番号順";
pub const NO_MATCH: &str = "条件に合う届書・申請書はありません。条件を変えて検索してください。";
pub const PREV_PAGE: &str = "前のページ";
pub const NEXT_PAGE: &str = "次のページ";
pub const PAGINATION_LABEL: &str = "ページ送り";
pub const NEXT_ACTOR: &str = "次の対応";

pub fn result_range(total: u64, first: u64, last: u64) -> String {
    format!("全{total}件中 {first}〜{last}件を表示")
}
pub const ACCEPTANCE_NUMBER: &str = "受理番号";
pub const EFFECTIVE_DATE: &str = "算定開始日（効力発生日）";
pub const REJECTION_REASON: &str = "不受理の理由";
pub const RETURN_HEADING: &str = "差戻しの内容";
pub const RETURN_DEADLINE: &str = "再提出の期限";
pub const FIELD_COMMENT: &str = "審査担当からのコメント：";
pub const CHANGED_SINCE_LAST: &str = "前回の提出から変更";
pub const DIGEST: &str = "内容の照合用ハッシュ値（SHA-256）";
pub const DIGEST_HINT: &str =
    "印刷した控えと受付側の記録が同じ内容であることを、この値で照合できます。";
pub const HISTORY_HEADING: &str = "履歴";
pub const HISTORY_AT: &str = "日時";
pub const HISTORY_ACTOR: &str = "操作した人";
pub const HISTORY_ACTION: &str = "操作";
pub const HISTORY_COMMENT: &str = "コメント";
pub const ACTIONS_HEADING: &str = "この届書・申請書に対してできること";
pub const WITHDRAW: &str = "取り下げる";
pub const WITHDRAW_CONFIRM_HEADING: &str = "本当に取り下げますか";
pub const WITHDRAW_CONFIRM_BODY: &str = "取り下げると、この届書・申請書の審査は行われません。取り下げた後に同じ内容で届け出るには、複写して新しく作成してください。";
pub const WITHDRAW_COMMENT: &str = "取下げの理由";
pub const WITHDRAW_CONFIRM: &str = "取り下げを確定する";
pub const CANCEL: &str = "やめる";
pub const REVISE: &str = "修正して再提出する";
pub const COPY_TO_NEW: &str = "複写して新しく作成する";
pub const ACTION_DONE: &str = "操作を受け付けました。";
pub const CSV_DOWNLOAD: &str = "検索結果をCSV形式でダウンロードする";
pub const REVIEW_PAGE_TITLE: &str = "届書・申請書の審査";
pub const RECEIVE: &str = "受け付ける";
pub const START_REVIEW: &str = "審査を開始する";
pub const ACCEPT: &str = "受理する";
pub const RETURN_ACTION: &str = "差し戻す";
pub const REJECT_ACTION: &str = "不受理とする";
pub const RETURN_COMMENT_LABEL: &str = "差戻しの理由（申請者へのコメント）";
pub const FIELD_COMMENT_TARGET: &str = "コメントする項目";
pub const FIELD_COMMENT_TEXT: &str = "その項目へのコメント";
pub const ADD_FIELD_COMMENT: &str = "項目へのコメントを追加する";
pub const REMOVE_FIELD_COMMENT: &str = "このコメントを削除する";
pub const REJECT_REASON_REQUIRED: &str = "不受理の理由を入力してください。";
pub const INSTITUTION: &str = "医療機関等";
pub const APP_CRASHED: &str = "画面の表示中に問題が発生しました。お手数ですが、ページを再読み込みしてください。一時保存した内容は失われていません。";
pub const NOTICES_TITLE: &str = "お知らせ";
pub const NOTICES_EMPTY: &str = "お知らせはありません。";
pub const NOTICE_UNREAD: &str = "未読";
pub const NOTICE_READ: &str = "既読";
pub const NOTICE_OPEN: &str = "届書・申請書を見る";

pub fn notices_link(unread: u64) -> String {
    if unread == 0 {
        NOTICES_TITLE.to_string()
    } else {
        format!("{NOTICES_TITLE}（未読{unread}件）")
    }
}
