package org.a4p.api;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.a4p.app.Json;
import org.a4p.web.HttpProblem;

/**
 * Request bodies. A JSON body that does not parse is a 400 that gives the line and column only:
 * the parser's own message quotes the text it choked on, which may be a password.
 */
final class Bodies {
    /** The most bytes a JSON body of an account route may hold. */
    static final int SMALL = 64 * 1024;

    private Bodies() {}

    static <T> T json(Context ctx, Class<T> type, String expected) {
        requireJson(ctx);
        byte[] body = ctx.bodyAsBytes(); // bounded by the server's maxRequestSize, and cached
        if (body.length > SMALL) {
            throw HttpProblem.tooLarge("Expected a JSON body of at most " + size(SMALL) + ".");
        }
        try {
            T value = Json.mapper().readValue(body, type);
            if (value == null) {
                throw HttpProblem.badBody("Expected " + expected + ", got null.");
            }
            return value;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw HttpProblem.badBody("Expected " + expected + (at == null ? "" : "; the body goes wrong at line " + at.getLineNr()
                    + ", column " + at.getColumnNr()) + ".");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void requireJson(Context ctx) {
        String type = ctx.contentType();
        if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
            throw HttpProblem.unsupportedMediaType("Expected Content-Type: application/json.");
        }
    }

    /** The body, refused with a 413 beyond {@code limit} bytes. */
    static byte[] read(Context ctx, int limit, String what) {
        try (InputStream in = ctx.bodyInputStream()) {
            return bounded(in, limit, what);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String size(int bytes) {
        return bytes >= 1024 * 1024 ? bytes / (1024 * 1024) + " MiB" : bytes / 1024 + " KiB";
    }

    static byte[] bounded(InputStream in, int limit, String what) throws IOException {
        byte[] bytes = in.readNBytes(limit + 1);
        if (bytes.length > limit) {
            throw HttpProblem.tooLarge("Expected " + what + " of at most " + size(limit) + ".");
        }
        return bytes;
    }
}
