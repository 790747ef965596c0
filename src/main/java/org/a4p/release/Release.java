package org.a4p.release;

import java.time.Instant;

/**
 * One published release: its number, when and by whom, the note given, how many values it holds,
 * how many it published for the first time, revised and withdrew against the release before, the
 * approved submissions it rests on, and the SHA-256 of its values in canonical order.
 */
public record Release(int number, Instant publishedAt, String publishedBy, String note, int values, int added, int revised,
        int withdrawn, int submissions, String contentSha256) {}
