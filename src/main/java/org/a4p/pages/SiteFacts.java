package org.a4p.pages;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * What Geo-PKO says of each bundled site beyond its place: its country, the years peacekeepers were
 * deployed there, and whether it was a headquarters. Read from the bundled pack's sites list (the
 * org-unit tree keeps only codes, names and coordinates); a site of an edited pack that the bundled
 * list lacks has no facts.
 */
final class SiteFacts {
    /** {@code hq}: Geo-PKO's 0 (none) to 3 (mission headquarters). */
    record Facts(String country, Integer firstYear, Integer lastYear, int hq) {}

    private static final String SITES = "/pack/orgunits/sites.csv";
    private final Map<String, Facts> byCode = new HashMap<>();

    SiteFacts() {
        try (InputStream in = SiteFacts.class.getResourceAsStream(SITES)) {
            if (in == null) {
                return;
            }
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                for (CSVRecord row : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
                    byCode.put(row.get("code"), new Facts(row.get("country"), year(row.get("first_year")), year(row.get("last_year")),
                            hq(row.get("hq"))));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + SITES, e);
        }
    }

    Facts of(String site) {
        return byCode.get(site);
    }

    private static Integer year(String text) {
        return text == null || text.isBlank() ? null : Integer.valueOf(text.trim());
    }

    private static int hq(String text) {
        return text == null || text.isBlank() ? 0 : Integer.parseInt(text.trim());
    }
}
