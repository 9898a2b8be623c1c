package io.github.healthgrpc.file;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import io.github.healthgrpc.store.ServiceStatuses;
import io.github.healthgrpc.store.ServingState;
import io.github.healthgrpc.store.StatusListener;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/**
 * The health file: a JSON document (see {@link HealthDocument}) with the serving status
 * of every service, for exec probes. It is replaced atomically, so a reader never sees a
 * partial document: on each change the store reports (on the store's listener thread,
 * never the thread that recorded the change), and every heartbeat interval while nothing
 * changes, so that the file's age tells a probe whether the process still runs. It is
 * readable by every user whatever the umask, never written through a link planted in a
 * shared directory, and the temporary files a crash left are removed when it starts (see
 * {@link AtomicFileWriter}).
 *
 * <p>
 * It starts writing when the application starts (before the gRPC server, so warm-up reads
 * NOT_SERVING), follows the drain (every service but liveness NOT_SERVING) and, once the
 * gRPC server has stopped, writes a last document in which every service is NOT_SERVING
 * and stops the heartbeat. The file is left in place: a probe between then and the exit
 * reads NOT_SERVING, and one after a crash finds a file whose age gives it away.
 *
 * @since 0.1.0
 */
public class HealthFile implements StatusListener, SmartLifecycle {

	private static final Log logger = LogFactory.getLog(HealthFile.class);

	private final ServiceStatuses store;

	private final AtomicFileWriter writer;

	private final Duration heartbeatInterval;

	private final Clock clock = Clock.systemUTC();

	// Guarded by this. The file's own thread writes the changes and the heartbeat; the
	// lifecycle writes the first and the last document.
	private @Nullable ScheduledExecutorService heartbeat;

	private boolean changesPending;

	// What the listener has heard, not what the store says when a write happens: the
	// store's listener lane leaves out changes that cancel out while the listener is
	// busy, which is right only for a listener that shows what it heard.
	private final Map<String, ServingState> heard = new HashMap<>();

	// What the file shows: what was heard when the store last said its changes were all
	// there was, so that no write, the heartbeat's included, shows part of them.
	private final Map<String, ServingState> shown = new HashMap<>();

	private boolean failing;

	private long writes;

	/**
	 * Create the health file, not written yet.
	 * @param store the status store whose statuses it shows
	 * @param path the absolute path of the file, in a directory that exists
	 * @param heartbeatInterval the time between two rewrites while nothing changes
	 */
	public HealthFile(ServiceStatuses store, Path path, Duration heartbeatInterval) {
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

	/**
	 * The documents written so far, for tests.
	 * @return how many
	 */
	synchronized long writes() {
		return this.writes;
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
		// Every change after the listener was added is heard; what came before, the store
		// says.
		this.store.addListener(this);
		this.heard.clear();
		this.heard.putAll(this.store.statuses());
		this.shown.clear();
		this.shown.putAll(this.heard);
		this.changesPending = false;
		removeLeftovers();
		write(HealthDocument.of(this.shown, this.clock.instant()));
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
		write(HealthDocument.stopped(this.heard, this.clock.instant()));
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

	/**
	 * Note the change; it is written once the store says the changes that came with it
	 * are all heard.
	 */
	@Override
	public synchronized void servingStatusChanged(String service, ServingState status) {
		if (this.heartbeat != null) {
			this.heard.put(service, status);
		}
	}

	/**
	 * Have the file's thread write what was heard: changes that come together (a check
	 * shared by a hundred services changes each of them) make one write, and the store's
	 * listener thread waits at most for the write under way, never for its own.
	 */
	@Override
	public synchronized void changesHeard() {
		ScheduledExecutorService thread = this.heartbeat;
		if (thread != null && !this.heard.equals(this.shown)) {
			this.shown.clear();
			this.shown.putAll(this.heard);
			if (!this.changesPending) {
				this.changesPending = true;
				thread.execute(this::writeChanges);
			}
		}
	}

	private synchronized void writeChanges() {
		this.changesPending = false;
		beat();
	}

	private synchronized void beat() {
		if (this.heartbeat != null) {
			write(HealthDocument.of(this.shown, this.clock.instant()));
		}
	}

	// A process killed in the middle of a write leaves its temporary file behind, and
	// each crash would add one. None of this file's own is being written while it starts.
	private void removeLeftovers() {
		try {
			List<Path> removed = this.writer.removeLeftovers();
			if (!removed.isEmpty()) {
				logger.info("Removed temporary files of gRPC health file " + getPath() + " left by an earlier run: "
						+ removed.stream().map((file) -> file.getFileName().toString()).toList());
			}
		}
		catch (IOException | RuntimeException ex) {
			logger.warn("Temporary files left by an earlier run of gRPC health file " + getPath()
					+ " could not be looked for", ex);
		}
	}

	// A failed write (a full disk) is logged when it starts failing and when it recovers,
	// never once per heartbeat; the next change or heartbeat tries again.
	private void write(HealthDocument document) {
		try {
			this.writer.write(document.toJson());
			this.writes++;
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
