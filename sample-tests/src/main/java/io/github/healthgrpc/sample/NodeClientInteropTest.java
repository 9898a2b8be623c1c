package io.github.healthgrpc.sample;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Interoperability with a client that is not Java: the official Node packages
 * ({@code @grpc/grpc-js} and {@code grpc-health-check}) run Check, Watch and List against
 * the running sample through {@code src/test/node/interop.mjs}.
 *
 * <p>Without {@code node} or without {@code npm ci} in {@code src/test/node} the test is
 * skipped, unless {@code HEALTH_GRPC_REQUIRE_NODE=true} (as {@code .ci/run} sets) makes
 * that a failure.
 */
class NodeClientInteropTest extends AbstractSampleServerTests {

	private static final Path NODE_DIR = Path.of(System.getProperty("health-grpc.node-dir", "src/test/node"));

	// Per test rather than @BeforeAll: Surefire then counts and reports each skipped test.
	@BeforeEach
	void nodeAndItsPackagesAreInstalled() {
		String missing = null;
		if (!nodeRuns()) {
			missing = "'node' is not on the PATH";
		}
		else if (!Files.isDirectory(NODE_DIR.resolve("node_modules/grpc-health-check"))
				|| !Files.isDirectory(NODE_DIR.resolve("node_modules/@grpc/grpc-js"))) {
			missing = "the Node packages are not installed: run 'npm ci' in " + NODE_DIR.toAbsolutePath();
		}
		if (missing != null) {
			if (Boolean.parseBoolean(System.getenv("HEALTH_GRPC_REQUIRE_NODE"))) {
				fail("Node interop test required (HEALTH_GRPC_REQUIRE_NODE=true) but " + missing);
			}
			Assumptions.abort("Skipping the Node interop test: " + missing);
		}
	}

	@Test
	void nodeClientSeesEveryServiceServingWhilePricingIsUp() throws Exception {
		pricingUp();
		List<String> lines = runInterop();
		assertThat(lines).contains("check \"\" -> SERVING", "check \"demo.Inventory\" -> SERVING",
				"check \"demo.NoSuchService\" -> NOT_FOUND", "watch \"demo.Greeter\" -> SERVING",
				"watch \"demo.NoSuchService\" -> SERVICE_UNKNOWN", "list \"\" -> SERVING",
				"list \"demo.Greeter\" -> SERVING", "list \"demo.Inventory\" -> SERVING",
				"list \"grpc.health.v1.Health\" -> SERVING", "interop OK");
	}

	@Test
	void nodeClientSeesInventoryNotServingWhilePricingIsDown() throws Exception {
		pricingDown();
		List<String> lines = runInterop("--inventory=NOT_SERVING");
		assertThat(lines).contains("check \"\" -> SERVING", "check \"demo.Inventory\" -> NOT_SERVING",
				"watch \"demo.Greeter\" -> SERVING", "list \"demo.Inventory\" -> NOT_SERVING", "interop OK");
	}

	private List<String> runInterop(String... options) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(List.of("node", "interop.mjs", String.valueOf(this.grpcServerPort.get())));
		command.addAll(List.of(options));
		Path output = Files.createTempFile("node-interop", ".log");
		try {
			// Output to a file, never to an unread pipe whose full buffer would block node.
			Process node = new ProcessBuilder(command).directory(NODE_DIR.toFile())
				.redirectErrorStream(true)
				.redirectOutput(output.toFile())
				.start();
			if (!node.waitFor(60, TimeUnit.SECONDS)) {
				node.destroyForcibly();
				fail("node interop.mjs did not finish within 60s:\n" + Files.readString(output));
			}
			String printed = Files.readString(output, StandardCharsets.UTF_8);
			assertThat(node.exitValue()).as("exit code of node interop.mjs, which printed:%n%s", printed).isZero();
			return printed.lines().toList();
		}
		finally {
			Files.deleteIfExists(output);
		}
	}

	private static boolean nodeRuns() {
		try {
			Process version = new ProcessBuilder("node", "--version").redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.DISCARD)
				.start();
			return version.waitFor(30, TimeUnit.SECONDS) && version.exitValue() == 0;
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

}
