//! The operator's announcement for the list page (e.g. the notice's request to answer a
//! survey): set and cleared with `todoke-server admin announce`, served by
//! `GET /api/v1/announcement` in the reader's language. One at most.

use time::OffsetDateTime;
use todoke_core::announcement::{Announcement, AnnouncementLink};
use todoke_core::text::{Lang, lang};

use crate::db::{Pool, to_unix};

#[derive(sqlx::FromRow)]
struct Row {
    text_ja: String,
    text_en: Option<String>,
    link_text_ja: Option<String>,
    link_text_en: Option<String>,
    link_url: Option<String>,
}

impl Row {
    /// The announcement in the current language: the English text when there is one and the
    /// reader chose English, else the Japanese.
    fn in_current_language(self) -> Announcement {
        let english = lang::current() == Lang::En && self.text_en.is_some();
        let (text, link_text) = if english {
            (self.text_en, self.link_text_en.or(self.link_text_ja))
        } else {
            (Some(self.text_ja), self.link_text_ja)
        };
        Announcement {
            text: text.unwrap_or_default(),
            link: link_text
                .zip(self.link_url)
                .map(|(text, url)| AnnouncementLink { text, url }),
        }
    }
}

/// The announcement now, if the operator set one.
pub async fn current(pool: &Pool) -> Result<Option<Announcement>, sqlx::Error> {
    let row: Option<Row> = sqlx::query_as(
        "SELECT text_ja, text_en, link_text_ja, link_text_en, link_url
         FROM announcement WHERE id = 1",
    )
    .fetch_optional(pool)
    .await?;
    Ok(row.map(Row::in_current_language))
}

/// Replaces the announcement: `ja` always, `en` when the operator gave an English text. The
/// link's address is shared; its text may differ by language.
pub async fn set(
    pool: &Pool,
    ja: &Announcement,
    en: Option<&Announcement>,
    now: OffsetDateTime,
) -> Result<(), sqlx::Error> {
    let url = ja.link.as_ref().map(|l| l.url.clone());
    sqlx::query(
        "INSERT INTO announcement (id, text_ja, text_en, link_text_ja, link_text_en, link_url, updated_at)
         VALUES (1, $1, $2, $3, $4, $5, $6)
         ON CONFLICT (id) DO UPDATE SET text_ja = $1, text_en = $2, link_text_ja = $3,
             link_text_en = $4, link_url = $5, updated_at = $6",
    )
    .bind(&ja.text)
    .bind(en.map(|a| a.text.clone()))
    .bind(ja.link.as_ref().map(|l| l.text.clone()))
    .bind(en.and_then(|a| a.link.as_ref()).map(|l| l.text.clone()))
    .bind(url)
    .bind(to_unix(now))
    .execute(pool)
    .await?;
    Ok(())
}

/// Removes the announcement; whether there was one.
pub async fn clear(pool: &Pool) -> Result<bool, sqlx::Error> {
    Ok(sqlx::query("DELETE FROM announcement WHERE id = 1")
        .execute(pool)
        .await?
        .rows_affected()
        > 0)
}
