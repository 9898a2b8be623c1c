package io.github.healthgrpc.benchmarks.peer;

import io.github.healthgrpc.sample.pricing.PricingHealthCheck;
import io.github.healthgrpc.sample.pricing.PricingProperties;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The {@code pricing} check as every Spring peer has it: a Spring Boot health indicator
 * (contributor name {@code pricing}) around the sample's TCP connect. Spring Boot's own
 * gRPC health polls it, health-grpc runs it as a check on its own schedule, devh's
 * default health service never asks it: the very same bean, so the peers differ in health
 * handling only.
 */
public class PricingIndicator implements HealthIndicator {

	private final PricingHealthCheck check;

	/**
	 * Create the indicator.
	 * @param properties where the pricing dependency listens
	 */
	public PricingIndicator(PricingProperties properties) {
		this.check = new PricingHealthCheck(properties);
	}

	@Override
	public Health health() {
		// Stamped where the check sees the dependency, for the harness's freshness
		// figures.
		return PricingRuns.run(this.check::pricingReachable) ? Health.up().build() : Health.down().build();
	}

}
