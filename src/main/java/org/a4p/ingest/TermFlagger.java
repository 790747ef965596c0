package org.a4p.ingest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.a4p.pack.Field;
import org.a4p.pack.Flagging;
import org.a4p.pack.Pack;
import org.a4p.pack.RecordType;
import org.a4p.pack.ReferenceTable;

/**
 * Flags records from their text: the pack's term list for the record's language, plus the list
 * its mission loaded. Terms match whole words or phrases, ignoring case and accents; the
 * highest-severity match sets the category and severity. A category the file already gives is
 * an analyst's judgement and is kept.
 */
public final class TermFlagger {

    /** A term and what it signals. */
    public record Term(String language, String term, String category, int severity) {}

    private final RecordType type;
    private final Flagging flagging;
    private final Map<String, List<Term>> global = new HashMap<>();
    private final Map<String, List<Term>> byMission = new HashMap<>();
    private final Map<String, Matcher> matchers = new HashMap<>();

    TermFlagger(RecordType type, List<Term> packTerms, Map<String, List<Term>> missionTerms) {
        this.type = type;
        this.flagging = type.flagging();
        for (Term term : packTerms) {
            global.computeIfAbsent(term.language(), k -> new ArrayList<>()).add(term);
        }
        byMission.putAll(missionTerms);
    }

    static TermFlagger load(Connection connection, Pack pack, RecordType type) throws SQLException {
        ReferenceTable table = pack.table(type.flagging().terms()).orElseThrow();
        List<Term> packTerms = table.rows().stream()
                .map(r -> new Term(r.get("language"), r.get("term"), r.get("category"), Integer.parseInt(r.get("severity"))))
                .toList();
        Map<String, List<Term>> missionTerms = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT mission, language, term, category, severity FROM mission_term");
             ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                missionTerms.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                        .add(new Term(rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5)));
            }
        }
        return new TermFlagger(type, packTerms, missionTerms);
    }

    /** Sets the record's category and severity from its text, unless it already has a category. */
    void flag(Object[] values) {
        List<Field> fields = type.fields();
        int category = indexOf(fields, flagging.categoryField());
        if (values[category] != null) {
            return;
        }
        String language = (String) values[indexOf(fields, flagging.languageField())];
        String mission = (String) values[indexOf(fields, type.missionField())];
        Term match = strongest(language, mission, (String) values[indexOf(fields, flagging.textField())]);
        values[category] = match == null ? "none" : match.category();
        values[indexOf(fields, flagging.severityField())] = match == null ? 0L : (long) match.severity();
    }

    /** The highest-severity term of the language (pack list and the mission's) found in the text, or null. */
    Term strongest(String language, String mission, String text) {
        if (text == null || language == null) {
            return null;
        }
        List<Term> terms = new ArrayList<>(global.getOrDefault(language, List.of()));
        byMission.getOrDefault(mission, List.of()).stream().filter(t -> t.language().equals(language)).forEach(terms::add);
        String normalized = normalize(text);
        Term best = null;
        for (Term term : terms) {
            if ((best == null || term.severity() > best.severity()) && matcher(term).reset(normalized).find()) {
                best = term;
            }
        }
        return best;
    }

    private Matcher matcher(Term term) {
        return matchers.computeIfAbsent(term.language() + '\u001f' + term.term(),
                k -> Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(normalize(term.term())) + "(?![\\p{L}\\p{N}])").matcher(""));
    }

    /** Lower case, accents removed, runs of spaces as one, curly apostrophes as straight ones. */
    static String normalize(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        return decomposed.toLowerCase(Locale.ROOT).replace('\u2019', '\'').replaceAll("\\s+", " ");
    }

    private static int indexOf(List<Field> fields, String name) {
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).name().equals(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no field " + name);
    }
}
