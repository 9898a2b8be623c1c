package io.github.healthgrpc.sample;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.OptionalLong;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A stand-in for the pricing dependency: a real TCP listener on a fixed loopback port
 * that the tests open and close to make the {@code pricing} check UP and DOWN. It notes
 * when it accepted each connection, which tells a test when the check ran, and the
 * benchmarks how often it ran.
 */
public final class PricingServer implements AutoCloseable {

	private final int port;

	private final Queue<Long> acceptedAt = new ConcurrentLinkedQueue<>();

	private ServerSocket serverSocket;

	private PricingServer(int port) {
		this.port = port;
	}

	/**
	 * A closed listener on a port that was free a moment ago.
	 * @return the pricing server, not yet listening
	 */
	public static PricingServer onFreePort() {
		return new PricingServer(freePort());
	}

	/**
	 * A loopback port that was free a moment ago.
	 * @return the port
	 */
	public static int freePort() {
		try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return probe.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Where the listener listens.
	 * @return its {@code host:port}
	 */
	public String address() {
		return "127.0.0.1:" + this.port;
	}

	/**
	 * Listen, if not listening already.
	 */
	public synchronized void open() {
		if (this.serverSocket != null) {
			return;
		}
		try {
			ServerSocket socket = new ServerSocket();
			// The port was ours before: sockets of earlier connections may linger in
			// TIME_WAIT.
			socket.setReuseAddress(true);
			socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), this.port));
			this.serverSocket = socket;
			Thread acceptor = new Thread(() -> acceptUntilClosed(socket, this.acceptedAt), "pricing-" + this.port);
			acceptor.setDaemon(true);
			acceptor.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void acceptUntilClosed(ServerSocket socket, Queue<Long> acceptedAt) {
		// Accept and drop every connection: the check polls every second, and an accept
		// backlog left to fill up would stop new connections after a minute or so.
		while (!socket.isClosed()) {
			try (Socket connection = socket.accept()) {
				// The check only needs the connection to be accepted.
				acceptedAt.add(System.nanoTime());
			}
			catch (IOException ex) {
				// Closed by close(), or a client that went away: the loop condition
				// decides.
			}
		}
	}

	/**
	 * When the first connection at or after the given time was accepted.
	 * @param nanoTime a {@link System#nanoTime()}
	 * @return the {@link System#nanoTime()} of that connection, or empty if none came yet
	 */
	OptionalLong firstAcceptedAfter(long nanoTime) {
		return this.acceptedAt.stream().mapToLong(Long::longValue).filter((at) -> at >= nanoTime).min();
	}

	/**
	 * When the last connection before the given time was accepted.
	 * @param nanoTime a {@link System#nanoTime()}
	 * @return the {@link System#nanoTime()} of that connection, or empty if none came
	 * before
	 */
	OptionalLong lastAcceptedBefore(long nanoTime) {
		return this.acceptedAt.stream().mapToLong(Long::longValue).filter((at) -> at < nanoTime).max();
	}

	/**
	 * How many connections were accepted in a period.
	 * @param fromNanoTime the {@link System#nanoTime()} at its start
	 * @param toNanoTime the {@link System#nanoTime()} at its end
	 * @return the number of connections accepted at or after the start and before the end
	 */
	public long acceptedBetween(long fromNanoTime, long toNanoTime) {
		return this.acceptedAt.stream().filter((at) -> at >= fromNanoTime && at < toNanoTime).count();
	}

	@Override
	public synchronized void close() {
		if (this.serverSocket == null) {
			return;
		}
		try {
			this.serverSocket.close();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			this.serverSocket = null;
		}
	}

}
