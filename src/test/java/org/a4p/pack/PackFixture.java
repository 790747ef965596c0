package org.a4p.pack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.a4p.indicators.PackFormulas;
import org.yaml.snakeyaml.Yaml;

/**
 * A copy of the bundled framework pack in a folder, to break one file at a time. The files copied
 * are pack.yaml, every file of its {@code include} list and its {@code orgunits} files, read from
 * the classpath and written under the same relative paths.
 */
public final class PackFixture {
    private final Path root;

    private PackFixture(Path root) {
        this.root = root;
    }

    /** Copies the bundled pack into {@code dir}. */
    public static PackFixture copyBundled(Path dir) {
        String packYaml = resource("pack.yaml");
        Map<String, Object> root = new Yaml().load(packYaml);
        List<String> files = new ArrayList<>();
        files.add("pack.yaml");
        for (Object include : (List<?>) root.get("include")) {
            files.add((String) include);
        }
        for (Object orgUnitsEntry : ((Map<?, ?>) root.get("orgunits")).values()) {
            if (orgUnitsEntry instanceof String orgUnitsFile) { // the missions and sites files, not the scopes
                files.add(orgUnitsFile);
            }
        }
        try {
            for (String file : files) {
                Path target = dir.resolve(file);
                Files.createDirectories(target.getParent());
                Files.writeString(target, resource(file), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new PackFixture(dir);
    }

    private static String resource(String file) {
        try (InputStream in = PackFixture.class.getResourceAsStream("/pack/" + file)) {
            assertThat(in).as("bundled pack file %s on the classpath", file).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path root() {
        return root;
    }

    public String read(String file) {
        try {
            return Files.readString(root.resolve(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void write(String file, String text) {
        try {
            Files.writeString(root.resolve(file), text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void delete(String file) {
        try {
            Files.delete(root.resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Replaces the first occurrence of {@code from} that follows {@code anchor} (which must occur
     * once) in {@code file}; returns the edited text.
     */
    public String replaceAfter(String file, String anchor, String from, String to) {
        String text = read(file);
        int at = text.indexOf(anchor);
        assertThat(at).as("anchor '%s' in %s", anchor, file).isNotNegative();
        assertThat(text.indexOf(anchor, at + 1)).as("anchor '%s' occurs once in %s", anchor, file).isNegative();
        int index = text.indexOf(from, at);
        assertThat(index).as("'%s' after '%s' in %s", from, anchor, file).isNotNegative();
        String edited = text.substring(0, index) + to + text.substring(index + from.length());
        write(file, edited);
        return edited;
    }

    /** Replaces {@code from}, which must occur exactly once in {@code file}; returns the edited text. */
    public String replaceOnce(String file, String from, String to) {
        return replaceAfter(file, from, from, to);
    }

    /** The 1-based line of the only occurrence of {@code needle} in {@code text}. */
    public static int lineOf(String text, String needle) {
        int at = text.indexOf(needle);
        assertThat(at).as("'%s' in the text", needle).isNotNegative();
        assertThat(text.indexOf(needle, at + 1)).as("'%s' occurs once in the text", needle).isNegative();
        return (int) text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
    }

    /** Every problem {@code a4p pack check} would report: the loader's, then the formula checks when the pack loaded. */
    public List<PackProblem> problems() {
        PackLoader.Result result = PackLoader.load(PackSource.folder(root));
        List<PackProblem> out = new ArrayList<>(result.problems());
        result.pack().ifPresent(pack -> out.addAll(PackFormulas.check(pack)));
        return out;
    }
}
