package org.a4p.pack;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Where pack files are read from: the pack bundled in the product, or a folder. */
public interface PackSource {

    /** Opens a file by its path relative to the pack root. */
    InputStream open(String relativePath) throws IOException;

    /** A label for messages, such as the folder's path. */
    String label();

    default Reader reader(String relativePath) throws IOException {
        return new InputStreamReader(open(relativePath), StandardCharsets.UTF_8);
    }

    static PackSource bundled() {
        return new PackSource() {
            @Override
            public InputStream open(String relativePath) throws IOException {
                InputStream in = PackSource.class.getResourceAsStream("/pack/" + relativePath);
                if (in == null) {
                    throw new NoSuchFileException("pack/" + relativePath);
                }
                return in;
            }

            @Override
            public String label() {
                return "bundled pack";
            }
        };
    }

    static PackSource folder(Path root) {
        return new PackSource() {
            @Override
            public InputStream open(String relativePath) throws IOException {
                return Files.newInputStream(root.resolve(relativePath));
            }

            @Override
            public String label() {
                return root.toString();
            }
        };
    }
}
