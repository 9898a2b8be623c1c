package io.github.healthgrpc.upstream;

import java.util.function.Consumer;

import io.grpc.ConnectivityState;
import io.grpc.ManagedChannel;

/**
 * Follows a channel's connection, for an upstream that does not implement Health: READY
 * is up, TRANSIENT_FAILURE and SHUTDOWN are down. IDLE and CONNECTING change nothing, so
 * that a channel that idles and reconnects does not flap.
 */
final class ConnectivityFollower {

	private final ManagedChannel channel;

	private final Consumer<Boolean> ready;

	private volatile boolean stopped;

	ConnectivityFollower(ManagedChannel channel, Consumer<Boolean> ready) {
		this.channel = channel;
		this.ready = ready;
	}

	void start() {
		follow();
	}

	void stop() {
		this.stopped = true;
	}

	private void follow() {
		if (this.stopped) {
			return;
		}
		ConnectivityState state = this.channel.getState(true);
		if (state == ConnectivityState.READY) {
			this.ready.accept(true);
		}
		else if (state == ConnectivityState.TRANSIENT_FAILURE || state == ConnectivityState.SHUTDOWN) {
			this.ready.accept(false);
		}
		if (state != ConnectivityState.SHUTDOWN) {
			this.channel.notifyWhenStateChanged(state, this::follow);
		}
	}

}
