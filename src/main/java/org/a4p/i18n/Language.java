package org.a4p.i18n;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Optional;

/**
 * The two languages of a data sentence, and how each writes a number with its unit: English
 * {@code 1,234} and {@code 5.1%}; French {@code 1 234} (a narrow no-break space between thousands),
 * a decimal comma and a no-break space before {@code %} and unit words ({@code 5,1 %}, {@code 2 jours}).
 */
public enum Language {
    EN, FR;

    public static final char NARROW_NO_BREAK_SPACE = '\u202F';
    public static final char NO_BREAK_SPACE = '\u00A0';

    /** {@code en} or {@code fr}: as in {@code ?lang=}, {@code --lang} and HTML's {@code lang}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public Locale locale() {
        return this == EN ? Locale.ENGLISH : Locale.FRENCH;
    }

    /** The language of a code ({@code en}, {@code FR}); empty for any other text or null. */
    public static Optional<Language> of(String code) {
        if (code == null) {
            return Optional.empty();
        }
        for (Language language : values()) {
            if (language.code().equalsIgnoreCase(code.trim())) {
                return Optional.of(language);
            }
        }
        return Optional.empty();
    }

    /** The shown value: rounded as the unit is read (a count whole, a percentage to 0.1), trailing zeros dropped. */
    public static BigDecimal rounded(double value, String unit) {
        int scale = switch (unit) {
            case "count" -> 0;
            case "rate", "ratio" -> 2;
            default -> 1;
        };
        BigDecimal number = BigDecimal.valueOf(value).setScale(scale, RoundingMode.HALF_UP).stripTrailingZeros();
        return number.scale() < 0 ? number.setScale(0) : number;
    }

    /** {@code value} as {@link #rounded}, with its unit: {@code 5.1%}, {@code 1 day}, {@code 2,5 jours}. */
    public String format(double value, String unit) {
        BigDecimal number = rounded(value, unit);
        String digits = number.abs().toPlainString();
        int point = digits.indexOf('.');
        String whole = point < 0 ? digits : digits.substring(0, point);
        String fraction = point < 0 ? "" : digits.substring(point + 1);
        StringBuilder text = new StringBuilder(number.signum() < 0 ? "-" : "");
        char group = this == EN ? ',' : NARROW_NO_BREAK_SPACE;
        for (int i = 0; i < whole.length(); i++) {
            if (i > 0 && (whole.length() - i) % 3 == 0) {
                text.append(group);
            }
            text.append(whole.charAt(i));
        }
        if (!fraction.isEmpty()) {
            text.append(this == EN ? '.' : ',').append(fraction);
        }
        String word = unitWord(number, unit);
        if (unit.equals("percent")) {
            return this == EN ? text + "%" : text.toString() + NO_BREAK_SPACE + "%";
        }
        return word == null ? text.toString() : text.toString() + (this == EN ? ' ' : NO_BREAK_SPACE) + word;
    }

    /** English is singular for exactly 1; French for anything below 2 ({@code 1,5 jour}). Null: a bare number. */
    private String unitWord(BigDecimal number, String unit) {
        boolean plural = this == EN ? number.abs().compareTo(BigDecimal.ONE) != 0 : number.abs().compareTo(BigDecimal.valueOf(2)) >= 0;
        String singular = switch (unit) {
            case "days" -> this == EN ? "day" : "jour";
            case "hours" -> this == EN ? "hour" : "heure";
            case "minutes" -> "minute";
            default -> null;
        };
        return singular == null || !plural ? singular : singular + "s";
    }
}
