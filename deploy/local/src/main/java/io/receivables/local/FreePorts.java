package io.receivables.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Picks free TCP ports on the loopback interface. */
public final class FreePorts {

    /**
     * Every port handed out by this JVM. The kernel may offer the same ephemeral port to two
     * consecutive probes once the first socket is closed, which once gave Kafka's client and controller
     * listeners one port and failed the broker's start; a port handed out here is never handed out again.
     */
    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

    private static final int ATTEMPTS = 100;

    private FreePorts() {
    }

    /**
     * A port that was free a moment ago and that this JVM has not handed out before; the usual race with
     * other processes applies, so use it right away.
     */
    public static int find() {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            int port = probe();
            if (HANDED_OUT.add(port)) {
                return port;
            }
        }
        throw new IllegalStateException("no port on the loopback interface that this JVM has not handed out already");
    }

    /** {@code port} itself, or a free port when it is 0. */
    public static int orFree(int port) {
        return port == 0 ? find() : port;
    }

    private static int probe() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on the loopback interface", e);
        }
    }
}
