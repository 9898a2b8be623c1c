package io.github.healthgrpc.sample;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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
 * <p>
 * Without {@code node} or without {@code npm ci} in {@code src/test/node} the test is
 * skipped, unless {@code HEALTH_GRPC_REQUIRE_NODE=true} (as {@code .ci/run} sets) makes
 * that a failure.
 */
class NodeClientInteropTests extends AbstractSampleServerTests {

	private static final Path NODE_DIR = Path.of(System.getProperty("health-grpc.node-dir", "src/test/node"));

	// Per test rather than @BeforeAll: Surefire then counts and reports each skipped
	// test.
	@BeforeEach
	void nodeAndItsPackagesAreInstalled() {
		String missing = null;
		if (!ExternalCommand.runs("node", "--version")) {
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
		List<String> command = new ArrayList<>(
				List.of("node", "interop.mjs", String.valueOf(this.grpcServerPort.get())));
		command.addAll(List.of(options));
		ExternalCommand node = ExternalCommand.run(command, NODE_DIR, Map.of(), 60);
		assertThat(node.exitCode()).as("exit code of node interop.mjs, which printed:%n%s", node.printed()).isZero();
		return node.printed().lines().toList();
	}

}
