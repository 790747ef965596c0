package org.a4p.bench;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.a4p.pack.Field;
import org.a4p.pack.RecordType;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * PostgreSQL's own bulk load as the import's reference: the rows {@link RawImport} batches, the
 * same columns and bookkeeping values, streamed with pgjdbc's CopyManager as
 * {@code COPY table (columns) FROM STDIN (FORMAT csv)} into the same scratch table, in one
 * transaction. Rows are parsed as the batch parses them and re-written 64 KB at a time, never held.
 */
final class CopyImport {
    private static final int CHUNK = 64 * 1024;

    private final RawImport raw;

    CopyImport(RawImport raw) {
        this.raw = raw;
    }

    long run(Connection connection, RecordType type, Path csv) throws SQLException, IOException {
        String table = raw.createScratch(connection, type);
        List<Field> fields = type.fields();
        long rows = 0;
        CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI()
                .copyIn("COPY " + table + " (" + raw.columns(type) + ") FROM STDIN (FORMAT csv)");
        try (Reader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
                CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
            StringBuilder chunk = new StringBuilder(CHUNK + 1024);
            for (CSVRecord record : parser) {
                chunk.append(++rows);
                for (Field field : fields) {
                    chunk.append(',');
                    // Unquoted empty is NULL in COPY's CSV, as the batch binds an empty cell.
                    appendCell(chunk, record.isMapped(field.name()) ? record.get(field.name()) : "");
                }
                chunk.append(",0,1,0,true,false,false\n");
                if (chunk.length() >= CHUNK) {
                    write(copy, chunk);
                }
            }
            write(copy, chunk);
            copy.endCopy();
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
        connection.commit();
        return rows;
    }

    private static void appendCell(StringBuilder out, String text) {
        if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
            out.append(text);
            return;
        }
        out.append('"').append(text.replace("\"", "\"\"")).append('"');
    }

    private static void write(CopyIn copy, StringBuilder chunk) throws SQLException {
        byte[] bytes = chunk.toString().getBytes(StandardCharsets.UTF_8);
        copy.writeToCopy(bytes, 0, bytes.length);
        chunk.setLength(0);
    }
}
