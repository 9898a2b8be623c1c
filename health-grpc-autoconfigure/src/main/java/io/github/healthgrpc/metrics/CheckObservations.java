package io.github.healthgrpc.metrics;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

/**
 * An {@link Observation} named {@code grpc.health.check} per evaluation of a polled
 * check, so that a trace shows each evaluation, and what the check calls (a query, an
 * HTTP call) as its children: it is current on the worker thread while the check runs
 * there. Its low-cardinality key values are {@code check} and, once it ends,
 * {@code outcome}.
 *
 * @since 0.1.0
 */
public class CheckObservations {

	/**
	 * The observations' name.
	 */
	public static final String NAME = "grpc.health.check";

	private final ObservationRegistry registry;

	/**
	 * Create the observations.
	 * @param registry where they are observed
	 */
	public CheckObservations(ObservationRegistry registry) {
		this.registry = registry;
	}

	/**
	 * Whether nothing can ever be observed: the registry is
	 * {@link ObservationRegistry#NOOP}, as where the application has none. A registry
	 * without handlers yet may get some later.
	 * @return {@code true} for the no-op registry
	 */
	public boolean isNoop() {
		return this.registry == ObservationRegistry.NOOP;
	}

	/**
	 * Start observing an evaluation.
	 * @param check the check's name
	 * @return the started observation
	 */
	public Observation start(String check) {
		return Observation.createNotStarted(NAME, this.registry)
			.contextualName("health check " + check)
			.lowCardinalityKeyValue("check", check)
			.start();
	}

	/**
	 * Stop observing an evaluation.
	 * @param observation what {@link #start} returned
	 * @param outcome its outcome: {@code UP}, {@code DOWN}, {@code timeout},
	 * {@code error} or {@code abandoned}
	 * @param failure what the check threw, for an error
	 */
	public void stop(Observation observation, String outcome, @Nullable Throwable failure) {
		observation.lowCardinalityKeyValue("outcome", outcome);
		if (failure != null) {
			observation.error(failure);
		}
		observation.stop();
	}

}
