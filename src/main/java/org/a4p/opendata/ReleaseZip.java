package org.a4p.opendata;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.a4p.exchange.Unclosed;
import org.a4p.pack.Pack;
import org.a4p.release.Release;

/**
 * The whole release as one zip: values.csv, values.json, dictionary.json, the dictionary's CSV
 * tables under dictionary/, and README.txt. Every entry is dated at the release's publication, so
 * the same release and pack always give the same bytes.
 */
final class ReleaseZip implements ReleaseWriter {
    private final Pack pack;
    private final ValuesCsv csv;
    private final ValuesJson json;
    private final DataDictionary dictionary;

    ReleaseZip(Pack pack, ValuesCsv csv, ValuesJson json, DataDictionary dictionary) {
        this.pack = pack;
        this.csv = csv;
        this.json = json;
        this.dictionary = dictionary;
    }

    @Override
    public long write(Release release, OutputStream out) throws IOException {
        LocalDateTime at = LocalDateTime.ofInstant(release.publishedAt(), ZoneOffset.UTC);
        ZipOutputStream zip = new ZipOutputStream(new Unclosed(out), StandardCharsets.UTF_8);
        entry(zip, "values.csv", at);
        ReleaseValues.Counted counted = csv.writeCounted(release, zip);
        entry(zip, "values.json", at);
        json.write(release, zip);
        entry(zip, "dictionary.json", at);
        dictionary.writeJson(zip);
        for (Map.Entry<String, DictionaryTables.Table> table : DictionaryTables.of(dictionary).entrySet()) {
            entry(zip, "dictionary/" + table.getKey(), at);
            DictionaryTables.write(table.getValue(), zip);
        }
        entry(zip, "README.txt", at);
        zip.write(ReleaseReadme.text(pack, release, counted.synthetic()).getBytes(StandardCharsets.UTF_8));
        zip.finish();
        zip.close();
        return counted.values();
    }

    private static void entry(ZipOutputStream zip, String name, LocalDateTime at) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setTimeLocal(at);
        zip.putNextEntry(entry);
    }
}
