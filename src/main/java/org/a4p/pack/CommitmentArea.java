package org.a4p.pack;

/** One of the eight A4P commitment areas of the 2018 Declaration of Shared Commitments. */
public record CommitmentArea(String id, String name) {}
