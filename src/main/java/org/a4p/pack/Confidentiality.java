package org.a4p.pack;

/** Who may see a field: everyone, staff, or the restricted (need-to-know) role only. */
public enum Confidentiality {
    PUBLIC, INTERNAL, RESTRICTED
}
