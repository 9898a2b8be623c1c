package io.github.healthgrpc.server;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import io.grpc.ChannelLogger;

import static org.awaitility.Awaitility.await;

/**
 * When a client channel started using a new picker, the load balancer's choice of
 * backends. grpc-java has no public hook for that moment; its channel trace logs it
 * ("Entering READY state with picker"), right after the channel installed the picker, on
 * the thread that handled the health-check message. So a call started after such a record
 * is picked by the new picker, and calls started before it may still go to the backend it
 * left out.
 */
final class PickerChanges extends Handler implements AutoCloseable {

	// Held here: java.util.logging keeps its loggers weakly, and would forget the level.
	private final Logger logger = Logger.getLogger(ChannelLogger.class.getName());

	private final Level level = this.logger.getLevel();

	private final List<Long> nanos = new CopyOnWriteArrayList<>();

	private final List<String> states = new CopyOnWriteArrayList<>();

	/**
	 * Record picker changes from now on. Start the applications first: Spring Boot's
	 * logging system resets java.util.logging levels when it initializes.
	 */
	PickerChanges() {
		this.logger.setLevel(Level.ALL);
		this.logger.addHandler(this);
	}

	/**
	 * Wait for the first picker change after a moment.
	 * @param since the moment, from {@link System#nanoTime()}
	 * @param atMost how long to wait
	 * @return when the channel started using the new picker
	 */
	long awaitChangeAfter(long since, Duration atMost) {
		return await().atMost(atMost)
			.until(() -> this.nanos.stream().filter((at) -> at > since).findFirst(), (first) -> first.isPresent())
			.orElseThrow();
	}

	/**
	 * The states that client channels entered since this started recording, in order, as
	 * their trace names them ({@code READY}, {@code TRANSIENT_FAILURE}, ...).
	 * @return the states
	 */
	List<String> states() {
		return List.copyOf(this.states);
	}

	@Override
	public void publish(LogRecord record) {
		String message = record.getMessage();
		int end = message.indexOf(" state with picker");
		if (end >= 0) {
			this.nanos.add(System.nanoTime());
			String entering = "Entering ";
			int start = message.lastIndexOf(entering, end);
			this.states.add((start >= 0) ? message.substring(start + entering.length(), end) : message);
		}
	}

	@Override
	public void flush() {
	}

	@Override
	public void close() {
		this.logger.removeHandler(this);
		this.logger.setLevel(this.level);
	}

}
