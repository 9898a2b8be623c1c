package io.github.healthgrpc.autoconfigure;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.NoSuchBeanDefinitionException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;

/**
 * Explains a start that failed because {@link HealthGrpcAutoConfiguration} is excluded
 * while the rest of health-grpc is not: a server adapter then finds none of the beans it
 * serves, and Spring Boot's own analysis would suggest defining one. Excluding the core
 * is not a way to switch health-grpc off: its environment post-processors have already
 * switched the server's own Health service off, so the application would have none.
 */
class ExcludedCoreFailureAnalyzer extends AbstractFailureAnalyzer<NoSuchBeanDefinitionException> implements Ordered {

	private static final String HEALTH_GRPC = "io.github.healthgrpc.";

	private final BeanFactory beanFactory;

	ExcludedCoreFailureAnalyzer(BeanFactory beanFactory) {
		this.beanFactory = beanFactory;
	}

	/**
	 * Before Spring Boot's own analyzer of a missing bean.
	 */
	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

	@Override
	protected @Nullable FailureAnalysis analyze(Throwable rootFailure, NoSuchBeanDefinitionException cause) {
		Class<?> missing = cause.getBeanType();
		if (missing == null || !missing.getName().startsWith(HEALTH_GRPC) || !coreMissing()) {
			return null;
		}
		return new FailureAnalysis("health-grpc's " + HealthGrpcAutoConfiguration.class.getSimpleName()
				+ " is excluded (or left out of the auto-configurations imported), but the rest of health-grpc "
				+ "is not: it needs a " + missing.getSimpleName()
				+ ", which only that auto-configuration defines. health-grpc has also switched the gRPC server's "
				+ "own Health service off, so without its core the application would serve no Health service.",
				"To switch health-grpc off, set grpc.health.enabled=false instead of excluding "
						+ HealthGrpcAutoConfiguration.class.getName()
						+ ": the gRPC server's own Health service then comes back. To run without health-grpc, "
						+ "remove the io.github.healthgrpc:health-grpc-starter dependency.",
				cause);
	}

	// Whether the core is missing from the context, which keeps the bean definitions of a
	// refresh that failed (the condition evaluation report, a singleton, is destroyed
	// with
	// the other singletons). The core and the rest of health-grpc have the same
	// condition, grpc.health.enabled, so the core is missing where it was excluded or
	// left
	// out of an @ImportAutoConfiguration list.
	private boolean coreMissing() {
		return this.beanFactory instanceof ListableBeanFactory listable
				&& !listable.containsBeanDefinition(HealthGrpcAutoConfiguration.class.getName());
	}

}
