package org.a4p.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Argon2id hashing at OWASP's minimum or above, and the password policy: length and the common-password list only. */
class PasswordsTest {
    static final String PASSPHRASE = "lantern orchard vinegar";
    final PasswordHasher hasher = new PasswordHasher();

    @Test
    void hashesWithArgon2idAtNoLessThanOwaspsMinimum() {
        Phc phc = Phc.parse(hasher.hash(PASSPHRASE));
        assertThat(phc.variant()).isEqualTo("argon2id");
        assertThat(phc.version()).isEqualTo(19); // 0x13, the current Argon2
        assertThat(phc.memoryKib()).isGreaterThanOrEqualTo(19_456); // 19 MiB
        assertThat(phc.iterations()).isGreaterThanOrEqualTo(2);
        assertThat(phc.lanes()).isEqualTo(1);
        assertThat(phc.saltBytes()).isEqualTo(16);
        assertThat(phc.hashBytes()).isEqualTo(32);
    }

    @Test
    void verifiesTheRightPasswordAndDeniesAnyOther() {
        String hash = hasher.hash(PASSPHRASE);
        assertThat(hasher.verify(PASSPHRASE, hash)).isTrue();
        assertThat(hasher.verify("lantern orchard vinegaR", hash)).isFalse();
        assertThat(hasher.verify("", hash)).isFalse();
    }

    @Test
    void saltsEveryHash() {
        assertThat(hasher.hash(PASSPHRASE)).isNotEqualTo(hasher.hash(PASSPHRASE)).doesNotContain(PASSPHRASE);
    }

    @Test
    void verifiesAHashMadeWithRaisedParameters() {
        String raised = new PasswordHasher(32 * 1024, 3).hash(PASSPHRASE);
        assertThat(Phc.parse(raised).memoryKib()).isEqualTo(32_768);
        assertThat(Phc.parse(raised).iterations()).isEqualTo(3);
        assertThat(hasher.verify(PASSPHRASE, raised)).isTrue();
    }

    @Test
    void refusesParametersBelowOwaspsMinimum() {
        assertThatThrownBy(() -> new PasswordHasher(16 * 1024, 2)).hasMessageContaining("below OWASP's minimum");
        assertThatThrownBy(() -> new PasswordHasher(19 * 1024, 1)).hasMessageContaining("below OWASP's minimum");
    }

    @Test
    void matchesOneUnicodeFormAgainstAnother() {
        String composed = "caf\u00e9 au lait noir"; // é as one code point
        String decomposed = "cafe\u0301 au lait noir"; // e and a combining accent
        assertThat(hasher.verify(decomposed, hasher.hash(composed))).isTrue();
    }

    @Test
    void refusesAPasswordShorterThanTwelveCharacters() {
        assertThat(PasswordPolicy.problem("elevenchars")).contains("password too short: at least 12 characters");
        assertThat(PasswordPolicy.problem("")).contains("password too short: at least 12 characters");
        assertThat(PasswordPolicy.problem("twelve chars")).isEmpty();
    }

    @Test
    void countsCharactersNotCodeUnits() {
        String lock = "\uD83D\uDD12"; // one character, two UTF-16 code units
        assertThat(PasswordPolicy.problem(lock.repeat(11))).contains("password too short: at least 12 characters");
        assertThat(PasswordPolicy.problem(lock.repeat(12))).isEmpty();
    }

    @Test
    void refusesACommonPasswordWhateverItsCaseWithoutRepeatingIt() {
        assertThat(PasswordPolicy.problem("password1234")).hasValueSatisfying(reason -> assertThat(reason)
                .isEqualTo("that password is one of the 49,233 most common passwords: choose another").doesNotContain("password1234"));
        assertThat(PasswordPolicy.problem("Password1234")).isPresent();
        assertThat(PasswordPolicy.problem("qwertyuiop123")).isPresent();
    }

    @Test
    void acceptsALongPassphraseWithoutDigitsOrSymbols() {
        assertThat(PasswordPolicy.problem("correct horse battery staple")).isEmpty();
        assertThat(PasswordPolicy.problem("x".repeat(256))).isEmpty();
        assertThat(PasswordPolicy.problem("x".repeat(257))).contains("password too long: at most 256 characters");
    }

    @Test
    void shipsTensOfThousandsOfCommonPasswords() {
        assertThat(CommonPasswords.size()).isEqualTo(49_233);
        assertThat(CommonPasswords.contains("123456")).isTrue();
        assertThat(CommonPasswords.contains("lantern orchard vinegar")).isFalse();
    }
}
