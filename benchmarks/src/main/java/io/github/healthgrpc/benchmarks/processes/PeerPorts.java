package io.github.healthgrpc.benchmarks.processes;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Ports for the peers' gRPC servers, chosen below the kernel's range of ephemeral ports.
 *
 * <p>
 * A port the kernel hands out as free ({@code new ServerSocket(0)}) comes from the same
 * range it gives to outgoing connections, so between the choice and the peer's bind
 * another peer's connection can take it: one of the propagation chain's servers once
 * failed to start with "Address already in use" while its neighbour connected upstream.
 * No outgoing connection takes a port below the range.
 */
public final class PeerPorts {

	private static final Path EPHEMERAL_RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");

	/** Linux's default start of the ephemeral range, where the kernel does not say. */
	private static final int DEFAULT_EPHEMERAL_START = 32768;

	private static final int LOWEST = 10_000;

	private PeerPorts() {
	}

	/**
	 * A loopback port below the ephemeral range that was free a moment ago.
	 * @return the port
	 */
	public static int free() {
		int end = ephemeralStart();
		for (int attempt = 0; attempt < 1_000; attempt++) {
			int port = ThreadLocalRandom.current().nextInt(LOWEST, end);
			if (isFree(port)) {
				return port;
			}
		}
		throw new IllegalStateException("No free loopback port between " + LOWEST + " and " + end);
	}

	/**
	 * The first port the kernel gives to outgoing connections.
	 * @return the start of the ephemeral range
	 */
	static int ephemeralStart() {
		try {
			// Read as lines: the file reports a size of 0, and readString trusts the
			// size.
			String range = Files.readAllLines(EPHEMERAL_RANGE).get(0).trim();
			return Integer.parseInt(range.split("\\s+")[0]);
		}
		catch (IOException | RuntimeException ex) {
			return DEFAULT_EPHEMERAL_START;
		}
	}

	private static boolean isFree(int port) {
		try (ServerSocket probe = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

}
