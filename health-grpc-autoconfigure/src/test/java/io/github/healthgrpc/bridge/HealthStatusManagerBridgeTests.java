package io.github.healthgrpc.bridge;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.healthgrpc.check.ManualHealthCheck;
import io.github.healthgrpc.engine.CheckDefinition;
import io.github.healthgrpc.engine.CheckListener;
import io.github.healthgrpc.engine.CheckRunner;
import io.github.healthgrpc.engine.CheckSchedule;
import io.github.healthgrpc.store.ServingState;
import io.github.healthgrpc.store.StatusStore;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.protobuf.services.HealthStatusManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What a status set through the bridged {@link HealthStatusManager} does in the store:
 * one more member check of its service, combined with the checks mapped to it, there
 * before {@code setStatus} returns.
 */
class HealthStatusManagerBridgeTests {

	private static final HealthCheckResponse.ServingStatus SERVING = HealthCheckResponse.ServingStatus.SERVING;

	private static final HealthCheckResponse.ServingStatus NOT_SERVING = HealthCheckResponse.ServingStatus.NOT_SERVING;

	private static final String INVENTORY = "demo.Inventory";

	private final StatusStore store = new StatusStore();

	private final CheckRunner runner = new CheckRunner(this.store, 1);

	private final ManualHealthCheck db = new ManualHealthCheck("db");

	private final HealthStatusManagerBridge bridge = new HealthStatusManagerBridge(this.store, this.runner, 0);

	private final HealthStatusManager manager = this.bridge.getHealthStatusManager();

	@BeforeEach
	void serveEveryService() {
		this.store.defineServices(Map.of("", Set.of("db"), INVENTORY, Set.of("db")));
		this.store.addServices(Set.of("demo.Greeter"));
		this.store.setAcceptingTraffic(true);
		this.runner.start(List.of(new CheckDefinition.Pushed("db", this.db::subscribe)),
				(name) -> new CheckSchedule(Duration.ofSeconds(1), Duration.ofSeconds(1)));
		this.db.up();
	}

	@AfterEach
	void close() {
		this.bridge.destroy();
		this.runner.close();
		this.store.close();
	}

	@Test
	void aManagerFirstAskedForAfterTheBridgeStartedIsBridgedToo() {
		HealthStatusManagerBridge late = new HealthStatusManagerBridge(this.store, this.runner, 0);
		try {
			late.start();
			late.getHealthStatusManager().setStatus(INVENTORY, NOT_SERVING);
			assertThat(this.store.status(INVENTORY)).isEqualTo(ServingState.NOT_SERVING);
			assertThat(this.store.health(INVENTORY).checks()).containsEntry("health-status-manager/demo.Inventory",
					Status.DOWN);
		}
		finally {
			late.destroy();
		}
	}

	@Test
	void notServingTurnsTheServiceNotServingBeforeSetStatusReturnsAndServingLiftsIt() {
		this.bridge.start();
		long start = System.nanoTime();
		this.manager.setStatus(INVENTORY, NOT_SERVING);
		ServingState afterSet = this.store.status(INVENTORY);
		long micros = (System.nanoTime() - start) / 1000;
		assertThat(afterSet).isEqualTo(ServingState.NOT_SERVING);
		System.out.printf("setStatus(NOT_SERVING) through the bridge reached the store in %d us, "
				+ "before setStatus returned%n", micros);
		assertThat(this.store.health(INVENTORY).checks()).containsEntry("health-status-manager/demo.Inventory",
				Status.DOWN);
		assertThat(this.store.status("")).isEqualTo(ServingState.SERVING);
		this.manager.setStatus(INVENTORY, SERVING);
		assertThat(this.store.status(INVENTORY)).isEqualTo(ServingState.SERVING);
		assertThat(this.store.health(INVENTORY).checks()).containsEntry("health-status-manager/demo.Inventory",
				Status.UP);
	}

	@Test
	void servingLiftsOnlyTheBridgedCheckNeverAMappedCheckThatIsDown() {
		this.bridge.start();
		this.manager.setStatus(INVENTORY, SERVING);
		this.db.down("gone");
		assertThat(this.store.status(INVENTORY)).isEqualTo(ServingState.NOT_SERVING);
		this.db.up();
		assertThat(this.store.status(INVENTORY)).isEqualTo(ServingState.SERVING);
	}

	@Test
	void unknownIsNotServing() {
		this.bridge.start();
		this.manager.setStatus(INVENTORY, HealthCheckResponse.ServingStatus.UNKNOWN);
		assertThat(this.store.status(INVENTORY)).isEqualTo(ServingState.NOT_SERVING);
		assertThat(this.store.health(INVENTORY).checks()).containsEntry("health-status-manager/demo.Inventory",
				Status.UNKNOWN);
	}

	@Test
	void clearStatusLetsTheServiceFollowItsChecksAgain() {
		this.bridge.start();
		this.manager.setStatus(INVENTORY, NOT_SERVING);
		this.manager.clearStatus(INVENTORY);
		assertThat(this.store.status(INVENTORY)).isEqualTo(ServingState.SERVING);
		assertThat(this.store.health(INVENTORY).checks()).containsOnlyKeys("db");
		assertThat(this.store.checkResult("health-status-manager/demo.Inventory")).isNull();
		this.manager.setStatus(INVENTORY, NOT_SERVING);
		assertThat(this.store.status(INVENTORY)).isEqualTo(ServingState.NOT_SERVING);
	}

	@Test
	void theOverallHasNoBridgedCheckUntilOneIsSetAndItsFollowersDoNotTakeIt() {
		this.bridge.start();
		assertThat(this.store.health("").checks()).containsOnlyKeys("db");
		this.manager.setStatus("", NOT_SERVING);
		assertThat(this.store.status("")).isEqualTo(ServingState.NOT_SERVING);
		assertThat(this.store.health("").checks()).containsEntry("health-status-manager", Status.DOWN);
		assertThat(this.store.status("demo.Greeter")).isEqualTo(ServingState.SERVING);
	}

	@Test
	void aStatusSetBeforeTheBridgeStartsIsReadWhenItStarts() {
		this.manager.setStatus("", NOT_SERVING);
		assertThat(this.store.status("")).isEqualTo(ServingState.SERVING);
		this.bridge.start();
		assertThat(this.store.status("")).isEqualTo(ServingState.NOT_SERVING);
	}

	@Test
	void aStatusSetForAServiceNotKnownYetReachesItWhenItBecomesKnown() {
		this.bridge.start();
		this.manager.setStatus("demo.Later", NOT_SERVING);
		assertThat(this.store.status("demo.Later")).isNull();
		this.store.addServices(Set.of("demo.Later"));
		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(this.store.health("demo.Later").checks())
				.containsEntry("health-status-manager/demo.Later", Status.DOWN));
		assertThat(this.store.status("demo.Later")).isEqualTo(ServingState.NOT_SERVING);
		this.manager.setStatus("demo.Later", SERVING);
		assertThat(this.store.status("demo.Later")).isEqualTo(ServingState.SERVING);
	}

	@Test
	void enterTerminalStateDrainsAndLaterStatusesAreIgnored() {
		this.bridge.start();
		this.manager.setStatus(INVENTORY, SERVING);
		this.manager.enterTerminalState();
		assertThat(this.store.isDraining()).isTrue();
		assertThat(this.store.statuses())
			.allSatisfy((service, status) -> assertThat(status).isEqualTo(ServingState.NOT_SERVING));
		this.manager.setStatus(INVENTORY, SERVING);
		assertThat(this.store.checkResult("health-status-manager/demo.Inventory").getStatus()).isEqualTo(Status.DOWN);
	}

	@Test
	void theEnginesListenersHearTheBridgedCheckAsAnyCheck() {
		List<String> heard = new CopyOnWriteArrayList<>();
		this.runner.addListener(new CheckListener() {

			@Override
			public void added(String checkName) {
				heard.add("added " + checkName);
			}

			@Override
			public void recorded(String checkName, Health health) {
				heard.add("recorded " + checkName + " " + health.getStatus());
			}

			@Override
			public void removed(String checkName) {
				heard.add("removed " + checkName);
			}

		});
		this.bridge.start();
		this.manager.setStatus(INVENTORY, NOT_SERVING);
		this.manager.clearStatus(INVENTORY);
		assertThat(heard).containsExactly("added health-status-manager/demo.Inventory",
				"recorded health-status-manager/demo.Inventory DOWN", "removed health-status-manager/demo.Inventory");
	}

}
