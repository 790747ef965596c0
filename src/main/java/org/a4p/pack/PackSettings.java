package org.a4p.pack;

import java.util.List;

/**
 * Pack-wide settings. {@code smallCellThreshold}: public outputs suppress counts below it.
 * {@code atRiskMargin}: a value short of its target by at most this fraction of the target is
 * "at risk" rather than "off track". {@code minIndicatorsPerPriority}: {@code pack check} wants
 * each priority measured by at least this many indicators. {@code owners}: who may own an
 * indicator (empty: anyone).
 */
public record PackSettings(int smallCellThreshold, double atRiskMargin, int minIndicatorsPerPriority, List<String> owners) {}
