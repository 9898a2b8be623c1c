package io.github.healthgrpc.benchmarks.processes;

import java.io.File;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ClassPath}: each peer gets what its users have, and nothing else.
 */
class ClassPathTests {

	private final ClassPath classPath = new ClassPath(List.of(Path.of("/work/benchmarks/target/classes"),
			Path.of("/work/health-grpc-autoconfigure/target/classes"),
			Path.of("/m2/health-grpc-starter-0.1.0-SNAPSHOT.jar"), Path.of("/m2/grpc-netty-1.83.1.jar"),
			Path.of("/m2/grpc-netty-shaded-1.83.1.jar"), Path.of("/m2/netty-buffer-4.2.7.Final.jar"),
			Path.of("/m2/grpc-server-spring-boot-starter-3.1.0.RELEASE.jar"),
			Path.of("/m2/grpc-common-spring-boot-3.1.0.RELEASE.jar"), Path.of("/m2/spring-boot-grpc-server-4.1.0.jar"),
			Path.of("/m2/spring-grpc-core-1.1.1.jar"), Path.of("/m2/grpc-services-1.83.1.jar"),
			Path.of("/work/sample-tests/target/classes"), Path.of("/m2/jmh-core-1.37.jar")));

	@Test
	void devhPeersRunOnShadedNettyWithoutSpringBootsServer() {
		assertThat(entries(Peer.HEALTH_GRPC_DEVH))
			.contains("grpc-netty-shaded-1.83.1.jar", "grpc-server-spring-boot-starter-3.1.0.RELEASE.jar",
					"autoconfigure")
			.doesNotContain("grpc-netty-1.83.1.jar", "netty-buffer-4.2.7.Final.jar",
					"spring-boot-grpc-server-4.1.0.jar", "spring-grpc-core-1.1.1.jar");
	}

	@Test
	void springBootPeersRunOnNettyWithoutDevh() {
		assertThat(entries(Peer.HEALTH_GRPC_BOOT))
			.contains("grpc-netty-1.83.1.jar", "spring-boot-grpc-server-4.1.0.jar")
			.doesNotContain("grpc-netty-shaded-1.83.1.jar", "grpc-server-spring-boot-starter-3.1.0.RELEASE.jar",
					"grpc-common-spring-boot-3.1.0.RELEASE.jar");
	}

	@Test
	void peersWithoutTheStarterHaveNoHealthGrpc() {
		for (Peer peer : List.of(Peer.DEVH, Peer.BOOT, Peer.BARE)) {
			assertThat(entries(peer)).as(peer.label())
				.doesNotContain("autoconfigure", "health-grpc-starter-0.1.0-SNAPSHOT.jar")
				.contains("grpc-services-1.83.1.jar");
		}
	}

	@Test
	void noPeerHasTheHarnessToolsButEveryPeerHasThePeerClasses() {
		for (Peer peer : Peer.values()) {
			assertThat(entries(peer)).as(peer.label())
				.doesNotContain("jmh-core-1.37.jar")
				.contains("benchmarks")
				.filteredOn("sample-tests"::equals)
				.isEmpty();
		}
	}

	private List<String> entries(Peer peer) {
		return List.of(this.classPath.forPeer(peer).split(File.pathSeparator))
			.stream()
			.map(Path::of)
			.map((entry) -> entry.getFileName().toString().equals("classes")
					? entry.getParent().getParent().getFileName().toString() : entry.getFileName().toString())
			.map((name) -> name.equals("health-grpc-autoconfigure") ? "autoconfigure" : name)
			.toList();
	}

}
