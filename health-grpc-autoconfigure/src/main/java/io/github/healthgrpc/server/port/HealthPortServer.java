package io.github.healthgrpc.server.port;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.github.healthgrpc.grpc.HealthGrpcService;
import io.grpc.Server;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.diagnostics.FailureAnalyzedException;
import org.springframework.context.SmartLifecycle;

/**
 * The health port: a plaintext gRPC server that serves only the application's
 * {@link HealthGrpcService}, started and stopped with the application.
 *
 * <p>
 * It serves the very instance the main server serves, so both ports answer from one set
 * of Watch calls: the Watch limits cap both together, the drain completes the calls of
 * both, and the {@code grpc.health.watchers} gauge counts both. On a context close the
 * drain has completed every Watch call before any server stops, so this server stops at
 * once.
 *
 * <p>
 * It runs in the phase of the supported gRPC servers' lifecycles and its
 * auto-configuration comes after theirs, so it starts after the main server: a health
 * port equal to the main port then fails here, with a message naming
 * {@code grpc.health.port}.
 *
 * @since 0.1.0
 */
public class HealthPortServer implements SmartLifecycle {

	/**
	 * How long a stop waits for open calls. The drain has completed every Watch call and
	 * Check and List answer at once, so only a Watch client that stopped reading (whose
	 * trailers wait behind messages it does not read) can still be open: waiting longer
	 * would serve no one.
	 */
	static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(1);

	private static final Log logger = LogFactory.getLog(HealthPortServer.class);

	private final HealthGrpcService healthService;

	private final @Nullable InetAddress address;

	private final int port;

	private volatile @Nullable Server server;

	/**
	 * Create the server, not started yet.
	 * @param healthService the Health service to serve, the one the main server serves
	 * @param address the address to bind, or {@code null} for every interface
	 * @param port the port to bind, 0 for any free port
	 */
	public HealthPortServer(HealthGrpcService healthService, @Nullable InetAddress address, int port) {
		this.healthService = healthService;
		this.address = address;
		this.port = port;
	}

	@Override
	public void start() {
		if (this.server != null) {
			return;
		}
		Server server = HealthPortServerBuilders.forAddress(this.address, this.port)
			.addService(this.healthService)
			.build();
		try {
			this.server = server.start();
		}
		catch (IOException ex) {
			throw new FailureAnalyzedException(
					"gRPC health could not listen on " + where() + " (grpc.health.port=" + this.port + "): "
							+ ex.getMessage() + ".",
					"Set grpc.health.port to a free port that differs from the main gRPC server's port, "
							+ "or to 0 for any free port.",
					ex);
		}
		logger.info("gRPC health listening on port " + getPort()
				+ ((this.address != null) ? " of " + this.address.getHostAddress() : ""));
	}

	@Override
	public void stop() {
		Server server = this.server;
		if (server == null) {
			return;
		}
		// A context that is only stopped has no drain: open Watch calls would hold the
		// graceful shutdown, so they are told NOT_SERVING and completed, as the adapters
		// do for the main server.
		this.healthService.endWatches();
		server.shutdown();
		try {
			server.awaitTermination(SHUTDOWN_GRACE.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		finally {
			server.shutdownNow();
			this.server = null;
		}
	}

	@Override
	public boolean isRunning() {
		Server server = this.server;
		return server != null && !server.isShutdown();
	}

	/**
	 * The same phase as the supported gRPC servers' lifecycles.
	 */
	@Override
	public int getPhase() {
		return Integer.MAX_VALUE;
	}

	/**
	 * The port the health port listens on, for applications and tests that set
	 * {@code grpc.health.port=0}.
	 * @return the bound port, or -1 while the server is not running
	 */
	public int getPort() {
		Server server = this.server;
		return (server != null) ? server.getPort() : -1;
	}

	private String where() {
		return ((this.address != null) ? this.address.getHostAddress() : "every interface") + ", port " + this.port;
	}

}
