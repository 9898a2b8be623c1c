package io.github.healthgrpc.upstream;

import java.util.ArrayList;
import java.util.List;

import io.github.healthgrpc.server.TestGrpcServer;

/**
 * An upstream on one of the servers, as a downstream that follows an upstream on each
 * server names it: the check {@code devh-upstream} and the service {@code demo.ViaDEVH}
 * that includes it alone, for example.
 *
 * @param server the upstream's server
 */
record FollowedUpstream(TestGrpcServer server) {

	/**
	 * One for each server.
	 * @return the upstreams
	 */
	static List<FollowedUpstream> onEachServer() {
		return List.of(TestGrpcServer.values()).stream().map(FollowedUpstream::new).toList();
	}

	/**
	 * The downstream's service that includes this upstream's check alone.
	 * @return the service name
	 */
	String service() {
		return "demo.Via" + this.server.name();
	}

	/**
	 * The downstream's properties that follow this upstream.
	 * @param port the port the upstream is reached on
	 * @param settings more settings of the check, such as {@code timeout=12s}
	 * @return the properties
	 */
	List<String> properties(int port, String... settings) {
		String check = this.server.name().toLowerCase() + "-upstream";
		List<String> properties = new ArrayList<>();
		properties.add("grpc.health.upstreams." + check + ".target=127.0.0.1:" + port);
		for (String setting : settings) {
			properties.add("grpc.health.upstreams." + check + "." + setting);
		}
		properties.add("grpc.health.services." + service() + ".include=" + check);
		return properties;
	}

}
