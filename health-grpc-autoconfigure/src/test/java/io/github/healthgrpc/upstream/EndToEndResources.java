package io.github.healthgrpc.upstream;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.github.healthgrpc.grpc.ClientChannels;
import io.github.healthgrpc.grpc.TimedWatch;
import io.github.healthgrpc.proto.health.v1.HealthCheckResponse.ServingStatus;
import io.github.healthgrpc.server.TestGrpcServer;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;

/**
 * What an end-to-end test of upstream checks opens: applications, upstreams' JVMs,
 * proxies, and its own Watch calls. Closing it shuts the test's channels first, so that
 * no call of its holds a server's shutdown, then closes the rest, the last opened first:
 * a downstream goes before its upstream, which would leave it retrying.
 */
final class EndToEndResources implements AutoCloseable {

	private final ClientChannels channels = new ClientChannels();

	private final List<AutoCloseable> opened = new ArrayList<>();

	/**
	 * Keep the given resource, to close it with the others.
	 * @param <T> its type
	 * @param resource the resource
	 * @return the resource
	 */
	<T extends AutoCloseable> T keep(T resource) {
		this.opened.add(resource);
		return resource;
	}

	/**
	 * Watch a service of an application, on a channel of its own.
	 * @param application the application
	 * @param service the service
	 * @return the Watch call
	 */
	TimedWatch watch(TestGrpcServer.Started application, String service) {
		return keep(TimedWatch.watch(
				this.channels
					.add(NettyChannelBuilder.forAddress("127.0.0.1", application.port()).usePlaintext().build()),
				service));
	}

	/**
	 * Watch, on the downstream, the service that follows each upstream, until each says
	 * SERVING.
	 * @param downstream the downstream application
	 * @param followed the upstreams it follows
	 * @return the Watch calls, in the order of the upstreams
	 * @throws InterruptedException if interrupted while waiting
	 */
	List<TimedWatch> watchServing(TestGrpcServer.Started downstream, List<FollowedUpstream> followed)
			throws InterruptedException {
		List<TimedWatch> watches = new ArrayList<>();
		for (FollowedUpstream upstream : followed) {
			TimedWatch watch = watch(downstream, upstream.service());
			watch.until(ServingStatus.SERVING, Duration.ofSeconds(20));
			watches.add(watch);
		}
		return watches;
	}

	@Override
	public void close() throws Exception {
		this.channels.shutdownNow();
		for (int i = this.opened.size() - 1; i >= 0; i--) {
			this.opened.get(i).close();
		}
	}

}
