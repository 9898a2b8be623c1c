package io.github.healthgrpc.upstream;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP proxy on a random loopback port in front of a server, that can go silent as a
 * network partition does: from then on it forwards nothing in either direction, and
 * closes nothing, so that neither side hears a FIN or a reset. Bytes read after the
 * silence began are held, never delivered. Connections made while silent are accepted and
 * stay silent too.
 */
final class PartitionProxy implements AutoCloseable {

	private final ServerSocket listener;

	private final int targetPort;

	private final List<Socket> sockets = new CopyOnWriteArrayList<>();

	private final Object lock = new Object();

	// Guarded by lock.
	private boolean silent;

	private boolean closed;

	private PartitionProxy(int targetPort) throws IOException {
		this.targetPort = targetPort;
		this.listener = new ServerSocket();
		this.listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
		daemon(this::accept, "partition-proxy-" + port());
	}

	/**
	 * Start a proxy to the given loopback port.
	 * @param targetPort the port of the server behind the proxy
	 * @return the proxy
	 * @throws IOException if it cannot listen
	 */
	static PartitionProxy to(int targetPort) throws IOException {
		return new PartitionProxy(targetPort);
	}

	/**
	 * The port the proxy listens on.
	 * @return the port
	 */
	int port() {
		return this.listener.getLocalPort();
	}

	/**
	 * Stop forwarding, for good, keeping every connection open.
	 */
	void goSilent() {
		synchronized (this.lock) {
			this.silent = true;
		}
	}

	@Override
	public void close() throws IOException {
		synchronized (this.lock) {
			this.closed = true;
			this.lock.notifyAll();
		}
		this.listener.close();
		for (Socket socket : this.sockets) {
			socket.close();
		}
	}

	private void accept() {
		try {
			while (true) {
				Socket client = keep(this.listener.accept());
				Socket server = keep(new Socket(InetAddress.getLoopbackAddress(), this.targetPort));
				daemon(() -> forward(client, server), "partition-proxy-up-" + client.getPort());
				daemon(() -> forward(server, client), "partition-proxy-down-" + client.getPort());
			}
		}
		catch (IOException ex) {
			// Closed.
		}
	}

	private void forward(Socket from, Socket to) {
		byte[] buffer = new byte[16 * 1024];
		try {
			InputStream in = from.getInputStream();
			OutputStream out = to.getOutputStream();
			int read;
			while ((read = in.read(buffer)) != -1) {
				if (!awaitSpeaking()) {
					return;
				}
				out.write(buffer, 0, read);
			}
			if (awaitSpeaking()) {
				to.shutdownOutput();
			}
		}
		catch (IOException ex) {
			// One side is gone or the proxy closed.
		}
	}

	// Blocks for as long as the proxy is silent, which is until it closes.
	private boolean awaitSpeaking() {
		synchronized (this.lock) {
			while (this.silent && !this.closed) {
				try {
					this.lock.wait();
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return false;
				}
			}
			return !this.closed;
		}
	}

	private Socket keep(Socket socket) throws IOException {
		socket.setTcpNoDelay(true);
		this.sockets.add(socket);
		return socket;
	}

	private static void daemon(Runnable task, String name) {
		Thread thread = new Thread(task, name);
		thread.setDaemon(true);
		thread.start();
	}

}
