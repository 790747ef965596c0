package org.a4p.pack;

/**
 * Pack-wide settings. {@code smallCellThreshold}: public outputs suppress counts below it.
 * {@code atRiskMargin}: a value short of its target by at most this fraction of the target is
 * "at risk" rather than "off track".
 */
public record PackSettings(int smallCellThreshold, double atRiskMargin) {}
