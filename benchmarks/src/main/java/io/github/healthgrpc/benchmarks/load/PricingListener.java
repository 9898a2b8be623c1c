package io.github.healthgrpc.benchmarks.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The peers' pricing dependency: a TCP listener on a fixed loopback port that accepts
 * connections ({@link #open()}), refuses them at once ({@link #close()}: nothing
 * listens), or blackholes them ({@link #blackhole()}: a connection attempt hangs until
 * the check's connect timeout, the path a dependency that went away without a word
 * takes). It notes when it accepted each connection, which tells how often the check ran.
 *
 * <p>
 * A blackhole without root: a listener with an accept backlog of one that nobody accepts
 * from, its queue filled by the listener's own connections. Linux drops a SYN that finds
 * the queue full, so a connection attempt neither succeeds nor is refused; the sample's
 * check only connects, so it waits out its connect timeout.
 */
public final class PricingListener implements AutoCloseable {

	// Well under the check's 250 ms connect timeout: a probe that waits this long was
	// dropped.
	private static final int PROBE_MILLIS = 100;

	private final int port;

	private final Queue<Long> acceptedAt = new ConcurrentLinkedQueue<>();

	// The listener's own connections that fill the backlog, told apart from the check's
	// by their local port.
	private final List<Socket> fillers = new ArrayList<>();

	private final Set<Integer> fillerPorts = ConcurrentHashMap.newKeySet();

	private ServerSocket socket;

	private boolean accepting;

	private Thread acceptor;

	// Holds the port while nothing listens on it: a port from the ephemeral range, left
	// free while the dependency is refused, would be taken as the local port of some
	// outgoing connection, whose TIME_WAIT then keeps the listener from binding it again.
	// A socket bound but not listening refuses connections like a free port does.
	private final Socket reservation;

	private PricingListener(Socket reservation) {
		this.reservation = reservation;
		this.port = reservation.getLocalPort();
	}

	/**
	 * A listener, not yet listening, on a free port that it holds from now on.
	 */
	public static PricingListener onFreePort() {
		try {
			Socket reservation = new Socket();
			reservation.setReuseAddress(true);
			reservation.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
			return new PricingListener(reservation);
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
	 * Accept connections, if not accepting already; from the blackhole, the queued
	 * connections are accepted first.
	 */
	public synchronized void open() {
		if (this.socket == null) {
			this.socket = bind(50);
		}
		if (!this.accepting) {
			this.accepting = true;
			ServerSocket listening = this.socket;
			this.acceptor = new Thread(() -> acceptUntilClosed(listening), "pricing-" + this.port);
			this.acceptor.setDaemon(true);
			this.acceptor.start();
			awaitFillersAccepted();
		}
	}

	private void awaitFillersAccepted() {
		// Until the full backlog is drained, a new attempt is still dropped, and the
		// check's next one would wait for its SYN to be sent again (a second later).
		long deadline = System.nanoTime() + 5_000_000_000L;
		while (!this.fillerPorts.isEmpty() && System.nanoTime() < deadline) {
			Thread.onSpinWait();
		}
	}

	/**
	 * Stop listening: connection attempts are refused at once.
	 */
	@Override
	public synchronized void close() {
		try {
			if (this.socket != null) {
				this.socket.close();
			}
			if (this.acceptor != null) {
				// The JDK closes a socket that a thread is blocked accepting on only once
				// that thread has left accept(): until then the port is still bound, and
				// a bind right after this (the blackhole's) would fail.
				this.acceptor.join(5_000);
			}
			for (Socket filler : this.fillers) {
				filler.close();
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while the listener closed", ex);
		}
		finally {
			this.socket = null;
			this.acceptor = null;
			this.accepting = false;
			this.fillers.clear();
		}
	}

	/**
	 * Stop listening and give the port up.
	 */
	public synchronized void release() {
		close();
		closeQuietly(this.reservation);
	}

	/**
	 * Listen without ever accepting, the backlog full: connection attempts hang until
	 * their own timeout. Returns once a connection attempt of its own has been seen to
	 * hang.
	 */
	public synchronized void blackhole() {
		close();
		this.socket = bind(1);
		InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), this.port);
		// Linux queues one more connection than the backlog says, older kernels one
		// fewer: fill until an attempt hangs.
		for (int i = 0; i < 16; i++) {
			Socket probe = new Socket();
			try {
				probe.connect(address, PROBE_MILLIS);
				this.fillers.add(probe);
				this.fillerPorts.add(probe.getLocalPort());
			}
			catch (SocketTimeoutException ex) {
				closeQuietly(probe);
				return;
			}
			catch (IOException ex) {
				closeQuietly(probe);
				throw new UncheckedIOException(ex);
			}
		}
		throw new IllegalStateException(
				"A listener with a full backlog still took connections: this system does not drop them (not Linux?)");
	}

	/**
	 * How many of the check's connections were accepted in a period.
	 * @param fromNanoTime the {@link System#nanoTime()} at its start
	 * @param toNanoTime the {@link System#nanoTime()} at its end
	 * @return the number of connections accepted at or after the start and before the end
	 */
	public long acceptedBetween(long fromNanoTime, long toNanoTime) {
		return this.acceptedAt.stream().filter((at) -> at >= fromNanoTime && at < toNanoTime).count();
	}

	private static void closeQuietly(Socket socket) {
		try {
			socket.close();
		}
		catch (IOException ex) {
			// A socket that never connected: nothing to release.
		}
	}

	private ServerSocket bind(int backlog) {
		try {
			ServerSocket bound = new ServerSocket();
			// The port was ours before: sockets of earlier connections may linger in
			// TIME_WAIT.
			bound.setReuseAddress(true);
			bound.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), this.port), backlog);
			return bound;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void acceptUntilClosed(ServerSocket listening) {
		// Accept and drop every connection: the check only needs it accepted, and a
		// backlog left to fill up would blackhole the check.
		while (!listening.isClosed()) {
			try (Socket connection = listening.accept()) {
				if (!this.fillerPorts.remove(connection.getPort())) {
					this.acceptedAt.add(System.nanoTime());
				}
			}
			catch (IOException ex) {
				// Closed by close(), or a client that went away: the loop condition
				// decides.
			}
		}
	}

}
