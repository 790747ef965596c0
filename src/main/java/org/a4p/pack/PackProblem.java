package org.a4p.pack;

/** A problem found in a pack file, with the place it was found. */
public record PackProblem(String file, int line, String message) {

    @Override
    public String toString() {
        return file + ":" + line + ": " + message;
    }
}
