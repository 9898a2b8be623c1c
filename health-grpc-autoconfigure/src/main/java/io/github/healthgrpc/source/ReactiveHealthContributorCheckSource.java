package io.github.healthgrpc.source;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;

import io.github.healthgrpc.engine.CheckDefinition;
import io.github.healthgrpc.engine.CheckSource;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthContributors;
import org.springframework.boot.health.contributor.ReactiveHealthContributor;
import org.springframework.boot.health.contributor.ReactiveHealthContributors;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;

/**
 * Reuses the application's reactive Actuator health contributors as checks, under the
 * names {@code /actuator/health} shows them, like {@link HealthContributorCheckSource}
 * does for the blocking ones. An evaluation returns as soon as the indicator's
 * {@code Mono} is subscribed: no worker thread waits for the answer.
 *
 * <p>
 * Spring Boot's health endpoint reads the blocking registry first, so a name that is in
 * both is the blocking contributor's, and is left to it here.
 *
 * @since 0.1.0
 */
public final class ReactiveHealthContributorCheckSource implements CheckSource {

	private static final Log logger = LogFactory.getLog(ReactiveHealthContributorCheckSource.class);

	private final ReactiveHealthContributors contributors;

	private final @Nullable HealthContributors blocking;

	/**
	 * Create a source.
	 * @param contributors the reactive contributors, usually Spring Boot's reactive
	 * registry
	 * @param blocking the blocking contributors whose names take precedence, or
	 * {@code null}
	 */
	public ReactiveHealthContributorCheckSource(ReactiveHealthContributors contributors,
			@Nullable HealthContributors blocking) {
		this.contributors = contributors;
		this.blocking = blocking;
	}

	@Override
	public List<CheckDefinition> checks() {
		List<CheckDefinition> checks = new ArrayList<>();
		for (ReactiveHealthContributors.Entry entry : this.contributors) {
			if (this.blocking != null && this.blocking.getContributor(entry.name()) != null) {
				logger.debug("Reactive health contributor '" + entry.name()
						+ "' has the name of a blocking one, which /actuator/health shows instead; it is not a check");
				continue;
			}
			collect(entry.name(), entry.contributor(), entry.contributor(), checks);
		}
		return checks;
	}

	private static final class ReactiveIndicatorCheck extends RegisteredContributorCheck {

		private final ReactiveHealthIndicator indicator;

		ReactiveIndicatorCheck(ReactiveHealthContributor registered, ReactiveHealthIndicator indicator) {
			super(registered);
			this.indicator = indicator;
		}

		@Override
		public CompletionStage<Health> evaluate() {
			return this.indicator.health(true).toFuture();
		}

	}

	private void collect(String name, ReactiveHealthContributor registered, ReactiveHealthContributor contributor,
			List<CheckDefinition> checks) {
		if (contributor instanceof ReactiveHealthIndicator indicator) {
			checks.add(new CheckDefinition.Polled(name, new ReactiveIndicatorCheck(registered, indicator)));
		}
		else if (contributor instanceof ReactiveHealthContributors composite) {
			composite
				.forEach((member) -> collect(name + "/" + member.name(), registered, member.contributor(), checks));
		}
		else {
			logger.debug("Reactive health contributor '" + name + "' of type " + contributor.getClass().getName()
					+ " is neither an indicator nor a composite; it is not a check");
		}
	}

}
