-- PostgreSQL twin of ../sqlite/0011_announcement.sql.
CREATE TABLE announcement (
    id           INTEGER PRIMARY KEY CHECK (id = 1),
    text_ja      TEXT    NOT NULL,
    text_en      TEXT,
    link_text_ja TEXT,
    link_text_en TEXT,
    link_url     TEXT,
    updated_at   BIGINT  NOT NULL
);
