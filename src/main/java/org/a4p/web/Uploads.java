package org.a4p.web;

import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.util.List;
import java.util.Locale;

/** Files sent in a multipart form, for the API and the pages alike: parts read within bounds, names made safe to show. */
public final class Uploads {
    /** The most bytes one upload may hold; a mission's monthly file is far smaller (the server's multipart bound). */
    public static final int MAX_BYTES = 32 * 1024 * 1024;

    private Uploads() {}

    /**
     * The parts named {@code name}. Jetty refuses a multipart body it cannot parse, or a part over the
     * bound, with a servlet exception: a 400 or 413, not a fault.
     */
    public static List<UploadedFile> parts(Context ctx, String name) {
        try {
            return ctx.uploadedFiles(name);
        } catch (Exception e) { // Kotlin rethrows the servlet's checked exception undeclared
            throw refusal(ctx, e, name);
        }
    }

    /** A form field, of a multipart form too: reading one parses the whole body, which may be refused as {@link #parts} says. */
    public static String field(Context ctx, String name) {
        try {
            return ctx.formParam(name);
        } catch (Exception e) { // as above
            if (!ctx.isMultipartFormData()) {
                throw e;
            }
            throw refusal(ctx, e, name);
        }
    }

    private static HttpProblem refusal(Context ctx, Exception e, String name) {
        ctx.header("Connection", "close"); // the rest of the body is unread: the connection cannot carry another request
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause.getMessage() != null && cause.getMessage().contains("max file size exceeded")) {
                return HttpProblem.tooLarge("Expected a file of at most " + MAX_BYTES / (1024 * 1024) + " MiB.");
            }
        }
        return HttpProblem.badBody("Expected a multipart/form-data body with a part named '" + name + "'; this one does not parse.");
    }

    /** The name without any folder a browser sends, control characters or excess length; its extension picks the reader. */
    public static String fileName(String sent) {
        String name = sent == null ? "" : sent.substring(Math.max(sent.lastIndexOf('/'), sent.lastIndexOf('\\')) + 1);
        name = name.codePoints().filter(c -> !Character.isISOControl(c) && Character.getType(c) != Character.FORMAT)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString().trim();
        if (name.length() > 200) {
            int dot = name.toLowerCase(Locale.ROOT).indexOf('.', name.length() - 10);
            name = name.substring(0, 190) + (dot > 0 ? name.substring(dot) : "");
        }
        return name.isEmpty() ? "upload" : name;
    }
}
