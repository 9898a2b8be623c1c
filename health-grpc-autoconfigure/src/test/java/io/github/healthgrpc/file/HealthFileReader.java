package io.github.healthgrpc.file;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;

/**
 * A thread that reads and checks the health file in a tight loop, keeping what it last
 * read and every read that was not a whole health document. It yields between reads, so
 * that on a busy machine the threads that write the file still get to run.
 */
final class HealthFileReader implements AutoCloseable {

	private static final int KEPT_FAILURES = 10;

	private final Path path;

	private final Thread thread;

	private final AtomicLong reads = new AtomicLong();

	private final List<String> invalid = new CopyOnWriteArrayList<>();

	private volatile @Nullable HealthFileContent last;

	private volatile boolean stopped;

	private HealthFileReader(Path path) {
		this.path = path;
		this.thread = new Thread(this::readUntilStopped, "health-file-reader");
		this.thread.setDaemon(true);
	}

	static HealthFileReader start(Path path) {
		HealthFileReader reader = new HealthFileReader(path);
		reader.thread.start();
		return reader;
	}

	long reads() {
		return this.reads.get();
	}

	List<String> invalid() {
		return this.invalid;
	}

	@Nullable String lastStatus() {
		HealthFileContent last = this.last;
		return (last != null) ? last.status() : null;
	}

	HealthFileContent lastContent() {
		HealthFileContent last = this.last;
		if (last == null) {
			throw new IllegalStateException("Nothing read yet");
		}
		return last;
	}

	void stop() throws InterruptedException {
		this.stopped = true;
		this.thread.join();
	}

	@Override
	public void close() throws InterruptedException {
		stop();
	}

	private void readUntilStopped() {
		while (!this.stopped) {
			try {
				this.last = HealthFileContent.read(this.path);
			}
			catch (Exception ex) {
				if (this.invalid.size() < KEPT_FAILURES) {
					this.invalid.add(ex.getMessage());
				}
			}
			this.reads.incrementAndGet();
			Thread.yield();
		}
	}

}
