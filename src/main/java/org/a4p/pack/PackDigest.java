package org.a4p.pack;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * A source that remembers the SHA-256 of every file the loader reads, for the pack's content digest:
 * the SHA-256 of the lines {@code PATH SHA256}, one per file read, sorted by path. A file the pack
 * does not use does not count; an edited one, or one more included, changes the digest.
 */
final class PackDigest implements PackSource {
    private final PackSource source;
    private final Map<String, String> files = new TreeMap<>();

    PackDigest(PackSource source) {
        this.source = source;
    }

    @Override
    public InputStream open(String relativePath) throws IOException {
        byte[] content;
        try (InputStream in = source.open(relativePath)) {
            content = in.readAllBytes();
        }
        files.put(relativePath, HexFormat.of().formatHex(sha256().digest(content)));
        return new ByteArrayInputStream(content);
    }

    @Override
    public String label() {
        return source.label();
    }

    String value() {
        StringBuilder lines = new StringBuilder();
        files.forEach((path, sha) -> lines.append(path).append(' ').append(sha).append('\n'));
        return HexFormat.of().formatHex(sha256().digest(lines.toString().getBytes(StandardCharsets.UTF_8)));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("no SHA-256 in this JVM", e);
        }
    }
}
