//! Japanese text of the reissue request (FAQ A6: 通知書を紛失した場合): the public page that
//! asks for it, and the bureau's page that decides it.

use crate::institution::FeeScheduleClass;

// ---- The request (no sign-in) ----------------------------------------------------------------

pub const REISSUE_TITLE: &str = "ユーザID・初期パスワード通知の再発行の申請";
pub const REISSUE_LINK: &str = "通知書を紛失した場合の再発行の申請";
pub const REISSUE_LEAD: &str = "「ユーザID・初期パスワード通知」を紛失した場合や届かない場合は、ここから再発行を申請できます。ログインは不要です。";
pub const REISSUE_HOW: &str = "地方厚生（支）局が申請の内容を登録内容と照合します。確認できた場合は、新しい初期パスワードを記載した通知書を、登録されている所在地に郵送します（画面やメールにパスワードを表示・送信することはありません）。通知書が届くと、それまでのパスワードは使えなくなります。";
pub const REISSUE_CODE_HINT: &str =
    "10桁の医療機関コード（薬局は薬局コード）。例：0110113719。全角で入力しても半角に直します。";
pub const REISSUE_CLASS_HINT: &str = "医療機関コードの3桁目が1なら医科、3なら歯科、4なら調剤です。";
pub const REISSUE_NAME_HINT: &str = "指定を受けている正式な名称。例：とどけ内科クリニック";
pub const REISSUE_POSTAL_HINT: &str =
    "保険医療機関・保険薬局として登録している所在地の郵便番号。例：100-0001";
pub const REISSUE_CONTACT_HINT: &str =
    "内容の確認のため、地方厚生（支）局から連絡することがあります。";
pub const REISSUE_SUBMIT: &str = "再発行を申請する";
pub const REISSUE_SENDING: &str = "送信しています…";
pub const REISSUE_DONE_TITLE: &str = "再発行の申請を受け付けました";
pub const REISSUE_NUMBER_LABEL: &str = "受付番号";
pub const REISSUE_RECEIVED_AT_LABEL: &str = "受付日時";
pub const REISSUE_DONE_BODY: &str = "地方厚生（支）局が登録内容と照合し、確認できた場合は、新しい初期パスワードを記載した通知書を登録されている所在地に郵送します。申請の内容が登録と合わない場合は郵送しません。";
pub const REISSUE_DONE_CONTACT: &str = "2週間程度たっても届かない場合は、受付番号を添えて管轄の地方厚生（支）局にお問い合わせください。";
pub const REISSUE_BACK_TO_LOGIN: &str = "ログイン画面に戻る";
pub const REISSUE_RATE_LIMITED: &str = "同じ医療機関コードまたは同じ接続元からの申請が続いたため、今は受け付けられません。すでに申請した場合は、通知書の郵送をお待ちください。しばらく時間をおいてから、もう一度申請してください。";

pub fn reissue_class_mismatch(code_class: FeeScheduleClass, chosen: FeeScheduleClass) -> String {
    format!(
        "医療機関コードの3桁目は{}を示していますが、点数表区分に{}が選ばれています。コードと区分を確かめてください。",
        code_class.label(),
        chosen.label()
    )
}

// ---- Status ------------------------------------------------------------------------------------

pub const REISSUE_STATUS_RECEIVED: &str = "受付";
pub const REISSUE_STATUS_ACCEPTED: &str = "受理（発行待ち）";
pub const REISSUE_STATUS_REJECTED: &str = "却下";
pub const REISSUE_STATUS_ISSUED: &str = "発行済";

// ---- The bureau's page -------------------------------------------------------------------------

pub const REISSUE_REVIEW_TITLE: &str = "通知書の再発行の申請";
pub fn reissue_review_nav(waiting: u64) -> String {
    if waiting == 0 {
        "再発行の申請".to_string()
    } else {
        format!("再発行の申請（未処理{waiting}件）")
    }
}
pub const REISSUE_REVIEW_LEAD: &str = "管内の医療機関等からの再発行の申請です。申請の内容と登録の内容を照合し、本人からの申請と確認できた場合に受理してください。受理した申請は、運用担当の処理で新しい通知書が登録の所在地に郵送されます。";
pub const REISSUE_REVIEW_EMPTY: &str = "再発行の申請はありません。";
pub const REISSUE_REQUEST_HEADING: &str = "受付番号";
pub const REISSUE_STATUS_LABEL: &str = "状況";
pub const REISSUE_TYPED_LABEL: &str = "申請の内容";
pub const REISSUE_REGISTERED_LABEL: &str = "登録の内容";
pub const REISSUE_NOT_REGISTERED: &str = "この医療機関コードと点数表区分で利用中のユーザIDはありません。受理できないため、却下してください。";
pub const REISSUE_COMPARE_CAPTION: &str = "申請の内容と登録の内容の照合";
pub const REISSUE_NOT_ASKED: &str = "（申請の項目にありません）";
pub const REISSUE_DIFFERS: &str = "（登録と異なる）";
pub const REISSUE_USER_ID_LABEL: &str = "ユーザID";
pub const REISSUE_ADDRESS_LABEL: &str = "郵送先（登録の所在地）";
pub const REISSUE_CONTACT_LABEL: &str = "担当者・電話番号";
pub const REISSUE_ACCEPT: &str = "受理する（通知書を再発行）";
pub const REISSUE_REJECT: &str = "却下する";
pub const REISSUE_REASON_LABEL: &str = "却下の理由";
pub const REISSUE_REASON_HINT: &str = "却下する場合に入力してください。記録に残ります。";
pub const REISSUE_REASON_REQUIRED: &str = "却下の理由を入力してください。";
pub const REISSUE_REASON_TOO_LONG: &str = "却下の理由は2000文字以内で入力してください。";
pub const REISSUE_ACCEPTED_FLASH: &str =
    "受理しました。運用担当の処理で通知書が登録の所在地に郵送されます。";
pub const REISSUE_REJECTED_FLASH: &str = "却下しました。";
pub const REISSUE_NO_ACCOUNT: &str = "この医療機関コードと点数表区分で利用中のユーザIDがないため、受理できません。却下してください。";
pub const REISSUE_ALREADY_DECIDED: &str =
    "この申請はすでに処理されています。画面を再読み込みして、最新の状況を確認してください。";
pub const REISSUE_NO_ADDRESS: &str = "郵送先の所在地が登録されていないため、まだ受理できません。運用担当に医療機関等の所在地の取り込みを依頼してから受理してください。";
