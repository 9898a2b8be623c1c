package io.github.healthgrpc.grpc;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Records what grpc-java logs at WARNING or above while it is open.
 */
final class GrpcLogRecorder extends Handler implements AutoCloseable {

	private final Logger logger = Logger.getLogger("io.grpc");

	private final List<String> warnings = new CopyOnWriteArrayList<>();

	GrpcLogRecorder() {
		this.logger.addHandler(this);
	}

	List<String> warnings() {
		return this.warnings;
	}

	@Override
	public void publish(LogRecord record) {
		if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
			this.warnings.add(record.getLevel() + " " + record.getLoggerName() + ": " + record.getMessage());
		}
	}

	@Override
	public void flush() {
	}

	@Override
	public void close() {
		this.logger.removeHandler(this);
	}

}
