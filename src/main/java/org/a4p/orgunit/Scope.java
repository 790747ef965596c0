package org.a4p.orgunit;

/**
 * A root of the org-unit tree, as the pack declares it: figures never mix scopes.
 * {@code reportsMonthly}: its missions owe the record types that are expected monthly;
 * {@code inTemplates}: its missions are offered in the Excel templates' drop-downs.
 */
public record Scope(String code, String name, boolean reportsMonthly, boolean inTemplates) {}
