-- The language a user last chose on the pages (en, fr): their pages open in it on any browser.
CREATE TABLE user_language (
    user_id     BIGINT      NOT NULL PRIMARY KEY REFERENCES app_user (id),
    language    VARCHAR(2)  NOT NULL
);
