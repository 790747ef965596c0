package org.a4p.audit;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import org.a4p.app.Json;

/**
 * The text an entry's hash is computed over, written here by hand so that an outside auditor can
 * recompute it from the stored columns (see {@link AuditTrail} for the rules). Not Jackson's writer:
 * its escaping and number format are its own and may change between versions.
 */
final class CanonicalForm {
    /** The previous hash of entry 1. */
    static final String GENESIS = "0".repeat(64);
    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    // Decimals as written, not rounded through a double: "0.1000000000000000055" stays what it is.
    private static final ObjectReader READER = Json.mapper().reader().with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private CanonicalForm() {}

    static String of(long seq, Instant at, String actor, String action, String target, JsonNode before, JsonNode after) {
        StringBuilder out = new StringBuilder(256);
        out.append("{\"action\":");
        string(action, out);
        out.append(",\"actor\":");
        string(actor, out);
        out.append(",\"after\":");
        value(after, out);
        out.append(",\"at\":");
        string(at(at), out);
        out.append(",\"before\":");
        value(before, out);
        out.append(",\"seq\":").append(seq);
        out.append(",\"target\":");
        string(target, out);
        return out.append('}').toString();
    }

    static String at(Instant at) {
        return AT.format(at);
    }

    /** The canonical JSON of a value, null for none: what {@code before_json} and {@code after_json} hold. */
    static String json(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        value(node, out);
        return out.toString();
    }

    static JsonNode parse(String json) {
        if (json == null) {
            return null;
        }
        try {
            return READER.readTree(json);
        } catch (IOException e) {
            // Stored text that is not JSON: an edit. Hashed as a string, so the entry's hash does not match.
            return Json.mapper().getNodeFactory().textNode(json);
        }
    }

    /** Lower-case hex SHA-256 of the UTF-8 bytes of the previous hash followed by the canonical form. */
    static String hash(String prevHash, String canonical) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(prevHash.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("no SHA-256 in this JVM", e);
        }
    }

    private static void value(JsonNode node, StringBuilder out) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            out.append("null");
        } else if (node.isObject()) {
            List<String> keys = new ArrayList<>();
            node.fieldNames().forEachRemaining(keys::add);
            keys.sort(null); // String order: UTF-16 code units
            out.append('{');
            for (int i = 0; i < keys.size(); i++) {
                out.append(i == 0 ? "" : ",");
                string(keys.get(i), out);
                out.append(':');
                value(node.get(keys.get(i)), out);
            }
            out.append('}');
        } else if (node.isArray()) {
            out.append('[');
            Iterator<JsonNode> items = node.elements();
            for (int i = 0; items.hasNext(); i++) {
                out.append(i == 0 ? "" : ",");
                value(items.next(), out);
            }
            out.append(']');
        } else if (node.isNumber()) {
            out.append(number(node));
        } else if (node.isBoolean()) {
            out.append(node.booleanValue());
        } else {
            string(node.asText(), out);
        }
    }

    private static String number(JsonNode node) {
        if (node.isIntegralNumber()) {
            return node.bigIntegerValue().toString();
        }
        double asDouble = node.doubleValue();
        if (node.isFloatingPointNumber() && !node.isBigDecimal() && (Double.isNaN(asDouble) || Double.isInfinite(asDouble))) {
            throw new IllegalArgumentException("an audit value cannot be " + asDouble + ": JSON has no such number");
        }
        BigDecimal decimal = node.decimalValue().stripTrailingZeros();
        return decimal.signum() == 0 ? "0" : decimal.toPlainString();
    }

    private static void string(String text, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        out.append('"');
    }
}
