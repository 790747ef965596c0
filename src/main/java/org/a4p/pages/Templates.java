package org.a4p.pages;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The jte templates of {@code src/main/jte}, precompiled into classes by the build (so a page
 * never compiles at run time and a template's error is a build error). HTML output escapes every
 * value unless a template says otherwise.
 */
public final class Templates {
    private static final TemplateEngine ENGINE = TemplateEngine.createPrecompiled(ContentType.Html);

    private Templates() {}

    /** {@code template} ({@code overview.jte}) with its parameters given as name, value, name, value… */
    public static String render(String template, Object... namesAndValues) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            parameters.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        StringOutput output = new StringOutput(16 * 1024);
        ENGINE.render(template, parameters, output);
        return output.toString();
    }
}
