package io.github.healthgrpc.autoconfigure.metrics;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

import io.github.healthgrpc.engine.CheckRunner;
import io.github.healthgrpc.engine.CheckSchedule;
import io.github.healthgrpc.metrics.CheckMeters;
import io.github.healthgrpc.metrics.CheckObservations;
import io.github.healthgrpc.store.StatusStore;
import io.micrometer.common.KeyValue;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.tck.TestObservationRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.health.contributor.Health;

import static io.github.healthgrpc.autoconfigure.metrics.CheckMetersTests.polled;
import static io.github.healthgrpc.autoconfigure.metrics.CheckMetersTests.startHanging;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An observation per evaluation on the real engine, in a registry that checks every
 * observation's life (started once, its scope closed on the thread that opened it,
 * stopped once): it is current while the check runs, carries the check and the outcome,
 * the failure of a check that throws, and leaves no meter behind when its check goes.
 */
class CheckObservationsTests {

	private static final CheckSchedule FAST = new CheckSchedule(Duration.ofMillis(20), Duration.ofSeconds(5));

	private static final CheckSchedule IMPATIENT = new CheckSchedule(Duration.ofMillis(50), Duration.ofMillis(100));

	private final StatusStore store = new StatusStore();

	private final CheckRunner runner = new CheckRunner(this.store, 4);

	private final TestObservationRegistry observations = TestObservationRegistry.create();

	private final SimpleMeterRegistry meterRegistry = new SimpleMeterRegistry();

	private final Queue<Observation.Context> stopped = new ConcurrentLinkedQueue<>();

	private final CountDownLatch never = new CountDownLatch(1);

	@BeforeEach
	void observe() {
		CheckMeters meters = new CheckMeters(this.store);
		meters.bindTo(this.meterRegistry);
		// As Spring Boot does: the observations are timed too.
		this.observations.observationConfig()
			.observationHandler(new DefaultMeterObservationHandler(this.meterRegistry));
		this.observations.observationConfig().observationHandler(new ObservationHandler<>() {

			@Override
			public void onStop(Observation.Context context) {
				CheckObservationsTests.this.stopped.add(context);
			}

			@Override
			public boolean supportsContext(Observation.Context context) {
				return true;
			}

		});
		this.runner.addListener(new CheckMetersListener(meters));
		this.runner.addListener(new CheckObservationsListener(new CheckObservations(this.observations),
				new StaticListableBeanFactory(Map.of("meters", meters)).getBeanProvider(CheckMeters.class)));
	}

	@AfterEach
	void stop() {
		this.never.countDown();
		this.runner.close();
	}

	@Test
	void eachEvaluationIsAnObservationThatIsCurrentWhileTheCheckRuns() {
		AtomicReference<Observation> current = new AtomicReference<>();
		this.runner.start(List.of(polled("db", () -> {
			current.compareAndSet(null, this.observations.getCurrentObservation());
			return Health.up().build();
		})), (name) -> FAST);
		await().until(() -> !stoppedFor("db").isEmpty());
		Observation.Context context = stoppedFor("db").get(0);
		assertThat(context.getName()).isEqualTo("grpc.health.check");
		assertThat(context.getContextualName()).isEqualTo("health check db");
		assertThat(context.getLowCardinalityKeyValues()).contains(KeyValue.of("check", "db"),
				KeyValue.of("outcome", "UP"));
		assertThat(current.get()).isNotNull();
		assertThat(current.get().getContext()).isSameAs(context);
	}

	@Test
	void aFailureOrATimeoutEndsTheObservationWithItsOutcome() {
		IllegalStateException broken = new IllegalStateException("broken");
		this.runner.start(List.of(polled("throws", () -> {
			throw broken;
		}), polled("down", Health.down()::build), polled("hangs", () -> {
			this.never.await();
			return Health.up().build();
		})), (name) -> name.equals("hangs") ? IMPATIENT : FAST);
		await().until(() -> !stoppedFor("throws").isEmpty() && !stoppedFor("down").isEmpty()
				&& !stoppedFor("hangs").isEmpty());
		assertThat(stoppedFor("throws").get(0).getLowCardinalityKeyValue("outcome").getValue()).isEqualTo("error");
		assertThat(stoppedFor("throws").get(0).getError()).isSameAs(broken);
		assertThat(stoppedFor("down").get(0).getLowCardinalityKeyValue("outcome").getValue()).isEqualTo("DOWN");
		assertThat(stoppedFor("down").get(0).getError()).isNull();
		assertThat(stoppedFor("hangs").get(0).getLowCardinalityKeyValue("outcome").getValue()).isEqualTo("timeout");
	}

	@Test
	void aCheckRemovedWhileItRunsEndsItsObservationAndLeavesNoMeterBehind() {
		startHanging(this.runner, "gone", this.never);
		assertThat(this.meterRegistry.find("grpc.health.check.active").tag("check", "gone").longTaskTimer())
			.isNotNull();
		this.runner.remove("gone");
		assertThat(stoppedFor("gone")).singleElement()
			.satisfies((context) -> assertThat(context.getLowCardinalityKeyValue("outcome").getValue())
				.isEqualTo("abandoned"));
		assertThat(this.meterRegistry.getMeters())
			.noneSatisfy((meter) -> assertThat(meter.getId().getTag("check")).isEqualTo("gone"));
	}

	@Test
	void aCheckRunningWhenTheEngineClosesEndsItsObservationAsAbandoned() {
		startHanging(this.runner, "running", this.never);
		// The interrupt makes the check throw; that is the engine closing, not an error.
		this.runner.close();
		await().until(() -> !stoppedFor("running").isEmpty());
		assertThat(stoppedFor("running")).singleElement().satisfies((context) -> {
			assertThat(context.getLowCardinalityKeyValue("outcome").getValue()).isEqualTo("abandoned");
			assertThat(context.getError()).isNull();
		});
	}

	private List<Observation.Context> stoppedFor(String check) {
		return this.stopped.stream()
			.filter((context) -> check.equals(context.getLowCardinalityKeyValue("check").getValue()))
			.toList();
	}

}
