package io.github.healthgrpc.benchmarks.peer;

import io.github.healthgrpc.sample.pricing.PricingProperties;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What every Spring peer declares beside its two services: the {@code pricing} indicator,
 * where the sample's {@code sample.pricing.address} says.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PricingProperties.class)
public class PeerBeans {

	@Bean
	PricingIndicator pricingHealthIndicator(PricingProperties properties) {
		return new PricingIndicator(properties);
	}

}
