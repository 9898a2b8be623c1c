package io.github.healthgrpc.test;

import java.util.Map;

import io.github.healthgrpc.engine.CheckRunner;
import io.github.healthgrpc.store.StatusStore;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.support.AbstractBeanDefinition;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Makes a test context cheap to close and easy to drive: the shutdown drain delay is zero
 * unless the test sets it, and a {@link HealthGrpcTester} bean is there to inject.
 *
 * <p>
 * Every cached context of a suite that served drains when the suite ends; at the default
 * delay (3 s) that is seconds per context, spent on load balancers that a test does not
 * have. The zero delay sits below the test's own properties ({@code @SpringBootTest}
 * properties and args, {@code @TestPropertySource}, {@code @DynamicPropertySource}) and
 * system properties, so a test that sets the delay gets it, and above the application's
 * configuration files, whose delay is meant for production.
 */
class HealthGrpcTestContextCustomizer implements ContextCustomizer {

	static final String PROPERTY_SOURCE_NAME = "healthGrpcTest";

	static final String DRAIN_DELAY = "grpc.health.shutdown.drain-delay";

	static final String TESTER_BEAN_NAME = "healthGrpcTester";

	@Override
	public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
		addZeroDrainDelay(context.getEnvironment().getPropertySources());
		if (context.getBeanFactory() instanceof BeanDefinitionRegistry registry
				&& !registry.containsBeanDefinition(TESTER_BEAN_NAME)) {
			registry.registerBeanDefinition(TESTER_BEAN_NAME, testerDefinition());
		}
	}

	private void addZeroDrainDelay(MutablePropertySources sources) {
		MapPropertySource zeroDrain = new MapPropertySource(PROPERTY_SOURCE_NAME, Map.of(DRAIN_DELAY, "0s"));
		if (sources.contains(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME)) {
			sources.addAfter(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME, zeroDrain);
		}
		else {
			sources.addLast(zeroDrain);
		}
	}

	private RootBeanDefinition testerDefinition() {
		// A static factory method rather than an instance supplier: ahead-of-time
		// processing of tests can generate code for it.
		RootBeanDefinition definition = new RootBeanDefinition(HealthGrpcTestContextCustomizer.class);
		definition.setFactoryMethodName("healthGrpcTester");
		definition.setAutowireMode(AbstractBeanDefinition.AUTOWIRE_CONSTRUCTOR);
		// Created only where a test asks for it: a context without health-grpc must still
		// start.
		definition.setLazyInit(true);
		return definition;
	}

	static HealthGrpcTester healthGrpcTester(ObjectProvider<StatusStore> store, ObjectProvider<CheckRunner> runner) {
		StatusStore theStore = store.getIfAvailable();
		CheckRunner theRunner = runner.getIfAvailable();
		if (theStore == null || theRunner == null) {
			throw new IllegalStateException("HealthGrpcTester needs health-grpc's StatusStore and CheckRunner, "
					+ "which this context does not have: health-grpc is not auto-configured here "
					+ "(is grpc.health.enabled=false, or is this not a @SpringBootTest?)");
		}
		return new HealthGrpcTester(theStore, theRunner);
	}

	@Override
	public boolean equals(Object other) {
		return other != null && other.getClass() == getClass();
	}

	@Override
	public int hashCode() {
		return getClass().hashCode();
	}

}
