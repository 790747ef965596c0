package org.a4p.report;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.util.XRLog;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;

/**
 * Turns the report's XHTML into an A4 PDF (openhtmltopdf): tagged for PDF/UA, its title and
 * language from the page, DejaVu Sans embedded (subset) so that no glyph falls back to another font.
 */
final class PdfOutput {
    static final String FONT_FAMILY = "DejaVu Sans";
    private static final String REGULAR = "/report/fonts/DejaVuSans.ttf";
    private static final String BOLD = "/report/fonts/DejaVuSans-Bold.ttf";
    /** French writes thousands with U+202F; a font without it would show a missing glyph, so it becomes U+00A0 then. */
    private static final boolean NARROW_SPACE_IN_FONT = hasGlyph(REGULAR, 0x202F) && hasGlyph(BOLD, 0x202F);

    static {
        XRLog.setLoggingEnabled(false); // its java.util.logging lines would reach the user's terminal
    }

    private PdfOutput() {}

    static byte[] render(String xhtml, String producer) {
        String html = NARROW_SPACE_IN_FONT ? xhtml : xhtml.replace('\u202F', '\u00A0');
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.usePdfUaAccessibility(true);
            // The generic families too (openhtmltopdf names them SansSerif and Serif): whatever a box asks for, even the page
            // margins' default serif, it gets the embedded font, never a base-14 font that PDF/UA forbids.
            for (String family : new String[] {FONT_FAMILY, "SansSerif", "Serif"}) {
                builder.useFont(() -> stream(REGULAR), family, 400, BaseRendererBuilder.FontStyle.NORMAL, true);
                builder.useFont(() -> stream(BOLD), family, 700, BaseRendererBuilder.FontStyle.NORMAL, true);
            }
            builder.withProducer(producer);
            builder.withHtmlContent(html, "classpath:/report/");
            builder.toStream(out);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the PDF: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    private static InputStream stream(String resource) {
        InputStream in = PdfOutput.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("the report's font " + resource + " is missing from the build");
        }
        return in;
    }

    static boolean hasGlyph(String resource, int codePoint) {
        try (InputStream in = stream(resource); TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBuffer(in))) {
            return font.getUnicodeCmapLookup().getGlyphId(codePoint) != 0;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the report's font " + resource + ": " + e.getMessage(), e);
        }
    }
}
