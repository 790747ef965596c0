package org.a4p.ranking;

/**
 * How a contributing country's share of women in a uniformed category stands against the year's
 * Uniformed Gender Parity Strategy target.
 */
public enum Colour {
    /** The share of women meets the target. */
    GREEN,
    /** Some women, but below the target (or no target is set). */
    YELLOW,
    /** No women in the category. */
    RED
}
