package io.github.healthgrpc.autoconfigure;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.NoSuchBeanDefinitionException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;

/**
 * Explains a start that failed because {@link HealthGrpcAutoConfiguration} is left out
 * while the rest of health-grpc runs: a server adapter then finds none of the beans it
 * serves, and Spring Boot's own analysis would suggest defining one. Excluding the core
 * is not a way to switch health-grpc off: its environment post-processors have already
 * switched the server's own Health service off, so the application would have none.
 */
class ExcludedCoreFailureAnalyzer extends AbstractFailureAnalyzer<NoSuchBeanDefinitionException> implements Ordered {

	private static final String HEALTH_GRPC = "io.github.healthgrpc.";

	private static final String AUTO_CONFIGURATIONS = HEALTH_GRPC + "autoconfigure.";

	private static final String CORE = HealthGrpcAutoConfiguration.class.getName();

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
		if (missing == null || !missing.getName().startsWith(HEALTH_GRPC) || !coreLeftOut()) {
			return null;
		}
		return new FailureAnalysis(
				"health-grpc's " + HealthGrpcAutoConfiguration.class.getSimpleName()
						+ " is left out (excluded, or missing from a list of auto-configurations) while other parts of "
						+ "health-grpc run, so no " + missing.getSimpleName() + " is defined. health-grpc has also "
						+ "switched the gRPC server's own Health service off: without its core the application would "
						+ "serve no Health service.",
				"To switch health-grpc off, set grpc.health.enabled=false instead of excluding " + CORE
						+ ": the gRPC server's own Health service then comes back. To run without health-grpc, "
						+ "remove the io.github.healthgrpc:health-grpc-starter dependency. Where the "
						+ "auto-configurations are listed by hand (@ImportAutoConfiguration), list "
						+ HealthGrpcAutoConfiguration.class.getSimpleName() + " with the others.",
				cause);
	}

	// Left out: the core is not in the context while another of health-grpc's
	// auto-configurations is. With grpc.health.enabled=false none of them is, and a
	// context without any (a test slice) is left to Spring Boot. A failed refresh keeps
	// its bean definitions, each auto-configuration's named after its class, but not the
	// condition evaluation report that lists exclusions: that is a singleton, destroyed
	// with the others.
	private boolean coreLeftOut() {
		if (!(this.beanFactory instanceof ListableBeanFactory listable) || listable.containsBeanDefinition(CORE)) {
			return false;
		}
		for (String name : listable.getBeanDefinitionNames()) {
			if (name.startsWith(AUTO_CONFIGURATIONS)) {
				return true;
			}
		}
		return false;
	}

}
