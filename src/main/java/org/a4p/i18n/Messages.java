package org.a4p.i18n;

import java.text.MessageFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The words of the pages and the report in one language ({@code i18n/messages*.properties}, UTF-8),
 * and its way of writing numbers and dates. A key missing from a bundle is a fault of the build
 * ({@code MessagesTest} checks that both bundles hold the same keys), so it throws.
 */
public final class Messages {
    /** The pages' bundle; the report has its own ({@code report}), so each feature keeps its words in its own file. */
    public static final String PAGES = "messages";

    private static final Map<String, Messages> LOADED = new ConcurrentHashMap<>();

    private final Language language;
    private final ResourceBundle bundle;
    private final DateTimeFormatter dates;
    private final DateTimeFormatter times;

    private Messages(String name, Language language) {
        this.language = language;
        this.bundle = ResourceBundle.getBundle("i18n." + name, language.locale(), ResourceBundle.Control.getNoFallbackControl(
                ResourceBundle.Control.FORMAT_PROPERTIES));
        this.dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(language.locale());
        this.times = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm 'UTC'",
                language.locale()).withZone(ZoneOffset.UTC);
    }

    /** The pages' words in {@code language}. */
    public static Messages of(Language language) {
        return of(PAGES, language);
    }

    /** The words of bundle {@code name} ({@code i18n/NAME.properties} in English, {@code i18n/NAME_fr.properties}). */
    public static Messages of(String name, Language language) {
        return LOADED.computeIfAbsent(name + "_" + language.code(), key -> new Messages(name, language));
    }

    public Language language() {
        return language;
    }

    /**
     * The text of {@code key}: a {@link MessageFormat} pattern ({@code {0}}, {@code ''} for a quote).
     * Arguments are put in as text ({@code String.valueOf}): a year stays {@code 2018}, and a
     * figure is formatted by {@link #number} before it is given.
     */
    public String get(String key, Object... arguments) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            throw new IllegalStateException("no message '" + key + "' in " + language.code(), e);
        }
        Object[] texts = new Object[arguments.length];
        for (int i = 0; i < arguments.length; i++) {
            texts[i] = String.valueOf(arguments[i]);
        }
        return new MessageFormat(pattern, language.locale()).format(texts);
    }

    /** Whether the bundle has {@code key}: for texts keyed by data (a status, a role) that may be new. */
    public boolean has(String key) {
        return bundle.containsKey(key);
    }

    /** The text of {@code key}, or {@code fallback} when the bundle has none. */
    public String getOr(String key, String fallback) {
        return has(key) ? get(key) : fallback;
    }

    /** A value with its unit as the language writes it: {@code 5.1%}, {@code 5,1 %}; an em dash for none. */
    public String number(Double value, String unit) {
        return value == null || value.isNaN() ? "—" : language.format(value, unit);
    }

    /** A whole number with the language's grouping: {@code 851,940}, {@code 851 940}. */
    public String count(long value) {
        return language.format(value, "count");
    }

    public String date(LocalDate date) {
        return date == null ? "—" : dates.format(date);
    }

    public String dateTime(Instant instant) {
        return instant == null ? "—" : times.format(instant);
    }
}
