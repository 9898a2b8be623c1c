package io.github.healthgrpc.autoconfigure.metrics;

import io.micrometer.core.instrument.binder.grpc.GrpcServerObservationContext;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationPredicate;

/**
 * Keeps calls to {@code grpc.health.v1.Health} out of the gRPC server's observations:
 * probes and load balancers call it every few seconds, and each call would otherwise be a
 * trace (and a timer sample) of its own. Both supported servers observe calls with
 * Micrometer's {@code ObservationGrpcServerInterceptor}, whose context names the service;
 * Spring Boot applies {@link ObservationPredicate} beans to its observation registry.
 */
class HealthCallsObservationPredicate implements ObservationPredicate {

	static final String HEALTH_SERVICE = "grpc.health.v1.Health";

	@Override
	public boolean test(String name, Observation.Context context) {
		// A plain context, such as each check evaluation's, is no call: answered without
		// the gRPC context's class, which is loaded only once a call is observed.
		if (context.getClass() == Observation.Context.class) {
			return true;
		}
		return !(context instanceof GrpcServerObservationContext grpc && HEALTH_SERVICE.equals(grpc.getServiceName()));
	}

}
