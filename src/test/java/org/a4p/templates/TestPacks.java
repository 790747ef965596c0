package org.a4p.templates;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.a4p.pack.Pack;
import org.a4p.pack.PackLoader;
import org.a4p.pack.PackSource;

/** Editable copies of the bundled pack, for templates of packs other than the bundled one. */
public final class TestPacks {
    /** A record type with the field types the bundled pack lacks: timestamp, decimal, an open-ended integer. */
    static final String PATROL = """
            record_type:
              id: patrol
              name: Patrol
              description: A patrol, with a field of every type the bundled pack does not use.
              date_field: patrol_date
              mission_field: mission
              key: [patrol_id]
              fields:
                - name: patrol_id
                  type: text
                  required: true
                  pattern: "P-[0-9]{4}"
                - name: patrol_date
                  type: date
                  required: true
                - name: mission
                  type: mission
                  required: true
                - name: started_at
                  type: timestamp
                - name: distance_km
                  type: decimal
                  min: 0.5
                  max: 80
                - name: vehicles
                  type: integer
                  min: 1
                - name: night
                  type: boolean
                - name: note
                  type: text
                  confidentiality: internal
            """;

    private TestPacks() {}

    /** A copy of the bundled pack's files in {@code folder}/pack. */
    public static Path copyOfTheBundledPack(Path folder) throws IOException {
        Path source;
        try {
            source = Path.of(TestPacks.class.getResource("/pack/pack.yaml").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IOException(e);
        }
        Path target = folder.resolve("pack");
        try (Stream<Path> files = Files.walk(source)) {
            for (Path from : (Iterable<Path>) files::iterator) {
                Path to = target.resolve(source.relativize(from).toString());
                if (Files.isDirectory(from)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(from, to);
                }
            }
        }
        return target;
    }

    /** The bundled pack plus the record type {@code patrol}. */
    static Pack withPatrol(Path folder) throws IOException {
        Path pack = copyOfTheBundledPack(folder);
        Files.writeString(pack.resolve("record_types/patrol.yaml"), PATROL, StandardCharsets.UTF_8);
        String main = Files.readString(pack.resolve("pack.yaml"), StandardCharsets.UTF_8);
        if (!main.contains("include:\n")) {
            throw new IllegalStateException("pack.yaml has no include list");
        }
        Files.writeString(pack.resolve("pack.yaml"), main.replace("include:\n", "include:\n  - record_types/patrol.yaml\n"),
                StandardCharsets.UTF_8);
        return PackLoader.load(PackSource.folder(pack)).orThrow();
    }
}
