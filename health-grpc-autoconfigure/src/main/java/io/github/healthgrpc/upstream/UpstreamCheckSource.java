package io.github.healthgrpc.upstream;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.function.Function;

import io.github.healthgrpc.engine.CheckDefinition;
import io.github.healthgrpc.engine.CheckSource;
import io.grpc.Channel;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/**
 * The upstream checks of an application, with the one thread they share to time first
 * answers and pace new calls. Closing it ends every Watch call; the channels belong to
 * whoever made them.
 *
 * @since 0.1.0
 */
public final class UpstreamCheckSource implements CheckSource, DisposableBean {

	private final ScheduledExecutorService timer;

	private final List<UpstreamCheck> checks;

	/**
	 * Create the source.
	 * @param upstreams what each check follows
	 * @param channels the channel to each upstream
	 */
	public UpstreamCheckSource(List<Upstream> upstreams, Function<Upstream, Channel> channels) {
		ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, threads());
		timer.setRemoveOnCancelPolicy(true);
		this.timer = Executors.unconfigurableScheduledExecutorService(timer);
		this.checks = upstreams.stream()
			.map((upstream) -> new UpstreamCheck(upstream, channels.apply(upstream), this.timer))
			.toList();
	}

	@Override
	public List<CheckDefinition> checks() {
		return this.checks.stream().map(UpstreamCheck::definition).toList();
	}

	@Override
	public void destroy() {
		this.checks.forEach(UpstreamCheck::stop);
		this.timer.shutdownNow();
	}

	private static CustomizableThreadFactory threads() {
		CustomizableThreadFactory threads = new CustomizableThreadFactory("health-grpc-upstream-");
		threads.setDaemon(true);
		return threads;
	}

}
