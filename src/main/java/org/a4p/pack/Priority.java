package org.a4p.pack;

/** One of the seven A4P+ priorities (P1..P7) or a cross-cutting one (WPS, DATA). */
public record Priority(String id, String name, String nameFr, boolean crossCutting, String summary) {}
