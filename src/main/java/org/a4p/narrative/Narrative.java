package org.a4p.narrative;

import java.time.Instant;
import org.a4p.i18n.Language;

/** One saved version of the narrative of a priority, year and language: who wrote it, when, and its text. */
public record Narrative(String priority, int year, Language language, int version, String text, String author, Instant writtenAt) {}
