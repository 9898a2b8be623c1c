package io.github.healthgrpc.benchmarks.processes;

import java.util.List;

/**
 * Groups of the benchmarks' libraries that a peer may be started without, named by
 * artifact.
 */
enum Libraries {

	/** devh's server, and the shaded Netty transport it runs on. */
	DEVH(List.of("grpc-server-spring-boot-starter", "grpc-common-spring-boot", "grpc-netty-shaded")),

	/** Spring Boot's own gRPC server. */
	BOOT(List.of("spring-boot-starter-grpc-server", "spring-boot-grpc-server", "spring-grpc-core")),

	/**
	 * The unshaded Netty transport, which only Spring Boot's server and the bare peer
	 * use.
	 */
	NETTY(List.of("grpc-netty", "netty-*")),

	/** health-grpc itself: the starter and its auto-configuration. */
	HEALTH_GRPC(List.of("health-grpc-starter", "health-grpc-autoconfigure")),

	/** The harness's own tools, which no peer has. */
	HARNESS(List.of("sample-tests", "jmh-core", "jopt-simple", "commons-math3", "HdrHistogram", "awaitility",
			"hamcrest"));

	private final List<String> artifacts;

	Libraries(List<String> artifacts) {
		this.artifacts = artifacts;
	}

	/**
	 * Whether an artifact belongs to this group.
	 * @param artifactId the artifact, such as {@code grpc-netty}
	 */
	boolean contains(String artifactId) {
		return this.artifacts.stream()
			.anyMatch((name) -> name.endsWith("*") ? artifactId.startsWith(name.substring(0, name.length() - 1))
					: artifactId.equals(name));
	}

}
