package org.a4p.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A decoded Argon2 PHC string: {@code $argon2id$v=19$m=19456,t=2,p=1$salt$hash}, base64 without padding. */
record Phc(String variant, int version, int memoryKib, int iterations, int lanes, int saltBytes, int hashBytes) {
    private static final Pattern FORM = Pattern.compile(
            "\\$(argon2(?:id|i|d))\\$v=(\\d+)\\$m=(\\d+),t=(\\d+),p=(\\d+)\\$([A-Za-z0-9+/]+)\\$([A-Za-z0-9+/]+)");

    static Phc parse(String text) {
        Matcher m = FORM.matcher(text);
        assertThat(m.matches()).as("a PHC string: %s", text).isTrue();
        return new Phc(m.group(1), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)),
                Integer.parseInt(m.group(5)), Base64.getDecoder().decode(m.group(6)).length, Base64.getDecoder().decode(m.group(7)).length);
    }
}
