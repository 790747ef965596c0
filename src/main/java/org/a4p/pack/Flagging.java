package org.a4p.pack;

/**
 * How the records of a type are flagged at import: the text in {@code textField}, matched against
 * the term list of its language ({@code terms}, a pack table with columns language, term,
 * category and severity, plus the mission's own list), sets {@code categoryField} and
 * {@code severityField} unless the file already gives a category.
 */
public record Flagging(String textField, String languageField, String categoryField, String severityField, String terms) {}
