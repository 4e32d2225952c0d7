//! The mailing schedule as data: the seed's 郵送スケジュール table (prefectures → batch →
//! expected arrival), kept in `todoke_core::text::ja::issuance::MAILING_SCHEDULE`.

use std::sync::LazyLock;

use todoke_core::Prefecture;
use todoke_core::text::ja::issuance::MAILING_SCHEDULE;

/// One mailing batch (便) of the schedule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MailingBatch {
    /// 1–9, in mailing order.
    pub number: u8,
    pub prefectures: Vec<Prefecture>,
    /// e.g. 「令和6年11月下旬ごろ」.
    pub arrival: &'static str,
}

static BATCHES: LazyLock<Vec<MailingBatch>> = LazyLock::new(|| {
    MAILING_SCHEDULE
        .iter()
        .zip(1u8..)
        .map(|((names, arrival), number)| MailingBatch {
            number,
            prefectures: names
                .iter()
                .map(|n| Prefecture::parse(n).expect("schedule names a prefecture"))
                .collect(),
            arrival,
        })
        .collect()
});

/// All batches in mailing order.
pub fn batches() -> &'static [MailingBatch] {
    &BATCHES
}

/// The batch that mails letters to `prefecture`.
pub fn batch_for(prefecture: Prefecture) -> &'static MailingBatch {
    BATCHES
        .iter()
        .find(|b| b.prefectures.contains(&prefecture))
        .expect("every prefecture is in the schedule")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_prefecture_is_in_exactly_one_batch() {
        assert_eq!(batches().len(), 9);
        for p in Prefecture::all() {
            let n = batches()
                .iter()
                .filter(|b| b.prefectures.contains(&p))
                .count();
            assert_eq!(n, 1, "{}", p.name());
        }
        assert_eq!(batch_for(Prefecture::parse("北海道").unwrap()).number, 1);
        assert_eq!(batch_for(Prefecture::parse("東京都").unwrap()).number, 4);
        let last = batch_for(Prefecture::parse("沖縄県").unwrap());
        assert_eq!((last.number, last.arrival), (9, "令和7年3月下旬ごろ"));
    }
}
