package org.a4p.web;

import io.javalin.http.Context;

/**
 * Shows a failure as an HTML page, in the layout and language of the pages, when a browser asked
 * for a page; the API and every other client get the problem document.
 */
public interface PageErrors {
    /** Whether this request's failure should be a page rather than a problem document. */
    boolean wants(Context ctx);

    /** The error page: the status in words and {@code detail}, which says what to do. */
    String render(Context ctx, int status, String detail);

    /** Problem documents for everyone: a server without pages. */
    PageErrors NONE = new PageErrors() {
        @Override
        public boolean wants(Context ctx) {
            return false;
        }

        @Override
        public String render(Context ctx, int status, String detail) {
            throw new UnsupportedOperationException();
        }
    };
}
