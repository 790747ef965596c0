package org.a4p.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** A file to import: a path on disk, or a named stream such as a resource bundled in the product. */
public record ImportFile(String name, Opener opener) {

    /** Opens the file's bytes; called once. */
    @FunctionalInterface
    public interface Opener {
        InputStream open() throws IOException;
    }

    public static ImportFile of(Path path) {
        return new ImportFile(path.getFileName().toString(), () -> Files.newInputStream(path));
    }

    public static ImportFile resource(String name, String resourcePath) {
        return new ImportFile(name, () -> {
            InputStream in = ImportFile.class.getResourceAsStream(resourcePath);
            if (in == null) {
                throw new java.io.FileNotFoundException("bundled resource " + resourcePath);
            }
            return in;
        });
    }
}
