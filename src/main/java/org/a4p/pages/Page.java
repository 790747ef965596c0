package org.a4p.pages;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.a4p.access.Role;
import org.a4p.i18n.Language;
import org.a4p.i18n.Messages;
import org.a4p.release.Release;

/**
 * What the layout of every page needs: the viewer, the words of its language, where the page is
 * (for the language switch and the navigation), its title, the release the public figures
 * come from ({@code latestRelease} null before the first one), and the server's notice to every
 * page (null, or what it is busy with: the demo loading).
 */
public record Page(Viewer viewer, Messages words, String path, Map<String, List<String>> query, String title, String section,
        Release latestRelease, String notice) {

    /** The text of {@code key} in the page's language. */
    public String t(String key, Object... arguments) {
        return words.get(key, arguments);
    }

    public String num(Double value, String unit) {
        return words.number(value, unit);
    }

    public String lang() {
        return viewer.language().code();
    }

    public Language language() {
        return viewer.language();
    }

    public boolean signedIn() {
        return viewer.signedIn();
    }

    public boolean staff() {
        return viewer.staff();
    }

    public boolean analyst() {
        return viewer.is(Role.ANALYST, Role.ADMIN);
    }

    public boolean admin() {
        return viewer.is(Role.ADMIN);
    }

    /** Mission officers, analysts and admins send files. */
    public boolean sendsData() {
        return viewer.is(Role.MISSION_OFFICER, Role.ANALYST, Role.ADMIN);
    }

    /** This page in {@code language}: the same path and parameters, {@code lang} replaced. */
    public String inLanguage(Language language) {
        String others = query.entrySet().stream().filter(entry -> !entry.getKey().equals("lang"))
                .flatMap(entry -> entry.getValue().stream().map(value -> encode(entry.getKey()) + "=" + encode(value)))
                .collect(Collectors.joining("&"));
        return path + "?" + (others.isEmpty() ? "" : others + "&") + "lang=" + language.code();
    }

    /** {@code aria-current} for a navigation link to {@code section}: the link of the page's own section is current. */
    public String current(String section) {
        return section.equals(this.section) ? "page" : null;
    }

    /** Where the figures shown come from, in words; null on an error page, which shows none. */
    public String releaseLine() {
        if (section == null) {
            return null;
        }
        if (viewer.staff()) {
            return latestRelease == null ? t("release.staff.none")
                    : t("release.staff", latestRelease.number(), words.dateTime(latestRelease.publishedAt()));
        }
        return latestRelease == null ? t("release.public.none")
                : t("release.public", latestRelease.number(), words.dateTime(latestRelease.publishedAt()));
    }

    public static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
