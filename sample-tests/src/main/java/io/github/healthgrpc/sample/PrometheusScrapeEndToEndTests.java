package io.github.healthgrpc.sample;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A Prometheus scrape of the running sample over real HTTP finds the meters of each
 * service and of each check (the timer Spring Boot derives from each evaluation's
 * observation included), and sees a status change counted per check and per service.
 */
class PrometheusScrapeEndToEndTests extends AbstractSampleServerTests {

	@LocalServerPort
	int httpPort;

	@Test
	void aScrapeHasEveryServicesServingGaugeAndEveryChecksMetersWhilePricingIsUp() throws Exception {
		pricingUp();
		await().atMost(PATIENCE).untilAsserted(() -> {
			PrometheusScrape scrape = scrape();
			assertThat(scrape.value("grpc_health_serving", "service", "demo.Inventory")).isOne();
			assertThat(scrape.value("grpc_health_serving", "service", "overall")).isOne();
			assertThat(scrape.value("grpc_health_check_up", "check", "pricing")).isOne();
			assertThat(scrape.value("grpc_health_check_up", "check", "db")).isOne();
			assertThat(scrape.value("grpc_health_check_duration_seconds_count", "check", "pricing", "outcome", "UP"))
				.isPositive();
			assertThat(scrape.value("grpc_health_check_duration_seconds_sum", "check", "pricing", "outcome", "UP"))
				.isPositive();
			assertThat(scrape.value("grpc_health_check_changes_total", "check", "pricing")).isNotNegative();
			// The observation of each evaluation, as Spring Boot times it.
			assertThat(scrape.value("grpc_health_check_seconds_count", "check", "pricing", "outcome", "UP"))
				.isPositive();
		});
	}

	@Test
	void pricingGoingDownIsCountedAsAChangeOfTheCheckAndOfTheServiceAndTimedAsDown() throws Exception {
		pricingUp();
		double checkChanges = scrape().value("grpc_health_check_changes_total", "check", "pricing");
		double serviceChanges = scrape().value("grpc_health_serving_changes_total", "service", "demo.Inventory");
		pricingDown();
		await().atMost(PATIENCE).untilAsserted(() -> {
			PrometheusScrape scrape = scrape();
			assertThat(scrape.value("grpc_health_check_changes_total", "check", "pricing"))
				.isGreaterThanOrEqualTo(checkChanges + 1);
			assertThat(scrape.value("grpc_health_serving_changes_total", "service", "demo.Inventory"))
				.isGreaterThanOrEqualTo(serviceChanges + 1);
			assertThat(scrape.value("grpc_health_check_up", "check", "pricing")).isZero();
			assertThat(scrape.value("grpc_health_serving", "service", "demo.Inventory")).isZero();
			assertThat(scrape.value("grpc_health_check_duration_seconds_count", "check", "pricing", "outcome", "DOWN"))
				.isPositive();
		});
		// Greeter does not include pricing: its status, and so its count, did not move.
		assertThat(scrape().value("grpc_health_serving", "service", "demo.Greeter")).isOne();
	}

	private PrometheusScrape scrape() throws Exception {
		return PrometheusScrape.of(this.httpPort);
	}

}
