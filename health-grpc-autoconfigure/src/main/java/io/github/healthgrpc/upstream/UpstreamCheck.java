package io.github.healthgrpc.upstream;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;

import io.github.healthgrpc.engine.CheckDefinition;
import io.grpc.Channel;

import org.springframework.boot.health.contributor.Health;

/**
 * A pushed check that follows an upstream's Health service: UP while the upstream says
 * SERVING, DOWN with the reason when it says anything else, when the call fails, or when
 * no answer comes within the timeout. Each subscriber (the engine subscribes once) gets
 * one Watch call of its own.
 *
 * @since 0.1.0
 */
public final class UpstreamCheck implements CheckDefinition.CancellableSubscription {

	private final Upstream upstream;

	private final Channel channel;

	private final ScheduledExecutorService timer;

	private final Map<Consumer<Health>, UpstreamWatch> watches = new ConcurrentHashMap<>();

	private volatile boolean stopped;

	/**
	 * Create a check.
	 * @param upstream what the check follows
	 * @param channel the channel to the upstream
	 * @param timer the thread that times first answers and paces new calls
	 */
	public UpstreamCheck(Upstream upstream, Channel channel, ScheduledExecutorService timer) {
		this.upstream = upstream;
		this.channel = channel;
		this.timer = timer;
	}

	/**
	 * This check as the engine takes it.
	 * @return a pushed check definition
	 */
	public CheckDefinition definition() {
		return new CheckDefinition.Pushed(this.upstream.name(), this);
	}

	@Override
	public void accept(Consumer<Health> subscriber) {
		if (this.stopped) {
			// The application is stopping: its timer takes no more work.
			return;
		}
		UpstreamWatch watch = new UpstreamWatch(this.channel, this.upstream, this.timer, subscriber);
		UpstreamWatch previous = this.watches.put(subscriber, watch);
		if (previous != null) {
			previous.stop();
		}
		watch.start();
	}

	@Override
	public void cancel(Consumer<Health> subscriber) {
		UpstreamWatch watch = this.watches.remove(subscriber);
		if (watch != null) {
			watch.stop();
		}
	}

	/**
	 * End every Watch call, for an application that stops.
	 */
	void stop() {
		this.stopped = true;
		this.watches.keySet().forEach(this::cancel);
	}

}
