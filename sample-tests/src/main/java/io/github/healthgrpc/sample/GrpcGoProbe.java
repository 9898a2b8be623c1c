package io.github.healthgrpc.sample;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * The grpc-go probe in {@code sample-tests/go/kubeprobe}, which checks a service the way
 * the kubelet's {@code grpc:} probe does (grpc-go, a new plain-text connection per probe,
 * a 1 s timeout, success only for SERVING). It is built once per test JVM with Debian's
 * {@code golang-go} and {@code golang-google-grpc-dev} in GOPATH mode, offline.
 *
 * <p>
 * Without {@code go} on the PATH the tests that use it are skipped, unless
 * {@code HEALTH_GRPC_REQUIRE_GO=true} (as {@code .ci/run} sets) makes that a failure.
 */
final class GrpcGoProbe {

	private static final Path SOURCE_DIR = Path.of(System.getProperty("health-grpc.go-dir", "src/test/go/kubeprobe"));

	private static final Path BINARY = Path.of(System.getProperty("health-grpc.build-dir", "target"), "kubeprobe");

	private static final String GOPATH = System.getenv().getOrDefault("HEALTH_GRPC_GOPATH", "/usr/share/gocode");

	private static boolean built;

	private final int port;

	private GrpcGoProbe(int port) {
		this.port = port;
	}

	/**
	 * The probe against a port of the loopback interface, built first if needed.
	 * @param port the gRPC port
	 * @return the probe
	 */
	static synchronized GrpcGoProbe onPort(int port) throws IOException, InterruptedException {
		if (!built) {
			build();
			built = true;
		}
		return new GrpcGoProbe(port);
	}

	/**
	 * Probe one service, as one period of a kubelet probe.
	 * @param service the service, {@code ""} for the server overall
	 * @return what the probe printed: {@code SERVING}, {@code NOT_SERVING} or
	 * {@code error: <gRPC code>}
	 */
	String probe(String service) throws IOException, InterruptedException {
		return ExternalCommand
			.run(List.of(BINARY.toAbsolutePath().toString(), "-addr", "127.0.0.1:" + this.port, "-service", service,
					"-timeout", "1s"), SOURCE_DIR, Map.of(), 30)
			.printed()
			.strip();
	}

	private static void build() throws IOException, InterruptedException {
		if (!ExternalCommand.runs("go", "version")) {
			String missing = "'go' is not on the PATH (Debian: apt-get install golang-go golang-google-grpc-dev)";
			if (Boolean.parseBoolean(System.getenv("HEALTH_GRPC_REQUIRE_GO"))) {
				fail("The grpc-go probe is required (HEALTH_GRPC_REQUIRE_GO=true) but " + missing);
			}
			Assumptions.abort("Skipping the grpc-go probe: " + missing);
		}
		Files.createDirectories(BINARY.getParent());
		String printed = ExternalCommand
			.run(List.of("go", "build", "-o", BINARY.toAbsolutePath().toString(), "."), SOURCE_DIR,
					Map.of("GOPATH", GOPATH, "GO111MODULE", "off", "GOFLAGS", ""), 300)
			.printed();
		if (!Files.isExecutable(BINARY)) {
			fail("go build in " + SOURCE_DIR.toAbsolutePath() + " made no probe (GOPATH " + GOPATH
					+ ", where golang-google-grpc-dev installs grpc-go):\n" + printed);
		}
	}

}
