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
pub const PASSWORD_TOO_COMMON: &str = "新しいパスワードは推測されやすいため使えません。単語や連続した文字を避けて、別のパスワードを入力してください。";
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
