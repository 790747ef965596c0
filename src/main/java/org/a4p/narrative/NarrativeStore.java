package org.a4p.narrative;

import java.util.List;
import java.util.Optional;
import org.a4p.i18n.Language;
import org.jdbi.v3.core.Handle;

/** All SQL on {@code narrative_version}, on the caller's handle and in its transaction. Rows are only ever inserted. */
final class NarrativeStore {
    private static final String COLUMNS = "priority_id, period_year, lang, version, body, written_by, written_at";

    private final Handle handle;

    NarrativeStore(Handle handle) {
        this.handle = handle;
    }

    /** The highest version of a priority, year and language; 0 when none was written. */
    int lastVersion(String priority, int year, Language language) {
        return handle.createQuery("""
                        SELECT COALESCE(MAX(version), 0) FROM narrative_version
                        WHERE priority_id = :priority AND period_year = :year AND lang = :lang""")
                .bind("priority", priority).bind("year", year).bind("lang", language.code())
                .mapTo(Integer.class).one();
    }

    void insert(Narrative narrative) {
        handle.createUpdate("INSERT INTO narrative_version (" + COLUMNS
                        + ") VALUES (:priority, :year, :lang, :version, :body, :author, :at)")
                .bind("priority", narrative.priority()).bind("year", narrative.year()).bind("lang", narrative.language().code())
                .bind("version", narrative.version()).bind("body", narrative.text()).bind("author", narrative.author())
                .bind("at", narrative.writtenAt())
                .execute();
    }

    Optional<Narrative> latest(String priority, int year, Language language) {
        return handle.createQuery("SELECT " + COLUMNS + """
                         FROM narrative_version
                        WHERE priority_id = :priority AND period_year = :year AND lang = :lang
                        ORDER BY version DESC FETCH FIRST 1 ROWS ONLY""")
                .bind("priority", priority).bind("year", year).bind("lang", language.code())
                .map((rs, context) -> narrative(rs)).findOne();
    }

    /** The latest version of every priority's narrative of a year in one language. */
    List<Narrative> latestOfYear(int year, Language language) {
        return handle.createQuery("SELECT " + COLUMNS + """
                         FROM narrative_version n
                        WHERE period_year = :year AND lang = :lang
                          AND version = (SELECT MAX(version) FROM narrative_version m
                                         WHERE m.priority_id = n.priority_id AND m.period_year = n.period_year AND m.lang = n.lang)
                        ORDER BY priority_id""")
                .bind("year", year).bind("lang", language.code())
                .map((rs, context) -> narrative(rs)).list();
    }

    /** Every version of a priority's narrative of a year, both languages, newest first. */
    List<Narrative> history(String priority, int year) {
        return handle.createQuery("SELECT " + COLUMNS + """
                         FROM narrative_version
                        WHERE priority_id = :priority AND period_year = :year
                        ORDER BY written_at DESC, version DESC, lang""")
                .bind("priority", priority).bind("year", year)
                .map((rs, context) -> narrative(rs)).list();
    }

    private static Narrative narrative(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Narrative(rs.getString(1), rs.getInt(2), Language.of(rs.getString(3)).orElseThrow(), rs.getInt(4), rs.getString(5),
                rs.getString(6), rs.getObject(7, java.time.OffsetDateTime.class).toInstant());
    }
}
