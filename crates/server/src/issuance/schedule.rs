//! The mailing schedule as data: the seed's 郵送スケジュール table (prefectures → batch →
//! expected arrival). Which prefectures (JIS X 0401 codes) each batch serves is here; the
//! arrival, as the letter words it, is `text::ja::issuance::MAILING_ARRIVALS`.

use std::sync::LazyLock;

use todoke_core::Prefecture;
use todoke_core::text::ja::issuance::MAILING_ARRIVALS;

/// The prefectures of each batch, in mailing order, as the seed's table lists them.
const BATCH_PREFECTURES: [&[u8]; 9] = [
    &[1, 2, 3, 4, 5, 6, 7],
    &[8, 9, 10, 11],
    &[12, 15, 16, 17, 18, 19, 20],
    &[13],
    &[14, 21, 22],
    &[23, 24, 28],
    &[25, 26, 27],
    &[29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39],
    &[40, 41, 43, 42, 44, 45, 46, 47],
];

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
    BATCH_PREFECTURES
        .iter()
        .zip(MAILING_ARRIVALS)
        .zip(1u8..)
        .map(|((codes, arrival), number)| MailingBatch {
            number,
            prefectures: codes
                .iter()
                .map(|&c| Prefecture::from_code(c).expect("a JIS prefecture code"))
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
        // The seed's third row, in its order.
        let third: Vec<&str> = batches()[2].prefectures.iter().map(|p| p.name()).collect();
        assert_eq!(
            third,
            [
                "千葉県",
                "新潟県",
                "富山県",
                "石川県",
                "福井県",
                "山梨県",
                "長野県"
            ]
        );
    }
}
