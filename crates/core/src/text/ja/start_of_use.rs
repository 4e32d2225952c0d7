//! Japanese text of the 利用開始届出 (様式1, FAQ A9): the public page that files it, and the
//! bureau's page that decides it.

// ---- The request (no sign-in) ----------------------------------------------------------------

pub const START_TITLE: &str = "利用開始届出（様式1）";
pub const START_LINK: &str = "新たに利用する場合・医療機関コード等が変わる場合（利用開始届出）";
pub const START_LEAD: &str = "本システムを新たに利用する場合や、医療機関コード・点数表区分の変更、移転により新しいユーザIDが必要な場合は、ここから利用開始届出を提出できます。ログインは不要です。";
pub const START_HOW: &str = "医療機関コード・点数表区分の変更や移転の場合は、これまでのユーザIDでログインして「利用終了届出（様式5）」も提出してください。地方厚生（支）局が両方を受理すると、これまでのユーザIDの利用終了に合わせて新しいユーザIDを発行し、初期パスワードを記載した通知書を入力された所在地に郵送します。これまでのユーザIDで提出した届出は、地方厚生（支）局で引き続き確認できます。";
pub const START_REASON: &str = "届出の理由";
pub const START_REASON_NEW: &str = "新規（これまでユーザIDがない）";
pub const START_REASON_CODE_CHANGE: &str = "医療機関コードの変更";
pub const START_REASON_CLASS_CHANGE: &str = "点数表区分の変更";
pub const START_REASON_RELOCATION: &str = "移転";
pub const START_REASON_REQUIRED: &str = "届出の理由を選んでください。";
pub const START_PREVIOUS_USER_ID: &str = "これまでのユーザID";
pub const START_PREVIOUS_HINT: &str = "新規以外の場合に入力してください。これまでの「ユーザID・初期パスワード通知」に記載されています。";
pub const START_PREVIOUS_REQUIRED: &str =
    "新規以外の場合は、これまでのユーザIDを入力してください。";
pub const START_PREVIOUS_SHAPE: &str =
    "これまでのユーザIDは、半角英数字とハイフンの4〜32文字で入力してください。";
pub const START_CODE_HINT: &str = "新しく使う10桁の医療機関コード（薬局は薬局コード）。例：0110113719。全角で入力しても半角に直します。";
pub const START_ADDRESS: &str = "所在地";
pub const START_ADDRESS_HINT: &str =
    "都道府県から建物名まで。通知書はこの所在地に郵送します。例：東京都千代田区霞が関1-2-2";
pub const START_POSTAL_HINT: &str = "通知書を郵送する所在地の郵便番号。例：100-0013";
pub const START_SUBMIT: &str = "利用開始届出を提出する";
pub const START_DONE_TITLE: &str = "利用開始届出を受け付けました";
pub const START_DONE_BODY: &str = "地方厚生（支）局が内容を確認します。受理されると、新しいユーザIDと初期パスワードを記載した通知書を入力された所在地に郵送します。医療機関コード等の変更や移転の場合は、これまでのユーザIDの利用終了届出の受理と、その最終利用日の経過を待って発行します。";

// ---- The bureau's page -------------------------------------------------------------------------

pub const START_REVIEW_TITLE: &str = "利用開始届出";
pub fn start_review_nav(waiting: u64) -> String {
    if waiting == 0 {
        "利用開始届出".to_string()
    } else {
        format!("利用開始届出（未処理{waiting}件）")
    }
}
pub const START_REVIEW_LEAD: &str = "管内の医療機関等からの利用開始届出です。内容を確認して受理してください。医療機関コード等の変更や移転の場合は、これまでのユーザIDの利用終了届出を先に受理してください。受理した届出は、運用担当の処理で、これまでのユーザIDの利用終了と合わせて新しいユーザIDが発行され、通知書が郵送されます。";
pub const START_REVIEW_EMPTY: &str = "利用開始届出はありません。";
pub const START_PREVIOUS_LABEL: &str = "これまでのユーザID";
pub const START_PREVIOUS_NOT_FOUND: &str = "（このユーザIDの利用者は登録されていません）";
pub const START_PREVIOUS_ENDED: &str = "利用終了済み";
pub const START_PREVIOUS_IN_USE: &str = "利用中";
pub const START_END_OF_USE_LABEL: &str = "利用終了届出";
pub const START_END_OF_USE_NONE: &str = "（提出されていません）";
pub fn start_end_of_use_line(arrival_number: &str, status: &str, last_day: &str) -> String {
    if last_day.is_empty() {
        format!("到達番号 {arrival_number}（{status}）")
    } else {
        format!("到達番号 {arrival_number}（{status}、最終利用日 {last_day}）")
    }
}
pub const START_ISSUED_LABEL: &str = "発行したユーザID";
pub const START_ACCEPT: &str = "受理する（ユーザIDを発行）";
pub const START_ACCEPTED_FLASH: &str =
    "受理しました。運用担当の処理で新しいユーザIDが発行され、通知書が郵送されます。";
pub const START_BLOCKED_IN_USE: &str = "この医療機関コードと点数表区分には利用中のユーザIDがあるため、受理できません。通知書を紛失した場合は再発行の申請を案内し、この届出は却下してください。";
pub const START_BLOCKED_NO_PREVIOUS: &str = "これまでのユーザIDに当たる利用者が登録されていないため、受理できません。内容を確認し、誤りであれば却下してください。";
pub const START_BLOCKED_NO_END_OF_USE: &str = "これまでのユーザIDの利用終了届出（様式5）が提出されていないため、まだ受理できません。医療機関等に提出を依頼してください。";
pub const START_BLOCKED_END_NOT_ACCEPTED: &str = "これまでのユーザIDの利用終了届出（様式5）がまだ受理されていません。先にその届出を審査・受理してから、この届出を受理してください。";

// ---- History across user IDs (the bureau's filing detail) -------------------------------------

pub const LINKED_ACCOUNTS_HEADING: &str = "同じ医療機関等の別のユーザID";
pub const LINKED_PREDECESSOR: &str = "以前のユーザID";
pub const LINKED_SUCCESSOR: &str = "後継のユーザID";
pub const LINKED_NO_FILINGS: &str = "このユーザIDで提出された届出はありません。";
