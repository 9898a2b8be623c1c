package io.github.healthgrpc.server;

import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import io.grpc.EquivalentAddressGroup;
import io.grpc.NameResolver;
import io.grpc.NameResolverProvider;
import io.grpc.NameResolverRegistry;

/**
 * Resolves a channel target to a fixed list of loopback ports, so that one client channel
 * balances over several test servers. grpc-java has no public resolver for a list of
 * addresses (its direct-address resolver takes one), hence this one, registered once
 * under a scheme of its own.
 */
final class StaticAddresses extends NameResolverProvider {

	private static final String SCHEME = "test-addresses";

	static {
		// Below DNS's priority, so that targets without a scheme still resolve through
		// DNS.
		NameResolverRegistry.getDefaultRegistry().register(new StaticAddresses());
	}

	/**
	 * A channel target that resolves to the given loopback ports.
	 * @param ports the ports
	 * @return the target, such as {@code test-addresses:///127.0.0.1:1234,127.0.0.1:5678}
	 */
	static String target(int... ports) {
		return SCHEME + ":///"
				+ Arrays.stream(ports).mapToObj((port) -> "127.0.0.1:" + port).collect(Collectors.joining(","));
	}

	@Override
	public NameResolver newNameResolver(URI target, NameResolver.Args args) {
		if (!SCHEME.equals(target.getScheme())) {
			return null;
		}
		List<EquivalentAddressGroup> addresses = Arrays.stream(target.getPath().substring(1).split(","))
			.map((address) -> address.split(":"))
			.map((hostAndPort) -> new InetSocketAddress(hostAndPort[0], Integer.parseInt(hostAndPort[1])))
			.map(EquivalentAddressGroup::new)
			.toList();
		return new NameResolver() {

			@Override
			public String getServiceAuthority() {
				return "localhost";
			}

			@Override
			public void start(Listener2 listener) {
				listener.onResult(ResolutionResult.newBuilder().setAddresses(addresses).build());
			}

			@Override
			public void shutdown() {
			}

		};
	}

	@Override
	public String getDefaultScheme() {
		return SCHEME;
	}

	@Override
	protected boolean isAvailable() {
		return true;
	}

	@Override
	protected int priority() {
		return 0;
	}

}
