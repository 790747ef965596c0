package org.a4p.access;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/** The list of common passwords shipped in the product (see {@code access/SOURCES.md}), read on first use. */
final class CommonPasswords {
    private static final String RESOURCE = "/access/common-passwords.txt.gz";

    private CommonPasswords() {}

    /** True when the password, ignoring case, is on the list. */
    static boolean contains(String password) {
        return Holder.PASSWORDS.contains(password.toLowerCase(Locale.ROOT));
    }

    static int size() {
        return Holder.PASSWORDS.size();
    }

    private static final class Holder {
        static final Set<String> PASSWORDS = load();

        private static Set<String> load() {
            try (InputStream in = CommonPasswords.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("the build lacks " + RESOURCE);
                }
                Set<String> passwords = new HashSet<>(65_536);
                BufferedReader reader = new BufferedReader(new InputStreamReader(new GZIPInputStream(in), StandardCharsets.UTF_8));
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    passwords.add(line);
                }
                return Set.copyOf(passwords);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + RESOURCE, e);
            }
        }
    }
}
