package io.github.healthgrpc.file;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import io.github.healthgrpc.store.ServingStatus;
import io.github.healthgrpc.store.StatusListener;
import io.github.healthgrpc.store.StatusStore;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/**
 * The health file: a JSON document (see {@link HealthDocument}) with the serving status of
 * every service, for exec probes. It is replaced atomically, so a reader never sees a
 * partial document: on each change the store reports (on the store's listener thread,
 * never the thread that recorded the change), and every heartbeat interval while nothing
 * changes, so that the file's age tells a probe whether the process still runs.
 *
 * <p>It starts writing when the application starts (before the gRPC server, so warm-up
 * reads NOT_SERVING), follows the drain (every service but liveness NOT_SERVING) and, once
 * the gRPC server has stopped, writes a last document in which every service is
 * NOT_SERVING and stops the heartbeat. The file is left in place: a probe between then and
 * the exit reads NOT_SERVING, and one after a crash finds a file whose age gives it away.
 */
public class HealthFile implements StatusListener, SmartLifecycle {

	private static final Log logger = LogFactory.getLog(HealthFile.class);

	private final StatusStore store;

	private final AtomicFileWriter writer;

	private final Duration heartbeatInterval;

	private final Clock clock = Clock.systemUTC();

	// Guarded by this: writes from the listener, the heartbeat and the lifecycle take turns.
	private @Nullable ScheduledExecutorService heartbeat;

	private @Nullable Map<String, ServingStatus> written;

	private boolean failing;

	/**
	 * Create the health file, not written yet.
	 * @param store the status store whose statuses it shows
	 * @param path the absolute path of the file, in a directory that exists
	 * @param heartbeatInterval the time between two rewrites while nothing changes
	 */
	public HealthFile(StatusStore store, Path path, Duration heartbeatInterval) {
		this.store = store;
		this.writer = new AtomicFileWriter(path);
		this.heartbeatInterval = heartbeatInterval;
	}

	/**
	 * The file this writes.
	 * @return its absolute path
	 */
	public Path getPath() {
		return this.writer.path();
	}

	@Override
	public synchronized void start() {
		if (this.heartbeat != null) {
			return;
		}
		CustomizableThreadFactory threads = new CustomizableThreadFactory("health-grpc-file-");
		threads.setDaemon(true);
		ScheduledThreadPoolExecutor heartbeat = new ScheduledThreadPoolExecutor(1, threads);
		this.heartbeat = heartbeat;
		this.store.addListener(this);
		write(HealthDocument.of(this.store.statuses(), this.clock.instant()));
		long interval = this.heartbeatInterval.toNanos();
		heartbeat.scheduleWithFixedDelay(this::beat, interval, interval, TimeUnit.NANOSECONDS);
	}

	@Override
	public synchronized void stop() {
		ScheduledExecutorService heartbeat = this.heartbeat;
		if (heartbeat == null) {
			return;
		}
		this.heartbeat = null;
		heartbeat.shutdownNow();
		this.store.removeListener(this);
		write(HealthDocument.stopped(this.store.statuses(), this.clock.instant()));
	}

	@Override
	public synchronized boolean isRunning() {
		return this.heartbeat != null;
	}

	/**
	 * Just below the supported gRPC servers' phase: it starts before them and writes its
	 * last document after they have stopped.
	 */
	@Override
	public int getPhase() {
		return Integer.MAX_VALUE - 1;
	}

	@Override
	public synchronized void servingStatusChanged(String service, ServingStatus status) {
		Map<String, ServingStatus> statuses = this.store.statuses();
		// The store's statuses hold every change up to now: later calls for changes that
		// came together find them written already.
		if (this.heartbeat != null && !statuses.equals(this.written)) {
			write(HealthDocument.of(statuses, this.clock.instant()));
		}
	}

	private synchronized void beat() {
		if (this.heartbeat != null) {
			write(HealthDocument.of(this.store.statuses(), this.clock.instant()));
		}
	}

	// A failed write (a full disk) is logged when it starts failing and when it recovers,
	// never once per heartbeat; the next change or heartbeat tries again.
	private void write(HealthDocument document) {
		try {
			this.writer.write(document.toJson());
			this.written = document.services();
			if (this.failing) {
				this.failing = false;
				logger.info("gRPC health file " + getPath() + " is written again");
			}
		}
		catch (IOException | RuntimeException ex) {
			if (!this.failing) {
				this.failing = true;
				logger.warn("gRPC health file " + getPath() + " could not be written; probes that read it see "
						+ "it grow old. Retrying on each change and heartbeat", ex);
			}
		}
	}

}
