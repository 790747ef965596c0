package org.a4p.access;

import java.time.Duration;

/**
 * How failed logins slow an account down and then lock it: after the n-th failure the account
 * refuses every attempt for {@code firstDelay × 2^(n-1)}, and after {@code lockAfter} failures for
 * {@code lockFor}. A lock always expires; an admin may lift it sooner.
 */
public record LoginPolicy(int lockAfter, Duration lockFor, Duration firstDelay) {
    public static final LoginPolicy DEFAULT = new LoginPolicy(10, Duration.ofMinutes(15), Duration.ofSeconds(1));

    public LoginPolicy {
        if (lockAfter < 1 || lockFor.isNegative() || lockFor.isZero() || firstDelay.isNegative()) {
            throw new IllegalArgumentException("a login policy needs lockAfter >= 1 and a positive lock time");
        }
    }

    /** The wait after the given number of consecutive failures, below the lock threshold. */
    Duration delayAfter(int failures) {
        return firstDelay.multipliedBy(1L << Math.min(failures - 1, 30));
    }
}
