package org.a4p.pack;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.NoSuchFileException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * A pack sent as files rather than a folder: a zip of the pack folder, or some of its files laid
 * over a base pack (each replaces the base's file of the same name: a pack's file names are
 * unique). Everything is read into memory within bounds, so no upload ever touches the disk and
 * no entry name can reach outside the pack ({@code ../}).
 */
public final class UploadedPack {
    /** The most bytes a pack may hold once unpacked; the bundled pack is well under 1 MiB. */
    public static final int MAX_BYTES = 16 * 1024 * 1024;
    static final int MAX_FILES = 2_000;

    /** A file as sent: its name and bytes. */
    public record Sent(String name, byte[] bytes) {}

    private UploadedPack() {}

    /** The pack the files make: a zip (one file ending .zip) or loose files over {@code base}; a failure names the problem. */
    public static Result of(List<Sent> files, PackSource base) {
        if (files.isEmpty()) {
            return new Result(null, "expected a zip of the pack folder, or one or more of its files (.yaml, .csv)");
        }
        if (files.size() == 1 && files.get(0).name().toLowerCase(Locale.ROOT).endsWith(".zip")) {
            return zip(files.get(0));
        }
        Map<String, byte[]> byName = new LinkedHashMap<>();
        for (Sent file : files) {
            if (file.name().toLowerCase(Locale.ROOT).endsWith(".zip")) {
                return new Result(null, file.name() + ": send a zip alone, or the pack's files without a zip");
            }
            byName.put(baseName(file.name()), file.bytes());
        }
        return new Result(overlay(byName, base, String.join(", ", byName.keySet()) + " over " + base.label()), null);
    }

    /** {@code source} null when the files make no pack; {@code problem} then says why. */
    public record Result(PackSource source, String problem) {
        public Optional<PackSource> pack() {
            return Optional.ofNullable(source);
        }
    }

    private static Result zip(Sent sent) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        long total = 0;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(sent.bytes()))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                String name = entry.getName().replace('\\', '/');
                if (entry.isDirectory() || name.startsWith("__MACOSX/") || baseName(name).startsWith(".")) {
                    continue;
                }
                if (name.startsWith("/") || List.of(name.split("/")).contains("..")) {
                    return new Result(null, sent.name() + ": entry '" + name + "' points outside the pack folder");
                }
                if (entries.size() == MAX_FILES) {
                    return new Result(null, sent.name() + ": more than " + MAX_FILES + " files; expected a pack folder");
                }
                ByteArrayOutputStream content = new ByteArrayOutputStream();
                byte[] buffer = new byte[8192];
                for (int read = in.read(buffer); read > 0; read = in.read(buffer)) {
                    total += read;
                    if (total > MAX_BYTES) {
                        return new Result(null, sent.name() + ": unpacks to more than " + MAX_BYTES / (1024 * 1024) + " MiB; expected a pack folder");
                    }
                    content.write(buffer, 0, read);
                }
                entries.put(name, content.toByteArray());
            }
        } catch (ZipException e) {
            return new Result(null, sent.name() + ": not a readable zip file (" + e.getMessage() + ")");
        } catch (IOException e) {
            return new Result(null, sent.name() + ": cannot be read as a zip file (" + e.getMessage() + ")");
        }
        String root = entries.keySet().stream().filter(name -> baseName(name).equals("pack.yaml"))
                .min((a, b) -> Integer.compare(a.length(), b.length())).orElse(null);
        if (root == null) {
            return new Result(null, sent.name() + ": no pack.yaml in it; expected a zip of the pack folder");
        }
        String prefix = root.substring(0, root.length() - "pack.yaml".length());
        Map<String, byte[]> files = new LinkedHashMap<>();
        entries.forEach((name, bytes) -> {
            if (name.startsWith(prefix)) {
                files.put(name.substring(prefix.length()), bytes);
            }
        });
        return new Result(inMemory(files, sent.name()), null);
    }

    private static PackSource inMemory(Map<String, byte[]> files, String label) {
        return new PackSource() {
            @Override
            public InputStream open(String relativePath) throws IOException {
                byte[] bytes = files.get(relativePath);
                if (bytes == null) {
                    throw new NoSuchFileException(relativePath);
                }
                return new ByteArrayInputStream(bytes);
            }

            @Override
            public String label() {
                return label;
            }
        };
    }

    private static PackSource overlay(Map<String, byte[]> byName, PackSource base, String label) {
        return new PackSource() {
            @Override
            public InputStream open(String relativePath) throws IOException {
                byte[] bytes = byName.get(baseName(relativePath));
                return bytes == null ? base.open(relativePath) : new ByteArrayInputStream(bytes);
            }

            @Override
            public String label() {
                return label;
            }
        };
    }

    private static String baseName(String path) {
        String name = path.replace('\\', '/');
        return name.substring(name.lastIndexOf('/') + 1);
    }
}
