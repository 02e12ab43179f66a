package org.bearingworkbench.serve;

import java.time.Duration;

/**
 * What the service lets clients take: the largest request body, how many {@code /v1} requests it works on at once
 * (beyond them 503 at once, so that slow or many clients cannot take every thread and {@code /health} still answers),
 * how long a connection may stay silent, and how long a request body may take to arrive (408 beyond).
 */
public record ServeLimits(long maxBodyBytes, int maxInFlight, Duration idleTimeout, Duration bodyTimeout) {
    public ServeLimits {
        if (maxBodyBytes < 1 || maxInFlight < 1) {
            throw new IllegalArgumentException("limits: a body of at least 1 byte and at least 1 request at once (got "
                    + maxBodyBytes + ", " + maxInFlight + ")");
        }
        if (idleTimeout.isNegative() || idleTimeout.isZero() || bodyTimeout.isNegative() || bodyTimeout.isZero()) {
            throw new IllegalArgumentException(
                    "limits: timeouts above 0 (got " + idleTimeout + ", " + bodyTimeout + ")");
        }
    }

    /** Requests at once by default: as many clients as the service is measured with; bodies held: 32 x the limit. */
    public static final int DEFAULT_MAX_IN_FLIGHT = 32;

    /** {@code maxBodyBytes} with the defaults: 32 requests at once, 30 s of silence, 60 s for a body. */
    public static ServeLimits of(long maxBodyBytes) {
        return new ServeLimits(maxBodyBytes, DEFAULT_MAX_IN_FLIGHT, Duration.ofSeconds(30), Duration.ofSeconds(60));
    }

    public ServeLimits withMaxInFlight(int n) {
        return new ServeLimits(maxBodyBytes, n, idleTimeout, bodyTimeout);
    }

    public ServeLimits withTimeouts(Duration idle, Duration body) {
        return new ServeLimits(maxBodyBytes, maxInFlight, idle, body);
    }

    /**
     * Threads for the server: the requests at once, plus room for the probes, the metrics and quick refusals, and
     * for Jetty's own acceptor and selector threads.
     */
    int maxThreads() {
        return maxInFlight + 24;
    }
}
