package io.github.healthgrpc.test;

import java.util.List;

import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;

/**
 * Registered in {@code META-INF/spring.factories}, so that every Spring test context of
 * an application that has this module on its test class path gets the
 * {@link HealthGrpcTestContextCustomizer}, and no production context ever does.
 */
class HealthGrpcTestContextCustomizerFactory implements ContextCustomizerFactory {

	@Override
	public ContextCustomizer createContextCustomizer(Class<?> testClass,
			List<ContextConfigurationAttributes> configAttributes) {
		return new HealthGrpcTestContextCustomizer();
	}

}
