package org.a4p.opendata;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.a4p.app.App;
import org.a4p.release.Release;
import org.a4p.release.ReleasedValue;
import org.a4p.release.ValueSelection;
import org.a4p.support.Fixtures;
import org.a4p.support.TwoReleases;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The open-data files of two releases on H2 and PostgreSQL, read back with commons-csv, Jackson and
 * java.util.zip and compared value by value with what {@code ReadReleases} streams: a release
 * keeps its own values after a later one revises them, a suppressed cell carries no number in any
 * file, the values give back the release's digest, and a restricted name in the records is in no
 * byte of the zip.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("org.a4p.testing.Databases#databases")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExportReleaseTest {
    static final List<String> COLUMNS = List.of("indicator", "org_unit", "period", "frequency", "disaggregation", "value", "unit", "records",
            "suppressed", "synthetic", "flagged", "first_release", "last_revised");
    static final ObjectMapper JSON = new ObjectMapper();

    @Parameter
    String url;

    App app;
    TwoReleases releases;
    ExportRelease export;

    @BeforeParameterizedClassInvocation
    void publish() throws Exception {
        app = Fixtures.app(url);
        releases = TwoReleases.publish(app, Files.createTempDirectory("opendata"));
        export = new ExportRelease(app.pack(), app.releases(), app.clock());
    }

    @AfterParameterizedClassInvocation
    void close() {
        app.close();
    }

    @Test
    void theCsvHoldsEveryValueOfTheReleaseAsReadReleasesStreamsIt() throws IOException {
        List<CSVRecord> rows = csv(bytes(releases.second, ExportFormat.CSV));
        List<ReleasedValue> expected = released(releases.second);
        assertThat(rows).hasSize(expected.size()).hasSize(releases.second.values());
        for (int i = 0; i < rows.size(); i++) {
            assertThat(row(rows.get(i))).as("row %d", i + 1).isEqualTo(expectedRow(expected.get(i)));
        }
    }

    @Test
    void theCsvHeaderIsTheDocumentedColumns() throws IOException {
        String text = new String(bytes(releases.second, ExportFormat.CSV), StandardCharsets.UTF_8);
        assertThat(text).startsWith(String.join(",", COLUMNS) + "\r\n");
        assertThat(Arrays.stream(ValueColumn.values()).map(ValueColumn::columnName)).containsExactlyElementsOf(COLUMNS);
        assertThat(export.dictionary().columns()).extracting(DataDictionary.Column::name).containsExactlyElementsOf(COLUMNS);
    }

    @Test
    void theValuesGiveBackTheReleasesDigest() throws Exception {
        for (Release release : List.of(releases.first, releases.second)) {
            List<CSVRecord> rows = new ArrayList<>(csv(bytes(release, ExportFormat.CSV)));
            rows.sort(Comparator.<CSVRecord, String>comparing(r -> r.get("indicator")).thenComparing(r -> r.get("org_unit"))
                    .thenComparing(r -> r.get("period")).thenComparing(r -> r.get("disaggregation")));
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (CSVRecord r : rows) { // as README.txt says to check it
                String value = r.get("value").isEmpty() ? "" : Double.toString(Double.parseDouble(r.get("value")));
                sha.update(String.join("\t", r.get("indicator"), r.get("org_unit"), r.get("period"), r.get("disaggregation"), value,
                        r.get("records"), r.get("synthetic"), r.get("flagged"), r.get("suppressed")).concat("\n").getBytes(StandardCharsets.UTF_8));
            }
            assertThat(HexFormat.of().formatHex(sha.digest())).as("release %d", release.number()).isEqualTo(release.contentSha256());
        }
    }

    @Test
    void aReleaseStillExportsItsOwnValuesAfterALaterOneRevisedThem() throws IOException {
        Map<String, String> first = row(find(csv(bytes(releases.first, ExportFormat.CSV)), TwoReleases.INDICATOR, "MONUSCO", "2020"));
        Map<String, String> second = row(find(csv(bytes(releases.second, ExportFormat.CSV)), TwoReleases.INDICATOR, "MONUSCO", "2020"));
        assertThat(first).containsEntry("value", "7").containsEntry("records", "7").containsEntry("frequency", "A")
                .containsEntry("unit", "count").containsEntry("first_release", "1").containsEntry("last_revised", "1");
        assertThat(second).containsEntry("value", "6").containsEntry("records", "6").containsEntry("first_release", "1")
                .containsEntry("last_revised", "2");
    }

    @Test
    void anOlderReleaseExportsAsSdmxCsvWithItsOwnValues() throws IOException {
        List<CSVRecord> rows = csv(bytes(releases.first, ExportFormat.SDMX_CSV));
        List<ReleasedValue> expected = released(releases.first);
        assertThat(rows).hasSize(expected.size());
        Map<String, CSVRecord> byKey = new java.util.HashMap<>();
        rows.forEach(r -> byKey.put(r.get("INDICATOR") + "|" + r.get("REF_AREA") + "|" + r.get("DISAGGREGATION") + "|" + r.get("TIME_PERIOD"), r));
        for (ReleasedValue v : expected) {
            CSVRecord row = byKey.get(v.indicator().replace('.', '_') + "|" + v.orgUnit() + "|" + org.a4p.sdmx.SdmxIds.disaggregation(v.disaggregation())
                    + "|" + v.period());
            assertThat(row).as(v.toString()).isNotNull();
            assertThat(row.get("OBS_VALUE")).as(v.toString())
                    .isEqualTo(v.suppressed() ? "NaN" : v.value() == null ? "" : new java.math.BigDecimal(Double.toString(v.value())).stripTrailingZeros().toPlainString());
            assertThat(row.get("RELEASE")).isEqualTo(String.valueOf(v.release()));
        }
        JsonNode message = JSON.readTree(bytes(releases.first, ExportFormat.SDMX_JSON));
        assertThat(message.at("/data/dataSets/0/action").asText()).isEqualTo("Replace");
        assertThat(message.at("/data/structures/0/dimensions/series/0/id").asText()).isEqualTo("INDICATOR");
    }

    @Test
    void aSuppressedCellCarriesNoNumberInAnyFile() throws IOException {
        List<CSVRecord> rows = csv(bytes(releases.second, ExportFormat.CSV));
        Map<String, String> minusca = row(find(rows, TwoReleases.INDICATOR, "MINUSCA", "2019")); // 3 deaths: a small cell
        assertThat(minusca).containsEntry("suppressed", "true").containsEntry("value", "").containsEntry("records", "");
        List<CSVRecord> suppressed = rows.stream().filter(r -> r.get("suppressed").equals("true")).toList();
        assertThat(suppressed).isNotEmpty().allSatisfy(r -> assertThat(r.get("value") + r.get("records")).isEmpty());

        JsonNode values = JSON.readTree(bytes(releases.second, ExportFormat.JSON)).get("values");
        List<JsonNode> hidden = new ArrayList<>();
        values.forEach(v -> {
            if (v.get("suppressed").asBoolean()) {
                hidden.add(v);
            }
        });
        assertThat(hidden).hasSameSizeAs(suppressed).allSatisfy(v -> {
            assertThat(v.get("value").isNull()).isTrue();
            assertThat(v.get("records").isNull()).isTrue();
        });
        Map<String, byte[]> zip = unzip(bytes(releases.second, ExportFormat.ZIP));
        assertThat(zip.get("values.csv")).isEqualTo(bytes(releases.second, ExportFormat.CSV));
        assertThat(zip.get("values.json")).isEqualTo(bytes(releases.second, ExportFormat.JSON));
    }

    @Test
    void theJsonHoldsTheReleasesMetadataAndTheSameValuesAsTheCsv() throws IOException {
        JsonNode json = JSON.readTree(bytes(releases.first, ExportFormat.JSON));
        Release r = releases.first;
        assertThat(json.get("release").toString()).isEqualTo("{\"number\":1,\"published_at\":\"" + r.publishedAt() + "\",\"values\":"
                + r.values() + ",\"added\":" + r.added() + ",\"revised\":0,\"withdrawn\":0,\"content_sha256\":\"" + r.contentSha256()
                + "\",\"note\":null}");
        List<CSVRecord> rows = csv(bytes(releases.first, ExportFormat.CSV));
        JsonNode values = json.get("values");
        assertThat(values.size()).isEqualTo(rows.size()).isEqualTo(r.values());
        for (int i = 0; i < rows.size(); i++) {
            JsonNode v = values.get(i);
            List<String> keys = new ArrayList<>();
            v.fieldNames().forEachRemaining(keys::add);
            assertThat(keys).containsExactlyElementsOf(COLUMNS);
            Map<String, String> asText = new LinkedHashMap<>();
            for (String key : COLUMNS) {
                asText.put(key, v.get(key).isNull() ? "" : v.get(key).asText());
            }
            assertThat(asText).as("value %d", i).isEqualTo(row(rows.get(i)));
        }
    }

    @Test
    void theZipHoldsTheReleaseItsDictionaryAndAReadmeAndNoRestrictedValue() throws Exception {
        assertThat(Fixtures.count(app, "SELECT COUNT(*) FROM rec_fatality WHERE name LIKE '" + TwoReleases.PLANTED + "%'"))
                .as("the planted name is in the records").isEqualTo(1);
        byte[] bytes = bytes(releases.second, ExportFormat.ZIP);
        Map<String, byte[]> zip = unzip(bytes);
        assertThat(zip.keySet()).containsExactly("values.csv", "values.json", "dictionary.json", "dictionary/columns.csv",
                "dictionary/indicators.csv", "dictionary/targets.csv", "dictionary/org_units.csv", "dictionary/codes.csv", "README.txt");
        assertThat(new String(bytes, StandardCharsets.ISO_8859_1)).doesNotContain("Planted");
        zip.forEach((name, content) -> assertThat(new String(content, StandardCharsets.UTF_8)).as(name).doesNotContain("Planted"));

        String readme = new String(zip.get("README.txt"), StandardCharsets.UTF_8);
        assertThat(readme).contains("release 2", releases.second.contentSha256(), "How to cite", "suppressed")
                .doesNotContain("Synthetic data"); // no synthetic record here
        JsonNode dictionary = JSON.readTree(zip.get("dictionary.json"));
        JsonNode indicator = find(dictionary.get("indicators"), "id", TwoReleases.INDICATOR);
        assertThat(indicator.get("name_fr").asText()).isEqualTo(app.pack().indicator(TwoReleases.INDICATOR).orElseThrow().nameFr());
        assertThat(indicator.get("direction").asText()).isEqualTo("lower");
        assertThat(indicator.get("formula").asText()).contains("count(fatality");
        assertThat(find(dictionary.get("org_units"), "code", "MINUSCA").get("level").asText()).isEqualTo("mission");
        assertThat(find(dictionary.get("columns"), "name", "suppressed").get("description_fr").asText()).contains("masquée");
        JsonNode personnel = find(dictionary.get("disaggregations"), "field", "personnel_type");
        assertThat(find(personnel.get("codes"), "code", "military").get("label").asText()).isNotBlank();
        assertThat(new String(zip.get("dictionary/codes.csv"), StandardCharsets.UTF_8)).contains("frequency,A,annual,annuelle")
                .contains("personnel_type,military,");
        assertThat(csv(zip.get("dictionary/indicators.csv"))).hasSize(app.pack().indicators().size());
        assertThat(unzip(bytes(releases.second, ExportFormat.ZIP))).as("the same release, the same bytes")
                .allSatisfy((name, content) -> assertThat(content).isEqualTo(zip.get(name)));
        assertThat(bytes(releases.second, ExportFormat.ZIP)).isEqualTo(bytes);
    }

    @Test
    void releasesAreNamedByNumberOrLatest() {
        assertThat(export.release("latest")).isEqualTo(org.a4p.app.Outcome.ok(releases.second));
        assertThat(export.release("1")).isEqualTo(org.a4p.app.Outcome.ok(releases.first));
        assertThat(export.release("3")).isEqualTo(org.a4p.app.Outcome.failed(org.a4p.app.Failure.notFound(
                "there is no release 3: the releases are 1 to 2")));
        assertThat(export.release("first")).isEqualTo(org.a4p.app.Outcome.failed(org.a4p.app.Failure.invalid(
                "expected a release number or 'latest', got 'first'")));
        assertThat(ExportRelease.format("xml")).isEqualTo(org.a4p.app.Outcome.failed(org.a4p.app.Failure.invalid(
                "expected a format of csv, json, zip, sdmx-csv or sdmx-json, got 'xml'")));
    }

    private byte[] bytes(Release release, ExportFormat format) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ExportRelease.Written written = export.write(release, format, out);
        assertThat(written.values()).isEqualTo(release.values());
        return out.toByteArray();
    }

    private List<ReleasedValue> released(Release release) {
        List<ReleasedValue> out = new ArrayList<>();
        app.releases().each(release.number(), ValueSelection.ALL, out::add);
        return out;
    }

    private Map<String, String> expectedRow(ReleasedValue v) {
        Map<String, String> row = new LinkedHashMap<>();
        row.put("indicator", v.indicator());
        row.put("org_unit", v.orgUnit());
        row.put("period", v.period());
        row.put("frequency", v.period().contains("-Q") ? "Q" : v.period().contains("-") ? "M" : "A");
        row.put("disaggregation", v.disaggregation());
        row.put("value", v.suppressed() || v.value() == null ? "" : BigDecimal.valueOf(v.value()).stripTrailingZeros().toPlainString());
        row.put("unit", app.pack().indicator(v.indicator()).orElseThrow().unit());
        row.put("records", v.suppressed() || v.records() == null ? "" : v.records().toString());
        row.put("suppressed", Boolean.toString(v.suppressed()));
        row.put("synthetic", Boolean.toString(v.synthetic()));
        row.put("flagged", Boolean.toString(v.flagged()));
        row.put("first_release", Integer.toString(v.firstRelease()));
        row.put("last_revised", Integer.toString(v.release()));
        return row;
    }

    static List<CSVRecord> csv(byte[] bytes) throws IOException {
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(new String(bytes, StandardCharsets.UTF_8))).getRecords();
    }

    static Map<String, String> row(CSVRecord record) {
        Map<String, String> row = new LinkedHashMap<>();
        COLUMNS.forEach(column -> row.put(column, record.get(column)));
        return row;
    }

    static CSVRecord find(List<CSVRecord> rows, String indicator, String orgUnit, String period) {
        return rows.stream().filter(r -> r.get("indicator").equals(indicator) && r.get("org_unit").equals(orgUnit)
                && r.get("period").equals(period) && r.get("disaggregation").isEmpty()).findFirst().orElseThrow();
    }

    static JsonNode find(JsonNode array, String key, String value) {
        for (JsonNode node : array) {
            if (node.get(key).asText().equals(value)) {
                return node;
            }
        }
        throw new AssertionError("no " + key + " " + value + " in " + array);
    }

    static Map<String, byte[]> unzip(byte[] bytes) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8)) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                entries.put(entry.getName(), zip.readAllBytes());
            }
        }
        return entries;
    }
}
