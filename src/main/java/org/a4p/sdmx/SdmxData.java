package org.a4p.sdmx;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;
import org.a4p.i18n.Language;
import org.a4p.indicators.Grain;
import org.a4p.indicators.Period;
import org.a4p.pack.Indicator;
import org.a4p.pack.Pack;
import org.a4p.release.ReadReleases;
import org.a4p.release.Release;
import org.a4p.release.ReleasedValue;
import org.a4p.release.ValueSelection;

/**
 * Use case: the published values an SDMX data query asks for, as time series, streamed to a
 * {@link DataWriter}. It reads the latest release only (approved data, small cells already
 * suppressed when it was published, no record and no restricted field), series by series: the
 * database is asked for the key's codes, the frequencies and the years; the time filters,
 * {@code c[OBS_STATUS]} and the first or last N observations are applied here.
 *
 * <p>With {@code updatedAfter}, it gives the values that releases published after that instant
 * added or revised, and then, for the writer's delete data set, those they withdrew.
 */
public final class SdmxData {
    private final Pack pack;
    private final ReadReleases releases;
    private final Clock clock;

    public SdmxData(Pack pack, ReadReleases releases, Clock clock) {
        this.pack = pack;
        this.releases = releases;
        this.clock = clock;
    }

    public Optional<Release> latest() {
        return releases.latest();
    }

    /** A structure and the latest release it was built on. */
    private record Built(int release, DataStructure structure) {}

    private volatile Built built;

    /**
     * The structure of the latest release's values (its disaggregations are among its codes),
     * built once per release: finding the disaggregations reads the whole value table.
     */
    public DataStructure structure() {
        int latest = latest().map(Release::number).orElse(0);
        Built now = built;
        if (now == null || now.release() != latest) {
            now = new Built(latest, new DataStructure(pack, releases.publishedDisaggregations()));
            built = now;
        }
        return now.structure();
    }

    /** The two data formats: SDMX-JSON 2.0 and SDMX-CSV 2.0. */
    public enum Format {
        JSON, CSV
    }

    /**
     * Writes what {@code query} selects of {@code release} (the latest for the REST API, any for an
     * export) to {@code out} and returns the number of observations written. Nothing is written, not
     * even the message's start, when nothing matches. {@code self}: the message's own link.
     */
    public long write(Release release, SdmxQuery query, Format format, OutputStream out, Language language, String self) throws IOException {
        DataStructure structure = structure();
        DataWriter writer = format == Format.CSV ? new SdmxCsvData(out, structure)
                : new SdmxJsonData(out, structure, language, clock.instant(), self);
        return write(release, query, structure, writer);
    }

    /** Every value of {@code release} as SDMX. */
    public long write(Release release, Format format, OutputStream out, Language language) throws IOException {
        return write(release, SdmxQuery.parse(null, Map.of()), format, out, language,
                "/sdmx/data/dataflow/" + DataStructure.AGENCY + "/" + DataStructure.FLOW + "/" + DataStructure.VERSION + "/all");
    }

    private long write(Release release, SdmxQuery query, DataStructure structure, DataWriter writer) throws IOException {
        Optional<ValueSelection> selection = selection(query, structure);
        if (selection.isEmpty()) {
            return 0;
        }
        Map<Integer, Instant> published = new HashMap<>();
        releases.list().forEach(r -> published.put(r.number(), r.publishedAt()));
        Integer changedAfter = null;
        if (query.updatedAfter != null) {
            changedAfter = published.entrySet().stream().filter(e -> !e.getValue().isAfter(query.updatedAfter))
                    .mapToInt(Map.Entry::getKey).max().orElse(0);
            if (changedAfter >= release.number()) {
                return 0;
            }
        }
        ValueSelection asked = selection.get();
        ValueSelection read = new ValueSelection(asked.indicators(), asked.orgUnits(), asked.disaggregations(), asked.grains(),
                asked.fromYear(), asked.toYear(), changedAfter);
        Grouper values = new Grouper(release, query, writer, false, v -> status(v, published));
        try {
            releases.each(release.number(), read, values);
            values.flush();
            if (changedAfter != null) {
                Grouper withdrawn = new Grouper(release, query, writer, true, v -> "A");
                withdrawn.began = values.began;
                releases.eachWithdrawn(changedAfter, release.number(), read, withdrawn);
                withdrawn.flush();
                values.began = withdrawn.began;
                values.observations += withdrawn.observations;
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        if (values.began) {
            writer.end();
        }
        return values.observations;
    }

    /** P when the period had not ended on the day its release was published, R when a release revised it, else A. */
    private static String status(ReleasedValue value, Map<Integer, Instant> published) {
        Instant at = published.get(value.release());
        if (at != null && !Period.endOf(value.period()).isBefore(at.atZone(ZoneOffset.UTC).toLocalDate())) {
            return "P";
        }
        return value.release() > value.firstRelease() ? "R" : "A";
    }

    /** The key and c[] filters in our codes, for the database; empty when a dimension asks only for codes that do not exist. */
    private Optional<ValueSelection> selection(SdmxQuery query, DataStructure structure) {
        Set<String> indicators = new LinkedHashSet<>();
        Set<String> orgUnits = new LinkedHashSet<>();
        Set<String> disaggregations = new LinkedHashSet<>();
        Set<Grain> grains = new LinkedHashSet<>();
        for (String code : query.codes.get(0)) {
            structure.indicators().ours(code).ifPresent(indicators::add);
        }
        for (String code : query.codes.get(1)) {
            structure.orgUnits().ours(code).ifPresent(orgUnits::add);
        }
        for (String code : query.codes.get(2)) {
            SdmxIds.disaggregationLabel(code).ifPresent(disaggregations::add);
        }
        for (String code : query.codes.get(3)) {
            for (Grain grain : Grain.values()) {
                if (Series.frequency(grain).equals(code)) {
                    grains.add(grain);
                }
            }
        }
        List<Set<?>> ours = List.of(indicators, orgUnits, disaggregations, grains);
        for (int i = 0; i < ours.size(); i++) {
            if (!query.codes.get(i).isEmpty() && ours.get(i).isEmpty()) {
                return Optional.empty();
            }
        }
        Integer[] years = query.years();
        if (years[0] != null && years[0] > years[1]) {
            return Optional.empty();
        }
        return Optional.of(new ValueSelection(indicators, orgUnits, disaggregations, grains, years[0], years[1], null));
    }

    /**
     * Gathers the streamed values of one indicator and org unit (they come together), then hands
     * their series to the writer: by disaggregation and grain, each oldest first.
     */
    private final class Grouper implements Consumer<ReleasedValue> {
        private record Key(String disaggregation, Grain grain) {}

        private final Release release;
        private final SdmxQuery query;
        private final DataWriter writer;
        private final boolean deletions;
        private final Function<ReleasedValue, String> status;
        private final Map<Key, List<Series.Observation>> block = new TreeMap<>(Comparator.comparing(Key::disaggregation)
                .thenComparing(Key::grain));
        private String indicator;
        private String orgUnit;
        boolean began;
        long observations;

        Grouper(Release release, SdmxQuery query, DataWriter writer, boolean deletions, Function<ReleasedValue, String> status) {
            this.release = release;
            this.query = query;
            this.writer = writer;
            this.deletions = deletions;
            this.status = status;
        }

        @Override
        public void accept(ReleasedValue value) {
            if (!value.indicator().equals(indicator) || !value.orgUnit().equals(orgUnit)) {
                flush();
                indicator = value.indicator();
                orgUnit = value.orgUnit();
            }
            String code = status.apply(value);
            if (query.keeps(value, code)) {
                block.computeIfAbsent(new Key(value.disaggregation(), Grain.of(value.period())), k -> new ArrayList<>())
                        .add(new Series.Observation(value, code));
            }
        }

        void flush() {
            try {
                for (Map.Entry<Key, List<Series.Observation>> entry : block.entrySet()) {
                    List<Series.Observation> kept = limit(entry.getValue());
                    Series series = new Series(indicator, orgUnit, entry.getKey().disaggregation(), entry.getKey().grain(),
                            pack.indicator(indicator).map(Indicator::unit).orElse(null), kept);
                    if (!began) {
                        writer.begin(release);
                        began = true;
                    }
                    if (deletions) {
                        writer.deleted(series);
                    } else {
                        writer.series(series);
                    }
                    observations += kept.size();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            block.clear();
        }

        /** The first N and the last N observations (both when both are asked), in order. */
        private List<Series.Observation> limit(List<Series.Observation> all) {
            if (query.firstN == null && query.lastN == null) {
                return all;
            }
            List<Series.Observation> kept = new ArrayList<>();
            for (int i = 0; i < all.size(); i++) {
                if ((query.firstN != null && i < query.firstN) || (query.lastN != null && i >= all.size() - query.lastN)) {
                    kept.add(all.get(i));
                }
            }
            return kept;
        }
    }
}
