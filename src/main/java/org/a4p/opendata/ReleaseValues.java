package org.a4p.opendata;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.a4p.pack.Indicator;
import org.a4p.pack.Pack;
import org.a4p.release.ReadReleases;
import org.a4p.release.Release;
import org.a4p.release.ValueSelection;

/** Streams every value of a release as published, each with its indicator's unit, for the writers. */
final class ReleaseValues {
    private final ReadReleases releases;
    private final Map<String, String> units;

    ReleaseValues(Pack pack, ReadReleases releases) {
        this.releases = releases;
        this.units = pack.indicators().stream().collect(Collectors.toMap(Indicator::id, Indicator::unit));
    }

    /** How many values a writer wrote, and how many of them rest on synthetic records. */
    record Counted(long values, long synthetic) {}

    /** Hands each value of {@code release} to {@code sink}; an IOException of the sink is thrown as itself. */
    Counted each(Release release, Consumer<ValueColumn.ValueRow> sink) throws IOException {
        long[] count = {0, 0};
        try {
            releases.each(release.number(), ValueSelection.ALL, value -> {
                sink.accept(new ValueColumn.ValueRow(value, units.getOrDefault(value.indicator(), "")));
                count[0]++;
                count[1] += value.synthetic() ? 1 : 0;
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return new Counted(count[0], count[1]);
    }
}
