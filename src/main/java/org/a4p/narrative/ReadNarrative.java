package org.a4p.narrative;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.a4p.app.Failure;
import org.a4p.app.Outcome;
import org.a4p.i18n.Language;
import org.a4p.pack.Pack;
import org.jdbi.v3.core.Jdbi;

/** Use cases: the latest narrative of a priority, year and language, and every version kept. Public: narratives are written for Member States. */
public final class ReadNarrative {
    private final Pack pack;
    private final Jdbi jdbi;

    public ReadNarrative(Pack pack, Jdbi jdbi) {
        this.pack = pack;
        this.jdbi = jdbi;
    }

    /** The latest version; empty when none was written. */
    public Optional<Narrative> latest(String priority, int year, Language language) {
        return jdbi.withHandle(handle -> new NarrativeStore(handle).latest(priority, year, language));
    }

    /** The latest version of each priority's narrative of a year, by priority id. */
    public Map<String, Narrative> latestOfYear(int year, Language language) {
        return jdbi.withHandle(handle -> new NarrativeStore(handle).latestOfYear(year, language)).stream()
                .collect(Collectors.toMap(Narrative::priority, narrative -> narrative));
    }

    /** Every version of a priority's narrative of a year, in both languages, newest first. */
    public Outcome<List<Narrative>> history(String priority, int year) {
        if (pack.priorities().stream().noneMatch(p -> p.id().equals(priority))) {
            return Outcome.failed(Failure.invalid("unknown priority '" + priority + "': expected one of "
                    + String.join(", ", pack.priorities().stream().map(p -> p.id()).toList())));
        }
        return Outcome.ok(jdbi.withHandle(handle -> new NarrativeStore(handle).history(priority, year)));
    }
}
