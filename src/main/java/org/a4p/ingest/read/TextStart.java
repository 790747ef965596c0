package org.a4p.ingest.read;

import java.io.BufferedInputStream;
import java.io.IOException;

/**
 * Tells from the first bytes of a file meant to be UTF-8 text what else it is, when that shows at
 * once: UTF-16 or UTF-32 (by byte order mark, or by the NUL byte beside every plain character),
 * a zip archive (an Excel workbook), an old Excel .xls workbook, or other binary content (NUL bytes).
 */
final class TextStart {
    private static final int SNIFF_BYTES = 64;
    private static final String SAVE_AS = "; save the file as CSV UTF-8 and import it again";

    private TextStart() {
    }

    /**
     * What the whole file is instead of UTF-8 text (so no row is to blame), or null; the stream is
     * left where it was.
     */
    static String problem(BufferedInputStream in) throws IOException {
        in.mark(SNIFF_BYTES);
        byte[] head = in.readNBytes(SNIFF_BYTES);
        in.reset();
        return problem(head);
    }

    static String problem(byte[] head) {
        int n = head.length;
        if (startsWith(head, 0xFF, 0xFE, 0x00, 0x00) || startsWith(head, 0x00, 0x00, 0xFE, 0xFF)) {
            return "not UTF-8 text: it is UTF-32" + SAVE_AS;
        }
        if (startsWith(head, 0xFF, 0xFE) || startsWith(head, 0xFE, 0xFF)) {
            return "not UTF-8 text: it is UTF-16 (as Excel's \"Unicode Text\" is)" + SAVE_AS;
        }
        if (startsWith(head, 'P', 'K', 0x03, 0x04)) {
            return "not text: it is a zip archive (an Excel workbook with the wrong file extension?); name an Excel"
                    + " workbook .xlsx, or save it as CSV UTF-8";
        }
        if (startsWith(head, 0xD0, 0xCF, 0x11, 0xE0)) {
            return "not text: it is an old Excel .xls workbook; save it as .xlsx or as CSV UTF-8";
        }
        int evenZeros = 0;
        int oddZeros = 0;
        for (int i = 0; i < n; i++) {
            if (head[i] == 0) {
                if (i % 2 == 0) {
                    evenZeros++;
                } else {
                    oddZeros++;
                }
            }
        }
        int pairs = n / 2;
        if (pairs >= 2 && Math.max(evenZeros, oddZeros) * 4 >= pairs * 3 && Math.min(evenZeros, oddZeros) * 4 < pairs) {
            return "not UTF-8 text: it looks like UTF-16 without a byte order mark" + SAVE_AS;
        }
        if (evenZeros + oddZeros > 1) { // a single NUL may be a slip in a value, which the row reading reports
            return "not text: it holds NUL bytes, as binary files do (a file given the wrong extension?)";
        }
        return null;
    }

    private static boolean startsWith(byte[] head, int... prefix) {
        if (head.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((head[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
