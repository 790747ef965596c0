package org.a4p.access;

import java.util.Optional;
import org.a4p.i18n.Language;
import org.jdbi.v3.core.Jdbi;

/**
 * The language each user last chose on the pages (all SQL of {@code user_language}): the pages
 * open in it on any browser the user signs in on, not only the one whose cookie remembers it.
 */
public final class LanguagePreference {
    private final Jdbi jdbi;

    public LanguagePreference(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** The user's language, or empty when they never chose one. */
    public Optional<Language> of(long userId) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT language FROM user_language WHERE user_id = :id")
                .bind("id", userId).mapTo(String.class).findOne()).flatMap(Language::of);
    }

    /** Keeps {@code language} as the user's: an update when they had one, else a new row. */
    public void set(long userId, Language language) {
        jdbi.useTransaction(handle -> {
            int updated = handle.createUpdate("UPDATE user_language SET language = :language WHERE user_id = :id")
                    .bind("language", language.code()).bind("id", userId).execute();
            if (updated == 0) {
                handle.createUpdate("INSERT INTO user_language (user_id, language) VALUES (:id, :language)")
                        .bind("id", userId).bind("language", language.code()).execute();
            }
        });
    }
}
