package org.a4p.web;

import java.time.Duration;

/**
 * Where the server listens and how long a stop waits for requests in flight. Port 0 picks a free
 * port (tests).
 */
public record ServerSettings(String host, int port, Duration stopTimeout) {
    public static final String LOOPBACK = "127.0.0.1";
    public static final int DEFAULT_PORT = 7070;
    public static final Duration DEFAULT_STOP_TIMEOUT = Duration.ofSeconds(30);

    public ServerSettings {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port " + port + ": expected 0 to 65535");
        }
    }

    public static ServerSettings loopback(int port) {
        return new ServerSettings(LOOPBACK, port, DEFAULT_STOP_TIMEOUT);
    }
}
