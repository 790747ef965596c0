package org.a4p.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The version of a webjar on the classpath, from its Maven metadata, so that the pom alone names it. */
public final class Webjars {
    private Webjars() {}

    public static String version(String group, String artifact) {
        String name = "/META-INF/maven/" + group + "/" + artifact + "/pom.properties";
        Properties properties = new Properties();
        try (InputStream in = Webjars.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the " + artifact + " webjar is missing from the classpath");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties.getProperty("version");
    }
}
