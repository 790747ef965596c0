package org.a4p.sdmx;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Our codes as SDMX identifiers ({@code [A-Za-z0-9_@$-]+}, and no dot, which separates a key's
 * dimensions). Indicators ({@code P4.FATALITIES_MALICIOUS} becomes {@code P4_FATALITIES_MALICIOUS})
 * and org units (kept as they are where they are valid) are closed lists, so each is a two-way map
 * checked for collisions. Disaggregations are open ({@code field=code} from the records), so they
 * are escaped reversibly: {@code gender=F} becomes {@code gender-F}, the total {@code _T}, and any
 * character but letters, digits and {@code _} inside a field or code becomes {@code $} and its four
 * hex digits.
 */
public final class SdmxIds {
    public static final String TOTAL = "_T";

    private final Map<String, String> toSdmx = new LinkedHashMap<>();
    private final Map<String, String> fromSdmx = new HashMap<>();

    private SdmxIds(Collection<String> codes, boolean dotsToUnderscores) {
        for (String code : codes) {
            String id = sanitize(dotsToUnderscores ? code.replace('.', '_') : code);
            String other = fromSdmx.putIfAbsent(id, code);
            if (other != null) {
                throw new IllegalStateException("'" + other + "' and '" + code + "' would both be SDMX code " + id);
            }
            toSdmx.put(code, id);
        }
    }

    /** Indicator ids: dots become underscores. */
    static SdmxIds indicators(Collection<String> ids) {
        return new SdmxIds(ids, true);
    }

    /** Org unit codes: kept where valid. */
    static SdmxIds orgUnits(Collection<String> codes) {
        return new SdmxIds(codes, false);
    }

    public String sdmx(String code) {
        String id = toSdmx.get(code);
        if (id == null) {
            throw new IllegalArgumentException("no SDMX code for '" + code + "'");
        }
        return id;
    }

    public Optional<String> ours(String sdmxId) {
        return Optional.ofNullable(fromSdmx.get(sdmxId));
    }

    /** The SDMX code of a disaggregation label ({@code ""} or {@code field=code}). */
    public static String disaggregation(String label) {
        if (label.isEmpty()) {
            return TOTAL;
        }
        int equals = label.indexOf('=');
        return escape(label.substring(0, equals)) + "-" + escape(label.substring(equals + 1));
    }

    /** The disaggregation label of an SDMX code, empty when the code is not one we write. */
    public static Optional<String> disaggregationLabel(String id) {
        if (id.equals(TOTAL)) {
            return Optional.of("");
        }
        int dash = id.indexOf('-');
        if (dash <= 0 || id.indexOf('-', dash + 1) >= 0) {
            return Optional.empty();
        }
        Optional<String> field = unescape(id.substring(0, dash));
        Optional<String> code = unescape(id.substring(dash + 1));
        return field.isPresent() && code.isPresent() ? Optional.of(field.get() + "=" + code.get()) : Optional.empty();
    }

    private static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            if (isPlain(c)) {
                out.append(c);
            } else {
                out.append('$').append(String.format("%04X", (int) c));
            }
        }
        return out.toString();
    }

    private static Optional<String> unescape(String id) {
        StringBuilder out = new StringBuilder(id.length());
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (c == '$' && i + 5 <= id.length() && id.substring(i + 1, i + 5).matches("[0-9A-F]{4}")) {
                out.append((char) Integer.parseInt(id.substring(i + 1, i + 5), 16));
                i += 4;
            } else if (isPlain(c)) {
                out.append(c);
            } else {
                return Optional.empty();
            }
        }
        return Optional.of(out.toString());
    }

    private static boolean isPlain(char c) {
        return c < 128 && (Character.isLetterOrDigit(c) || c == '_');
    }

    /** Characters SDMX identifiers may not hold become underscores. */
    private static String sanitize(String code) {
        StringBuilder out = new StringBuilder(code.length());
        for (char c : code.toCharArray()) {
            out.append(c < 128 && (Character.isLetterOrDigit(c) || "_@$-".indexOf(c) >= 0) ? c : '_');
        }
        return out.toString();
    }
}
