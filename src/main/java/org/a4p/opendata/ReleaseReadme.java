package org.a4p.opendata;

import java.time.ZoneOffset;
import java.util.Locale;
import org.a4p.pack.Pack;
import org.a4p.release.Release;

/** README.txt of a release's zip: what the release is, its files, what was left out and why, how to check and cite it. */
final class ReleaseReadme {
    private ReleaseReadme() {}

    static String text(Pack pack, Release release, long syntheticValues) {
        String date = release.publishedAt().atOffset(ZoneOffset.UTC).toLocalDate().toString();
        StringBuilder text = new StringBuilder();
        text.append("A4P+ Monitor: open data, release ").append(release.number()).append("\n\n");
        text.append("Framework:        ").append(pack.name()).append(" (pack ").append(pack.id()).append(", version ").append(pack.version())
                .append(")\n");
        text.append("Published:        ").append(release.publishedAt()).append(" (UTC)\n");
        text.append(String.format(Locale.ROOT, "Values:           %,d (against the release before: %,d added, %,d revised, %,d withdrawn)%n",
                release.values(), release.added(), release.revised(), release.withdrawn()));
        text.append("Note:             ").append(release.note() == null || release.note().isBlank() ? "(none)" : release.note().strip()).append('\n');
        text.append("Content SHA-256:  ").append(release.contentSha256()).append("\n\n");
        text.append("""
                Files
                  values.csv        one row per value (UTF-8, comma-separated, header row); columns in dictionary/columns.csv
                  values.json       the same values, and this release's number, date, counts, note and digest
                  dictionary.json   every column, code, org unit and indicator (definition, unit, direction, formula,
                                    priority, source, baseline, targets), with French names where the framework has them
                  dictionary/       the dictionary as CSV tables: columns, indicators, targets, org_units, codes
                  README.txt        this file

                What is in it, and what is not
                  Only published, approved figures: the values of this release as it was published. A release never
                  changes; a later release that revises a value publishes a new version of it (last_revised) and this
                  release keeps the old one. A value resting on fewer records than the framework's small-cell threshold
                  (%d), or that would give such a value back by subtraction, is suppressed: suppressed is true and value
                  and records are empty. No record and no restricted field (names, victims' identities) is published.

                Checking the digest
                  content_sha256 is the SHA-256 of one line per value, sorted by indicator, org_unit, period and
                  disaggregation (by UTF-16 code unit): indicator, org_unit, period, disaggregation, the value as Java's
                  Double.toString writes it (3 is 3.0; empty when suppressed), records (empty when suppressed), synthetic,
                  flagged and suppressed (true or false), separated by tabs, each line ending in a line feed.

                How to cite
                  A4P+ Monitor, %s, open data release %d (published %s), SHA-256 %s.
                """.formatted(pack.settings().smallCellThreshold(), pack.name(), release.number(), date, release.contentSha256()));
        if (syntheticValues > 0) {
            text.append(String.format(Locale.ROOT, """

                    Synthetic data
                      %,d of these values rest on synthetic records (synthetic is true): seeded demonstration data for the
                      record types without public data, not real figures. Do not use them as facts.
                    """, syntheticValues));
        }
        return text.toString();
    }
}
