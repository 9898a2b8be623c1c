package io.github.healthgrpc.server.port;

import java.lang.reflect.Method;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.grpc.Grpc;
import io.grpc.InsecureServerCredentials;
import io.grpc.ServerBuilder;
import io.grpc.ServerCredentials;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

/**
 * Server builders for the health port, set up for a service that never blocks.
 *
 * <p>
 * Without an address the builder comes from grpc-java's server registry, so whichever
 * transport the application has serves the port. grpc-java's transport-neutral API binds
 * a port only, never an address: with {@code grpc.health.address} the builder is Netty's,
 * shaded (what devh's server brings) or not (what Spring Boot's brings).
 */
final class HealthPortServerBuilders {

	static final List<String> NETTY_BUILDERS = List.of("io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder",
			"io.grpc.netty.NettyServerBuilder");

	/**
	 * How long a connection may be silent before the server pings it. grpc-java's default
	 * is 2 hours: a peer that vanished (a half-open connection) would hold its Watch
	 * calls, and so a share of the Watch limits both ports count against, that long.
	 */
	private static final long KEEP_ALIVE_SECONDS = 60;

	private static final long KEEP_ALIVE_TIMEOUT_SECONDS = 20;

	private HealthPortServerBuilders() {
	}

	/**
	 * A builder for a plaintext server on the given address and port.
	 * @param address the address to bind, or {@code null} for every interface
	 * @param port the port, 0 for any free port
	 * @return the builder
	 */
	static ServerBuilder<?> forAddress(@Nullable InetAddress address, int port) {
		ServerBuilder<?> builder = (address != null) ? nettyFor(new InetSocketAddress(address, port))
				: Grpc.newServerBuilderForPort(port, InsecureServerCredentials.create());
		// Every Health method is a lookup in the status store or registers a Watch call,
		// and changes reach watchers on the store's own thread: nothing would wait in a
		// pool, so the transport's threads (daemon threads) run the calls, and there is
		// no executor to size or shut down.
		return builder.directExecutor()
			.keepAliveTime(KEEP_ALIVE_SECONDS, TimeUnit.SECONDS)
			.keepAliveTimeout(KEEP_ALIVE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
	}

	// Netty's builders are looked up by name: each server brings one of them and
	// compiling against both would put both on every test class path, changing the
	// transport the servers under test pick.
	private static ServerBuilder<?> nettyFor(SocketAddress address) {
		ClassLoader classLoader = HealthPortServerBuilders.class.getClassLoader();
		for (String builder : NETTY_BUILDERS) {
			if (ClassUtils.isPresent(builder, classLoader)) {
				Method forAddress = ClassUtils.getStaticMethod(ClassUtils.resolveClassName(builder, classLoader),
						"forAddress", SocketAddress.class, ServerCredentials.class);
				Assert.state(forAddress != null,
						() -> builder + " has no forAddress(SocketAddress, ServerCredentials)");
				Object server = ReflectionUtils.invokeMethod(forAddress, null, address,
						InsecureServerCredentials.create());
				Assert.state(server != null, () -> builder + ".forAddress returned null");
				return (ServerBuilder<?>) server;
			}
		}
		throw new IllegalStateException("grpc.health.address needs grpc-java's Netty transport "
				+ "(io.grpc:grpc-netty-shaded or io.grpc:grpc-netty) on the class path: add one, or remove "
				+ "grpc.health.address to listen on every interface");
	}

}
