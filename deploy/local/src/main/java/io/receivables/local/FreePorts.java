package io.receivables.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Picks free TCP ports on the loopback interface. */
public final class FreePorts {

    private FreePorts() {
    }

    /** A port that was free a moment ago; the usual race applies, so use it right away. */
    public static int find() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on the loopback interface", e);
        }
    }

    /** {@code port} itself, or a free port when it is 0. */
    public static int orFree(int port) {
        return port == 0 ? find() : port;
    }
}
