package io.github.healthgrpc.benchmarks.jmh;

import java.util.Map;
import java.util.Set;

import io.github.healthgrpc.store.StatusStore;

import org.springframework.boot.health.contributor.Health;

/**
 * A status store shaped like the benchmarked application: the overall service on
 * {@code ping}, {@code demo.Greeter} on {@code ping}, {@code demo.Inventory} on
 * {@code pricing}, every check UP, the application accepting traffic.
 */
final class DemoStore {

	private DemoStore() {
	}

	static StatusStore create() {
		StatusStore store = new StatusStore();
		store.defineServices(Map.of(StatusStore.OVERALL, Set.of("ping"), "demo.Greeter", Set.of("ping"),
				"demo.Inventory", Set.of("pricing")));
		store.record("ping", Health.up().build());
		store.record("pricing", Health.up().build());
		store.setAcceptingTraffic(true);
		return store;
	}

}
