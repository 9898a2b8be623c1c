package io.github.healthgrpc.benchmarks.peer;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StartupFactsTests {

	@Test
	void theMainThreadsCpuTimeIsPartOfTheProcesssAndTheLineCarriesItAndTheJitsTime() {
		StartupFacts facts = StartupFacts.of(null, null);
		assertThat(facts.mainThreadCpuNanos()).isPositive().isLessThanOrEqualTo(facts.cpuNanos());
		// A JVM with a JIT that reports its time (HotSpot's) has compiled something by
		// now.
		assertThat(facts.jitMillis()).isPositive();
		assertThat(facts.line().split(" ")).hasSize(6)
			.endsWith(String.valueOf(facts.mainThreadCpuNanos()), String.valueOf(facts.jitMillis()));
	}

}
