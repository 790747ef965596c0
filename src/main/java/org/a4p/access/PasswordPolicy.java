package org.a4p.access;

import java.util.Optional;

/** NIST SP 800-63B's rules: long enough, not a common password, and no composition rules. */
final class PasswordPolicy {
    static final int MIN_LENGTH = 12;
    static final int MAX_LENGTH = 256;

    private PasswordPolicy() {}

    /** Why the password is refused, or empty when it is acceptable. The reason never holds the password. */
    static Optional<String> problem(String password) {
        int length = password == null ? 0 : password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            return Optional.of("password too short: at least " + MIN_LENGTH + " characters");
        }
        if (length > MAX_LENGTH) {
            return Optional.of("password too long: at most " + MAX_LENGTH + " characters");
        }
        if (CommonPasswords.contains(password)) {
            return Optional.of("that password is one of the " + String.format("%,d", CommonPasswords.size())
                    + " most common passwords: choose another");
        }
        return Optional.empty();
    }
}
