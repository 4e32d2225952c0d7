-- The announcement the list page shows (one at most), set with `todoke-server admin announce`.
-- Plain text; the English fields are optional (the Japanese ones answer when they are empty).
CREATE TABLE announcement (
    id           INTEGER PRIMARY KEY CHECK (id = 1),
    text_ja      TEXT    NOT NULL,
    text_en      TEXT,
    link_text_ja TEXT,
    link_text_en TEXT,
    link_url     TEXT,
    updated_at   INTEGER NOT NULL
);
