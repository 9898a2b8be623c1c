package io.github.healthgrpc.source;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Predicate;

import io.github.healthgrpc.engine.CheckDefinition;
import io.github.healthgrpc.engine.CheckSource;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.health.application.AvailabilityStateHealthIndicator;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.health.contributor.HealthContributors;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Reuses the application's Actuator health contributors as checks, under the names
 * {@code /actuator/health} shows them: {@code db}, and {@code parent/child} for the
 * members of a composite. Availability indicators ({@code livenessState},
 * {@code readinessState}) are pushed on every availability change; the others are polled.
 *
 * @since 0.1.0
 */
public final class HealthContributorCheckSource implements CheckSource {

	private static final Log logger = LogFactory.getLog(HealthContributorCheckSource.class);

	private final HealthContributors contributors;

	private final Predicate<HealthContributor> ignored;

	private final @Nullable AvailabilityChanges availabilityChanges;

	/**
	 * Create a source.
	 * @param contributors the contributors, usually Spring Boot's registry
	 * @param ignored contributors to leave out, such as health-grpc's own mirror
	 * @param availabilityChanges the availability changes that re-evaluate availability
	 * indicators, or {@code null} to poll them like any other indicator
	 */
	public HealthContributorCheckSource(HealthContributors contributors, Predicate<HealthContributor> ignored,
			@Nullable AvailabilityChanges availabilityChanges) {
		this.contributors = contributors;
		this.ignored = ignored;
		this.availabilityChanges = availabilityChanges;
	}

	@Override
	public List<CheckDefinition> checks() {
		List<CheckDefinition> checks = new ArrayList<>();
		collect("", null, this.contributors, checks);
		return checks;
	}

	private static final class IndicatorCheck extends RegisteredContributorCheck {

		private final HealthIndicator indicator;

		IndicatorCheck(HealthContributor registered, HealthIndicator indicator) {
			super(registered);
			this.indicator = indicator;
		}

		@Override
		public CompletionStage<Health> evaluate() {
			return CompletableFuture.completedFuture(this.indicator.health(true));
		}

	}

	private void collect(String prefix, @Nullable HealthContributor registered, HealthContributors contributors,
			List<CheckDefinition> checks) {
		for (HealthContributors.Entry entry : contributors) {
			String name = prefix + entry.name();
			HealthContributor contributor = entry.contributor();
			HealthContributor top = (registered != null) ? registered : contributor;
			if (this.ignored.test(contributor)) {
				continue;
			}
			if (contributor instanceof AvailabilityStateHealthIndicator availability
					&& this.availabilityChanges != null) {
				checks.add(AvailabilityCheck.of(name, availability, this.availabilityChanges));
			}
			else if (contributor instanceof HealthIndicator indicator) {
				checks.add(new CheckDefinition.Polled(name, new IndicatorCheck(top, indicator)));
			}
			else if (contributor instanceof CompositeHealthContributor composite) {
				collect(name + "/", top, composite, checks);
			}
			else {
				logger.debug("Health contributor '" + name + "' of type " + contributor.getClass().getName()
						+ " is neither an indicator nor a composite; it is not a check");
			}
		}
	}

}
