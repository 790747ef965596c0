package org.a4p.pages;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.a4p.disclosure.Caller;
import org.a4p.disclosure.PublicValue;
import org.a4p.disclosure.ReadValues;
import org.a4p.indicators.Grain;
import org.a4p.indicators.QueryValues;
import org.a4p.release.Release;

/**
 * One indicator's yearly totals in every org unit, as the viewer may see them: what a page's
 * chart by mission needs. The public's figures change only when a release is published, so they
 * are read once per release, every indicator in one query, and kept until the next release; the
 * staff view changes with every import and is read each time.
 *
 * <p>Why: H2 answers one indicator's yearly totals by walking the primary key over all its rows
 * (every month, quarter and breakdown), tens of milliseconds each, and a priority page shows up to
 * fourteen indicators.
 */
final class YearlyTotals {
    private record Kept(int release, Map<String, List<PublicValue>> byIndicator) {}

    private final ReadValues values;
    private final AtomicReference<Kept> kept = new AtomicReference<>();

    YearlyTotals(ReadValues values) {
        this.values = values;
    }

    /** {@code latest}: the latest release (null before the first), which the public reads. */
    List<PublicValue> of(Viewer viewer, String indicator, Release latest) {
        if (!viewer.caller().isPublic()) {
            return PageFrame.ok(values.run(viewer.caller(), new QueryValues.Request(indicator, null, null, Grain.YEAR, true)));
        }
        if (latest == null) {
            return List.of();
        }
        Kept now = kept.get();
        if (now == null || now.release() != latest.number()) {
            List<PublicValue> all = PageFrame.ok(values.run(Caller.anonymous(), new QueryValues.Request(null, null, null, Grain.YEAR, true)));
            // Read after the release was named: a newer release may have come meanwhile, and is then read next time.
            now = new Kept(latest.number(), all.stream().collect(Collectors.groupingBy(PublicValue::indicator)));
            kept.set(now);
        }
        return now.byIndicator().getOrDefault(indicator, List.of());
    }
}
