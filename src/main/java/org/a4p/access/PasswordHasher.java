package org.a4p.access;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;
import java.text.Normalizer;

/**
 * Argon2id password hashes as PHC strings ({@code $argon2id$v=19$m=19456,t=2,p=1$salt$hash}),
 * which carry their own parameters: a stored hash verifies after the parameters are raised.
 */
final class PasswordHasher {
    /** OWASP's minimum for Argon2id: 19 MiB of memory, 2 iterations, 1 lane. */
    static final int MIN_MEMORY_KIB = 19 * 1024;
    static final int MIN_ITERATIONS = 2;
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;

    private final Argon2Function function;
    private String dummyHash;

    PasswordHasher() {
        this(MIN_MEMORY_KIB, MIN_ITERATIONS);
    }

    PasswordHasher(int memoryKib, int iterations) {
        if (memoryKib < MIN_MEMORY_KIB || iterations < MIN_ITERATIONS) {
            throw new IllegalArgumentException("Argon2id parameters below OWASP's minimum (m=19456 KiB, t=2, p=1)");
        }
        this.function = Argon2Function.getInstance(memoryKib, iterations, 1, HASH_BYTES, Argon2.ID);
    }

    String hash(String password) {
        return Password.hash(normalize(password)).addRandomSalt(SALT_BYTES).with(function).getResult();
    }

    boolean verify(String password, String phcHash) {
        return Argon2Function.getInstanceFromHash(phcHash).check(normalize(password), phcHash);
    }

    /** Spends the time of one verification, so that an unknown name answers as slowly as a wrong password. */
    void verifyNothing(String password) {
        verify(password, dummyHash());
    }

    private synchronized String dummyHash() {
        if (dummyHash == null) {
            dummyHash = hash(Secrets.random());
        }
        return dummyHash;
    }

    // The same passphrase typed on two keyboards may differ in Unicode form (NIST SP 800-63B 5.1.1.2).
    private static String normalize(String password) {
        return Normalizer.normalize(password, Normalizer.Form.NFKC);
    }
}
