package io.github.healthgrpc.autoconfigure.server;

import java.util.List;
import java.util.stream.Stream;

import io.github.healthgrpc.server.GrpcServerSupport;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.support.BeanDefinitionOverrideException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;

/**
 * Explains a failure to define a bean that two gRPC servers' auto-configurations both
 * define: with devh's and Spring Boot's server on the class path, both define
 * {@code shadedNettyGrpcServerFactory}, and startup fails before any bean exists, so
 * before {@link SingleGrpcServerCheck} could say what is wrong.
 */
class GrpcServersClashFailureAnalyzer extends AbstractFailureAnalyzer<BeanDefinitionOverrideException>
		implements Ordered {

	/**
	 * Before Spring Boot's own analyzer of the same failure, which would suggest renaming
	 * a bean or allowing overriding.
	 */
	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

	@Override
	protected @Nullable FailureAnalysis analyze(Throwable rootFailure, BeanDefinitionOverrideException cause) {
		List<String> definers = Stream.of(cause.getBeanDefinition(), cause.getExistingDefinition())
			.map(GrpcServersClashFailureAnalyzer::definedBy)
			.toList();
		List<GrpcServerSupport> servers = GrpcServerSupport.all(getClass().getClassLoader())
			.stream()
			.filter((server) -> definers.stream().anyMatch(server::owns))
			.toList();
		return (servers.size() > 1) ? SingleGrpcServerCheck.moreThanOne(servers).analysis() : null;
	}

	// A @Bean method's definition names its configuration class as its factory bean.
	private static String definedBy(BeanDefinition definition) {
		String factoryBean = definition.getFactoryBeanName();
		String beanClass = definition.getBeanClassName();
		return (factoryBean != null) ? factoryBean : (beanClass != null) ? beanClass : "";
	}

}
