package org.a4p.opendata;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import org.a4p.release.Release;

/**
 * values.json: {@code {"release": {number, published_at, values, added, revised, withdrawn,
 * content_sha256, note}, "values": [...]}}, each value an object keyed by {@link ValueColumn}'s
 * names, written value by value with Jackson's streaming generator.
 */
final class ValuesJson implements ReleaseWriter {
    private static final JsonFactory JSON = JsonFactory.builder().enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();

    private final ReleaseValues values;

    ValuesJson(ReleaseValues values) {
        this.values = values;
    }

    @Override
    public long write(Release release, OutputStream out) throws IOException {
        ValueColumn[] columns = ValueColumn.values();
        ReleaseValues.Counted count;
        try (JsonGenerator json = JSON.createGenerator(out, JsonEncoding.UTF8)) {
            json.writeStartObject();
            json.writeFieldName("release");
            writeRelease(json, release);
            json.writeArrayFieldStart("values");
            count = values.each(release, row -> {
                try {
                    json.writeStartObject();
                    for (ValueColumn column : columns) {
                        json.writeFieldName(column.columnName());
                        writeCell(json, column.of(row));
                    }
                    json.writeEndObject();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            json.writeEndArray();
            json.writeEndObject();
        }
        return count.values();
    }

    static void writeRelease(JsonGenerator json, Release release) throws IOException {
        json.writeStartObject();
        json.writeNumberField("number", release.number());
        json.writeStringField("published_at", release.publishedAt().toString());
        json.writeNumberField("values", release.values());
        json.writeNumberField("added", release.added());
        json.writeNumberField("revised", release.revised());
        json.writeNumberField("withdrawn", release.withdrawn());
        json.writeStringField("content_sha256", release.contentSha256());
        json.writeStringField("note", release.note());
        json.writeEndObject();
    }

    private static void writeCell(JsonGenerator json, Object cell) throws IOException {
        if (cell == null) {
            json.writeNull();
        } else if (cell instanceof BigDecimal decimal) {
            json.writeNumber(decimal);
        } else if (cell instanceof Number number) {
            json.writeNumber(number.longValue());
        } else if (cell instanceof Boolean flag) {
            json.writeBoolean(flag);
        } else {
            json.writeString(cell.toString());
        }
    }
}
