package io.github.healthgrpc.sample;

import java.time.Duration;

import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code grpc.health.v1.Health/Watch} on the real server, with grpc-java's health stub,
 * while a real listener on the pricing port opens and closes.
 */
class HealthWatchEndToEndTests extends AbstractSampleServerTests {

	@Test
	void watchOfInventorySendsTheCurrentStatusAtOnceThenEveryFlipAsPricingOpensAndCloses() throws Exception {
		pricingUp();
		HealthWatch watch = HealthWatch.start(this.channel, "demo.Inventory");
		try {
			watch.nextMessage(ServingStatus.SERVING, PATIENCE);
			pricing.close();
			watch.nextMessage(ServingStatus.NOT_SERVING, PATIENCE);
			pricing.open();
			watch.nextMessage(ServingStatus.SERVING, PATIENCE);
			pricing.close();
			watch.nextMessage(ServingStatus.NOT_SERVING, PATIENCE);
			assertThat(watch.isOpen()).isTrue();
		}
		finally {
			watch.cancel();
		}
	}

	@Test
	void watchOfGreeterSendsNothingMoreWhileOnlyPricingChanges() throws Exception {
		pricingUp();
		HealthWatch watch = HealthWatch.start(this.channel, "demo.Greeter");
		try {
			watch.nextMessage(ServingStatus.SERVING, PATIENCE);
			// Two real changes of demo.Inventory, each seen through Check: Greeter's
			// status did not change, so its watcher must not hear of them.
			pricingDown();
			pricingUp();
			assertThat(check("demo.Greeter")).isEqualTo(ServingStatus.SERVING);
			assertThat(watch.pending()).isZero();
			assertThat(watch.isOpen()).isTrue();
		}
		finally {
			watch.cancel();
		}
	}

	@Test
	void watchOfAnUnknownServiceAnswersServiceUnknownAndKeepsTheStreamOpen() throws Exception {
		HealthWatch watch = HealthWatch.start(this.channel, "demo.NoSuchService");
		try {
			watch.nextMessage(ServingStatus.SERVICE_UNKNOWN, PATIENCE);
			// Unlike Check, Watch must not fail: the service may still appear. Hold the
			// stream across several runs of every check and a real change of status.
			pricing.open();
			await().during(Duration.ofSeconds(3)).atMost(PATIENCE).until(watch::isOpen);
			pricing.close();
			awaitStatus("demo.Inventory", ServingStatus.NOT_SERVING);
			assertThat(watch.isOpen()).isTrue();
			assertThat(watch.pending()).isZero();
		}
		finally {
			watch.cancel();
		}
	}

}
