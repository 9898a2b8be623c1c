package io.github.healthgrpc.upstream;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;

import org.springframework.beans.factory.DisposableBean;

/**
 * The plaintext channels made for upstreams given by target, with the keepalive that lets
 * a silent connection (a partition) fail their Watch call: a ping after
 * {@code keepaliveTime} without a read, the connection given up when no answer comes
 * within {@code keepaliveTimeout}. Closed with the application.
 *
 * @since 0.1.0
 */
public final class TargetChannels implements DisposableBean {

	private final List<ManagedChannel> channels = new CopyOnWriteArrayList<>();

	/**
	 * A new channel to the given target.
	 * @param target a gRPC target string, such as {@code dns:///inventory:9090}
	 * @param keepaliveTime how long a connection may go without a read before it is
	 * pinged
	 * @param keepaliveTimeout how long a ping may go unanswered before the connection is
	 * given up
	 * @return the channel
	 */
	public ManagedChannel channel(String target, Duration keepaliveTime, Duration keepaliveTimeout) {
		ManagedChannel channel = Grpc.newChannelBuilder(target, InsecureChannelCredentials.create())
			.keepAliveTime(keepaliveTime.toNanos(), TimeUnit.NANOSECONDS)
			.keepAliveTimeout(keepaliveTimeout.toNanos(), TimeUnit.NANOSECONDS)
			.userAgent("health-grpc-upstream")
			.build();
		this.channels.add(channel);
		return channel;
	}

	@Override
	public void destroy() {
		this.channels.forEach(ManagedChannel::shutdownNow);
	}

}
