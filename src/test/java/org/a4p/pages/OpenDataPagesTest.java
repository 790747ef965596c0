package org.a4p.pages;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.a4p.opendata.ExportFormat;
import org.a4p.opendata.ExportRelease;
import org.a4p.release.Release;
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
 * The open-data downloads over real HTTP, signed in as nobody, on H2 and PostgreSQL: each file
 * is what {@code ExportRelease} writes, with its type, a file name, an ETag that a second request
 * gets a 304 for, and a cache lifetime; {@code latest} names the newest release; the CSV agrees
 * with the public {@code /api/v1/values}.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("org.a4p.testing.Databases#databases")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenDataPagesTest {
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @Parameter
    String url;

    PageFixture fixture;
    TwoReleases releases;
    ExportRelease export;

    @BeforeParameterizedClassInvocation
    void publish() throws Exception {
        fixture = new PageFixture(url);
        releases = TwoReleases.publish(fixture.app, Files.createTempDirectory("opendata-pages"));
        export = new ExportRelease(fixture.app.pack(), fixture.app.releases(), fixture.app.clock());
    }

    @AfterParameterizedClassInvocation
    void close() {
        fixture.close();
    }

    @Test
    void eachDownloadIsTheExportWithItsTypeNameETagAndCacheLifetime() throws Exception {
        Map<String, String> types = Map.of("values.csv", "text/csv; charset=utf-8", "values.json", "application/json",
                "dictionary.json", "application/json", "release-1.zip", "application/zip");
        Map<String, String> names = Map.of("values.csv", "a4p-release-1-values.csv", "values.json", "a4p-release-1-values.json",
                "dictionary.json", "a4p-release-1-dictionary.json", "release-1.zip", "a4p-release-1.zip");
        for (String file : types.keySet()) {
            HttpResponse<byte[]> response = get("/open-data/releases/1/" + file, null);
            assertThat(response.statusCode()).as(file).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).as(file).hasValue(types.get(file));
            assertThat(response.headers().firstValue("Content-Disposition")).as(file).hasValue("attachment; filename=\"" + names.get(file) + "\"");
            assertThat(response.headers().firstValue("Cache-Control")).as(file).hasValue("public, max-age=86400");
            assertThat(response.body()).as(file).isEqualTo(expected(releases.first, file));
            String etag = response.headers().firstValue("ETag").orElseThrow();
            assertThat(etag).contains("-r1-" + releases.first.contentSha256().substring(0, 16));

            HttpResponse<byte[]> again = get("/open-data/releases/1/" + file, etag);
            assertThat(again.statusCode()).as(file).isEqualTo(304);
            assertThat(again.body()).as(file).isEmpty();
            assertThat(again.headers().firstValue("ETag")).hasValue(etag);
        }
    }

    @Test
    void latestNamesTheNewestReleaseAndIsAskedForAgainByCaches() throws Exception {
        HttpResponse<byte[]> latest = get("/open-data/releases/latest/values.csv", null);
        HttpResponse<byte[]> second = get("/open-data/releases/2/values.csv", null);
        assertThat(latest.body()).isEqualTo(second.body()).isEqualTo(expected(releases.second, "values.csv"));
        assertThat(latest.headers().firstValue("ETag")).isEqualTo(second.headers().firstValue("ETag"));
        assertThat(latest.headers().firstValue("Cache-Control")).hasValue("public, no-cache");
        assertThat(get("/open-data/releases/1/values.csv", second.headers().firstValue("ETag").orElseThrow()).statusCode())
                .as("release 2's ETag is not release 1's").isEqualTo(200);
        HttpResponse<byte[]> zip = get("/open-data/releases/latest/release-latest.zip", null);
        assertThat(zip.statusCode()).isEqualTo(200);
        assertThat(zip.headers().firstValue("Content-Disposition")).hasValue("attachment; filename=\"a4p-release-2.zip\"");
        assertThat(zip.body()).isEqualTo(expected(releases.second, "release-2.zip"));
        assertThat(zip.headers().firstValue("ETag")).isEqualTo(get("/open-data/releases/2/release-2.zip", null).headers().firstValue("ETag"));
    }

    @Test
    void theCsvAgreesWithThePublicValuesOfTheApi() throws Exception {
        HttpResponse<byte[]> api = get("/api/v1/values?indicator=" + TwoReleases.INDICATOR + "&by=year&totals=true&org_unit=MONUSCO", null);
        JsonNode values = new ObjectMapper().readTree(api.body());
        assertThat(values.size()).isGreaterThan(0);
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(new String(get("/open-data/releases/latest/values.csv", null).body(), StandardCharsets.UTF_8))).getRecords();
        Map<String, CSVRecord> byPeriod = rows.stream().filter(r -> r.get("indicator").equals(TwoReleases.INDICATOR)
                        && r.get("org_unit").equals("MONUSCO") && r.get("frequency").equals("A") && r.get("disaggregation").isEmpty())
                .collect(Collectors.toMap(r -> r.get("period"), r -> r));
        assertThat(byPeriod).hasSize(values.size());
        for (JsonNode value : values) {
            CSVRecord row = byPeriod.get(value.get("period").asText());
            assertThat(row).as(value.toString()).isNotNull();
            assertThat(row.get("value")).isEqualTo(value.get("value").isNull() ? "" : value.get("value").asText());
            assertThat(row.get("records")).isEqualTo(value.get("records").isNull() ? "" : value.get("records").asText());
            assertThat(row.get("suppressed")).isEqualTo(value.get("suppressed").asText());
            assertThat(row.get("first_release")).isEqualTo(value.get("first_release").asText());
            assertThat(row.get("last_revised")).isEqualTo(value.get("last_revised").asText());
        }
        assertThat(byPeriod.get("2020").get("value")).isEqualTo("6");
    }

    @Test
    void anUnknownReleaseOrFileIsNotFound() throws Exception {
        assertThat(get("/open-data/releases/9/values.csv", null).statusCode()).isEqualTo(404);
        assertThat(get("/open-data/releases/9", null).statusCode()).isEqualTo(404);
        assertThat(get("/open-data/releases/1/release-2.zip", null).statusCode()).isEqualTo(404);
        assertThat(get("/open-data/releases/1/values.xml", null).statusCode()).isEqualTo(404);
        assertThat(get("/open-data/releases/first/values.csv", null).statusCode()).isEqualTo(400);
        assertThat(get("/open-data/releases/2?change=renamed", null).statusCode()).isEqualTo(400);
    }

    @Test
    void thePagesListTheReleasesAndWhatOneRevised() throws Exception {
        String list = new String(get("/open-data?lang=en", null).body(), StandardCharsets.UTF_8);
        assertThat(list).contains("href=\"/open-data/releases/1/values.csv\"", "href=\"/open-data/releases/2/release-2.zip\"",
                "href=\"/open-data/releases/latest/values.json\"", releases.first.contentSha256(), releases.second.contentSha256());
        assertThat(list.indexOf("href=\"/open-data/releases/2\"")).isLessThan(list.indexOf("href=\"/open-data/releases/1\""));
        String revised = new String(get("/open-data/releases/2?change=revised&lang=en", null).body(), StandardCharsets.UTF_8);
        assertThat(revised).contains("MONUSCO", "revised").doesNotContain("MINUSCA").doesNotContain(TwoReleases.PLANTED);
        String french = new String(get("/open-data?lang=fr", null).body(), StandardCharsets.UTF_8);
        assertThat(french).contains("<h1>Données ouvertes</h1>", "valeur est masquée");
    }

    private byte[] expected(Release release, String file) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (file.equals("dictionary.json")) {
            export.writeDictionary(out);
        } else {
            export.write(release, file.endsWith(".zip") ? ExportFormat.ZIP : ExportFormat.of(file.substring(file.indexOf('.') + 1)).orElseThrow(), out);
        }
        return out.toByteArray();
    }

    private HttpResponse<byte[]> get(String path, String ifNoneMatch) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(fixture.server.url() + path));
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
